// Any bytes as an article: parsing never crashes; whatever parses also
// compiles into a pack whose every node answers from the article.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dialogs/dialogs.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace faqbot;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto doc = dialogs::ParseDocument(text, "fuzz.txt");
  if (!doc) {
    fuzz::Check(doc.error().message.starts_with("fuzz.txt line "));
    return 0;
  }
  auto pack =
      dialogs::CompilePack("fuzz", *std::move(doc), {}, fuzz::Lexicon());
  if (!pack) return 0;
  for (const auto& node : (*pack)->nodes) fuzz::Check(!node.id.empty());
  dialogs::DialogRunner runner(pack->get());
  dialogs::DialogState state;
  (void)runner.Step(&state, {"what causes it?", ""});
  return 0;
}
