#include "intents/stemmer.h"

#include <libstemmer.h>

#include <memory>
#include <stdexcept>

namespace faqbot::intents {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

sb_stemmer* ThreadStemmer() {
  // sb_stemmer keeps a work buffer, so one instance per thread.
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("english", "UTF_8"));
  if (!stemmer) throw std::logic_error("libstemmer has no English stemmer");
  return stemmer.get();
}

}  // namespace

std::string Stem(std::string_view word) {
  for (char c : word) {
    if (c < 'a' || c > 'z') return std::string(word);
  }
  // "-itis" names an inflammation; stemming would merge "hepatitis" with
  // "hepatic" and "arthritis" with "arthritic", which mean other things.
  if (word.ends_with("itis")) return std::string(word);
  sb_stemmer* stemmer = ThreadStemmer();
  const sb_symbol* out =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (out == nullptr) return std::string(word);  // out of memory: keep word
  return std::string(reinterpret_cast<const char*>(out),
                     sb_stemmer_length(stemmer));
}

}  // namespace faqbot::intents
