#include "adapters/channels.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "adapters/log.h"

namespace faqbot::adapters {

ChannelSettings::ChannelSettings(std::string channel,
                                 const nlohmann::json& object)
    : channel_(std::move(channel)),
      object_(object.is_object() ? object : nlohmann::json::object()) {}

std::string ChannelSettings::EnvName(const std::string& key) const {
  std::string env = "FAQBOT_" + channel_ + "_" + key;
  std::transform(env.begin(), env.end(), env.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  return env;
}

std::string ChannelSettings::Get(const std::string& key,
                                 const std::string& fallback) const {
  std::string value = fallback;
  if (const char* v = std::getenv(EnvName(key).c_str()); v && *v) {
    value = v;
  } else if (const auto it = object_.find(key);
             it != object_.end() && it->is_string()) {
    value = it->get<std::string>();
  }
  // Credentials are kept out of every log line.
  if (key.find("secret") != std::string::npos ||
      key.find("token") != std::string::npos) {
    AddSecret(value);
  }
  return value;
}

int ChannelSettings::GetInt(const std::string& key, int fallback) const {
  const auto it = object_.find(key);
  if (it != object_.end() && it->is_number_integer()) return it->get<int>();
  return fallback;
}

Status ChannelSettings::Check(const std::vector<std::string>& required,
                              const std::vector<std::string>& known) const {
  for (const auto& [key, value] : object_.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      return std::unexpected(Error::InvalidArgument(
          "channels." + channel_ + ": unknown setting \"" + key + "\""));
    }
    if (!value.is_string() && !value.is_number_integer()) {
      return std::unexpected(Error::InvalidArgument(
          "channels." + channel_ + "." + key + " must be a string"));
    }
  }
  for (const auto& key : required) {
    if (Get(key).empty()) {
      return std::unexpected(
          Error::InvalidArgument("channels." + channel_ + "." + key +
                                 " is required (or set " + EnvName(key) + ")"));
    }
  }
  return Ok();
}

Result<std::vector<std::shared_ptr<Channel>>> MakeChannels(
    const nlohmann::json& channels, bot::Bot& bot,
    const std::string& public_url, const bot::Config& shared) {
  std::vector<std::shared_ptr<Channel>> out;
  if (channels.is_null()) return out;
  if (!channels.is_object()) {
    return std::unexpected(
        Error::InvalidArgument("\"channels\" must be an object"));
  }
  for (const auto& [name, object] : channels.items()) {
    if (!object.is_object()) {
      return std::unexpected(Error::InvalidArgument(
          "channels." + name + " must be an object of settings"));
    }
    const ChannelSettings settings(name, object);
    Result<std::shared_ptr<Channel>> channel =
        name == "rest"       ? MakeRestChannel(settings, bot)
        : name == "telegram" ? MakeTelegramChannel(settings, bot)
        : name == "slack"    ? MakeSlackChannel(settings, bot)
        : name == "messenger" || name == "whatsapp"
            ? MakeMetaChannel(settings, bot)
        : name == "directline"
            ? MakeDirectLineChannel(settings, bot, public_url, shared)
            : std::unexpected(Error::InvalidArgument(
                  "channels: unknown channel \"" + name +
                  "\" (rest, telegram, slack, messenger, whatsapp, "
                  "directline)"));
    if (!channel) return std::unexpected(channel.error());
    out.push_back(std::move(*channel));
  }
  return out;
}

bool RecentIds::Insert(const std::string& id) {
  std::lock_guard lock(mu_);
  if (!ids_.insert(id).second) return false;
  order_.push_back(id);
  if (order_.size() > capacity_) {
    ids_.erase(order_.front());
    order_.pop_front();
  }
  return true;
}

}  // namespace faqbot::adapters
