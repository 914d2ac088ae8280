// What `faqbot --version` prints: the project version (CMakeLists.txt) and
// the git commit it was built from, when built from a git checkout.
#ifndef FAQBOT_ADAPTERS_CLI_VERSION_H_
#define FAQBOT_ADAPTERS_CLI_VERSION_H_

#include <string>
#include <string_view>

namespace faqbot::cli {

std::string_view Version();      // "0.1"
std::string_view GitDescribe();  // "24600fd", "" outside git

// "faqbot 0.1 (git 24600fd)".
inline std::string VersionLine() {
  std::string line = "faqbot " + std::string(Version());
  if (!GitDescribe().empty())
    line += " (git " + std::string(GitDescribe()) + ")";
  return line;
}

}  // namespace faqbot::cli

#endif  // FAQBOT_ADAPTERS_CLI_VERSION_H_
