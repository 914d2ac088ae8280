// WordList: a large, fixed set of words (a dictionary of 90,000), built
// in one go and looked up by string_view. The words live in one buffer
// and the table holds only their offsets, so building it costs no
// allocation per word: a medical vocabulary loads in milliseconds. Each
// word may carry a value (the lexicon keeps its stem there), found by
// the same lookup.
#ifndef FAQBOT_INTENTS_WORD_LIST_H_
#define FAQBOT_INTENTS_WORD_LIST_H_

#include <cstdint>
#include <functional>
#include <optional>
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

  // Gives every word the value `value_of(word)`, kept in one buffer as
  // the words are.
  void SetValues(const std::function<std::string(std::string_view)>& value_of);
  // The value of `word`, or std::nullopt when it is not listed or no
  // values were set.
  std::optional<std::string_view> ValueOf(std::string_view word) const;

 private:
  std::size_t Slot(std::string_view word) const;  // where it is, or empty
  std::string_view At(std::uint32_t offset) const;

  std::string words_;                 // each word followed by '\n'
  std::vector<std::uint32_t> slots_;  // offset + 1 into words_, 0 = empty
  std::size_t count_ = 0;
  std::string values_;                   // each value followed by '\n'
  std::vector<std::uint32_t> value_at_;  // per slot: offset into values_
};

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_WORD_LIST_H_
