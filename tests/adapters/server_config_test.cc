// The settings file: every value is checked, and a wrong one is an error
// that names the setting and what it must be.
#include "adapters/server_config.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/child_process.h"

namespace faqbot::adapters {
namespace {

Status Load(const std::string& json_text, ServerConfig* config) {
  const std::string path = testing::TempLog("config") + ".json";
  std::ofstream(path) << json_text;
  return LoadServerConfig(path, config);
}

TEST(ServerConfig, ValuesOutOfRangeAreErrorsNamingTheSetting) {
  const struct {
    std::string text;
    std::string error;
  } kCases[] = {
      {R"({"messages_per_second": 0.5})",
       "\"messages_per_second\" must be a number from 1 to 1000000"},
      {R"({"request_timeout_seconds": 0})",
       "\"request_timeout_seconds\" must be a whole number from 1 to 3600"},
      {R"({"idle_timeout_seconds": -5})", "\"idle_timeout_seconds\""},
      {R"({"port": 70000})", "\"port\" must be a whole number from 0 to 65535"},
      {R"({"max_frame_bytes": 10})", "\"max_frame_bytes\""},
      {R"({"max_connections": 0})", "\"max_connections\""},
      {R"({"max_connections_per_ip": 0})", "\"max_connections_per_ip\""},
      {R"({"session_idle_seconds": 1})", "\"session_idle_seconds\""},
      {R"({"transcript_flush_ms": 0})", "\"transcript_flush_ms\""},
      {R"({"transcript_retention_days": 0})", "\"transcript_retention_days\""},
      {R"({"max_sessions": "many"})", "\"max_sessions\""},
      {R"({"sessions": "disk"})",
       "\"sessions\" must be \"memory\" or \"redis\""},
      {R"({"threads": 1.5})", "\"threads\""},
      {R"({"nonsense": 1})", "unknown setting \"nonsense\""},
  };
  for (const auto& c : kCases) {
    ServerConfig config;
    const Status s = Load(c.text, &config);
    ASSERT_FALSE(s) << c.text;
    EXPECT_NE(s.error().message.find(c.error), std::string::npos)
        << c.text << " -> " << s.error().message;
  }
}

TEST(ServerConfig, GoodValuesAreRead) {
  ServerConfig config;
  ASSERT_TRUE(Load(R"({"messages_per_second": 2, "max_connections_per_ip": 8,
                      "sessions": "redis", "redis": "10.0.0.5:6380",
                      "transcript_retention_days": 7,
                      "client_ip_header": "X-Forwarded-For"})",
                   &config));
  EXPECT_EQ(config.messages_per_second, 2);
  EXPECT_EQ(config.max_connections_per_ip, 8);
  EXPECT_EQ(config.bot.sessions, "redis");
  EXPECT_EQ(config.bot.redis, "10.0.0.5:6380");
  EXPECT_EQ(config.bot.transcript_retention_days, 7);
  EXPECT_EQ(config.client_ip_header, "X-Forwarded-For");
}

}  // namespace
}  // namespace faqbot::adapters
