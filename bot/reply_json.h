// Reply <-> JSON, in the shape of design.md's Reply, shared by every
// adapter that speaks JSON.
#ifndef FAQBOT_BOT_REPLY_JSON_H_
#define FAQBOT_BOT_REPLY_JSON_H_

#include <nlohmann/json.hpp>

#include "dialogs/reply.h"

namespace faqbot::bot {

// {"kind", "text", "choices": [{"id", "title"}], "intent", "node",
//  "confidence", "source": {"section", "title"} or null}, plus
// "disclaimer" on a session's first reply.
nlohmann::json ReplyToJson(const dialogs::Reply& reply);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_REPLY_JSON_H_
