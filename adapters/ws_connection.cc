#include "adapters/ws_connection.h"

#include <boost/asio/compose.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>
#include <optional>

#include "adapters/log.h"
#include "adapters/url.h"
#include "adapters/ws_upgrade_impl.h"

namespace faqbot::adapters {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;

// After our close frame, how long the peer has to finish sending and
// close its side; what it sends meanwhile is read and dropped.
constexpr auto kDrainTime = std::chrono::seconds(5);

// The TCP stream under every WebSocket, with a teardown of our own.
// Beast's tears a connection down by shutting down our side and reading
// once (at most 2 KiB) before closing; a peer still sending (the rest of
// a 2 MB frame it was told is too big) then gets a reset, which destroys
// the close frame (1009) in flight. This one reads and drops what the
// peer sends until it closes, or kDrainTime passes, then closes.
class DrainingStream : public beast::tcp_stream {
 public:
  using beast::tcp_stream::tcp_stream;
};

struct DrainOp {
  DrainingStream& stream;
  std::unique_ptr<std::array<char, 4096>> buffer =
      std::make_unique<std::array<char, 4096>>();
  bool started = false;

  template <typename Self>
  void operator()(Self& self, beast::error_code ec = {}, std::size_t = 0) {
    if (!started) {
      started = true;
      beast::error_code ignored;
      stream.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
      stream.expires_after(kDrainTime);
    } else if (ec) {
      beast::error_code ignored;
      stream.socket().close(ignored);
      // The peer closing is the normal end of a teardown.
      return self.complete(ec == net::error::eof ? beast::error_code() : ec);
    }
    stream.async_read_some(net::buffer(*buffer), std::move(self));
  }
};

// Found by argument-dependent lookup from websocket::stream.
template <typename Handler>
void async_teardown(beast::role_type, DrainingStream& stream,
                    Handler&& handler) {
  net::async_compose<Handler, void(beast::error_code)>(DrainOp{stream}, handler,
                                                       stream);
}

bool IsQuietError(beast::error_code ec) {
  return ec == websocket::error::closed ||
         ec == net::error::operation_aborted || ec == net::error::eof ||
         ec == net::error::connection_reset || ec == net::error::broken_pipe ||
         ec == beast::error::timeout;
}

class Connection : public WsConnection,
                   public std::enable_shared_from_this<Connection> {
 public:
  Connection(net::ip::tcp::socket&& socket, std::shared_ptr<WsHandler> handler,
             const WsOptions& options, std::function<void()> on_end)
      : ws_(std::move(socket)),
        idle_(ws_.get_executor()),
        strand_(As<Strand>(ws_.get_executor())),
        plain_(As<Plain>(ws_.get_executor())),
        handler_(std::move(handler)),
        options_(options),
        on_end_(std::move(on_end)) {}

  ~Connection() override {
    if (on_end_) on_end_();
  }

  void Start(http::request<http::string_body> request) {
    beast::get_lowest_layer(ws_).expires_never();
    // Beast keeps the handshake's and the closing's time limits; idleness
    // is watched here (WatchIdle).
    auto timeout =
        websocket::stream_base::timeout::suggested(beast::role_type::server);
    timeout.idle_timeout = websocket::stream_base::none();
    ws_.set_option(timeout);
    // A pong (or a ping) is the peer's sign of life too.
    ws_.control_callback(
        [this](websocket::frame_type, beast::string_view) { heard_ = true; });
    ws_.read_message_max(options_.max_frame_bytes);
    ws_.set_option(
        websocket::stream_base::decorator([](websocket::response_type& res) {
          res.set(http::field::server, "faqbot");
        }));
    ws_.async_accept(request, beast::bind_front_handler(&Connection::OnAccept,
                                                        shared_from_this()));
  }

  void Send(std::string frame) override {
    // A reply sent while handling a read is on the strand already: queued
    // at once, without the type-erased dispatch's function allocated.
    if (InPlace()) return Queue(std::move(frame));
    net::dispatch(ws_.get_executor(),
                  [self = shared_from_this(), f = std::move(frame)]() mutable {
                    self->Queue(std::move(f));
                  });
  }

  void Close() override {
    net::dispatch(ws_.get_executor(), [self = shared_from_this()] {
      if (self->closing_ || self->ended_) return;
      self->closing_ = true;
      if (self->open_ && !self->writing_) self->DoClose();
    });
  }

  std::size_t queued() const override { return queued_.load(); }
  std::shared_ptr<WsConnection> shared() override { return shared_from_this(); }

 private:
  void OnAccept(beast::error_code ec) {
    if (ec) return End();  // the peer went away during the handshake
    open_ = true;
    WatchIdle();
    if (!Guarded([&] { handler_->OnOpen(*this); })) return;
    // Frames queued before the handshake completed (OnOpen's own sends
    // have started the writing already).
    if (!queue_.empty() && !writing_) DoWrite();
    if (closing_) {
      if (!writing_) DoClose();
      return;
    }
    DoRead();
  }

  void DoRead() {
    ws_.async_read(buffer_, beast::bind_front_handler(&Connection::OnRead,
                                                      shared_from_this()));
  }

  void OnRead(beast::error_code ec, std::size_t) {
    if (ec) {
      // Too big: Beast has sent 1009 and our teardown drained the peer.
      if (!IsQuietError(ec) && ec != websocket::error::message_too_big) {
        Log("websocket read: " + ec.message());
      }
      return End();
    }
    heard_ = true;
    std::string payload = beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    if (!Guarded([&] { handler_->OnMessage(*this, std::move(payload)); })) {
      return;
    }
    if (closing_ || ended_) return;
    // Backpressure: a peer whose replies pile up is not read from until it
    // reads them. One that never does stalls, and the idle timeout (no
    // pong to our pings) closes it; memory stays bounded either way.
    if (queue_.size() >= options_.pause_reading_at) {
      read_wait_ = ReadWait::kForQueue;
      return;
    }
    // The reply is being written: the next read starts when that is done.
    // A peer sends its next message after reading the reply, so a read
    // started at once nearly always finds nothing yet (a receive call
    // wasted a message, and a wait in the reactor).
    if (writing_) {
      read_wait_ = ReadWait::kForWrite;
      return;
    }
    DoRead();
  }

  void Queue(std::string frame) {
    if (ended_ || close_sent_) return;
    if (queue_.size() >= options_.max_queued_frames) {
      // The peer does not read what is pushed to it.
      DropQueued();
      closing_ = true;
      if (open_ && !writing_) DoClose(websocket::close_code::policy_error);
      return;
    }
    queue_.push_back(std::move(frame));
    queued_ = queue_.size();
    if (open_ && !writing_) DoWrite();
  }

  void DoWrite() {
    writing_ = true;
    ws_.text(true);
    ws_.async_write(
        net::buffer(queue_.front()),
        beast::bind_front_handler(&Connection::OnWrite, shared_from_this()));
  }

  void OnWrite(beast::error_code ec, std::size_t) {
    writing_ = false;
    if (ec) {
      if (!IsQuietError(ec)) Log("websocket write: " + ec.message());
      return End();
    }
    if (!queue_.empty()) queue_.pop_front();
    queued_ = queue_.size();
    if (!closing_ && (read_wait_ == ReadWait::kForWrite ||
                      (read_wait_ == ReadWait::kForQueue &&
                       queue_.size() <= options_.pause_reading_at / 2))) {
      read_wait_ = ReadWait::kReading;
      DoRead();
    }
    if (!queue_.empty()) return DoWrite();
    if (closing_) DoClose();
  }

  void DoClose(websocket::close_code code = websocket::close_code::going_away) {
    closing_ = true;
    if (close_sent_) return;
    if (pinging_) {  // Beast writes one control frame at a time
      close_code_ = code;
      return;
    }
    close_sent_ = true;
    ws_.async_close(
        code, [self = shared_from_this()](beast::error_code) { self->End(); });
  }

  // Idleness, watched without touching a timer per message (Beast's idle
  // timeout restarts one on every read): every half idle timeout, a peer
  // heard from since the last look is fine; one silent is pinged; one
  // silent since that ping (no pong either) is cut off. Reading paused
  // for a peer that reads nothing hears no pongs, so that one goes too.
  void WatchIdle() {
    idle_.expires_after(std::chrono::duration_cast<std::chrono::milliseconds>(
                            options_.idle_timeout) /
                        2);
    idle_.async_wait([weak = weak_from_this()](beast::error_code ec) {
      const auto self = weak.lock();
      if (self && !ec) self->LookIdle();
    });
  }

  void LookIdle() {
    if (ended_) return;
    if (heard_) {
      heard_ = pinged_ = false;
    } else if (pinged_) {
      beast::error_code ignored;  // the pending operations end with it
      beast::get_lowest_layer(ws_).socket().close(ignored);
      return;
    } else {
      pinged_ = true;
      if (!pinging_ && !close_sent_) {
        pinging_ = true;
        ws_.async_ping({}, [self = shared_from_this()](beast::error_code ec) {
          self->OnPinged(ec);
        });
      }
    }
    WatchIdle();
  }

  void OnPinged(beast::error_code ec) {
    pinging_ = false;
    // A close asked for while the ping was written goes now (an error
    // ends the connection through its read or write instead).
    if (!ec && closing_ && !close_sent_ && !writing_) DoClose(close_code_);
  }

  // Runs a handler callback. A handler that throws has a bug: that
  // connection closes with 1011 (internal error), the others go on.
  template <typename Fn>
  bool Guarded(Fn&& fn) {
    try {
      fn();
      return true;
    } catch (const std::exception& e) {
      static LogThrottle throttle;
      if (throttle.ShouldLog()) {
        Log(std::string("bug: a WebSocket handler threw: ") + e.what() + " (" +
            std::to_string(throttle.count()) + " so far)");
      }
      DropQueued();
      closing_ = true;
      if (!writing_) DoClose(websocket::close_code::internal_error);
      return false;
    }
  }

  // Drops the frames not yet being written (the one a pending write is
  // sending must live until that write completes).
  void DropQueued() {
    queue_.erase(writing_ ? std::next(queue_.begin()) : queue_.begin(),
                 queue_.end());
    queued_ = queue_.size();
  }

  // Tells the handler once, and lets go of it (it may hold the connection).
  void End() {
    if (ended_) return;
    ended_ = true;
    idle_.cancel();
    DropQueued();
    if (auto handler = std::move(handler_)) handler->OnClose();
  }

  using Plain = net::io_context::executor_type;
  using Strand = net::strand<Plain>;
  template <typename Executor>
  static std::optional<Executor> As(const net::any_io_executor& e) {
    const auto* found = e.target<Executor>();
    return found ? std::optional<Executor>(*found) : std::nullopt;
  }
  // Whether this thread may touch the connection now: it is on the
  // connection's strand, or (a server on one thread gives connections no
  // strand) it runs the io_context.
  bool InPlace() const {
    return strand_ ? strand_->running_in_this_thread()
                   : plain_ && plain_->running_in_this_thread();
  }

  websocket::stream<DrainingStream> ws_;
  net::steady_timer idle_;
  const std::optional<Strand> strand_;  // the connection's, when it has one
  const std::optional<Plain> plain_;    // else the io_context's, when it is
  beast::flat_buffer buffer_;
  std::shared_ptr<WsHandler> handler_;
  const WsOptions options_;
  std::function<void()> on_end_;
  std::deque<std::string> queue_;
  std::atomic<std::size_t> queued_{0};
  bool open_ = false, writing_ = false, closing_ = false, ended_ = false;
  bool close_sent_ = false;
  // Why no read is pending, if none is: waiting for the write under way,
  // or for the queue to drain to half (backpressure).
  enum class ReadWait { kReading, kForWrite, kForQueue };
  ReadWait read_wait_ = ReadWait::kReading;
  bool heard_ = false;    // a frame came since the last look (WatchIdle)
  bool pinged_ = false;   // the last look pinged; nothing came since
  bool pinging_ = false;  // a ping is being written
  websocket::close_code close_code_ = websocket::close_code::going_away;
};

}  // namespace

WsUpgrade::WsUpgrade(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WsUpgrade::WsUpgrade(WsUpgrade&&) noexcept = default;
WsUpgrade& WsUpgrade::operator=(WsUpgrade&&) noexcept = default;
WsUpgrade::~WsUpgrade() {
  if (impl_ && impl_->on_end) impl_->on_end();
}

std::string_view WsUpgrade::target() const {
  const auto t = impl_->request.target();
  return {t.data(), t.size()};
}

std::string_view WsUpgrade::path() const {
  const std::string_view t = target();
  return t.substr(0, t.find('?'));
}

std::string_view WsUpgrade::Header(std::string_view name) const {
  const auto it = impl_->request.find(name);
  if (it == impl_->request.end()) return {};
  return {it->value().data(), it->value().size()};
}

std::string WsUpgrade::Query(std::string_view name) const {
  return QueryValue(target(), name);
}

const std::string& WsUpgrade::peer() const { return impl_->peer; }

std::shared_ptr<WsConnection> WsUpgrade::Accept(
    std::shared_ptr<WsHandler> handler, const WsOptions& options) {
  auto impl = std::move(impl_);
  auto connection =
      std::make_shared<Connection>(std::move(impl->socket), std::move(handler),
                                   options, std::move(impl->on_end));
  connection->Start(std::move(impl->request));
  return connection;
}

void WsUpgrade::Reject(int status, std::string body) {
  auto impl = std::move(impl_);
  auto res = std::make_shared<http::response<http::string_body>>(
      static_cast<http::status>(status), 11);
  res->set(http::field::server, "faqbot");
  res->set(http::field::content_type, "text/plain");
  res->body() = std::move(body);
  res->keep_alive(false);
  res->prepare_payload();
  auto stream = std::make_shared<beast::tcp_stream>(std::move(impl->socket));
  stream->expires_after(std::chrono::seconds(10));
  auto on_end = std::move(impl->on_end);
  http::async_write(*stream, *res,
                    [stream, res, on_end = std::move(on_end)](beast::error_code,
                                                              std::size_t) {
                      beast::error_code ec;
                      stream->socket().shutdown(
                          net::ip::tcp::socket::shutdown_send, ec);
                      if (on_end) on_end();
                    });
}

}  // namespace faqbot::adapters
