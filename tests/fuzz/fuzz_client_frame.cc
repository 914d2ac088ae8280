// Any bytes as a WebSocket frame from the widget: parsed into a message or
// refused with a reason.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/client_frame.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace faqbot;
  auto m = adapters::ParseClientFrame(
      std::string_view(reinterpret_cast<const char*>(data), size));
  if (!m) fuzz::Check(!m.error().message.empty());
  return 0;
}
