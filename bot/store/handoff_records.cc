#include "bot/store/handoff_records.h"

#include <nlohmann/json.hpp>

#include "intents/utf8.h"

namespace faqbot::bot {

std::string EncodeLine(const HandoffLine& line) {
  const nlohmann::json j = {
      {"t", line.time_ms}, {"f", line.from}, {"x", line.text}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<HandoffLine> DecodeLine(std::string_view record) {
  if (record.size() > kMaxHandoffRecordBytes) return std::nullopt;
  const auto j = nlohmann::json::parse(record, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  const auto t = j.find("t");
  const auto f = j.find("f");
  const auto x = j.find("x");
  if (t == j.end() || !t->is_number_integer() || f == j.end() ||
      !f->is_string() || x == j.end() || !x->is_string()) {
    return std::nullopt;
  }
  HandoffLine line{.time_ms = t->get<int64_t>(),
                   .from = f->get<std::string>(),
                   .text = x->get<std::string>()};
  if (line.from.empty() || line.from.size() > 100 ||
      intents::FindControl(line.from) || !MailTextOk(line.text)) {
    return std::nullopt;
  }
  return line;
}

std::string EncodeEnded(const EndedHandoff& e) {
  const nlohmann::json j = {
      {"i", e.handoff.id},    {"c", e.handoff.channel},
      {"a", e.handoff.asked}, {"o", e.handoff.operator_name},
      {"w", e.outcome},       {"r", e.handoff.requested_ms},
      {"e", e.ended_ms}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<EndedHandoff> DecodeEnded(std::string_view record) {
  if (record.size() > kMaxHandoffRecordBytes) return std::nullopt;
  const auto j = nlohmann::json::parse(record, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  EndedHandoff e;
  const std::pair<const char*, std::string*> texts[] = {
      {"i", &e.handoff.id},
      {"c", &e.handoff.channel},
      {"a", &e.handoff.asked},
      {"o", &e.handoff.operator_name},
      {"w", &e.outcome}};
  for (const auto& [key, to] : texts) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    *to = it->get<std::string>();
    if (!HandoffFieldOk(*to)) return std::nullopt;
  }
  const auto r = j.find("r");
  const auto t = j.find("e");
  if (r == j.end() || !r->is_number_integer() || t == j.end() ||
      !t->is_number_integer() || e.handoff.id.empty()) {
    return std::nullopt;
  }
  e.handoff.requested_ms = r->get<int64_t>();
  e.ended_ms = t->get<int64_t>();
  return e;
}

bool HandoffFieldOk(std::string_view field) {
  return field.size() <= 300 && !intents::FindInvalidUtf8(field) &&
         !intents::FindControl(field);
}

bool MailTextOk(std::string_view text) {
  return text.size() <= kMaxHandoffRecordBytes &&
         !intents::FindInvalidUtf8(text) && !intents::FindControl(text);
}

}  // namespace faqbot::bot
