// WordList: a large, fixed set of words (a dictionary of 90,000), built
// in one go and looked up by string_view. The words live in one buffer
// and the table holds only their offsets, so building it costs no
// allocation per word: a medical vocabulary loads in milliseconds.
#ifndef FAQBOT_INTENTS_WORD_LIST_H_
#define FAQBOT_INTENTS_WORD_LIST_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace faqbot::intents {

class WordList {
 public:
  WordList() = default;
  // `words` are copied; duplicates are kept once.
  explicit WordList(const std::vector<std::string_view>& words);

  bool contains(std::string_view word) const;
  std::size_t size() const { return count_; }

 private:
  std::size_t Slot(std::string_view word) const;  // where it is, or empty
  std::string_view At(std::uint32_t offset) const;

  std::string words_;                 // each word followed by '\n'
  std::vector<std::uint32_t> slots_;  // offset + 1 into words_, 0 = empty
  std::size_t count_ = 0;
};

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_WORD_LIST_H_
