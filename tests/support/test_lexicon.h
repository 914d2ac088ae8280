// The project's English lexicon (lexicon/en), loaded once for a test
// binary: what every test of understanding reads messages with.
#ifndef FAQBOT_TESTS_SUPPORT_TEST_LEXICON_H_
#define FAQBOT_TESTS_SUPPORT_TEST_LEXICON_H_

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
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

// The same lexicon without WordNet: for tests of a word only the author
// can teach a pack ("bilharzia", which WordNet knows as schistosomiasis).
inline std::shared_ptr<const intents::Lexicon> TestLexiconWithoutWordNet() {
  static const std::shared_ptr<const intents::Lexicon> lexicon = [] {
    namespace fs = std::filesystem;
    const fs::path from = fs::path(FAQBOT_SOURCE_DIR) / "lexicon" / "en";
    const fs::path dir =
        fs::temp_directory_path() /
        ("faqbot-lexicon-no-wordnet-" + std::to_string(::getpid())) / "en";
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(from)) {
      fs::copy_file(entry.path(), dir / entry.path().filename(),
                    fs::copy_options::overwrite_existing);
    }
    // sources.txt up to its [wordnet] section.
    std::ifstream in(from / "sources.txt");
    std::ofstream out(dir / "sources.txt");
    for (std::string line; std::getline(in, line) && line != "[wordnet]";) {
      out << line << "\n";
    }
    out.close();
    auto loaded = bot::LoadLexicon(dir);
    fs::remove_all(dir.parent_path());
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
