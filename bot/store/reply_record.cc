#include "bot/store/reply_record.h"

#include <nlohmann/json.hpp>

namespace faqbot::bot {
namespace {

using dialogs::Reply;
using dialogs::ReplyKind;
using dialogs::ReplyPart;
using nlohmann::json;

constexpr std::size_t kMaxListed = 64;  // choices, parts

// The fields a whole reply and each of its parts share.
template <typename R>
void PutCommon(const R& r, json* j) {
  (*j)["k"] = static_cast<int>(r.kind);
  (*j)["x"] = r.text;
  (*j)["n"] = r.node;
  if (r.source) (*j)["s"] = {r.source->section, r.source->title};
  if (!r.source_line.empty()) (*j)["sl"] = r.source_line;
  if (!r.caveat.empty()) (*j)["cv"] = r.caveat;
  if (!r.not_covered.empty()) (*j)["nc"] = r.not_covered;
}

// `j[key]` into *out when it is a string; absent is fine.
bool Text(const json& j, const char* key, std::string* out) {
  const auto it = j.find(key);
  if (it == j.end()) return true;
  if (!it->is_string()) return false;
  *out = it->get<std::string>();
  return true;
}

template <typename R>
bool GetCommon(const json& j, R* r) {
  const auto kind = j.find("k");
  if (kind == j.end() || !kind->is_number_integer() || *kind < 0 ||
      *kind > static_cast<int>(ReplyKind::kHeld)) {
    return false;
  }
  r->kind = static_cast<ReplyKind>(kind->get<int>());
  if (const auto s = j.find("s"); s != j.end()) {
    if (!s->is_array() || s->size() != 2 || !(*s)[0].is_number_integer() ||
        !(*s)[1].is_string()) {
      return false;
    }
    r->source = dialogs::Source{(*s)[0].get<int>(), (*s)[1].get<std::string>()};
  }
  return Text(j, "x", &r->text) && Text(j, "n", &r->node) &&
         Text(j, "sl", &r->source_line) && Text(j, "cv", &r->caveat) &&
         Text(j, "nc", &r->not_covered);
}

bool GetLists(const json& j, Reply* r) {
  if (const auto c = j.find("c"); c != j.end()) {
    if (!c->is_array() || c->size() > kMaxListed) return false;
    for (const auto& pair : *c) {
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() ||
          !pair[1].is_string()) {
        return false;
      }
      r->choices.push_back(
          {pair[0].get<std::string>(), pair[1].get<std::string>()});
    }
  }
  if (const auto parts = j.find("ps"); parts != j.end()) {
    if (!parts->is_array() || parts->size() > kMaxListed) return false;
    for (const auto& p : *parts) {
      ReplyPart part;
      if (!p.is_object() || !GetCommon(p, &part) ||
          !Text(p, "q", &part.question)) {
        return false;
      }
      r->parts.push_back(std::move(part));
    }
  }
  return true;
}

}  // namespace

json EncodeReply(const Reply& reply) {
  json j = json::object();
  PutCommon(reply, &j);
  if (!reply.intent.empty()) j["i"] = reply.intent;
  if (reply.confidence != 0) j["f"] = reply.confidence;
  for (const auto& [key, value] : {std::pair{"l", &reply.label},
                                   {"d", &reply.disclaimer},
                                   {"o", &reply.notice},
                                   {"op", &reply.operator_name},
                                   {"a", &reply.article},
                                   {"at", &reply.article_title}}) {
    if (!value->empty()) j[key] = *value;
  }
  if (!reply.choices.empty()) {
    json choices = json::array();
    for (const auto& c : reply.choices) choices.push_back({c.id, c.title});
    j["c"] = std::move(choices);
  }
  if (!reply.parts.empty()) {
    json parts = json::array();
    for (const ReplyPart& p : reply.parts) {
      json part = json::object();
      PutCommon(p, &part);
      if (!p.question.empty()) part["q"] = p.question;
      parts.push_back(std::move(part));
    }
    j["ps"] = std::move(parts);
  }
  return j;
}

std::optional<Reply> DecodeReply(const json& j) {
  Reply r;
  if (!j.is_object() || !GetCommon(j, &r) || !Text(j, "i", &r.intent) ||
      !Text(j, "l", &r.label) || !Text(j, "d", &r.disclaimer) ||
      !Text(j, "o", &r.notice) || !Text(j, "op", &r.operator_name) ||
      !Text(j, "a", &r.article) || !Text(j, "at", &r.article_title) ||
      !GetLists(j, &r)) {
    return std::nullopt;
  }
  if (const auto f = j.find("f"); f != j.end()) {
    if (!f->is_number()) return std::nullopt;
    r.confidence = f->get<double>();
  }
  return r;
}

}  // namespace faqbot::bot
