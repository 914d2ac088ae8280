#include "adapters/server_config.h"

#include <cstdlib>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "bot/pack_loader.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;
// Reads one setting into the config; returns "" or what the value must be.
using Reader = std::function<std::string(const json&, ServerConfig*)>;

template <typename T>
Reader Text(T ServerConfig::*field) {
  return [field](const json& v, ServerConfig* c) -> std::string {
    if (!v.is_string()) return "a string";
    c->*field = v.get<std::string>();
    return "";
  };
}

Reader Integer(int ServerConfig::*field, int min = 0) {
  return [field, min](const json& v, ServerConfig* c) -> std::string {
    if (!v.is_number_integer() || v.get<long>() < min ||
        v.get<long>() > 1'000'000'000) {
      return "an integer of at least " + std::to_string(min);
    }
    c->*field = v.get<int>();
    return "";
  };
}

const std::map<std::string, Reader, std::less<>>& Readers() {
  static const auto* readers = new std::map<std::string, Reader, std::less<>>{
      {"host", Text(&ServerConfig::host)},
      {"pack", Text(&ServerConfig::pack)},
      {"port", Integer(&ServerConfig::port)},
      {"threads", Integer(&ServerConfig::threads)},
      {"max_connections", Integer(&ServerConfig::max_connections)},
      {"idle_timeout_seconds", Integer(&ServerConfig::idle_timeout_seconds)},
      {"request_timeout_seconds",
       Integer(&ServerConfig::request_timeout_seconds)},
      {"session_idle_seconds", Integer(&ServerConfig::session_idle_seconds, 1)},
      {"max_frame_bytes",
       [](const json& v, ServerConfig* c) -> std::string {
         if (!v.is_number_integer() || v.get<long>() < 64) {
           return "an integer of at least 64";
         }
         c->max_frame_bytes = v.get<std::size_t>();
         return "";
       }},
      {"messages_per_second",
       [](const json& v, ServerConfig* c) -> std::string {
         if (!v.is_number() || v.get<double>() <= 0) return "a positive number";
         c->messages_per_second = v.get<double>();
         return "";
       }},
      {"allowed_origins",
       [](const json& v, ServerConfig* c) -> std::string {
         if (!v.is_array()) return "a list of strings";
         c->allowed_origins.clear();
         for (const auto& o : v) {
           if (!o.is_string()) return "a list of strings";
           c->allowed_origins.push_back(o.get<std::string>());
         }
         return "";
       }},
      {"log_messages",
       [](const json& v, ServerConfig* c) -> std::string {
         if (!v.is_boolean()) return "true or false";
         c->log_messages = v.get<bool>();
         return "";
       }},
      {"sessions",
       [](const json& v, ServerConfig* c) -> std::string {
         if (!v.is_string() || (v != "memory" && v != "redis")) {
           return "\"memory\" or \"redis\"";
         }
         c->sessions = v.get<std::string>();
         return "";
       }},
      {"redis", Text(&ServerConfig::redis)},
      {"redis_password", Text(&ServerConfig::redis_password)},
      {"redis_prefix", Text(&ServerConfig::redis_prefix)},
      {"transcripts", Text(&ServerConfig::transcripts)},
      {"public_url", Text(&ServerConfig::public_url)},
      {"channels",
       [](const json& v, ServerConfig* c) -> std::string {
         if (!v.is_object()) return "an object of channels (see README)";
         c->channels = v;
         return "";
       }},
      {"transcript_flush_ms", Integer(&ServerConfig::transcript_flush_ms, 1)},
  };
  return *readers;
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
    const auto it = Readers().find(key);
    if (it == Readers().end()) {
      return std::unexpected(Error::InvalidArgument(
          std::string(path) + ": unknown setting \"" + key +
          "\" (see adapters/server_config.h for the list)"));
    }
    if (const std::string want = it->second(value, c); !want.empty()) {
      return std::unexpected(Error::InvalidArgument(
          std::string(path) + ": \"" + key + "\" must be " + want));
    }
  }
  return Ok();
}

void ApplyEnvironment(ServerConfig* c) {
  if (const char* p = std::getenv("FAQBOT_REDIS_PASSWORD"); p && *p) {
    c->redis_password = p;
  }
}

}  // namespace faqbot::adapters
