// Stemming with Snowball (libstemmer): "treated", "treatment" and "treats"
// all become "treat", so patterns, derived keywords and messages meet on
// the same form. A Stemmer belongs to a Lexicon (one per language); it is
// thread-safe: each call borrows one of its Snowball stemmers, which keep
// a work buffer each.
#ifndef FAQBOT_INTENTS_STEMMER_H_
#define FAQBOT_INTENTS_STEMMER_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sb_stemmer;

namespace faqbot::intents {

class Stemmer {
 public:
  // `language` is Snowball's name ("english"); an unknown one stems
  // nothing (ok() is false). Words ending in one of `whole_endings`
  // ("itis": "hepatitis" must not meet "hepatic") are kept whole; a word
  // ending in the first of a pair of `plural_endings` is stemmed as if it
  // ended in the second ("sis", "ses": "diagnosis" as "diagnoses", so it
  // meets "diagnosed").
  explicit Stemmer(
      std::string language = "english",
      std::vector<std::string> whole_endings = {},
      std::vector<std::pair<std::string, std::string>> plural_endings = {});
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  bool ok() const { return ok_; }

  // The stem of a lowercase word. Numbers and words with non-ASCII
  // letters are returned unchanged.
  std::string Stem(std::string_view word) const;

 private:
  std::string language_;
  std::vector<std::string> whole_endings_;
  std::vector<std::pair<std::string, std::string>> plural_endings_;
  bool ok_ = false;
  mutable std::mutex mu_;                  // guards idle_
  mutable std::vector<sb_stemmer*> idle_;  // stemmers no call is using
};

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_STEMMER_H_
