// WebServer: `faqbot serve` — the chat widget's WebSocket and the HTTP
// pages on one port, with Boost.Beast on one io_context.
//
//   net::io_context ioc;
//   WebServer server(ioc, bot, config);
//   if (auto s = server.Listen(); !s) ...;   // binds; port() is known now
//   server.SetChannels(...);                 // what needs the port
//   server.Start();                          // accepts from now on
//   run ioc on N threads ...
//   server.Shutdown();                       // on SIGINT/SIGTERM
//
// Routes: /ws (WebSocket, see README "WebSocket contract"), / (demo page),
// /widget.js, /healthz, /readyz, /metrics, each channel's webhooks
// (channel.h); anything else is 404.
// Thread-safety: Shutdown() may be called from any thread.
#ifndef FAQBOT_ADAPTERS_WEB_SERVER_H_
#define FAQBOT_ADAPTERS_WEB_SERVER_H_

#include <memory>
#include <vector>

#include "adapters/channel.h"
#include "adapters/metrics.h"
#include "adapters/server_config.h"
#include "bot/bot.h"

namespace boost::asio {
class io_context;
}

namespace faqbot::adapters {

class WebServer {
 public:
  // `ioc` and `bot` must outlive the server.
  WebServer(boost::asio::io_context& ioc, bot::Bot& bot, ServerConfig config);
  // Waits for the work already handed backstage (call it before the
  // io_context is destroyed, as the io_context must outlive the server).
  ~WebServer();
  WebServer(const WebServer&) = delete;  // owns the listening socket
  WebServer& operator=(const WebServer&) = delete;

  // Binds and listens (connections wait in the backlog until Start()).
  // Fails with a message naming the address.
  [[nodiscard]] Status Listen();

  // Starts accepting. Call once, after Listen() and SetChannels().
  void Start();

  // The bound port (useful with port 0), valid after Listen().
  int port() const;

  // Stops accepting, sends a close frame (going away) to every WebSocket
  // after its queued replies, and lets the io_context run out of work.
  void Shutdown();

  const Metrics& metrics() const;

  // Serves these chat platforms too (call before Start()).
  void SetChannels(std::vector<std::shared_ptr<Channel>> channels);

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_WEB_SERVER_H_
