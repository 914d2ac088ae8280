// WordMemo: what one owner computes for a word, remembered per thread.
//
// Reading a message looks the same words up again and again (a long
// message is read whole, then per question; the next message repeats the
// everyday words), and some of that work is slow: stemming, spelling
// correction, lookups in large word lists. A WordMemo, kept `thread_local`
// by its user, remembers the results for one owner (a frozen Analyzer's
// serial; 0 means the owner may still change, so nothing is kept), empties
// itself when the owner changes, and never holds more than kMaxWords.
#ifndef FAQBOT_INTENTS_WORD_MEMO_H_
#define FAQBOT_INTENTS_WORD_MEMO_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "intents/string_map.h"

namespace faqbot::intents {

template <typename V>
class WordMemo {
 public:
  static constexpr std::size_t kMaxWords = 20000;

  // The value for `word`: remembered, or `compute()` now. The reference
  // holds until the next call.
  template <typename Compute>
  const V& Get(std::uint64_t owner, std::string_view word, Compute&& compute) {
    if (owner == 0) {
      scratch_ = compute();
      return scratch_;
    }
    if (owner != owner_) {
      owner_ = owner;
      values_.clear();
    }
    if (const auto it = values_.find(word); it != values_.end()) {
      return it->second;
    }
    if (values_.size() >= kMaxWords) values_.clear();
    return values_.emplace(std::string(word), compute()).first->second;
  }

 private:
  std::uint64_t owner_ = 0;
  StringMap<V> values_;
  V scratch_{};
};

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_WORD_MEMO_H_
