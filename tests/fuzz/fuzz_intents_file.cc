// Any bytes as a pack's intents file, compiled against a small article:
// errors are values that name the file and line, never crashes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dialogs/dialogs.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace faqbot;
  static const auto article = *dialogs::ParseDocument(
      "Is it bad?\nUsually not.\n1. Stones\nStones cause pain. Surgery "
      "helps.\n2. Worms\nWorms come from water.\nSee a doctor.\n",
      "article.txt");
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto file = dialogs::ParseIntentsFile(text, "intents.txt");
  if (!file) {
    fuzz::Check(file.error().message.starts_with("intents.txt line "));
    return 0;
  }
  auto pack = dialogs::CompilePack("fuzz", article, *file, fuzz::Lexicon());
  if (pack) (void)(*pack)->matcher.Match("stones and worms");
  return 0;
}
