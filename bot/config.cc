#include "bot/config.h"

#include <cstdlib>
#include <map>

#include "bot/redis_session_store.h"
#include "bot/settings.h"

namespace faqbot::bot {
namespace {

using nlohmann::json;

const SettingTable<Config>& Settings() {
  static const SettingTable<Config> table = {
      {"pack", TextSetting(&Config::pack)},
      {"sessions", ChoiceSetting(&Config::sessions, {"memory", "redis"})},
      {"redis", TextSetting(&Config::redis)},
      {"redis_password", TextSetting(&Config::redis_password)},
      {"redis_prefix", TextSetting(&Config::redis_prefix)},
      {"session_idle_seconds",
       IntSetting(&Config::session_idle_seconds, 60, 30 * 86400)},
      {"max_sessions", IntSetting(&Config::max_sessions, 100, 100'000'000)},
      {"transcripts", TextSetting(&Config::transcripts)},
      {"transcript_flush_ms",
       IntSetting(&Config::transcript_flush_ms, 10, 60000)},
      {"transcript_retention_days",
       IntSetting(&Config::transcript_retention_days, 1, 3650)},
  };
  return table;
}

Result<RedisOptions> RedisOptionsFrom(const Config& config) {
  RedisOptions r;
  const auto colon = config.redis.rfind(':');
  int port = 6379;
  if (colon != std::string::npos) {
    const std::string digits = config.redis.substr(colon + 1);
    char* end = nullptr;
    const long p = std::strtol(digits.c_str(), &end, 10);
    if (digits.empty() || *end != '\0' || p <= 0 || p > 65535) {
      return std::unexpected(Error::InvalidArgument(
          "\"redis\": \"" + config.redis + "\" must be host:port"));
    }
    port = static_cast<int>(p);
  }
  r.host = config.redis.substr(0, colon);
  r.port = port;
  r.password = config.redis_password;
  r.prefix = config.redis_prefix;
  r.idle_expiry = std::chrono::seconds(config.session_idle_seconds);
  return r;
}

}  // namespace

std::optional<std::string> ReadSetting(std::string_view key, const json& value,
                                       Config* config) {
  return ReadFromTable(Settings(), key, value, config);
}

void ApplyEnvironment(Config* config) {
  if (const char* p = std::getenv("FAQBOT_REDIS_PASSWORD"); p && *p) {
    config->redis_password = p;
  }
  if (const char* k = std::getenv("FAQBOT_TRANSCRIPT_KEY"); k && *k) {
    config->transcript_key = k;
  }
}

Result<BotOptions> MakeBotOptions(const Config& config,
                                  std::function<void(const std::string&)> log) {
  BotOptions options;
  options.session_idle_expiry =
      std::chrono::seconds(config.session_idle_seconds);
  options.max_sessions = static_cast<std::size_t>(config.max_sessions);
  if (config.sessions == "redis") {
    auto redis = RedisOptionsFrom(config);
    if (!redis) return std::unexpected(redis.error());
    redis->log = std::move(log);
    redis->max_sessions = options.max_sessions;
    options.sessions = std::make_shared<RedisSessionStore>(*redis);
  }
  if (!config.transcripts.empty()) {
    auto transcripts = TranscriptLog::Open(
        config.transcripts,
        {.flush_interval =
             std::chrono::milliseconds(config.transcript_flush_ms),
         .retention = std::chrono::days(config.transcript_retention_days),
         .key = config.transcript_key});
    if (!transcripts) return std::unexpected(transcripts.error());
    options.transcripts = std::move(*transcripts);
  }
  return options;
}

}  // namespace faqbot::bot
