// A real faqbot server on a loopback ephemeral port for end-to-end tests.
#ifndef FAQBOT_TESTS_ADAPTERS_SERVER_FIXTURE_H_
#define FAQBOT_TESTS_ADAPTERS_SERVER_FIXTURE_H_

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

#include "adapters/channels.h"
#include "adapters/web_server.h"
#include "bot/pack_loader.h"
#include "tests/support/test_client.h"

namespace faqbot::adapters {

// Waits up to `limit` for the server to hold at most `n` connections;
// returns how many it holds then.
inline int64_t WaitForConnections(const WebServer& server, int64_t n,
                                  std::chrono::seconds limit) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (server.metrics().connections() > n &&
         std::chrono::steady_clock::now() < end) {
    std::this_thread::yield();
  }
  return server.metrics().connections();
}

// A real server on a loopback ephemeral port, run by `config.threads`
// threads (two when 0).
class ServerTest : public ::testing::Test {
 public:
  int port() const { return port_; }

 protected:
  void Start(ServerConfig config = {}, bot::BotOptions options = {}) {
    auto pack = bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) +
                              "/content/liver-calcification");
    ASSERT_TRUE(pack) << pack.error().message;
    bot_ = std::make_unique<bot::Bot>(*pack, options);
    config.port = 0;
    server_ = std::make_unique<WebServer>(ioc_, *bot_, config);
    ASSERT_TRUE(server_->Listen());
    port_ = server_->port();
    auto channels =
        MakeChannels(config.channels, *bot_,
                     "http://127.0.0.1:" + std::to_string(port_), config.bot);
    ASSERT_TRUE(channels) << channels.error().message;
    for (const auto& c : *channels) c->Start();
    server_->SetChannels(*channels);
    server_->Start();
    for (int i = 0; i < (config.threads > 0 ? config.threads : 2); ++i) {
      threads_.emplace_back([this] { ioc_.run(); });
    }
  }
  void TearDown() override {
    if (server_) {
      server_->Shutdown();
      WaitForConnections(*server_, 0, std::chrono::seconds(5));
    }
    ioc_.stop();
    for (auto& t : threads_) t.join();
  }
  boost::asio::io_context ioc_;
  std::unique_ptr<bot::Bot> bot_;
  std::unique_ptr<WebServer> server_;
  std::vector<std::thread> threads_;
  int port_ = 0;
};

}  // namespace faqbot::adapters

#endif  // FAQBOT_TESTS_ADAPTERS_SERVER_FIXTURE_H_
