// What a chat client sends in one WebSocket frame, parsed and checked:
// {"text": "..."} or {"choice": "<id>"}, with an optional message "id"
// (into *id when given; the message's id then views it). Shared by the
// server and its fuzz target; the error says what was wrong, for an
// error frame.
#ifndef FAQBOT_ADAPTERS_CLIENT_FRAME_H_
#define FAQBOT_ADAPTERS_CLIENT_FRAME_H_

#include <string_view>

#include "bot/bot.h"

namespace faqbot::adapters {

Result<bot::Message> ParseClientFrame(std::string_view payload,
                                      std::string* id = nullptr);

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_CLIENT_FRAME_H_
