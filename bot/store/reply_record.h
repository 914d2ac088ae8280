// A Reply as compact JSON and back, for records that keep a reply: the
// session record keeps the reply to the last message that carried an id,
// so a message sent again (a widget that reconnected before the reply
// came) is answered from the record instead of running the turn twice.
// DecodeReply never throws: malformed text, fields of the wrong type and
// lists over their bounds give nullopt. Threads: any (pure functions).
#ifndef FAQBOT_BOT_STORE_REPLY_RECORD_H_
#define FAQBOT_BOT_STORE_REPLY_RECORD_H_

#include <nlohmann/json_fwd.hpp>
#include <optional>

#include "dialogs/reply.h"

namespace faqbot::bot {

nlohmann::json EncodeReply(const dialogs::Reply& reply);
std::optional<dialogs::Reply> DecodeReply(const nlohmann::json& j);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_STORE_REPLY_RECORD_H_
