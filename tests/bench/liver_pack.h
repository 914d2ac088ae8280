// What the benchmarks run on: the liver pack (loaded once) and the
// questions they ask it, the "> question" lines of its conversation tests
// (read once). Needs FAQBOT_SOURCE_DIR.
#ifndef FAQBOT_TESTS_BENCH_LIVER_PACK_H_
#define FAQBOT_TESTS_BENCH_LIVER_PACK_H_

#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "bot/pack_loader.h"

namespace faqbot::bench {

inline const std::string& LiverPackDir() {
  static const std::string dir =
      std::string(FAQBOT_SOURCE_DIR) + "/content/liver-calcification";
  return dir;
}

inline std::shared_ptr<const dialogs::Pack> LiverPack() {
  static auto pack = [] {
    auto p = bot::LoadPack(LiverPackDir());
    if (!p) throw std::runtime_error(p.error().message);
    return *p;
  }();
  return pack;
}

inline const std::vector<std::string>& LiverQuestions() {
  static const auto questions = [] {
    std::vector<std::string> out;
    std::ifstream in(LiverPackDir() + "/conversations.txt");
    for (std::string line; std::getline(in, line);) {
      if (line.starts_with("> ")) out.push_back(line.substr(2));
    }
    return out;
  }();
  return questions;
}

}  // namespace faqbot::bench

#endif  // FAQBOT_TESTS_BENCH_LIVER_PACK_H_
