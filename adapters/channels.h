// The chat platforms `faqbot serve` can serve, made from the "channels"
// object of the config (README, "Channels"):
//
//   "channels": {
//     "rest": {},
//     "telegram": {"token": "...", "webhook_secret": "...", "mode": "webhook"},
//     "slack": {"signing_secret": "...", "bot_token": "xoxb-..."},
//     "messenger": {"app_secret": "...", "verify_token": "...",
//                   "page_access_token": "..."},
//     "whatsapp": {"app_secret": "...", "verify_token": "...",
//                  "access_token": "..."},
//     "directline": {"secret": "..."}
//   }
//
// A channel is on when its key is present. Every string setting may come
// from the environment instead: FAQBOT_<CHANNEL>_<SETTING> in capitals
// (FAQBOT_SLACK_SIGNING_SECRET), which wins over the file.
#ifndef FAQBOT_ADAPTERS_CHANNELS_H_
#define FAQBOT_ADAPTERS_CHANNELS_H_

#include <deque>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_set>
#include <vector>

#include "adapters/channel.h"
#include "bot/config.h"

namespace faqbot::adapters {

// One channel's settings: the config object plus environment overrides.
class ChannelSettings {
 public:
  ChannelSettings(std::string channel, const nlohmann::json& object);
  // The string setting `key`, or `fallback`.
  std::string Get(const std::string& key,
                  const std::string& fallback = "") const;
  int GetInt(const std::string& key, int fallback) const;
  // Errors for missing required settings and for keys not in `known`.
  Status Check(const std::vector<std::string>& required,
               const std::vector<std::string>& known) const;
  const std::string& channel() const { return channel_; }

 private:
  // FAQBOT_<CHANNEL>_<KEY>, in capitals.
  std::string EnvName(const std::string& key) const;

  std::string channel_;
  nlohmann::json object_;
};

// Builds the channels named in `channels`; errors name the setting. With
// sessions in Redis (`shared`), Direct Line keeps its conversations there
// too.
Result<std::vector<std::shared_ptr<Channel>>> MakeChannels(
    const nlohmann::json& channels, bot::Bot& bot,
    const std::string& public_url, const bot::Config& shared = {});

Result<std::shared_ptr<Channel>> MakeRestChannel(const ChannelSettings& s,
                                                 bot::Bot& bot);
Result<std::shared_ptr<Channel>> MakeTelegramChannel(const ChannelSettings& s,
                                                     bot::Bot& bot);
Result<std::shared_ptr<Channel>> MakeSlackChannel(const ChannelSettings& s,
                                                  bot::Bot& bot);
// Direct Line 3.0 (Bot Framework clients); `public_url` is where clients
// reach this server ("http://host:port"), for the stream URLs it hands out.
Result<std::shared_ptr<Channel>> MakeDirectLineChannel(
    const ChannelSettings& s, bot::Bot& bot, const std::string& public_url,
    const bot::Config& shared = {});
// "messenger" or "whatsapp", by s.channel().
Result<std::shared_ptr<Channel>> MakeMetaChannel(const ChannelSettings& s,
                                                 bot::Bot& bot);

// Ids of recently seen deliveries, to process a re-delivered one once.
class RecentIds {
 public:
  explicit RecentIds(std::size_t capacity = 10000) : capacity_(capacity) {}
  // True the first time `id` is seen (among the last `capacity` ids).
  bool Insert(const std::string& id);

 private:
  std::size_t capacity_;
  std::mutex mu_;
  std::unordered_set<std::string> ids_;  // guarded by mu_
  std::deque<std::string> order_;        // guarded by mu_
};

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_CHANNELS_H_
