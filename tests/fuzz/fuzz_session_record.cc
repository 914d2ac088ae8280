// Any bytes as a session record handed back by a shared store (Redis):
// decoded or refused, never a throw, and what decodes stays within its
// limits and survives a round trip unchanged.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bot/store/session_store.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace faqbot;
  uint64_t revision = 0;
  const auto session = bot::DecodeSession(
      std::string_view(reinterpret_cast<const char*>(data), size), &revision);
  if (!session) return 0;
  const auto& st = session->state;
  fuzz::Check(st.choices.size() <= bot::kMaxChoices);
  fuzz::Check(st.history.size() <= dialogs::DialogState::kMaxHistory);
  fuzz::Check(st.node.size() <= bot::kMaxNodeIdBytes);
  uint64_t again_revision = 0;
  const auto again = bot::DecodeSession(bot::EncodeSession(*session, revision),
                                        &again_revision);
  fuzz::Check(again.has_value());
  fuzz::Check(again->state.node == st.node && again->state.topic == st.topic &&
              again->state.choices == st.choices &&
              again->state.history == st.history &&
              again->state.turns == st.turns && again->state.pack == st.pack &&
              again->disclaimed == session->disclaimed &&
              again_revision == revision);
  return 0;
}
