// The questions the benchmarks ask: the "> question" lines of the liver
// pack's conversation tests (read once). Needs FAQBOT_SOURCE_DIR.
#ifndef FAQBOT_TESTS_BENCH_LIVER_QUESTIONS_H_
#define FAQBOT_TESTS_BENCH_LIVER_QUESTIONS_H_

#include <fstream>
#include <string>
#include <vector>

namespace faqbot::bench {

inline const std::vector<std::string>& LiverQuestions() {
  static const auto questions = [] {
    std::vector<std::string> out;
    std::ifstream in(std::string(FAQBOT_SOURCE_DIR) +
                     "/content/liver-calcification/conversations.txt");
    for (std::string line; std::getline(in, line);) {
      if (line.starts_with("> ")) out.push_back(line.substr(2));
    }
    return out;
  }();
  return questions;
}

}  // namespace faqbot::bench

#endif  // FAQBOT_TESTS_BENCH_LIVER_QUESTIONS_H_
