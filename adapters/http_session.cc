#include "adapters/http_session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <optional>

#include "adapters/connection_limits.h"
#include "adapters/demo_page.h"
#include "adapters/log.h"
#include "adapters/widget_session.h"
#include "adapters/ws_upgrade_impl.h"

namespace faqbot::adapters {

extern const std::string_view kWidgetJs;

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

// Requests other than WebSocket upgrades carry no body worth having;
// webhooks of chat platforms may (batched events), up to a point.
constexpr std::size_t kMaxRequestBody = 8 * 1024;
constexpr std::size_t kMaxWebhookBody = 1024 * 1024;
// Request line and headers together.
constexpr std::size_t kMaxHeaderBytes = 16 * 1024;

std::string_view PathOf(std::string_view target) {
  return target.substr(0, target.find('?'));
}

// Host part of "https://host:port".
std::string OriginHost(std::string_view origin) {
  const std::size_t scheme = origin.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = origin.substr(scheme + 3);
  if (rest.starts_with("["))
    return std::string(rest.substr(0, rest.find(']') + 1));
  return std::string(rest.substr(0, rest.find(':')));
}

bool OriginAllowed(const ServerConfig& config, std::string_view origin,
                   std::string_view host_header) {
  if (origin.empty()) return true;  // not a browser
  for (const auto& allowed : config.allowed_origins) {
    if (allowed == "*" || allowed == origin) return true;
  }
  const std::string host = OriginHost(origin);
  if (host == "localhost" || host == "127.0.0.1" || host == "[::1]") {
    return true;
  }
  // Same origin: the page was served by this server.
  const std::size_t scheme = origin.find("://");
  return scheme != std::string_view::npos &&
         origin.substr(scheme + 3) == host_header;
}

// The widget's count of operator messages shown ("seen"), -1 when absent
// or not a small number.
int ShownCount(std::string_view text) {
  if (text.empty() || text.size() > 4) return -1;
  int n = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket&& socket, std::shared_ptr<ServerState> state,
              std::string peer, std::shared_ptr<void> slot)
      : stream_(std::move(socket)),
        state_(std::move(state)),
        peer_(std::move(peer)),
        slot_(std::move(slot)) {}

  void Run() {
    net::dispatch(
        stream_.get_executor(),
        beast::bind_front_handler(&HttpSession::Start, shared_from_this()));
  }

 private:
  void Start() {
    if (!slot_) {  // over a connection limit: say so, read nothing
      return Respond(http::status::service_unavailable,
                     "too many connections; try again later\n", "text/plain",
                     false);
    }
    DoRead();
  }

  void DoRead() {
    parser_.emplace();
    parser_->header_limit(kMaxHeaderBytes);
    limit_ = kMaxWebhookBody;  // the largest; OnHeader narrows it
    parser_->body_limit(limit_);
    stream_.expires_after(
        std::chrono::seconds(state_->config.request_timeout_seconds));
    http::async_read_header(
        stream_, buffer_, *parser_,
        beast::bind_front_handler(&HttpSession::OnHeader, shared_from_this()));
  }

  // The body limit depends on who the request is for.
  void OnHeader(beast::error_code ec, std::size_t) {
    if (ec == http::error::header_limit) {
      return Respond(http::status::request_header_fields_too_large,
                     "request header fields too large (the limit is " +
                         std::to_string(kMaxHeaderBytes) + " bytes)\n",
                     "text/plain", false);
    }
    if (ec && ec != http::error::body_limit) return Shutdown();
    channel_ = websocket::is_upgrade(parser_->get())
                   ? nullptr
                   : FindChannel(PathOf(parser_->get().target()));
    limit_ = channel_ ? kMaxWebhookBody : kMaxRequestBody;
    if (ec) return TooLarge();
    if (parser_->content_length() && *parser_->content_length() > limit_) {
      return TooLarge();
    }
    parser_->body_limit(limit_);
    http::async_read(
        stream_, buffer_, *parser_,
        beast::bind_front_handler(&HttpSession::OnRead, shared_from_this()));
  }

  Channel* FindChannel(std::string_view path) const {
    for (const auto& c : state_->channels) {
      if (c->Handles(path)) return c.get();
    }
    return nullptr;
  }

  void TooLarge() {
    Respond(http::status::payload_too_large,
            "request body too large (the limit is " + std::to_string(limit_) +
                " bytes)\n",
            "text/plain", false);
  }

  void OnRead(beast::error_code ec, std::size_t) {
    if (ec == http::error::body_limit) return TooLarge();
    if (ec) return Shutdown();  // closed, timed out, or garbage
    auto req = parser_->release();
    const std::string_view target = req.target();
    const std::string_view path = PathOf(target);
    if (websocket::is_upgrade(req)) return Upgrade(std::move(req));
    keep_alive_ = req.keep_alive();
    head_ = req.method() == http::verb::head;
    if (channel_) return ServeChannel(*channel_, std::move(req));
    if (req.method() != http::verb::get && req.method() != http::verb::head) {
      return Respond(http::status::method_not_allowed,
                     "only GET is served here\n", "text/plain", keep_alive_);
    }
    if (const auto library = state_->bot.library()) {
      if (path == "/") {
        return Respond(http::status::ok, RenderLibraryPage(*library),
                       "text/html; charset=utf-8", keep_alive_);
      }
      if (path.starts_with(kArticlePaths)) {
        const int p = library->IndexOf(path.substr(kArticlePaths.size()));
        if (p < 0) {
          return Respond(http::status::not_found, "no such article\n",
                         "text/plain", keep_alive_);
        }
        return Respond(http::status::ok,
                       RenderDemoPage(*library->packs()[p], true),
                       "text/html; charset=utf-8", keep_alive_);
      }
    } else if (path == "/") {
      return Respond(http::status::ok, RenderDemoPage(*state_->bot.pack()),
                     "text/html; charset=utf-8", keep_alive_);
    }
    if (path == "/widget.js") {
      return Respond(http::status::ok, std::string(kWidgetJs),
                     "application/javascript; charset=utf-8", keep_alive_);
    }
    if (path == "/favicon.svg" || path == "/favicon.ico") {
      return Respond(http::status::ok, std::string(kFaviconSvg),
                     "image/svg+xml", keep_alive_);
    }
    if (path == "/healthz") {
      return Respond(http::status::ok, "ok\n", "text/plain", keep_alive_);
    }
    if (path == "/readyz") {
      const bool ready = state_->bot.pack() != nullptr && !state_->stopping;
      return Respond(
          ready ? http::status::ok : http::status::service_unavailable,
          ready ? "ready\n" : "not ready\n", "text/plain", keep_alive_);
    }
    if (path == "/metrics") {
      return Respond(http::status::ok,
                     state_->metrics.Render(state_->bot, state_->limits),
                     "text/plain; version=0.0.4", keep_alive_);
    }
    Respond(http::status::not_found,
            "The resource '" + std::string(path) + "' was not found.\n",
            "text/plain", keep_alive_);
  }

  // A WebSocket: a channel's (Direct Line streams) or the widget's /ws.
  void Upgrade(http::request<http::string_body> req) {
    const std::string path(PathOf(req.target()));
    Channel* channel = nullptr;
    for (const auto& c : state_->channels) {
      if (c->HandlesUpgrade(path)) channel = c.get();
    }
    if (!channel && path != "/ws") {
      return Respond(http::status::not_found, "WebSocket is served at /ws\n",
                     "text/plain", false);
    }
    if (!channel && !OriginAllowed(state_->config, req[http::field::origin],
                                   req[http::field::host])) {
      return Respond(http::status::forbidden,
                     "origin not allowed; add it to allowed_origins\n",
                     "text/plain", false);
    }
    if (state_->stopping) {
      return Respond(http::status::service_unavailable,
                     "server is shutting down\n", "text/plain", false);
    }
    // Behind a trusted proxy, the client's own address counts too.
    std::shared_ptr<void> client_slot;
    const std::string client = ClientAddressOf(req);
    if (!state_->config.client_ip_header.empty()) {
      if (client != peer_) {
        client_slot = state_->limits.TryTakeAddress(client);
        if (!client_slot) {
          return Respond(http::status::service_unavailable,
                         "too many connections; try again later\n",
                         "text/plain", false);
        }
      }
    }
    state_->metrics.ConnectionOpened();
    auto impl = std::make_unique<WsUpgrade::Impl>(
        WsUpgrade::Impl{stream_.release_socket(), std::move(req), peer_,
                        [state = state_, slot = slot_, client_slot] {
                          state->metrics.ConnectionClosed();
                        }});
    WsUpgrade upgrade(std::move(impl));
    if (channel && state_->backstage.threaded()) {
      // Checking a stream's credential or an operator's login may ask
      // Redis: backstage (the socket is idle until accepted).
      auto owned = std::make_shared<WsUpgrade>(std::move(upgrade));
      return state_->backstage.Post([channel, owned, state = state_] {
        channel->Upgrade(std::move(*owned));
      });
    }
    if (channel) return channel->Upgrade(std::move(upgrade));
    const std::string seen = QueryValue(upgrade.target(), "seen");
    auto session = std::make_shared<WidgetSession>(
        state_, QueryValue(upgrade.target(), "session"), client,
        ShownCount(seen));
    WsOptions options;
    options.max_frame_bytes = state_->config.max_frame_bytes;
    options.idle_timeout =
        std::chrono::seconds(state_->config.idle_timeout_seconds);
    session->Register(upgrade.Accept(session, options));
  }

  // The peer, or behind a trusted proxy the client it names.
  std::string ClientAddressOf(const http::request<http::string_body>& req) {
    const ServerConfig& config = state_->config;
    if (config.client_ip_header.empty()) return peer_;
    return ClientAddress(peer_, req[config.client_ip_header],
                         config.trusted_proxies);
  }

  void ServeChannel(Channel& channel, http::request<http::string_body> req) {
    HttpRequest request;
    request.method = std::string(req.method_string());
    request.target = std::string(req.target());
    request.path = std::string(PathOf(request.target));
    for (const auto& field : req) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(c));
      request.headers[name] = std::string(field.value());
    }
    request.body = std::move(req.body());
    request.client = ClientAddressOf(req);
    if (!state_->backstage.threaded()) {
      return Answer(Run(channel, request));
    }
    // The channel may wait on Redis: off the network thread, then back to
    // this connection's strand to write (the guard keeps the io_context
    // running meanwhile).
    state_->backstage.Post(
        [self = shared_from_this(), &channel, request = std::move(request),
         guard = net::make_work_guard(stream_.get_executor())]() mutable {
          auto response =
              std::make_shared<HttpResponse>(self->Run(channel, request));
          net::post(self->stream_.get_executor(),
                    [self, response] { self->Answer(std::move(*response)); });
        });
  }

  // A channel's answer; an exception is a bug and costs one request.
  HttpResponse Run(Channel& channel, const HttpRequest& request) {
    try {
      return channel.Handle(request);
    } catch (const std::exception& e) {  // a bug; the server keeps serving
      Log(std::string(channel.name()) + ": request failed: " + e.what());
      return HttpResponse::Text(400, "malformed request\n");
    }
  }

  void Answer(HttpResponse response) {
    Respond(static_cast<http::status>(response.status),
            std::move(response.body), response.content_type.c_str(),
            keep_alive_, response.headers);
  }

  void Respond(
      http::status status, std::string body, const char* type, bool keep_alive,
      const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    auto res = std::make_shared<http::response<http::string_body>>(status, 11);
    res->set(http::field::server, "faqbot");
    for (const auto& [name, value] : headers) res->set(name, value);
    res->set(http::field::content_type, type);
    res->set(http::field::cache_control, "no-cache");
    res->set("X-Content-Type-Options", "nosniff");
    res->keep_alive(keep_alive);
    res->body() = std::move(body);
    res->prepare_payload();
    if (head_) res->body().clear();
    http::async_write(
        stream_, *res,
        [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
          if (ec || !res->keep_alive() || self->state_->stopping) {
            return self->Shutdown();
          }
          self->DoRead();
        });
  }

  void Shutdown() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<ServerState> state_;
  const std::string peer_;
  std::shared_ptr<void> slot_;  // this connection's ConnectionLimits slot
  bool keep_alive_ = false;
  bool head_ = false;
  Channel* channel_ = nullptr;  // the request's channel, if any
  std::size_t limit_ = kMaxRequestBody;
};

}  // namespace

void ServeHttp(tcp::socket socket, std::shared_ptr<ServerState> state,
               std::string peer, std::shared_ptr<void> slot) {
  std::make_shared<HttpSession>(std::move(socket), std::move(state),
                                std::move(peer), std::move(slot))
      ->Run();
}

}  // namespace faqbot::adapters
