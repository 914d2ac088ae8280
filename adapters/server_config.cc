#include "adapters/server_config.h"

#include <nlohmann/json.hpp>

#include "bot/pack_loader.h"

namespace faqbot::adapters {

Status LoadServerConfig(std::string_view path, ServerConfig* c) {
  auto text = bot::ReadFile(std::string(path));
  if (!text) return std::unexpected(text.error());
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(*text);
  } catch (const nlohmann::json::parse_error& e) {
    return std::unexpected(Error::ParseError(std::string(path) +
                                             ": invalid JSON at byte " +
                                             std::to_string(e.byte)));
  } catch (const nlohmann::json::exception& e) {
    return std::unexpected(
        Error::ParseError(std::string(path) + ": invalid JSON: " + e.what()));
  }
  if (!j.is_object()) {
    return std::unexpected(
        Error::ParseError(std::string(path) + ": expected a JSON object"));
  }
  for (const auto& [key, value] : j.items()) {
    const auto wrong = [&](const char* want) {
      return std::unexpected(Error::InvalidArgument(
          std::string(path) + ": \"" + key + "\" must be " + want));
    };
    if (key == "host" || key == "pack") {
      if (!value.is_string()) return wrong("a string");
      (key == "host" ? c->host : c->pack) = value.get<std::string>();
    } else if (key == "port" || key == "threads" || key == "max_connections" ||
               key == "idle_timeout_seconds" ||
               key == "request_timeout_seconds" ||
               key == "session_idle_seconds") {
      if (!value.is_number_integer() || value.get<long>() < 0) {
        return wrong("a non-negative integer");
      }
      const int v = value.get<int>();
      if (key == "port") c->port = v;
      if (key == "threads") c->threads = v;
      if (key == "max_connections") c->max_connections = v;
      if (key == "idle_timeout_seconds") c->idle_timeout_seconds = v;
      if (key == "session_idle_seconds") c->session_idle_seconds = v;
      if (key == "request_timeout_seconds") c->request_timeout_seconds = v;
    } else if (key == "max_frame_bytes") {
      if (!value.is_number_integer() || value.get<long>() < 64) {
        return wrong("an integer of at least 64");
      }
      c->max_frame_bytes = value.get<std::size_t>();
    } else if (key == "messages_per_second") {
      if (!value.is_number() || value.get<double>() <= 0) {
        return wrong("a positive number");
      }
      c->messages_per_second = value.get<double>();
    } else if (key == "allowed_origins") {
      if (!value.is_array()) return wrong("a list of strings");
      c->allowed_origins.clear();
      for (const auto& o : value) {
        if (!o.is_string()) return wrong("a list of strings");
        c->allowed_origins.push_back(o.get<std::string>());
      }
    } else if (key == "log_messages") {
      if (!value.is_boolean()) return wrong("true or false");
      c->log_messages = value.get<bool>();
    } else {
      return std::unexpected(Error::InvalidArgument(
          std::string(path) + ": unknown setting \"" + key +
          "\" (see adapters/server_config.h for the list)"));
    }
  }
  return Ok();
}

}  // namespace faqbot::adapters
