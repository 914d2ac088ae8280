#include "adapters/websocket_session.h"

#include <nlohmann/json.hpp>
#include <random>

#include "adapters/client_frame.h"
#include "adapters/web_server.h"
#include "bot/reply_json.h"

namespace faqbot::adapters {
namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using nlohmann::json;

std::string Frame(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string ErrorFrame(const std::string& what) {
  return Frame({{"type", "error"}, {"error", what}});
}

bool IsQuietError(beast::error_code ec) {
  return ec == websocket::error::closed ||
         ec == net::error::operation_aborted || ec == net::error::eof ||
         ec == net::error::connection_reset || ec == beast::error::timeout;
}

}  // namespace

std::string NewSessionId() {
  thread_local std::random_device device;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (int i = 0; i < 4; ++i) {
    uint32_t r = device();
    for (int j = 0; j < 8; ++j, r >>= 4) id += kHex[r & 15];
  }
  return id;
}

WebSocketSession::WebSocketSession(net::ip::tcp::socket&& socket,
                                   std::shared_ptr<ServerState> state)
    : ws_(std::move(socket)),
      state_(std::move(state)),
      tokens_(state_->config.messages_per_second),
      refilled_(std::chrono::steady_clock::now()) {}

WebSocketSession::~WebSocketSession() {
  state_->metrics.ConnectionClosed();  // the slot taken for the upgrade
  std::lock_guard lock(state_->mu);
  state_->sockets.erase(registry_id_);
}

void WebSocketSession::Run(
    beast::http::request<beast::http::string_body> request,
    std::string resume) {
  resume_ = std::move(resume);
  {
    std::lock_guard lock(state_->mu);
    registry_id_ = ++state_->next_socket;
    state_->sockets[registry_id_] = weak_from_this();
  }
  beast::get_lowest_layer(ws_).expires_never();
  auto timeout =
      websocket::stream_base::timeout::suggested(beast::role_type::server);
  timeout.idle_timeout =
      std::chrono::seconds(state_->config.idle_timeout_seconds);
  ws_.set_option(timeout);
  ws_.read_message_max(state_->config.max_frame_bytes);
  ws_.set_option(
      websocket::stream_base::decorator([](websocket::response_type& res) {
        res.set(beast::http::field::server, "faqbot");
      }));
  ws_.async_accept(request,
                   beast::bind_front_handler(&WebSocketSession::OnAccept,
                                             shared_from_this()));
}

void WebSocketSession::OnAccept(beast::error_code ec) {
  if (ec) return;  // the client went away during the handshake
  open_ = true;
  if (!resume_.empty() && state_->bot.HasSession(resume_)) {
    session_ = resume_;
    Send(
        Frame({{"type", "session"}, {"session", session_}, {"resumed", true}}));
  } else {
    session_ = NewSessionId();
    json hello = {
        {"type", "session"}, {"session", session_}, {"resumed", false}};
    if (!resume_.empty()) {
      hello["notice"] = "unknown or expired session; started a new one";
    }
    Send(Frame(hello));
    Send(bot::ReplyToJsonText(state_->bot.Welcome(session_),
                              {{"type", "reply"}}));
  }
  if (state_->stopping) {
    closing_ = true;  // the greeting goes out first, then the close
    return;
  }
  DoRead();
}

void WebSocketSession::DoRead() {
  ws_.async_read(buffer_, beast::bind_front_handler(&WebSocketSession::OnRead,
                                                    shared_from_this()));
}

void WebSocketSession::OnRead(beast::error_code ec, std::size_t) {
  if (ec) {
    if (!IsQuietError(ec) && ec != websocket::error::message_too_big) {
      Log("websocket read: " + ec.message());
    }
    return;  // Beast has sent the close frame (1009 for too big)
  }
  const std::string payload = beast::buffers_to_string(buffer_.data());
  buffer_.consume(buffer_.size());
  HandleFrame(payload);
  if (closing_) return;
  // Backpressure: a client whose replies pile up is not read from until
  // it reads them. One that never does stalls, and the idle timeout (no
  // pong to our pings) closes it; memory stays bounded either way.
  if (queue_.size() >= kMaxQueuedFrames) {
    read_paused_ = true;
    return;
  }
  DoRead();
}

bool WebSocketSession::TakeToken() {
  const double rate = state_->config.messages_per_second;
  const auto now = std::chrono::steady_clock::now();
  tokens_ = std::min(
      rate,
      tokens_ + rate * std::chrono::duration<double>(now - refilled_).count());
  refilled_ = now;
  if (tokens_ < 1.0) return false;
  tokens_ -= 1.0;
  return true;
}

void WebSocketSession::HandleFrame(const std::string& payload) {
  if (!TakeToken()) {
    state_->metrics.RateLimited();
    return Send(ErrorFrame(
        "rate limit: at most " +
        std::to_string(static_cast<int>(state_->config.messages_per_second)) +
        " messages per second; this one was not answered"));
  }
  auto message = ParseClientFrame(payload);
  if (!message) {
    state_->metrics.Error();
    return Send(ErrorFrame(message.error().message));
  }
  const auto start = std::chrono::steady_clock::now();
  message->channel = "web";
  auto reply = state_->bot.Handle(session_, *message);
  if (!reply) {
    state_->metrics.Error();
    return Send(ErrorFrame(reply.error().message));
  }
  state_->metrics.Reply(
      reply->kind,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  if (state_->config.log_messages) {
    Log("message session=" + session_.substr(0, 8) +
        " kind=" + std::string(dialogs::ReplyKindName(reply->kind)) +
        " node=" + reply->node);
  }
  Send(bot::ReplyToJsonText(*reply, {{"type", "reply"}}));
}

void WebSocketSession::Send(std::string frame) {
  queue_.push_back(std::move(frame));
  if (queue_.size() == 1) DoWrite();
}

void WebSocketSession::DoWrite() {
  ws_.text(true);
  ws_.async_write(net::buffer(queue_.front()),
                  beast::bind_front_handler(&WebSocketSession::OnWrite,
                                            shared_from_this()));
}

void WebSocketSession::OnWrite(beast::error_code ec, std::size_t) {
  if (ec) {
    if (!IsQuietError(ec)) Log("websocket write: " + ec.message());
    return;
  }
  queue_.pop_front();
  if (read_paused_ && !closing_ && queue_.size() <= kMaxQueuedFrames / 2) {
    read_paused_ = false;
    DoRead();
  }
  if (!queue_.empty()) return DoWrite();
  if (closing_) DoClose();
}

void WebSocketSession::Close() {
  net::post(ws_.get_executor(), [self = shared_from_this()] {
    if (self->closing_ || !self->open_) return;
    self->closing_ = true;
    if (self->queue_.empty()) self->DoClose();
  });
}

void WebSocketSession::DoClose() {
  closing_ = true;
  ws_.async_close(websocket::close_code::going_away,
                  [self = shared_from_this()](beast::error_code) {});
}

}  // namespace faqbot::adapters
