// What every connection of a WebServer shares. Internal to adapters/.
#ifndef FAQBOT_ADAPTERS_SERVER_STATE_H_
#define FAQBOT_ADAPTERS_SERVER_STATE_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "adapters/backstage.h"
#include "adapters/channel.h"
#include "adapters/connection_limits.h"
#include "adapters/metrics.h"
#include "adapters/server_config.h"
#include "adapters/ws_connection.h"
#include "bot/bot.h"

namespace faqbot::adapters {

struct ServerState {
  ServerState(bot::Bot& b, ServerConfig c, Backstage& stage)
      : bot(b),
        config(std::move(c)),
        backstage(stage),
        limits(config.max_connections, config.max_connections_per_ip) {}

  bot::Bot& bot;
  const ServerConfig config;
  // Where work that may wait on Redis runs (owned by the WebServer, which
  // joins it before the state can go).
  Backstage& backstage;
  Metrics metrics;
  // Every TCP connection holds a slot, in all and per client address.
  ConnectionLimits limits;
  std::atomic<bool> stopping{false};
  // Chat platforms served on their own paths; set before the server runs.
  std::vector<std::shared_ptr<Channel>> channels;

  // Open widget WebSockets, for shutdown; and by session ("web:<id>"),
  // for an operator's messages. Guarded by mu.
  std::mutex mu;
  std::unordered_map<uint64_t, std::weak_ptr<WsConnection>> sockets;
  std::unordered_map<std::string, std::weak_ptr<WsConnection>> widgets;
  uint64_t next_socket = 0;
};

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_SERVER_STATE_H_
