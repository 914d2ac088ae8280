#include "intents/stemmer.h"

#include <libstemmer.h>

namespace faqbot::intents {

Stemmer::Stemmer(
    std::string language, std::vector<std::string> whole_endings,
    std::vector<std::pair<std::string, std::string>> plural_endings)
    : language_(std::move(language)),
      whole_endings_(std::move(whole_endings)),
      plural_endings_(std::move(plural_endings)) {
  if (sb_stemmer* s = sb_stemmer_new(language_.c_str(), "UTF_8")) {
    ok_ = true;
    idle_.push_back(s);
  }
}

Stemmer::~Stemmer() {
  for (sb_stemmer* s : idle_) sb_stemmer_delete(s);
}

std::string Stemmer::Stem(std::string_view word) const {
  if (!ok_) return std::string(word);
  for (char c : word) {
    if (c < 'a' || c > 'z') return std::string(word);
  }
  for (const auto& ending : whole_endings_) {
    if (word.ends_with(ending)) return std::string(word);
  }
  std::string plural;  // the word with its plural ending, when it has one
  for (const auto& [ending, as] : plural_endings_) {
    if (word.size() > ending.size() + 2 && word.ends_with(ending)) {
      plural = std::string(word.substr(0, word.size() - ending.size())) + as;
      word = plural;
      break;
    }
  }
  sb_stemmer* stemmer = nullptr;
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      stemmer = idle_.back();
      idle_.pop_back();
    }
  }
  if (!stemmer) stemmer = sb_stemmer_new(language_.c_str(), "UTF_8");
  if (!stemmer) return std::string(word);  // out of memory: keep the word
  const sb_symbol* out =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  std::string stem = out ? std::string(reinterpret_cast<const char*>(out),
                                       sb_stemmer_length(stemmer))
                         : std::string(word);
  std::lock_guard lock(mu_);
  idle_.push_back(stemmer);
  return stem;
}

}  // namespace faqbot::intents
