#include "adapters/server_config.h"

#include <nlohmann/json.hpp>

#include "bot/pack_loader.h"
#include "bot/settings.h"

namespace faqbot::adapters {
namespace {

using bot::IntSetting;
using bot::NumberSetting;
using bot::TextSetting;
using nlohmann::json;

bot::SettingReader<ServerConfig> TextList(
    std::vector<std::string> ServerConfig::*field) {
  return [field](const json& v, ServerConfig* c) -> std::string {
    if (!v.is_array()) return "a list of strings";
    std::vector<std::string> list;
    for (const auto& item : v) {
      if (!item.is_string()) return "a list of strings";
      list.push_back(item.get<std::string>());
    }
    c->*field = std::move(list);
    return "";
  };
}

const bot::SettingTable<ServerConfig>& Settings() {
  static const bot::SettingTable<ServerConfig> table = {
      {"host", TextSetting(&ServerConfig::host)},
      {"port", IntSetting(&ServerConfig::port, 0, 65535)},
      {"threads", IntSetting(&ServerConfig::threads, 0, 256)},
      {"storage_threads", IntSetting(&ServerConfig::storage_threads, 0, 256)},
      {"max_frame_bytes",
       IntSetting(&ServerConfig::max_frame_bytes, 64, 16 << 20)},
      {"messages_per_second",
       NumberSetting(&ServerConfig::messages_per_second, 1, 1e6)},
      {"max_connections",
       IntSetting(&ServerConfig::max_connections, 1, 10'000'000)},
      {"max_connections_per_ip",
       IntSetting(&ServerConfig::max_connections_per_ip, 1, 10'000'000)},
      {"client_ip_header", TextSetting(&ServerConfig::client_ip_header)},
      {"trusted_proxies", TextList(&ServerConfig::trusted_proxies)},
      {"allowed_origins", TextList(&ServerConfig::allowed_origins)},
      {"idle_timeout_seconds",
       IntSetting(&ServerConfig::idle_timeout_seconds, 1, 86400)},
      {"request_timeout_seconds",
       IntSetting(&ServerConfig::request_timeout_seconds, 1, 3600)},
      {"log_messages",
       [](const json& v, ServerConfig* c) -> std::string {
         if (!v.is_boolean()) return "true or false";
         c->log_messages = v.get<bool>();
         return "";
       }},
      {"secure_cookies",
       [](const json& v, ServerConfig* c) -> std::string {
         if (!v.is_boolean()) return "true or false";
         c->secure_cookies = v.get<bool>();
         return "";
       }},
      {"public_url", TextSetting(&ServerConfig::public_url)},
      {"channels",
       [](const json& v, ServerConfig* c) -> std::string {
         if (!v.is_object()) return "an object of channels (see README)";
         c->channels = v;
         return "";
       }},
  };
  return table;
}

}  // namespace

Status LoadServerConfig(std::string_view path, ServerConfig* c) {
  auto text = bot::ReadFile(std::string(path));
  if (!text) return std::unexpected(text.error());
  const json j = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return std::unexpected(
        Error::ParseError(std::string(path) + ": invalid JSON"));
  }
  if (!j.is_object()) {
    return std::unexpected(
        Error::ParseError(std::string(path) + ": expected a JSON object"));
  }
  for (const auto& [key, value] : j.items()) {
    auto want = bot::ReadFromTable(Settings(), key, value, c);
    if (!want) want = bot::ReadSetting(key, value, &c->bot);
    if (!want) {
      return std::unexpected(
          Error::InvalidArgument(std::string(path) + ": unknown setting \"" +
                                 key + "\" (README lists the settings)"));
    }
    if (!want->empty()) {
      return std::unexpected(Error::InvalidArgument(
          std::string(path) + ": \"" + key + "\" must be " + *want + ", not " +
          value.dump(-1, ' ', false, json::error_handler_t::replace)));
    }
  }
  return Ok();
}

void ApplyEnvironment(ServerConfig* c) { bot::ApplyEnvironment(&c->bot); }

int StorageThreads(const ServerConfig& config) {
  // Each thread waits on one Redis round trip at a time: 16 keep a
  // thousand messages a second flowing with Redis a few ms away.
  if (config.storage_threads >= 0) return config.storage_threads;
  return config.bot.sessions == "redis" ? 16 : 0;
}

}  // namespace faqbot::adapters
