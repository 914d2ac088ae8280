#include "adapters/http_client.h"

#include <openssl/ssl.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "adapters/log.h"

namespace faqbot::adapters {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

struct Url {
  bool tls = false;
  std::string host, port, target;
};

Result<Url> ParseUrl(const std::string& url) {
  Url u;
  std::string_view rest = url;
  if (rest.starts_with("https://")) {
    u.tls = true;
    rest.remove_prefix(8);
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  } else {
    return std::unexpected(Error::InvalidArgument(
        "URL must start with http:// or https://: " + UrlForLog(url)));
  }
  const std::size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  u.target =
      slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  const std::size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos &&
      authority.find(']') == std::string_view::npos) {
    u.host = authority.substr(0, colon);
    u.port = authority.substr(colon + 1);
  } else {
    u.host = authority;
    u.port = u.tls ? "443" : "80";
  }
  if (u.host.empty()) {
    return std::unexpected(
        Error::InvalidArgument("URL has no host: " + UrlForLog(url)));
  }
  return u;
}

ssl::context& TlsContext() {
  static ssl::context* ctx = [] {
    auto* c = new ssl::context(ssl::context::tls_client);
    c->set_default_verify_paths();
    c->set_verify_mode(ssl::verify_peer);
    return c;
  }();
  return *ctx;
}

// Runs `ioc` until its operations finish; a set `cancel` flag makes the
// pending ones time out at once.
void RunOps(net::io_context& ioc, beast::tcp_stream& lowest,
            const std::atomic<bool>* cancel) {
  ioc.restart();
  while (!ioc.stopped()) {
    ioc.run_for(std::chrono::milliseconds(100));
    if (cancel && cancel->load()) lowest.expires_after(std::chrono::seconds(0));
  }
}

// Runs the request on `stream` (tcp_stream or ssl_stream) with a deadline
// on each step.
template <typename Stream>
Result<HttpReply> Exchange(net::io_context& ioc, Stream& stream,
                           http::request<http::string_body>& req,
                           beast::tcp_stream& lowest,
                           std::chrono::steady_clock::time_point deadline,
                           const std::atomic<bool>* cancel) {
  beast::error_code result;
  http::response<http::string_body> res;
  beast::flat_buffer buffer;
  lowest.expires_at(deadline);
  http::async_write(stream, req, [&](beast::error_code ec, std::size_t) {
    if (ec) {
      result = ec;
      return;
    }
    lowest.expires_at(deadline);
    http::async_read(stream, buffer, res,
                     [&](beast::error_code e, std::size_t) { result = e; });
  });
  RunOps(ioc, lowest, cancel);
  if (result) {
    return std::unexpected(Error::IoError(result.message()));
  }
  return HttpReply{static_cast<int>(res.result_int()), std::move(res.body())};
}

bool IsPowerOfTwo(uint64_t n) { return n != 0 && (n & (n - 1)) == 0; }

}  // namespace

Result<HttpReply> Fetch(const HttpCall& call,
                        std::chrono::milliseconds timeout) {
  auto url = ParseUrl(call.url);
  if (!url) return std::unexpected(url.error());
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  net::io_context ioc;
  tcp::resolver resolver(ioc);
  beast::error_code ec;
  const auto endpoints = resolver.resolve(url->host, url->port, ec);
  if (ec) {
    return std::unexpected(
        Error::IoError("cannot resolve " + url->host + ": " + ec.message()));
  }
  http::request<http::string_body> req(http::string_to_verb(call.method),
                                       url->target, 11);
  req.set(http::field::host, url->host);
  req.set(http::field::user_agent, "faqbot");
  for (const auto& [name, value] : call.headers) req.set(name, value);
  if (!call.body.empty() || call.method == "POST") {
    req.set(http::field::content_type, call.content_type);
    req.body() = call.body;
  }
  req.prepare_payload();

  const auto connect = [&](beast::tcp_stream& s) -> beast::error_code {
    beast::error_code result;
    s.expires_at(deadline);
    s.async_connect(endpoints, [&](beast::error_code e, const tcp::endpoint&) {
      result = e;
    });
    RunOps(ioc, s, call.cancel);
    return result;
  };
  const auto failed = [&](const std::string& what, beast::error_code e) {
    return std::unexpected(Error::IoError(what + " " + url->host + ":" +
                                          url->port + ": " + e.message()));
  };
  if (!url->tls) {
    beast::tcp_stream stream(ioc);
    if (auto e = connect(stream)) return failed("cannot connect to", e);
    auto reply = Exchange(ioc, stream, req, stream, deadline, call.cancel);
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    return reply;
  }
  beast::ssl_stream<beast::tcp_stream> stream(ioc, TlsContext());
  if (!SSL_set_tlsext_host_name(stream.native_handle(), url->host.c_str())) {
    return std::unexpected(Error::IoError("TLS: cannot set SNI host name"));
  }
  stream.set_verify_callback(ssl::host_name_verification(url->host));
  if (auto e = connect(beast::get_lowest_layer(stream))) {
    return failed("cannot connect to", e);
  }
  beast::error_code handshake;
  beast::get_lowest_layer(stream).expires_at(deadline);
  stream.async_handshake(ssl::stream_base::client,
                         [&](beast::error_code e) { handshake = e; });
  RunOps(ioc, beast::get_lowest_layer(stream), call.cancel);
  if (handshake) return failed("TLS handshake with", handshake);
  return Exchange(ioc, stream, req, beast::get_lowest_layer(stream), deadline,
                  call.cancel);
}

Outbox::Outbox(std::string name, Options options)
    : name_(std::move(name)), options_(options), worker_([this] { Run(); }) {}

Outbox::~Outbox() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_one();
  worker_.join();
}

void Outbox::Post(HttpCall call, Done done) {
  {
    std::lock_guard lock(mu_);
    if (queue_.size() >= options_.max_queued) {
      if (IsPowerOfTwo(++dropped_)) {
        Log(name_ + ": outbox full; " + std::to_string(dropped_.load()) +
            " replies dropped so far");
      }
      return;
    }
    queue_.emplace_back(std::move(call), std::move(done));
  }
  wake_.notify_one();
}

void Outbox::Run() {
  std::unique_lock lock(mu_);
  while (true) {
    wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, nothing left
    auto [call, done] = std::move(queue_.front());
    queue_.pop_front();
    const bool stopping = stop_;
    lock.unlock();
    Result<HttpReply> reply = std::unexpected(Error::IoError("not sent"));
    auto pause = options_.backoff;
    for (int attempt = 1; attempt <= options_.attempts; ++attempt) {
      reply = Fetch(call, options_.timeout);
      const bool retry = !reply || reply->status >= 500 || reply->status == 429;
      if (!retry || stopping || attempt == options_.attempts) break;
      std::this_thread::sleep_for(pause);
      pause *= 2;
    }
    if (reply && reply->status < 300) {
      ++sent_;
    } else if (IsPowerOfTwo(++failed_)) {  // the 1st, 2nd, 4th, ... failure
      Log(name_ + ": " + (call.what.empty() ? "a call" : call.what) +
          " failed (" + std::to_string(failed_.load()) + " so far): " +
          (reply ? "HTTP " + std::to_string(reply->status) + " " +
                       reply->body.substr(0, 200)
                 : reply.error().message));
    }
    if (done) done(reply);
    lock.lock();
  }
}

}  // namespace faqbot::adapters
