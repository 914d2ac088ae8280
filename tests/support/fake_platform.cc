#include "tests/support/fake_platform.h"

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace faqbot::testing {

namespace net = boost::asio;
namespace http = boost::beast::http;

struct FakePlatform::Impl {
  explicit Impl(std::function<std::string(const RecordedCall&)> a)
      : answer(std::move(a)),
        acceptor(ioc, {net::ip::make_address("127.0.0.1"), 0}) {}

  void Serve() {
    while (!stop) {
      net::ip::tcp::socket socket(ioc);
      boost::system::error_code ec;
      acceptor.accept(socket, ec);
      if (ec || stop) continue;
      boost::beast::flat_buffer buffer;
      while (true) {  // keep-alive: several requests per connection
        http::request<http::string_body> req;
        http::read(socket, buffer, req, ec);
        if (ec) break;
        RecordedCall call{std::string(req.method_string()),
                          std::string(req.target()),
                          {},
                          req.body()};
        for (const auto& f : req) {
          std::string name(f.name_string());
          for (char& c : name) c = static_cast<char>(std::tolower(c));
          call.headers[name] = std::string(f.value());
        }
        http::response<http::string_body> res(http::status::ok, 11);
        res.set(http::field::content_type, "application/json");
        res.body() = answer ? answer(call) : R"({"ok":true})";
        res.keep_alive(req.keep_alive());
        res.prepare_payload();
        {
          std::lock_guard lock(mu);
          calls.push_back(std::move(call));
        }
        cv.notify_all();
        http::write(socket, res, ec);
        if (ec || !req.keep_alive()) break;
      }
    }
  }

  std::function<std::string(const RecordedCall&)> answer;
  net::io_context ioc;
  net::ip::tcp::acceptor acceptor;
  std::mutex mu;
  std::condition_variable cv;
  std::vector<RecordedCall> calls;  // guarded by mu
  std::atomic<bool> stop{false};
  std::thread thread;
};

FakePlatform::FakePlatform(
    std::function<std::string(const RecordedCall&)> answer)
    : impl_(std::make_unique<Impl>(std::move(answer))) {
  impl_->thread = std::thread([impl = impl_.get()] { impl->Serve(); });
}

FakePlatform::~FakePlatform() {
  impl_->stop = true;
  boost::system::error_code ec;
  // Wake the blocking accept with a connection of our own.
  net::ip::tcp::socket poke(impl_->ioc);
  poke.connect(impl_->acceptor.local_endpoint(), ec);
  impl_->thread.join();
}

std::string FakePlatform::url() const {
  return "http://127.0.0.1:" +
         std::to_string(impl_->acceptor.local_endpoint().port());
}

std::vector<RecordedCall> FakePlatform::WaitFor(std::size_t n) {
  std::unique_lock lock(impl_->mu);
  impl_->cv.wait_for(lock, std::chrono::seconds(10),
                     [&] { return impl_->calls.size() >= n; });
  return impl_->calls;
}

std::optional<std::vector<RecordedCall>> FakePlatform::CallsBefore(
    const std::function<bool(const RecordedCall&)>& is_barrier) {
  std::unique_lock lock(impl_->mu);
  std::size_t barrier = 0;
  const bool seen = impl_->cv.wait_for(lock, std::chrono::seconds(10), [&] {
    for (barrier = 0; barrier < impl_->calls.size(); ++barrier) {
      if (is_barrier(impl_->calls[barrier])) return true;
    }
    return false;
  });
  if (!seen) return std::nullopt;
  return std::vector<RecordedCall>(impl_->calls.begin(),
                                   impl_->calls.begin() + barrier);
}

}  // namespace faqbot::testing
