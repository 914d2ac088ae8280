// Any bytes as a line of `faqbot chat --jsonl`: the output is always one
// line of valid JSON, a reply or {"error", "line"}.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "adapters/terminal_chat.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace faqbot;
  static bot::Bot bot(fuzz::LiverPack());
  const std::string out = adapters::HandleJsonlLine(
      bot, std::string_view(reinterpret_cast<const char*>(data), size), 1);
  fuzz::Check(out.find('\n') == std::string::npos);
  const auto j = nlohmann::json::parse(out, nullptr, false);
  fuzz::Check(!j.is_discarded() && (j.contains("error") || j.contains("kind")));
  return 0;
}
