// One chat widget connection on /ws. Internal to adapters/.
//
// Lives on its own strand; reads one frame at a time (at most
// max_frame_bytes), answers each with exactly one frame, in order. Writes
// go through a bounded queue: while kMaxQueuedFrames replies wait, the
// client is not read from, so one that never reads costs bounded memory
// (and is closed by the idle timeout when it stops answering pings).
#ifndef FAQBOT_ADAPTERS_WEBSOCKET_SESSION_H_
#define FAQBOT_ADAPTERS_WEBSOCKET_SESSION_H_

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <deque>
#include <memory>
#include <string>

#include "adapters/server_state.h"

namespace faqbot::adapters {

class WebSocketSession : public std::enable_shared_from_this<WebSocketSession> {
 public:
  // The caller has taken a connection slot (Metrics::TryConnectionOpen);
  // the session gives it back when it ends.
  WebSocketSession(boost::asio::ip::tcp::socket&& socket,
                   std::shared_ptr<ServerState> state);
  ~WebSocketSession();

  // Completes the upgrade of `request`, then greets: a session frame and,
  // for a new session, the welcome reply. `resume` is the id the client
  // asked to resume ("" for none).
  void Run(boost::beast::http::request<boost::beast::http::string_body> request,
           std::string resume);

  // Closes with "going away" once queued replies are sent. Any thread.
  void Close();

  // Replies waiting to be written before we stop reading from a client.
  static constexpr std::size_t kMaxQueuedFrames = 64;

 private:
  void OnAccept(boost::beast::error_code ec);
  void DoRead();
  void OnRead(boost::beast::error_code ec, std::size_t bytes);
  void HandleFrame(const std::string& payload);
  void Send(std::string frame);
  void DoWrite();
  void OnWrite(boost::beast::error_code ec, std::size_t bytes);
  void DoClose();
  bool TakeToken();

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer buffer_;
  std::shared_ptr<ServerState> state_;
  std::deque<std::string> queue_;
  std::string session_;
  std::string resume_;
  bool closing_ = false;
  bool read_paused_ = false;
  bool open_ = false;
  uint64_t registry_id_ = 0;
  double tokens_;
  std::chrono::steady_clock::time_point refilled_;
};

// A new unguessable session id: 32 hex digits from the OS's random source.
std::string NewSessionId();

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_WEBSOCKET_SESSION_H_
