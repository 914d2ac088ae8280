// The Reply on the wire: the JSON the widget's WebSocket and `faqbot chat
// --jsonl` send, in the shape of design.md's Reply. One writer, used by
// every adapter that speaks this JSON.
#ifndef FAQBOT_ADAPTERS_REPLY_JSON_H_
#define FAQBOT_ADAPTERS_REPLY_JSON_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "dialogs/reply.h"

namespace faqbot::adapters {

// {"choices": [{"id", "title"}], "confidence", "intent", "kind", "node"
//  (or null), "source": {"section", "title"} (or null; in a library
//  also "article", its title, and "pack"), "text"}, plus
// "disclaimer" on a session's first reply, "notice", "caveat" (what the
// article does not say; that the bot cannot read a personal report),
// "not_covered" (the subject named in a refusal) and "parts" (several
// questions: [{"caveat", "kind", "node", "not_covered", "source",
// "text"}], with "text" holding them all) when there are, plus the string
// fields `extra` ({"type", "reply"}, {"session", id}). Written directly,
// without building a JSON tree per message.
std::string ReplyToJsonText(
    const dialogs::Reply& reply,
    std::initializer_list<std::pair<std::string_view, std::string_view>> extra);

// Appends `s` as a JSON string literal (quotes included). Control
// characters, '"' and '\\' are escaped; other bytes pass through, so `s`
// must be valid UTF-8.
void AppendJsonString(std::string* out, std::string_view s);

// Appends a reply's confidence rounded to three decimals, as a JSON number
// ("0.877"; "0.0" and "1.0" for the ends).
void AppendConfidence(std::string* out, double confidence);

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_REPLY_JSON_H_
