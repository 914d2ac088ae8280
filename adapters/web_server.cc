#include "adapters/web_server.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <chrono>

#include "adapters/console.h"
#include "adapters/handoff_relay.h"
#include "adapters/http_session.h"
#include "adapters/log.h"
#include "adapters/server_state.h"

namespace faqbot::adapters {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;

// Out of file descriptors: how long the acceptor waits before trying
// again (instead of spinning on the error), and how often it says so.
constexpr auto kAcceptBackoff = std::chrono::milliseconds(100);
constexpr auto kAcceptLogEvery = std::chrono::seconds(10);

bool OutOfDescriptors(const error_code& ec) {
  return ec == net::error::no_descriptors ||
         ec.value() == ENFILE;  // system-wide table full
}

}  // namespace

struct WebServer::Impl : std::enable_shared_from_this<WebServer::Impl> {
  Impl(net::io_context& io, bot::Bot& bot, ServerConfig config)
      : ioc(io),
        acceptor(io),
        backoff(io),
        backstage(std::make_unique<Backstage>(StorageThreads(config))),
        state(
            std::make_shared<ServerState>(bot, std::move(config), *backstage)) {
    // Every channel's replies count, the widget's and the platforms'.
    if (const auto library = bot.library()) {
      std::vector<std::string> names;
      for (const auto& pack : library->packs()) names.push_back(pack->name);
      state->metrics.SetArticles(names);
    }
    bot.ObserveReplies([weak = std::weak_ptr<ServerState>(state)](
                           const bot::Reply& reply, double seconds) {
      if (auto s = weak.lock()) {
        s->metrics.Reply(reply.kind, seconds, reply.article);
      }
    });
  }

  void DoAccept() {
    // One thread runs the server: a connection needs no strand of its own
    // (which costs a hand-off and a shared count's updates per completion).
    acceptor.async_accept(
        state->config.threads == 1
            ? net::any_io_executor(ioc.get_executor())
            : net::any_io_executor(net::make_strand(ioc)),
        [self = shared_from_this()](error_code ec, tcp::socket socket) {
          self->OnAccept(ec, std::move(socket));
        });
  }

  void OnAccept(error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
    if (OutOfDescriptors(ec)) return BackOff(ec);
    if (ec) {
      Log("accept: " + ec.message());
    } else {
      // Replies are small and a person waits for each: send them at once
      // (Nagle would hold one until the client acknowledges the previous,
      // which a client with nothing to say delays by up to 40 ms).
      error_code nodelay_ec;
      socket.set_option(tcp::no_delay(true), nodelay_ec);
      error_code peer_ec;
      const auto endpoint = socket.remote_endpoint(peer_ec);
      const std::string peer =
          peer_ec ? std::string() : endpoint.address().to_string();
      // Behind a trusted proxy every connection comes from the proxy: the
      // client's own address is counted once its request names it.
      const bool proxied =
          !state->config.client_ip_header.empty() &&
          std::find(state->config.trusted_proxies.begin(),
                    state->config.trusted_proxies.end(),
                    peer) != state->config.trusted_proxies.end();
      auto slot = state->limits.TryTake(proxied ? std::string() : peer);
      ServeHttp(std::move(socket), state, peer, std::move(slot));
    }
    DoAccept();
  }

  // Accepting fails while no descriptor is free; the pending connections
  // wait in the backlog. Try again shortly, and log once a period.
  void BackOff(const error_code& ec) {
    ++accept_failures;
    const auto now = std::chrono::steady_clock::now();
    if (now >= next_accept_log) {
      next_accept_log = now + kAcceptLogEvery;
      Log("accept: " + ec.message() + " (" + std::to_string(accept_failures) +
          " times so far); waiting for connections to close; raise the "
          "descriptor limit (ulimit -n) or lower max_connections");
    }
    backoff.expires_after(kAcceptBackoff);
    backoff.async_wait([self = shared_from_this()](error_code e) {
      if (!e) self->DoAccept();
    });
  }

  // Every second: conversations that waited too long for a person, and
  // the open consoles. The tick reads the desk, so it runs backstage; the
  // next is armed once it is done (one at a time, however slow Redis is).
  void TickConsole() {
    sweep.expires_after(std::chrono::seconds(1));
    sweep.async_wait([self = shared_from_this()](error_code e) {
      if (e || self->state->stopping) return;
      const auto wait =
          std::chrono::seconds(self->state->config.bot.handoff_wait_seconds);
      // Only the io_context may hold the last reference to this Impl (its
      // destructor joins the backstage).
      self->state->backstage.Post([console = self->console, wait,
                                   &ioc = self->ioc,
                                   weak = std::weak_ptr<Impl>(self)] {
        console->Tick(wait);
        net::post(ioc, [weak] {
          if (auto impl = weak.lock()) impl->TickConsole();
        });
      });
    });
  }

  net::io_context& ioc;
  tcp::acceptor acceptor;
  net::steady_timer backoff;  // used on the acceptor's thread only
  net::steady_timer sweep{ioc};
  std::shared_ptr<HandoffRelay> relay;  // with operator handoff
  std::shared_ptr<Console> console;
  std::chrono::steady_clock::time_point next_accept_log;
  uint64_t accept_failures = 0;
  // Joined (in its destructor) after `state` is released here; tasks on
  // it hold `state`, so the state outlives them.
  std::unique_ptr<Backstage> backstage;
  std::shared_ptr<ServerState> state;
};

WebServer::WebServer(net::io_context& ioc, bot::Bot& bot, ServerConfig config)
    : impl_(std::make_shared<Impl>(ioc, bot, std::move(config))) {}

WebServer::~WebServer() {
  // A backstage task holds the session it answers, whose socket belongs to
  // the io_context: the tasks finish here, before the caller goes on to
  // destroy the io_context (handlers it still holds may keep the Impl,
  // and so the backstage, alive until then, and a session closed by a
  // late task raced its shutdown).
  impl_->backstage->Join();
}

Status WebServer::Listen() {
  boost::system::error_code ec;
  const auto address = net::ip::make_address(impl_->state->config.host, ec);
  if (ec) {
    return std::unexpected(
        Error::InvalidArgument("\"" + impl_->state->config.host +
                               "\" is not an IP address (use 127.0.0.1 "
                               "or 0.0.0.0)"));
  }
  const tcp::endpoint endpoint(
      address, static_cast<unsigned short>(impl_->state->config.port));
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return std::unexpected(Error::IoError(
        "cannot listen on " + impl_->state->config.host + ":" +
        std::to_string(impl_->state->config.port) + ": " + ec.message() +
        " (is another server using the port? --port 0 picks a free one)"));
  }
  return Ok();
}

void WebServer::Start() {
  impl_->DoAccept();
  if (impl_->console) impl_->TickConsole();
}

int WebServer::port() const {
  boost::system::error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

void WebServer::Shutdown() {
  auto& state = *impl_->state;
  if (state.stopping.exchange(true)) return;
  net::post(impl_->acceptor.get_executor(), [impl = impl_] {
    boost::system::error_code ec;
    impl->acceptor.close(ec);
  });
  std::vector<std::shared_ptr<WsConnection>> open;
  {
    std::lock_guard lock(state.mu);
    for (auto& [_, weak] : state.sockets) {
      if (auto s = weak.lock()) open.push_back(std::move(s));
    }
  }
  for (auto& s : open) s->Close();
  if (impl_->console) impl_->console->Stop();
  net::post(impl_->ioc, [impl = impl_] { impl->sweep.cancel(); });
}

const Metrics& WebServer::metrics() const { return impl_->state->metrics; }

void WebServer::SetChannels(std::vector<std::shared_ptr<Channel>> channels) {
  ServerState& state = *impl_->state;
  state.channels = std::move(channels);
  // Operator handoff: the console, and the way operators' messages reach
  // people (bot/handoff.h).
  const auto& desk = state.bot.options().handoff;
  if (desk && !state.config.bot.operators.empty()) {
    impl_->relay = HandoffRelay::Make(*desk, impl_->state);
    const ServerConfig& config = state.config;
    impl_->console = std::make_shared<Console>(
        state.bot, config.bot.operators, impl_->relay, state.metrics,
        ConsoleOptions{.secure_cookie = config.secure_cookies.value_or(
                           !config.client_ip_header.empty())});
    // Never inline: the desk tells of a change with its lock held.
    impl_->console->Watch([&stage = *impl_->backstage,
                           &ioc = impl_->ioc](std::function<void()> work) {
      if (stage.threaded()) return stage.Post(std::move(work));
      net::post(ioc, std::move(work));
    });
    state.channels.push_back(impl_->console);
  }
}

}  // namespace faqbot::adapters
