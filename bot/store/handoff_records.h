// How the shared handoff desk (redis_handoff_desk.h) stores a
// conversation's lines and a person's mail, and reads them back without
// trusting them: a record that another writer, an older version or anyone
// with access to Redis left malformed is refused (and counted by the
// desk), never echoed to a console or a person, never a throw that would
// fail every operator's poll.
//
// Threads: pure functions of their arguments; any thread.
#ifndef FAQBOT_BOT_STORE_HANDOFF_RECORDS_H_
#define FAQBOT_BOT_STORE_HANDOFF_RECORDS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "bot/handoff.h"

namespace faqbot::bot {

// Records longer than this are refused unread.
inline constexpr std::size_t kMaxHandoffRecordBytes = 16 * 1024;

// {"t": time_ms, "f": from, "x": text}
std::string EncodeLine(const HandoffLine& line);
// The line, or nullopt when `record` is not one: not a JSON object, a
// field of the wrong type, an empty or over-long sender (100 bytes), text
// that is not valid UTF-8 or holds control characters.
std::optional<HandoffLine> DecodeLine(std::string_view record);

// {"i": id, "c": channel, "a": asked, "o": operator, "w": outcome,
//  "r": requested_ms, "e": ended_ms}
std::string EncodeEnded(const EndedHandoff& ended);
// The record, or nullopt when `record` is not one: a missing field or one
// of the wrong type, a text field that fails HandoffFieldOk.
std::optional<EndedHandoff> DecodeEnded(std::string_view record);

// Whether a field of a stored conversation (its id, channel, operator,
// status, a time) is one: at most 300 bytes of UTF-8 without control
// characters.
bool HandoffFieldOk(std::string_view field);

// Whether a stored mail text may be handed to its person: valid UTF-8
// without control characters, at most kMaxHandoffRecordBytes.
bool MailTextOk(std::string_view text);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_STORE_HANDOFF_RECORDS_H_
