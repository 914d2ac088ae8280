#include "bot/config.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "bot/settings.h"
#include "bot/store/redis_handoff_desk.h"
#include "bot/store/redis_session_store.h"
#include "bot/store/redis_transcript_queue.h"

namespace faqbot::bot {
namespace {

using nlohmann::json;

const SettingTable<Config>& Settings() {
  static const SettingTable<Config> table = {
      {"pack", TextSetting(&Config::pack)},
      {"packs", TextSetting(&Config::packs)},
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
      {"operators",
       [](const json& v, Config* c) -> std::string {
         const char* want =
             "an object of operator name -> password hash (from faqbot "
             "operator-password)";
         if (!v.is_object()) return want;
         for (const auto& [name, hash] : v.items()) {
           if (name.empty() || !hash.is_string() ||
               !hash.get<std::string>().starts_with("pbkdf2-sha256$")) {
             return want;
           }
           c->operators[name] = hash.get<std::string>();
         }
         return "";
       }},
      {"handoff_wait_seconds",
       IntSetting(&Config::handoff_wait_seconds, 10, 86400)},
      {"handoff_per_client", IntSetting(&Config::handoff_per_client, 1, 500)},
  };
  return table;
}

}  // namespace

std::string RedisKeyPrefix(const Config& config, std::string_view part) {
  std::string prefix = config.redis_prefix;
  if (prefix.ends_with("s:")) prefix.resize(prefix.size() - 2);
  return prefix + std::string(part) + ":";
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
  // "name=hash;name=hash"
  if (const char* o = std::getenv("FAQBOT_OPERATORS"); o && *o) {
    std::string_view rest = o;
    while (!rest.empty()) {
      const std::size_t end = std::min(rest.find(';'), rest.size());
      const std::string_view entry = rest.substr(0, end);
      const std::size_t eq = entry.find('=');
      // Only hashes from `faqbot operator-password` (a password typed in
      // here by mistake must not become an account).
      if (eq != std::string_view::npos && eq > 0 &&
          entry.substr(eq + 1).starts_with("pbkdf2-sha256$")) {
        config->operators[std::string(entry.substr(0, eq))] =
            std::string(entry.substr(eq + 1));
      }
      rest = end < rest.size() ? rest.substr(end + 1) : std::string_view();
    }
  }
}

Result<BotOptions> MakeBotOptions(const Config& config,
                                  std::function<void(const std::string&)> log) {
  BotOptions options;
  options.session_idle_expiry =
      std::chrono::seconds(config.session_idle_seconds);
  options.max_sessions = static_cast<std::size_t>(config.max_sessions);
  options.handoff_per_client =
      static_cast<std::size_t>(config.handoff_per_client);
  // Shared sessions and a shared database: the bot's exchanges go to the
  // database through Redis, written there with the state, so none is lost
  // with an instance (redis_transcript_queue.h).
  std::shared_ptr<TranscriptSource> queue;
  if (config.sessions == "redis") {
    auto redis = RedisOptionsFrom(config);
    if (!redis) return std::unexpected(redis.error());
    redis->log = log;
    redis->max_sessions = options.max_sessions;
    if (IsPostgresUrl(config.transcripts)) {
      redis->transcript_stream = RedisKeyPrefix(config, "t") + "exchanges";
      queue = std::make_shared<RedisTranscriptQueue>(*redis,
                                                     redis->transcript_stream);
    }
    options.sessions = std::make_shared<RedisSessionStore>(*redis);
  }
  if (!config.operators.empty()) {
    if (config.sessions == "redis") {
      auto redis = RedisOptionsFrom(config);
      if (!redis) return std::unexpected(redis.error());
      redis->log = log;
      options.handoff = std::make_shared<RedisHandoffDesk>(
          *redis, RedisKeyPrefix(config, "h"));
    } else {
      options.handoff = std::make_shared<MemoryHandoffDesk>();
    }
  }
  if (!config.transcripts.empty()) {
    auto transcripts = TranscriptLog::Open(
        config.transcripts,
        {.flush_interval =
             std::chrono::milliseconds(config.transcript_flush_ms),
         .retention = std::chrono::days(config.transcript_retention_days),
         .key = config.transcript_key,
         .source = std::move(queue)});
    if (!transcripts) return std::unexpected(transcripts.error());
    options.transcripts = std::move(*transcripts);
  }
  return options;
}

}  // namespace faqbot::bot
