// Shared by the fuzz targets: the lexicon and the liver pack, loaded once.
#ifndef FAQBOT_TESTS_FUZZ_FUZZ_COMMON_H_
#define FAQBOT_TESTS_FUZZ_FUZZ_COMMON_H_

#include <cstdlib>
#include <memory>
#include <string>

#include "bot/lexicon_loader.h"
#include "bot/pack_loader.h"

namespace faqbot::fuzz {

inline std::shared_ptr<const intents::Lexicon> Lexicon() {
  static const auto lexicon = [] {
    auto l = bot::LoadLexicon(std::string(FAQBOT_SOURCE_DIR) + "/lexicon/en");
    if (!l) std::abort();
    return *l;
  }();
  return lexicon;
}

inline std::shared_ptr<const dialogs::Pack> LiverPack() {
  static const auto pack = [] {
    auto p = bot::LoadPack(
        std::string(FAQBOT_SOURCE_DIR) + "/content/liver-calcification",
        Lexicon());
    if (!p) std::abort();
    return *p;
  }();
  return pack;
}

// Aborts (a finding) when a promise of the API is broken.
inline void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace faqbot::fuzz

#endif  // FAQBOT_TESTS_FUZZ_FUZZ_COMMON_H_
