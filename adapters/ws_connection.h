// WebSocket connections of `faqbot serve`, one implementation for every
// WebSocket the server accepts: the chat widget's /ws and Direct Line's
// streams. Boost.Beast stays inside ws_connection.cc.
//
// The server reads an upgrade request and hands it over as a WsUpgrade;
// whoever serves that path either refuses it (an HTTP status and a short
// body) or accepts it with a WsHandler:
//
//   void Serve(WsUpgrade upgrade) {
//     if (!Allowed(upgrade.Query("t"))) return upgrade.Reject(403, "...");
//     auto handler = std::make_shared<MyHandler>();
//     upgrade.Accept(handler, {.max_frame_bytes = 16384});
//   }
//
// A connection lives on its own strand: the handler's callbacks for one
// connection never overlap. Writes go through a bounded queue; while
// `pause_reading_at` frames wait, the peer is not read from (backpressure),
// and a queue that grows past `max_queued_frames` (pushes the peer does
// not read) closes the connection with 1008. A frame over
// `max_frame_bytes` closes it with 1009, after which the rest of what the
// peer sends is read and dropped until it closes (or a few seconds pass),
// so the close frame reaches it instead of a reset.
#ifndef FAQBOT_ADAPTERS_WS_CONNECTION_H_
#define FAQBOT_ADAPTERS_WS_CONNECTION_H_

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace faqbot::adapters {

struct WsOptions {
  // Largest message accepted; a bigger one closes with 1009.
  std::size_t max_frame_bytes = 16 * 1024;
  // No traffic (pings answered included) for this long, or up to half as
  // long again, closes the connection: silent for half of it, the peer
  // is pinged.
  std::chrono::seconds idle_timeout{300};
  // Frames waiting to be written at which reading pauses.
  std::size_t pause_reading_at = 64;
  // Frames waiting at which the connection is closed (1008): a peer that
  // does not read what is pushed to it.
  std::size_t max_queued_frames = 256;
};

class WsConnection;

// What a connection's owner does with its events. Called on the
// connection's strand, one at a time.
class WsHandler {
 public:
  virtual ~WsHandler() = default;
  // The handshake completed; frames may be sent.
  virtual void OnOpen(WsConnection& /*connection*/) {}
  // One text or binary message from the peer, whole.
  virtual void OnMessage(WsConnection& /*connection*/,
                         std::string /*payload*/) {}
  // The connection ended (either side, or an error). Called once.
  virtual void OnClose() {}
};

// An open (or opening) WebSocket. Thread-safe: Send and Close may be called
// from any thread; they run on the connection's strand.
class WsConnection {
 public:
  virtual ~WsConnection() = default;
  // Queues a text frame (dropped when the connection is closing).
  virtual void Send(std::string frame) = 0;
  // Sends a close frame with "going away" (1001) after the queued frames.
  virtual void Close() = 0;
  // Frames waiting to be written (for tests and metrics).
  virtual std::size_t queued() const = 0;
  // This connection, owned: for work that answers it later, elsewhere.
  virtual std::shared_ptr<WsConnection> shared() = 0;
};

// An HTTP request asking to become a WebSocket, not yet answered. Move-only;
// if neither Accept nor Reject is called, the socket is closed.
class WsUpgrade {
 public:
  struct Impl;
  explicit WsUpgrade(std::unique_ptr<Impl> impl);
  WsUpgrade(WsUpgrade&&) noexcept;
  WsUpgrade& operator=(WsUpgrade&&) noexcept;
  ~WsUpgrade();

  std::string_view target() const;  // path and query, as sent
  std::string_view path() const;    // target without the query
  // A header's value, "" when absent (any case).
  std::string_view Header(std::string_view name) const;
  // A query parameter, percent-decoded; "" when absent.
  std::string Query(std::string_view name) const;
  // The peer's IP address as text.
  const std::string& peer() const;

  // Completes the handshake and starts the connection; `handler` is kept
  // alive by the connection until OnClose. Call at most once.
  std::shared_ptr<WsConnection> Accept(std::shared_ptr<WsHandler> handler,
                                       const WsOptions& options);
  // Answers with an HTTP error instead, then closes. Call at most once.
  void Reject(int status, std::string body);

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_WS_CONNECTION_H_
