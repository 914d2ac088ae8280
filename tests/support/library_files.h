// Libraries "after an edit" for tests: the kidney-stone article and the
// gallbladder-polyp one, the polyp article's advice line rewritten, in a
// folder of the test's own (CTest runs tests as processes in parallel).
#ifndef FAQBOT_TESTS_SUPPORT_LIBRARY_FILES_H_
#define FAQBOT_TESTS_SUPPORT_LIBRARY_FILES_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "bot/pack_loader.h"

namespace faqbot::testing {

// <temp>/<name>/kidney-stones (a copy) and <temp>/<name>/polyps, whose
// closing advice line ("Anyone with a gallbladder polyp ...", the last)
// is replaced by `advice`; returns <temp>/<name>.
inline std::filesystem::path KidneyAndPolypLibrary(const std::string& name,
                                                   const std::string& advice) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(::testing::TempDir()) / name;
  fs::remove_all(root);
  const fs::path content = fs::path(FAQBOT_SOURCE_DIR) / "content";
  fs::create_directories(root / "kidney-stones");
  fs::copy_file(content / "kidney-stones" / bot::kArticleFile,
                root / "kidney-stones" / bot::kArticleFile);
  fs::create_directories(root / "polyps");
  std::ifstream in(content / "gallbladder-polyps" / bot::kArticleFile);
  std::ostringstream article;
  for (std::string line; std::getline(in, line);) {
    article << (line.starts_with("Anyone with a gallbladder polyp") ? advice
                                                                    : line)
            << "\n";
  }
  std::ofstream(root / "polyps" / bot::kArticleFile) << article.str();
  return root;
}

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_SUPPORT_LIBRARY_FILES_H_
