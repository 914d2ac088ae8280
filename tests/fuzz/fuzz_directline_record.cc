// Any bytes as a Direct Line activity or stream frame handed back by
// Redis: refused, or re-serialised from its parse (never copied out raw),
// never a throw; what comes out is a JSON object of the right shape.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "adapters/directline_store.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace faqbot;
  const std::string_view record(reinterpret_cast<const char*>(data), size);
  if (const auto activity = adapters::CheckedActivity(record)) {
    const auto j = nlohmann::json::parse(*activity, nullptr, false);
    fuzz::Check(j.is_object() && j["id"].is_string() && j["type"].is_string());
  }
  if (const auto frame = adapters::CheckedFrame(record)) {
    const auto j = nlohmann::json::parse(*frame, nullptr, false);
    fuzz::Check(j.is_object() && j["activities"].is_array() &&
                j["watermark"].is_string());
  }
  return 0;
}
