// Pack folders for tests, in the test's temporary folder: one written
// from an article's text, or a copy of a pack with one line of its intents
// file taken out ("after an edit").
#ifndef FAQBOT_TESTS_SUPPORT_PACK_FILES_H_
#define FAQBOT_TESTS_SUPPORT_PACK_FILES_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace faqbot::testing {

// <temp>/faqbot-<pid>/<name>: a folder of this test process's own, so that
// tests CTest runs side by side never share one.
inline std::filesystem::path TestFolder(const std::string& name) {
  return std::filesystem::path(::testing::TempDir()) /
         ("faqbot-" + std::to_string(::getpid())) / name;
}

// <temp>/.../<name>, emptied, with `article` as its article.txt; returns it.
inline std::filesystem::path WritePack(const std::string& name,
                                       const std::string& article) {
  namespace fs = std::filesystem;
  const fs::path dir = TestFolder(name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "article.txt") << article;
  return dir;
}

// Copies the pack at `from` to <temp>/.../<name> without the intents.txt line
// equal to `line`; returns the copy's folder.
inline std::string PackWithoutLine(const std::string& from,
                                   const std::string& name,
                                   const std::string& line) {
  namespace fs = std::filesystem;
  const fs::path dir = TestFolder(name);
  fs::remove_all(dir);
  fs::create_directories(dir.parent_path());
  fs::copy(from, dir);
  std::ifstream in(dir / "intents.txt");
  std::stringstream kept;
  for (std::string l; std::getline(in, l);) {
    if (l != line) kept << l << "\n";
  }
  in.close();
  std::ofstream(dir / "intents.txt") << kept.str();
  return dir.string();
}

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_SUPPORT_PACK_FILES_H_
