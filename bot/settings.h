// Settings tables: how a JSON config file is read into a plain struct,
// one row per setting, each with its type and allowed range, so every
// wrong value gets an error naming the setting and what it must be.
//
//   const SettingTable<Config> table = {
//       {"max_sessions", IntSetting(&Config::max_sessions, 100, 1000000)},
//   };
//   if (auto want = ReadFromTable(table, key, value, &config); want &&
//       !want->empty()) error: "\"" + key + "\" must be " + *want
#ifndef FAQBOT_BOT_SETTINGS_H_
#define FAQBOT_BOT_SETTINGS_H_

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace faqbot::bot {

// Reads one value into the struct; returns "" or what the value must be.
template <typename T>
using SettingReader = std::function<std::string(const nlohmann::json&, T*)>;
template <typename T>
using SettingTable = std::map<std::string, SettingReader<T>, std::less<>>;

template <typename T>
SettingReader<T> TextSetting(std::string T::*field) {
  return [field](const nlohmann::json& v, T* c) -> std::string {
    if (!v.is_string()) return "a string";
    c->*field = v.get<std::string>();
    return "";
  };
}

template <typename T>
SettingReader<T> ChoiceSetting(std::string T::*field,
                               std::vector<std::string> choices) {
  return [field, choices](const nlohmann::json& v, T* c) -> std::string {
    for (const auto& choice : choices) {
      if (v.is_string() && v == choice) {
        c->*field = choice;
        return "";
      }
    }
    std::string want;
    for (const auto& choice : choices) {
      want += (want.empty() ? "" : " or ") + ("\"" + choice + "\"");
    }
    return want;
  };
}

template <typename T, typename Int>
SettingReader<T> IntSetting(Int T::*field, long long min, long long max) {
  return [field, min, max](const nlohmann::json& v, T* c) -> std::string {
    if (!v.is_number_integer() || v.get<long long>() < min ||
        v.get<long long>() > max) {
      return "a whole number from " + std::to_string(min) + " to " +
             std::to_string(max);
    }
    c->*field = static_cast<Int>(v.get<long long>());
    return "";
  };
}

template <typename T>
SettingReader<T> NumberSetting(double T::*field, double min, double max) {
  return [field, min, max](const nlohmann::json& v, T* c) -> std::string {
    if (!v.is_number() || v.get<double>() < min || v.get<double>() > max) {
      char range[64];
      std::snprintf(range, sizeof range, "a number from %.10g to %.10g", min,
                    max);
      return range;
    }
    c->*field = v.get<double>();
    return "";
  };
}

// nullopt when `key` is not in the table; else "" or what it must be.
template <typename T>
std::optional<std::string> ReadFromTable(const SettingTable<T>& table,
                                         std::string_view key,
                                         const nlohmann::json& value,
                                         T* config) {
  const auto it = table.find(key);
  if (it == table.end()) return std::nullopt;
  return it->second(value, config);
}

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_SETTINGS_H_
