// Compiled regular expressions shared by every pack over one lexicon.
//
// Each pack's pattern sets hold the lexicon's cues, requests, small talk
// and red flags besides the pack's own patterns, so a library of many
// articles would compile the same few hundred expressions once per
// article. The lexicon owns one RegexCache (Lexicon::regexes()); a
// PatternSet takes each expression from it, and equal expressions share
// one compiled RE2 (and its match cache). Thread-safe: packs compile in
// parallel, and a returned RE2 is const.
#ifndef FAQBOT_INTENTS_REGEX_CACHE_H_
#define FAQBOT_INTENTS_REGEX_CACHE_H_

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace faqbot::intents {

class RegexCache {
 public:
  // The compiled `regex` with `max_mem`: compiled on first use, then
  // shared. Check ok() on the result: a broken expression is cached too.
  std::shared_ptr<const RE2> Get(const std::string& regex, int64_t max_mem);

 private:
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const RE2>> regexes_;
};

// RE2 options for every faqbot pattern: no logging, `max_mem` bytes.
RE2::Options PatternOptions(int64_t max_mem);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_REGEX_CACHE_H_
