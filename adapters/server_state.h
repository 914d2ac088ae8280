// What every connection of a WebServer shares. Internal to adapters/.
#ifndef FAQBOT_ADAPTERS_SERVER_STATE_H_
#define FAQBOT_ADAPTERS_SERVER_STATE_H_

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "adapters/channel.h"
#include "adapters/metrics.h"
#include "adapters/server_config.h"
#include "bot/bot.h"

namespace faqbot::adapters {

class WebSocketSession;

struct ServerState {
  ServerState(boost::asio::io_context& io, bot::Bot& b, ServerConfig c)
      : ioc(io), bot(b), config(std::move(c)), acceptor(io) {}

  boost::asio::io_context& ioc;
  bot::Bot& bot;
  const ServerConfig config;
  Metrics metrics;
  boost::asio::ip::tcp::acceptor acceptor;
  std::atomic<bool> stopping{false};
  // Chat platforms served on their own paths; set before the server runs.
  std::vector<std::shared_ptr<Channel>> channels;

  // Open WebSocket sessions, for shutdown. Guarded by mu.
  std::mutex mu;
  std::unordered_map<uint64_t, std::weak_ptr<WebSocketSession>> sockets;
  uint64_t next_socket = 0;
};

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_SERVER_STATE_H_
