// The project's English lexicon (lexicon/en), loaded once for a test
// binary: what every test of understanding reads messages with.
#ifndef FAQBOT_TESTS_SUPPORT_TEST_LEXICON_H_
#define FAQBOT_TESTS_SUPPORT_TEST_LEXICON_H_

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "bot/lexicon_loader.h"

namespace faqbot::testing {

inline std::shared_ptr<const intents::Lexicon> TestLexicon() {
  static const std::shared_ptr<const intents::Lexicon> lexicon = [] {
    auto loaded =
        bot::LoadLexicon(std::string(FAQBOT_SOURCE_DIR) + "/lexicon/en");
    if (!loaded) {
      std::cerr << "test lexicon: " << loaded.error().message << "\n";
      std::abort();
    }
    return *loaded;
  }();
  return lexicon;
}

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_SUPPORT_TEST_LEXICON_H_
