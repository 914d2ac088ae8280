// What a chat client sends in one WebSocket frame, parsed and checked:
// {"text": "..."} or {"choice": "<id>"}, with an optional message "id"
// (into *id when given; the message's id then views it) and, for a
// library, the "page" (pack name) the widget sits on. Shared by the
// server and its fuzz target; the error says what was wrong, for an
// error frame.
#ifndef FAQBOT_ADAPTERS_CLIENT_FRAME_H_
#define FAQBOT_ADAPTERS_CLIENT_FRAME_H_

#include <string_view>

#include "bot/bot.h"

namespace faqbot::adapters {

// A message id as a client may choose it: 1 to 64 letters, digits or
// - _ . : (it is echoed back and kept in the session's record).
bool IsMessageId(std::string_view id);

Result<bot::Message> ParseClientFrame(std::string_view payload,
                                      std::string* id = nullptr);

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_CLIENT_FRAME_H_
