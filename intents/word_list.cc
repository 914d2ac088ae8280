#include "intents/word_list.h"

#include "intents/string_map.h"

namespace faqbot::intents {

WordList::WordList(const std::vector<std::string_view>& words) {
  std::size_t bytes = 0;
  for (const auto w : words) bytes += w.size() + 1;
  words_.reserve(bytes);
  std::size_t capacity = 16;
  while (capacity < 2 * words.size()) capacity *= 2;
  slots_.assign(capacity, 0);
  for (const auto w : words) {
    if (w.empty()) continue;
    const std::size_t slot = Slot(w);
    if (slots_[slot] != 0) continue;  // a duplicate
    slots_[slot] = static_cast<std::uint32_t>(words_.size()) + 1;
    words_.append(w);
    words_ += '\n';
    ++count_;
  }
}

std::string_view WordList::At(std::uint32_t offset) const {
  const std::size_t end = words_.find('\n', offset);
  return std::string_view(words_).substr(offset, end - offset);
}

std::size_t WordList::Slot(std::string_view word) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = HashWord(word) & mask;; at = (at + 1) & mask) {
    if (slots_[at] == 0 || At(slots_[at] - 1) == word) return at;
  }
}

bool WordList::contains(std::string_view word) const {
  return !slots_.empty() && slots_[Slot(word)] != 0;
}

void WordList::SetValues(
    const std::function<std::string(std::string_view)>& value_of) {
  values_.clear();
  value_at_.assign(slots_.size(), 0);
  for (std::size_t slot = 0; slot < slots_.size(); ++slot) {
    if (slots_[slot] == 0) continue;
    value_at_[slot] = static_cast<std::uint32_t>(values_.size());
    values_ += value_of(At(slots_[slot] - 1));
    values_ += '\n';
  }
}

std::optional<std::string_view> WordList::ValueOf(std::string_view word) const {
  if (value_at_.empty()) return std::nullopt;
  const std::size_t slot = Slot(word);
  if (slots_[slot] == 0) return std::nullopt;
  const std::size_t at = value_at_[slot];
  return std::string_view(values_).substr(at, values_.find('\n', at) - at);
}

}  // namespace faqbot::intents
