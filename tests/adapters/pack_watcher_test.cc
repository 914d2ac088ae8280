#include "adapters/pack_watcher.h"

#include <gtest/gtest.h>

#include <boost/asio/post.hpp>
#include <fstream>
#include <regex>

#include "bot/pack_loader.h"
#include "tests/adapters/server_fixture.h"

namespace faqbot::adapters {
namespace {

namespace fs = std::filesystem;
using faqbot::testing::WsClient;

// A server on a copy of the liver pack that the test edits while a client
// stays connected.
class ReloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("faqbot-reload-" +
         std::string(
             ::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const fs::path source =
        fs::path(FAQBOT_SOURCE_DIR) / "content/liver-calcification";
    fs::copy_file(source / "article.txt", dir_ / "article.txt");
    fs::copy_file(source / "intents.txt", dir_ / "intents.txt");
    auto pack = bot::LoadPack(dir_);
    ASSERT_TRUE(pack) << pack.error().message;
    bot_ = std::make_unique<bot::Bot>(*pack);
    server_ = std::make_unique<WebServer>(ioc_, *bot_, ServerConfig{.port = 0});
    ASSERT_TRUE(server_->Listen());
    server_->Start();
    watcher_ = std::make_unique<PackWatcher>(ioc_, *bot_, dir_,
                                             std::chrono::milliseconds(20));
    watcher_->Start();
    thread_ = std::thread([this] { ioc_.run(); });
    client_ = std::make_unique<WsClient>(server_->port());
    client_->Greet();
  }
  void TearDown() override {
    client_.reset();
    boost::asio::post(ioc_, [this] {
      watcher_->Stop();
      server_->Shutdown();
    });
    WaitForConnections(*server_, 0, std::chrono::seconds(5));
    ioc_.stop();
    thread_.join();
    fs::remove_all(dir_);
  }
  // Rewrites the article with `from` replaced by `to`.
  void EditArticle(const std::string& from, const std::string& to) {
    std::ifstream in(dir_ / "article.txt");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    std::ofstream(dir_ / "article.txt", std::ios::trunc) << text;
  }
  // Waits until `counter()` reaches `want`.
  template <typename F>
  bool WaitFor(F counter, int want) {
    const auto end =
        std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (counter() < want && std::chrono::steady_clock::now() < end) {
      std::this_thread::yield();
    }
    return counter() >= want;
  }

  fs::path dir_;
  boost::asio::io_context ioc_;
  std::unique_ptr<bot::Bot> bot_;
  std::unique_ptr<WebServer> server_;
  std::unique_ptr<PackWatcher> watcher_;
  std::thread thread_;
  std::unique_ptr<WsClient> client_;
};

TEST_F(ReloadTest, NextReplyUsesTheChangedArticle) {
  EXPECT_NE(client_->Ask("what causes liver calcification")["text"]
                .get<std::string>()
                .find("Generally speaking"),
            std::string::npos);
  EditArticle("Generally speaking,", "In short,");
  ASSERT_TRUE(WaitFor([&] { return watcher_->reloads(); }, 1));
  const auto text = client_->Ask("what causes liver calcification")["text"]
                        .get<std::string>();
  EXPECT_NE(text.find("In short,"), std::string::npos) << text;
}

TEST_F(ReloadTest, BrokenArticleIsRefusedAndTheOldOneKeepsServing) {
  EditArticle("2. Parasitic infection", "7. Parasitic infection");
  ASSERT_TRUE(WaitFor([&] { return watcher_->failures(); }, 1));
  const auto error = watcher_->ReloadNow();
  ASSERT_FALSE(error);
  EXPECT_NE(error.error().message.find("article.txt line 5: section 7"),
            std::string::npos)
      << error.error().message;
  EXPECT_EQ(client_->Ask("parasites in the liver")["node"],
            "parasitic-infection");
}

TEST_F(ReloadTest, SessionOnAVanishedNodeRestartsAndIsTold) {
  EXPECT_EQ(client_->Ask("tell me about bile duct stones")["node"],
            "intrahepatic-bile-duct-stones");
  // Renaming a section without an explicit id changes its node id; the
  // intents file must follow (a reload that leaves it naming the old id is
  // refused), so drop it.
  std::ofstream(dir_ / "intents.txt", std::ios::trunc) << "# none\n";
  EditArticle(
      "5. Intrahepatic bile duct stones {#intrahepatic-bile-duct-stones}",
      "5. Bile stones");
  // Both edits may land in one reload or two; wait for the renamed node.
  ASSERT_TRUE(WaitFor(
      [&] { return bot_->pack()->Find("bile-stones") != nullptr ? 1 : 0; }, 1));
  const auto reply = client_->Ask("how is that treated?");
  ASSERT_TRUE(reply.contains("notice")) << reply.dump();
  EXPECT_NE(reply["notice"].get<std::string>().find("updated"),
            std::string::npos);
  EXPECT_EQ(reply["node"], "all.treatment");  // no topic any more
}

// A library: one watcher per article reloads that article alone; a broken
// one is refused while every article keeps serving.
TEST(LibraryReload, OneArticleReloadsAloneAndABrokenOneIsRefused) {
  const fs::path root = fs::temp_directory_path() / "faqbot-library-reload";
  fs::remove_all(root);
  for (const char* name : {"fatty-liver", "kidney-stones"}) {
    fs::create_directories(root / name);
    fs::copy_file(
        fs::path(FAQBOT_SOURCE_DIR) / "content" / name / "article.txt",
        root / name / "article.txt");
  }
  auto packs = bot::LoadLibrary(root);
  ASSERT_TRUE(packs) << packs.error().message;
  bot::Bot bot(std::make_shared<const dialogs::Library>(*std::move(packs)));
  boost::asio::io_context ioc;
  PackWatcher fatty(ioc, bot, root / "fatty-liver");
  PackWatcher stones(ioc, bot, root / "kidney-stones");
  int session = 0;  // each question in a new conversation
  const auto ask = [&](const std::string& text) {
    auto r = bot.Handle("s" + std::to_string(++session), {.text = text});
    EXPECT_TRUE(r) << r.error().message;
    return r ? r->text : std::string();
  };
  const auto rewrite = [&](const char* name, const std::string& from,
                           const std::string& to) {
    std::ifstream in(root / name / "article.txt");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    text.replace(text.find(from), from.size(), to);
    std::ofstream(root / name / "article.txt", std::ios::trunc) << text;
  };
  rewrite("fatty-liver", "Fatty liver disease means that",
          "In short, fatty liver disease means that");
  ASSERT_TRUE(fatty.ReloadNow());
  EXPECT_NE(ask("what is fatty liver disease?").find("In short,"),
            std::string::npos);
  EXPECT_EQ(bot.library()->size(), 2);

  rewrite("kidney-stones", "2. Stones passing", "7. Stones passing");
  const auto refused = stones.ReloadNow();
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("section 7"), std::string::npos)
      << refused.error().message;
  EXPECT_NE(ask("how are kidney stones treated?").find("tone"),
            std::string::npos);
  EXPECT_NE(ask("what is fatty liver disease?").find("In short,"),
            std::string::npos);
  fs::remove_all(root);
}

}  // namespace
}  // namespace faqbot::adapters
