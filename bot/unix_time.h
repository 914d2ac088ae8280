// The wall-clock time as Unix milliseconds: what transcripts, the handoff
// queue and Direct Line's activities record.
#ifndef FAQBOT_BOT_UNIX_TIME_H_
#define FAQBOT_BOT_UNIX_TIME_H_

#include <chrono>
#include <cstdint>

namespace faqbot::bot {

inline int64_t UnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_UNIX_TIME_H_
