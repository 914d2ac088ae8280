// Any bytes as a chat message, in a session that keeps going: the bot
// answers with a valid reply or a clear error, never crashes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "bot/bot.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace faqbot;
  static bot::Bot bot(fuzz::LiverPack());
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto reply = bot.Handle("fuzz", {.text = text});
  if (reply) {
    fuzz::Check(!reply->text.empty());
    for (const auto& c : reply->choices) {
      fuzz::Check(fuzz::LiverPack()->Find(c.id) != nullptr);
    }
  } else {
    fuzz::Check(!reply.error().message.empty());
  }
  return 0;
}
