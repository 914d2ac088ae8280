// Shared by the fuzz targets: the liver pack, loaded once.
#ifndef FAQBOT_TESTS_FUZZ_FUZZ_COMMON_H_
#define FAQBOT_TESTS_FUZZ_FUZZ_COMMON_H_

#include <cstdlib>
#include <memory>
#include <string>

#include "bot/pack_loader.h"

namespace faqbot::fuzz {

inline std::shared_ptr<const dialogs::Pack> LiverPack() {
  static const auto pack = [] {
    auto p = bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) +
                           "/content/liver-calcification");
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
