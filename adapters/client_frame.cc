#include "adapters/client_frame.h"

#include <nlohmann/json.hpp>

namespace faqbot::adapters {

bool IsMessageId(std::string_view id) {
  if (id.empty() || id.size() > bot::Session::kMaxMessageIdBytes) return false;
  for (const char c : id) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                       c == '.' || c == ':';
    if (!plain) return false;
  }
  return true;
}

Result<bot::Message> ParseClientFrame(std::string_view payload,
                                      std::string* id) {
  using nlohmann::json;
  const auto bad = [](std::string what) {
    return std::unexpected(Error::InvalidArgument(std::move(what)));
  };
  json request;
  try {
    request = json::parse(payload);
  } catch (const json::parse_error& e) {
    return bad("invalid JSON at byte " + std::to_string(e.byte) +
               "; send {\"text\": \"...\"} or {\"choice\": \"<id>\"}");
  } catch (const json::exception&) {
    // Valid syntax the parser still refuses, such as a number too large
    // for a double ("2e6666"): found by fuzz_client_frame.
    return bad("invalid JSON (a value out of range); send {\"text\": \"...\"}");
  }
  if (!request.is_object()) {
    return bad("expected a JSON object: {\"text\": \"...\"}");
  }
  bot::Message message;
  if (const auto i = request.find("id"); i != request.end()) {
    if (!i->is_string() || !IsMessageId(i->get_ref<const std::string&>())) {
      return bad("\"id\" must be 1 to 64 letters, digits or - _ . :");
    }
    if (id) {
      *id = i->get<std::string>();
      message.id = *id;
    }
  }
  // In a library: the article whose page the widget sits on.
  if (const auto p = request.find("page"); p != request.end()) {
    if (!p->is_string() || !IsMessageId(p->get_ref<const std::string&>())) {
      return bad(
          "\"page\" must be a pack name: 1 to 64 letters, digits or "
          "- _ . :");
    }
    message.page = p->get<std::string>();
  }
  if (const auto c = request.find("choice"); c != request.end()) {
    if (!c->is_string()) return bad("\"choice\" must be a string id");
    message.choice = c->get<std::string>();
  } else if (const auto t = request.find("text"); t != request.end()) {
    if (!t->is_string()) return bad("\"text\" must be a string");
    message.text = t->get<std::string>();
  } else {
    return bad("missing \"text\" (or \"choice\")");
  }
  return message;
}

}  // namespace faqbot::adapters
