// The security round, end to end against real `faqbot serve` processes:
// secrets never reach the log, and the process holds when resources run
// out.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "adapters/http_client.h"
#include "adapters/log.h"
#include "tests/support/raw_clients.h"
#include "tests/support/server_process.h"
#include "tests/support/test_client.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;
using testing::HttpSend;
using testing::ServerProcess;

std::string LiverPack() {
  return std::string(FAQBOT_SOURCE_DIR) + "/content/liver-calcification";
}

int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Every channel on, each platform's API unreachable (Telegram's and
// WhatsApp's addresses malformed, so the URL parser's errors are logged
// too), so every reply fails and is logged: no log line may carry a
// credential.
TEST(SecretsTest, FailedCallsToEveryPlatformLogNoCredential) {
  const std::string dead =
      "http://127.0.0.1:" + std::to_string(testing::FreePort());
  const std::vector<std::string> secrets = {
      "987654:TELEGRAM-BOT-TOKEN", "telegram-webhook-secret",
      "slack-signing-secret",      "xoxb-SLACK-BOT-TOKEN",
      "messenger-app-secret",      "MESSENGER-PAGE-TOKEN",
      "whatsapp-app-secret",       "WHATSAPP-ACCESS-TOKEN",
      "directline-secret",         "rest-bearer-token"};
  const json channels = {{"telegram",
                          {{"token", secrets[0]},
                           {"webhook_secret", secrets[1]},
                           {"api_base", "htp:/" + dead.substr(5)}}},
                         {"slack",
                          {{"signing_secret", secrets[2]},
                           {"bot_token", secrets[3]},
                           {"api_base", dead}}},
                         {"messenger",
                          {{"app_secret", secrets[4]},
                           {"verify_token", "verify"},
                           {"page_access_token", secrets[5]},
                           {"graph_base", dead}}},
                         {"whatsapp",
                          {{"app_secret", secrets[6]},
                           {"verify_token", "verify"},
                           {"access_token", secrets[7]},
                           {"graph_base", "http://"}}},
                         {"directline", {{"secret", secrets[8]}}},
                         {"rest", {{"token", secrets[9]}}}};
  ServerProcess server;
  ASSERT_TRUE(server.Start(
      FAQBOT_BIN, LiverPack(), "secrets",
      {"--config",
       testing::WriteConfigFile("secrets", {{"channels", channels}}),
       "--transcripts", ""}))
      << server.Output();
  const int port = server.port();

  const std::string update =
      R"({"update_id": 7, "message": {"message_id": 1, "text": "hello",
          "chat": {"id": 42, "type": "private"}}})";
  EXPECT_EQ(HttpSend(port, "POST", "/webhooks/telegram", update,
                     {{"X-Telegram-Bot-Api-Secret-Token", secrets[1]}})
                .status,
            200);
  const std::string event = json{
      {"type", "event_callback"},
      {"event_id", "Ev1"},
      {"team_id", "T1"},
      {"event",
       {{"type", "message"},
        {"channel", "D1"},
        {"user", "U1"},
        {"text", "hello"},
        {"ts", "1.0"}}}}.dump();
  const std::string ts = std::to_string(Now());
  EXPECT_EQ(
      HttpSend(port, "POST", "/webhooks/slack/events", event,
               {{"X-Slack-Request-Timestamp", ts},
                {"X-Slack-Signature",
                 "v0=" + HmacSha256Hex(secrets[2], "v0:" + ts + ":" + event)}})
          .status,
      200);
  const std::string messenger =
      json{{"object", "page"},
           {"entry",
            {{{"id", "PAGE"},
              {"messaging",
               {{{"sender", {{"id", "PSID1"}}},
                 {"message", {{"mid", "m1"}, {"text", "hello"}}}}}}}}}}
          .dump();
  EXPECT_EQ(HttpSend(port, "POST", "/webhooks/messenger", messenger,
                     {{"X-Hub-Signature-256",
                       "sha256=" + HmacSha256Hex(secrets[4], messenger)}})
                .status,
            200);
  const std::string whatsapp =
      json{{"object", "whatsapp_business_account"},
           {"entry",
            {{{"id", "WABA"},
              {"changes",
               {{{"field", "messages"},
                 {"value",
                  {{"metadata", {{"phone_number_id", "PN1"}}},
                   {"messages",
                    {{{"from", "15551234567"},
                      {"id", "wamid.1"},
                      {"type", "text"},
                      {"text", {{"body", "hello"}}}}}}}}}}}}}}}
          .dump();
  EXPECT_EQ(HttpSend(port, "POST", "/webhooks/whatsapp", whatsapp,
                     {{"X-Hub-Signature-256",
                       "sha256=" + HmacSha256Hex(secrets[6], whatsapp)}})
                .status,
            200);
  // Each platform's outbox gives up after its retries and logs it.
  for (const char* failure :
       {"telegram: sendMessage failed", "slack: chat.postMessage failed",
        "messenger: Send API failed", "whatsapp: messages failed"}) {
    EXPECT_TRUE(
        server.process().WaitForOutput(failure, std::chrono::seconds(20)))
        << "no \"" << failure << "\" in the log:\n"
        << server.Output();
  }
  const std::string log = server.Output();
  for (const auto& secret : secrets) {
    EXPECT_EQ(log.find(secret), std::string::npos)
        << "\"" << secret << "\" is in the log:\n"
        << log;
  }
}

TEST(SecretsTest, UrlsAreLoggedWithoutTheirPathOrCredentials) {
  EXPECT_EQ(UrlForLog("https://api.telegram.org/bot123:ABC/sendMessage"),
            "https://api.telegram.org/.../sendMessage");
  EXPECT_EQ(UrlForLog("http://user:pw@graph.example:8080/v19/me?token=x#y"),
            "http://graph.example:8080/.../me");
  EXPECT_EQ(UrlForLog("htp:/host/bot9:Z/getUpdates"), "htp:/.../getUpdates");
  EXPECT_EQ(UrlForLog("https://slack.com/chat.postMessage"),
            "https://slack.com/chat.postMessage");
  AddSecret("s3cr3t-value");
  AddSecret("ab");  // too short to be a secret; not redacted
  EXPECT_EQ(Redact("token s3cr3t-value and s3cr3t-value, ab"),
            "token [secret] and [secret], ab");
}

// CPU time (user + system) the process `pid` has used, in seconds.
double CpuSeconds(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), {});
  std::istringstream fields(stat.substr(stat.rfind(')') + 2));
  std::string field;
  long long utime = 0, stime = 0;
  for (int i = 3; fields >> field; ++i) {
    if (i == 14) utime = std::stoll(field);
    if (i == 15) {
      stime = std::stoll(field);
      break;
    }
  }
  return static_cast<double>(utime + stime) / sysconf(_SC_CLK_TCK);
}

// Out of file descriptors, the server must not spin on accept (one core
// busy, the log flooded) but wait, and serve again once some close.
TEST(ResourcesTest, RunningOutOfDescriptorsBacksOffAndRecovers) {
  ServerProcess server;
  ASSERT_TRUE(server.Start(FAQBOT_BIN, LiverPack(), "emfile",
                           {"--transcripts", ""}, {}, "ulimit -n 48;"))
      << server.Output();
  auto held = testing::HoldConnections(server.port(), 80);
  ASSERT_TRUE(server.process().WaitForOutput("Too many open files"))
      << server.Output();
  const double before = CpuSeconds(server.process().pid());
  // Two seconds of the server with no descriptor free.
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const double used = CpuSeconds(server.process().pid()) - before;
  EXPECT_LT(used, 0.5) << "the acceptor spins";
  const std::string log = server.Output();
  std::size_t lines = 0;
  for (std::size_t at = log.find("Too many open files");
       at != std::string::npos; at = log.find("Too many open files", at + 1)) {
    ++lines;
  }
  EXPECT_LE(lines, 2u) << log;
  held.reset();  // the connections close; the server serves again
  bool served = false;
  for (int i = 0; i < 50 && !served; ++i) {
    served = HttpSend(server.port(), "GET", "/healthz").status == 200;
  }
  EXPECT_TRUE(served);
}

// The HTTPS path of the client the channels use, against a local TLS
// server (openssl s_server) with certificates made here: a certificate
// from a trusted CA for the right host name works; a wrong host name and
// an untrusted certificate must both fail.
class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("tls-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
    const std::string d = dir_.string();
    ASSERT_EQ(Run("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "
                  "/CN=test-ca -keyout " +
                  d + "/ca.key -out " + d + "/ca.pem"),
              0);
    ASSERT_EQ(Run("openssl req -newkey rsa:2048 -nodes -subj /CN=localhost "
                  "-keyout " +
                  d + "/server.key -out " + d + "/server.csr"),
              0);
    std::ofstream(d + "/ext.cnf") << "subjectAltName=DNS:localhost\n";
    ASSERT_EQ(Run("openssl x509 -req -in " + d + "/server.csr -CA " + d +
                  "/ca.pem -CAkey " + d +
                  "/ca.key -CAcreateserial -days 2 "
                  "-extfile " +
                  d + "/ext.cnf -out " + d + "/server.pem"),
              0);
    ASSERT_EQ(Run("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "
                  "/CN=localhost -addext subjectAltName=DNS:localhost "
                  "-keyout " +
                  d + "/rogue.key -out " + d + "/rogue.pem"),
              0);
    // The client trusts the test CA only (OpenSSL reads SSL_CERT_FILE
    // when the client's TLS context is made, on its first HTTPS call).
    setenv("SSL_CERT_FILE", (d + "/ca.pem").c_str(), 1);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static int Run(const std::string& command) {
    return std::system((command + " >/dev/null 2>&1").c_str());
  }
  // An HTTPS server with `name`.pem/.key on a free port; returns the port.
  int Serve(testing::ChildProcess& process, const std::string& name) {
    const int port = testing::FreePort();
    const std::string d = dir_.string();
    EXPECT_TRUE(
        process.Start({"openssl", "s_server", "-accept", std::to_string(port),
                       "-cert", d + "/" + name + ".pem", "-key",
                       d + "/" + name + ".key", "-www", "-quiet"},
                      testing::TempLog("s_server-" + name)));
    for (int i = 0; i < 500 && !testing::PortOpen(port); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return port;
  }
  std::filesystem::path dir_;
};

TEST_F(TlsTest, VerifiesThePeerAndItsHostName) {
  testing::ChildProcess trusted, rogue;
  const int good = Serve(trusted, "server");
  const int bad = Serve(rogue, "rogue");
  const auto fetch = [](const std::string& url) {
    HttpCall call;
    call.method = "GET";
    call.url = url;
    return Fetch(call, std::chrono::seconds(10));
  };
  auto ok = fetch("https://localhost:" + std::to_string(good) + "/");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->status, 200);
  auto wrong_name = fetch("https://127.0.0.1:" + std::to_string(good) + "/");
  EXPECT_FALSE(wrong_name) << "a certificate for localhost, not 127.0.0.1";
  auto untrusted = fetch("https://localhost:" + std::to_string(bad) + "/");
  EXPECT_FALSE(untrusted) << "a self-signed certificate";
}

}  // namespace
}  // namespace faqbot::adapters
