// Any bytes as a pattern: it compiles or says why; a compiled one matches
// in linear time (RE2) under the size limit.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "intents/pattern.h"
#include "intents/synonyms.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace faqbot::intents;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const PhraseAnalyzer analyze = [](std::string_view p) {
    return StemWords(p, *faqbot::fuzz::Lexicon());
  };
  auto regex = CompilePattern(text, analyze);
  if (!regex) return 0;
  PatternSet set;
  if (!set.Add(*regex)) return 0;
  if (!set.Compile()) return 0;
  (void)set.Match(" what causes liver calcif in my liver ");
  return 0;
}
