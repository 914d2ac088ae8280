// Any bytes as a handoff line, an ended conversation or a mail text handed
// back by the shared desk (Redis): decoded or refused, never a throw; what
// decodes carries nothing a console or terminal would obey, and survives a
// round trip.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bot/store/handoff_records.h"
#include "intents/utf8.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace faqbot;
  const std::string_view record(reinterpret_cast<const char*>(data), size);
  if (bot::MailTextOk(record)) {
    fuzz::Check(!intents::FindInvalidUtf8(record) &&
                !intents::FindControl(record));
  }
  if (const auto ended = bot::DecodeEnded(record)) {
    for (const auto* field : {&ended->handoff.id, &ended->handoff.asked,
                              &ended->handoff.operator_name, &ended->outcome}) {
      fuzz::Check(bot::HandoffFieldOk(*field));
    }
    const auto again = bot::DecodeEnded(bot::EncodeEnded(*ended));
    fuzz::Check(again && again->handoff.asked == ended->handoff.asked &&
                again->ended_ms == ended->ended_ms);
  }
  const auto line = bot::DecodeLine(record);
  if (!line) return 0;
  fuzz::Check(!line->from.empty() && line->from.size() <= 100);
  fuzz::Check(!intents::FindControl(line->from) &&
              !intents::FindControl(line->text));
  const auto again = bot::DecodeLine(bot::EncodeLine(*line));
  fuzz::Check(again && again->time_ms == line->time_ms &&
              again->from == line->from && again->text == line->text);
  return 0;
}
