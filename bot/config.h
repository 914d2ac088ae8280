// bot::Config: the bot's own settings, the same for every way faqbot is
// run (serve, chat, test, transcripts): which pack, where sessions live,
// where exchanges are recorded, how long a session is kept. A plain struct
// with its defaults; README lists them. `faqbot serve` embeds it in its
// ServerConfig (adapters/server_config.h), whose JSON file holds both:
//
//   {"pack": "content/liver-calcification", "sessions": "redis",
//    "redis": "127.0.0.1:6379", "transcripts": "data/transcripts.db"}
//
// MakeBotOptions() turns a Config into the parts a Bot runs with (a Redis
// session store, a transcript log).
#ifndef FAQBOT_BOT_CONFIG_H_
#define FAQBOT_BOT_CONFIG_H_

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "bot/bot.h"
#include "bot/store/redis_session_store.h"

namespace faqbot::bot {

struct Config {
  // The content pack folder ("" for the default liver pack).
  std::string pack;
  // A library instead: a folder of pack folders, all served by one bot
  // (bot.h); "" for one pack.
  std::string packs;
  // Where dialog state lives: "memory" (this process) or "redis" (shared
  // by every instance using the same Redis; see redis_session_store.h).
  std::string sessions = "memory";
  // Redis address, host:port; its password (or FAQBOT_REDIS_PASSWORD); and
  // a key prefix so several bots can share one Redis.
  std::string redis = "127.0.0.1:6379";
  std::string redis_password;
  std::string redis_prefix = "faqbot:s:";
  // Dialog state of a session is forgotten after this long without use.
  int session_idle_seconds = 3600;
  // Sessions kept in this process's memory at most; the least recently
  // used go first when a new one would exceed it.
  int max_sessions = 100000;
  // SQLite database that records every exchange ("" records nothing).
  std::string transcripts = "data/transcripts.db";
  // The transcript is written this often; a crash loses at most this much.
  int transcript_flush_ms = 200;
  // Exchanges older than this many days are deleted.
  int transcript_retention_days = 30;
  // Key of the hash that replaces session and platform ids (phone
  // numbers) in the transcript; FAQBOT_TRANSCRIPT_KEY, else a random key
  // kept in "<transcripts>.key" (mode 0600).
  std::string transcript_key;
  // Operator accounts for handoff and the console: name -> password hash
  // (`faqbot operator-password`). None: no console, and asking for a
  // person is answered with handoff_unavailable. FAQBOT_OPERATORS
  // ("name=hash;name=hash") adds to them.
  std::map<std::string, std::string> operators;
  // A person waiting this long for an operator is told no one came, and
  // the bot goes on.
  int handoff_wait_seconds = 300;
  // Conversations from one client address waiting for a person at once.
  int handoff_per_client = 3;
};

// Reads the setting `key` into `config`. Returns nullopt when `key` is not
// a bot setting, "" when it was read, else what the value must be ("a
// number from 1 to 3650").
std::optional<std::string> ReadSetting(std::string_view key,
                                       const nlohmann::json& value,
                                       Config* config);

// Secrets from the environment override the file: FAQBOT_REDIS_PASSWORD,
// FAQBOT_TRANSCRIPT_KEY, FAQBOT_OPERATORS.
void ApplyEnvironment(Config* config);

// Redis's address, password, timeout from `config` (for the stores that
// share state through it); errors name the setting.
Result<RedisOptions> RedisOptionsFrom(const Config& config);
// Keys of `part` beside the sessions': "faqbot:s:" -> "faqbot:<part>:".
std::string RedisKeyPrefix(const Config& config, std::string_view part);

// The session store, transcript log and handoff desk (when there are
// operators; in Redis when sessions are) `config` asks for; errors name the
// setting (a bad Redis address, a transcript file that cannot be opened).
// `log` receives the stores' own log lines (Redis down and back).
Result<BotOptions> MakeBotOptions(const Config& config,
                                  std::function<void(const std::string&)> log);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_CONFIG_H_
