// The terminal chat: `faqbot chat` for people and `faqbot chat --jsonl`
// for programs (the evaluation contract in design.md).
#ifndef FAQBOT_ADAPTERS_TERMINAL_CHAT_H_
#define FAQBOT_ADAPTERS_TERMINAL_CHAT_H_

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include "bot/bot.h"

namespace faqbot::adapters {

// Longest JSONL input line accepted; longer lines get an error reply.
inline constexpr std::size_t kMaxJsonlLineBytes = 64 * 1024;

// Reads {"session": "s1", "text": "..."} or {"session": ..., "choice":
// "<id>"} per line and writes one Reply per line with "session" added. A
// bad line gets {"error": "...", "line": N} and the chat goes on. Returns
// when `in` ends.
void RunJsonlChat(bot::Bot& bot, std::istream& in, std::ostream& out);

// Handles one JSONL line; the result is the line to print (no newline).
std::string HandleJsonlLine(bot::Bot& bot, std::string_view line,
                            int line_number);

struct TerminalOptions {
  bool color = false;  // ANSI colours (only when stdout is a terminal)
  int width = 80;      // wrap text at this many columns
};

// The interactive chat: greeting, disclaimer, numbered choices; "quit" or
// end of input leaves.
void RunTerminalChat(bot::Bot& bot, std::istream& in, std::ostream& out,
                     const TerminalOptions& options);

// Wraps `text` at `width` columns, each line after the first indented by
// `indent` spaces. Existing line breaks are kept.
std::string Wrap(std::string_view text, int width, int indent = 0);

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_TERMINAL_CHAT_H_
