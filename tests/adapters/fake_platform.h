// A local stand-in for a chat platform's API (Slack Web API, Graph API,
// Telegram Bot API): a real HTTP server on loopback that records every call
// faqbot makes and answers with the platform's documented success shape.
#ifndef FAQBOT_TESTS_ADAPTERS_FAKE_PLATFORM_H_
#define FAQBOT_TESTS_ADAPTERS_FAKE_PLATFORM_H_

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace faqbot::testing {

struct RecordedCall {
  std::string method, target;
  std::map<std::string, std::string> headers;  // names lowercase
  std::string body;
  nlohmann::json Json() const {
    return nlohmann::json::parse(body, nullptr, false);
  }
};

class FakePlatform {
 public:
  // `answer` gives the JSON body for a call (default {"ok":true}).
  explicit FakePlatform(
      std::function<std::string(const RecordedCall&)> answer = nullptr)
      : answer_(std::move(answer)),
        acceptor_(ioc_, {boost::asio::ip::make_address("127.0.0.1"), 0}) {
    thread_ = std::thread([this] { Serve(); });
  }
  ~FakePlatform() {
    stop_ = true;
    boost::system::error_code ec;
    // Wake the blocking accept with a connection of our own.
    boost::asio::ip::tcp::socket poke(ioc_);
    poke.connect(acceptor_.local_endpoint(), ec);
    thread_.join();
  }

  std::string url() const {
    return "http://127.0.0.1:" +
           std::to_string(acceptor_.local_endpoint().port());
  }

  // Waits until at least `n` calls arrived (or 10 s); returns all so far.
  std::vector<RecordedCall> WaitFor(std::size_t n) {
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(10),
                 [&] { return calls_.size() >= n; });
    return calls_;
  }
  // The calls so far, after giving late ones `settle` to arrive.
  std::vector<RecordedCall> Calls(
      std::chrono::milliseconds settle = std::chrono::milliseconds(300)) {
    std::this_thread::sleep_for(settle);
    std::lock_guard lock(mu_);
    return calls_;
  }

 private:
  void Serve() {
    namespace http = boost::beast::http;
    while (!stop_) {
      boost::asio::ip::tcp::socket socket(ioc_);
      boost::system::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec || stop_) continue;
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
        res.body() = answer_ ? answer_(call) : R"({"ok":true})";
        res.keep_alive(req.keep_alive());
        res.prepare_payload();
        {
          std::lock_guard lock(mu_);
          calls_.push_back(std::move(call));
        }
        cv_.notify_all();
        http::write(socket, res, ec);
        if (ec || !req.keep_alive()) break;
      }
    }
  }

  std::function<std::string(const RecordedCall&)> answer_;
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<RecordedCall> calls_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_ADAPTERS_FAKE_PLATFORM_H_
