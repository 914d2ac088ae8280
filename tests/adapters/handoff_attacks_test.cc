// Security round two, against a real `faqbot serve` process: what
// strangers can do to the operator handoff desk and its console.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "bot/crypto.h"
#include "tests/support/server_process.h"
#include "tests/support/test_client.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;
using testing::HttpSend;
using testing::ServerProcess;

constexpr const char* kPassword = "correct horse battery";

std::string WriteConfig(const std::string& name, const json& config) {
  const std::string path = testing::TempLog(name) + ".json";
  std::ofstream(path) << config.dump(2);
  return path;
}

// Resident memory of process `pid`, in MiB.
double RssMiB(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("VmRSS:")) return std::stod(line.substr(6)) / 1024;
  }
  return 0;
}

// The liver pack served with the REST channel and operator Ann, behind a
// proxy on loopback that names each client in X-Forwarded-For.
class DeskServer {
 public:
  explicit DeskServer(const std::string& name, json extra = json::object()) {
    json config = {{"client_ip_header", "X-Forwarded-For"},
                   {"operators", {{"Ann", bot::HashPassword(kPassword, 1000)}}},
                   {"channels", {{"rest", json::object()}}}};
    config.update(extra);
    ok_ = server_.Start(
        FAQBOT_BIN,
        std::string(FAQBOT_SOURCE_DIR) + "/content/liver-calcification", name,
        {"--config", WriteConfig(name, config), "--transcripts", ""});
  }
  bool ok() const { return ok_; }
  ServerProcess& server() { return server_; }
  int port() const { return server_.port(); }

  // Logs Ann in; the Cookie header, "" on failure.
  std::string LogIn() {
    const auto r =
        HttpSend(port(), "POST", "/console/login",
                 json{{"name", "Ann"}, {"password", kPassword}}.dump(),
                 {{"X-Forwarded-For", "198.51.100.1"}});
    const std::string set = r.Header("Set-Cookie");
    return r.status == 200 ? set.substr(0, set.find(';')) : "";
  }
  testing::HttpResult Rest(const std::string& sender, const std::string& text,
                           const std::string& from) {
    return HttpSend(port(), "POST", "/webhooks/rest/webhook",
                    json{{"sender", sender}, {"message", text}}.dump(),
                    {{"X-Forwarded-For", from}});
  }

 private:
  ServerProcess server_;
  bool ok_ = false;
};

// Attack 1 of round two: 500 senders each ask for a person and then send
// long messages. A console poll used to carry every line of every one
// (about 110 MB) and the server grew by gigabytes.
TEST(HandoffAttacks, AFloodOfSendersCannotInflateTheConsoleOrTheServer) {
  DeskServer desk("flood");
  ASSERT_TRUE(desk.ok()) << desk.server().Output();
  const std::string cookie = desk.LogIn();
  ASSERT_FALSE(cookie.empty());
  const auto poll = [&] {
    return HttpSend(desk.port(), "GET", "/console/api/state", "",
                    {{"Cookie", cookie}});
  };
  ASSERT_EQ(poll().status, 200);
  const int pid = desk.server().process().pid();
  const double before = RssMiB(pid);
  constexpr int kSenders = 500, kLines = 12, kThreads = 4;
  const std::string long_text =
      "is my liver ok " + std::string(1800, 'x') + " thanks";
  std::atomic<int> failed{0}, queued{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int s = t; s < kSenders; s += kThreads) {
        const std::string from = "10.0." + std::to_string(s / 250) + "." +
                                 std::to_string(s % 250 + 1);
        const std::string sender = "flood" + std::to_string(s);
        const auto asked = desk.Rest(sender, "can I talk to a nurse?", from);
        if (asked.body.find("asked for a person") != std::string::npos)
          ++queued;
        for (int i = 0; i < kLines; ++i) {
          if (desk.Rest(sender, long_text, from).status != 200) ++failed;
        }
      }
    });
  }
  // Ann's console keeps polling meanwhile (she stays online).
  std::atomic<bool> done{false};
  std::thread console([&] {
    while (!done) {
      poll();
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  });
  for (auto& t : threads) t.join();
  done = true;
  console.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_GE(queued.load(), 450) << "each from its own address may ask";
  const auto state = poll();
  ASSERT_EQ(state.status, 200);
  EXPECT_LE(state.body.size(), 1u << 20) << "one poll";
  const json j = json::parse(state.body, nullptr, false);
  EXPECT_EQ(j.value("total", 0), queued.load());
  // The open conversation's lines come, the latest and clipped.
  const std::string first = j["conversations"][0]["id"];
  const auto opened =
      HttpSend(desk.port(), "GET", "/console/api/state?open=" + first, "",
               {{"Cookie", cookie}});
  EXPECT_LE(opened.body.size(), 1u << 20);
  EXPECT_NE(opened.body.find("is my liver ok"), std::string::npos);
  for (int i = 0; i < 20; ++i) ASSERT_EQ(poll().status, 200);
  std::printf("flood: poll %zu bytes, open %zu bytes, RSS %.0f -> %.0f MiB\n",
              state.body.size(), opened.body.size(), before, RssMiB(pid));
  EXPECT_LE(RssMiB(pid) - before, 50) << "MiB grown";
}

// Attack 2: one address (a script, or one REST token behind it) asks for
// a person from many sessions; it gets its share and is told so, and a
// real person from elsewhere is still queued.
TEST(HandoffAttacks, OneClientGetsItsShareOfTheQueueAndNoMore) {
  DeskServer desk("share");
  ASSERT_TRUE(desk.ok()) << desk.server().Output();
  ASSERT_FALSE(desk.LogIn().empty());
  int queued = 0, limited = 0;
  for (int s = 0; s < 40; ++s) {
    const auto r =
        desk.Rest("bot" + std::to_string(s), "talk to a human", "203.0.113.50");
    queued += r.body.find("asked for a person") != std::string::npos;
    limited += r.body.find("already waiting for a person, so I can't") !=
               std::string::npos;
  }
  EXPECT_EQ(queued, 3);
  EXPECT_EQ(limited, 37);
  const auto real =
      desk.Rest("pat", "can I speak to a nurse?", "198.51.100.77");
  EXPECT_NE(real.body.find("asked for a person"), std::string::npos)
      << real.body;
}

}  // namespace
}  // namespace faqbot::adapters
