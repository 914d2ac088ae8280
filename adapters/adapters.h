// faqbot::adapters: every channel faqbot is reached through. Each turns
// its platform's messages into bot::Bot::Handle calls and renders the
// Reply in that platform's idiom; none knows anything about matching.
//
// terminal_chat.h  `faqbot chat` (people) and `faqbot chat --jsonl`
// web_server.h     `faqbot serve`: WebSocket /ws, demo page, widget.js,
//                  health, readiness and metrics
#ifndef FAQBOT_ADAPTERS_ADAPTERS_H_
#define FAQBOT_ADAPTERS_ADAPTERS_H_

#include "adapters/terminal_chat.h"
#include "adapters/web_server.h"

#endif  // FAQBOT_ADAPTERS_ADAPTERS_H_
