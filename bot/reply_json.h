// Reply <-> JSON, in the shape of design.md's Reply, shared by every
// adapter that speaks JSON.
#ifndef FAQBOT_BOT_REPLY_JSON_H_
#define FAQBOT_BOT_REPLY_JSON_H_

#include <nlohmann/json.hpp>

#include "dialogs/reply.h"

namespace faqbot::bot {

// {"kind", "text", "choices": [{"id", "title"}], "intent", "node",
//  "confidence", "source": {"section", "title"} or null}, plus
// "disclaimer" on a session's first reply and "notice" when there is one.
nlohmann::json ReplyToJson(const dialogs::Reply& reply);

// The same JSON as ReplyToJson(reply).dump(), plus string fields `extra`
// ({"type", "reply"}, {"session", id}), written directly: the hot path of
// every adapter, without building a JSON tree per message.
std::string ReplyToJsonText(
    const dialogs::Reply& reply,
    std::initializer_list<std::pair<std::string_view, std::string_view>> extra);

// Appends `s` as a JSON string literal (quotes included). Control
// characters, '"' and '\\' are escaped; other bytes pass through, so `s`
// must be valid UTF-8.
void AppendJsonString(std::string* out, std::string_view s);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_REPLY_JSON_H_
