// The security round, end to end against real `faqbot serve` processes:
// secrets never reach the log, and the process holds when resources run
// out.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "adapters/http_client.h"
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

std::string WriteConfig(const std::string& name, const json& config) {
  const std::string path = testing::TempLog(name) + ".json";
  std::ofstream(path) << config.dump(2);
  return path;
}

int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Every channel on, each platform's API unreachable, so every reply fails
// and is logged: no log line may carry a credential.
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
                           {"api_base", dead}}},
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
                           {"graph_base", dead}}},
                         {"directline", {{"secret", secrets[8]}}},
                         {"rest", {{"token", secrets[9]}}}};
  ServerProcess server;
  ASSERT_TRUE(server.Start(
      FAQBOT_BIN, LiverPack(), "secrets",
      {"--config", WriteConfig("secrets", {{"channels", channels}}),
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

}  // namespace
}  // namespace faqbot::adapters
