// Compiled regular expressions shared by every pack over one lexicon.
//
// Each pack's pattern sets hold the lexicon's cues, requests, small talk
// and red flags besides the pack's own patterns, so a library of many
// articles would compile the same few hundred expressions once per
// article. The lexicon owns one RegexCache (Lexicon::regexes()); a
// PatternSet takes each expression from it, and equal expressions share
// one compiled RE2 (and its match cache); the lexicon's patterns, the same
// in every pack, are one shared RE2::Set. Thread-safe: packs compile in
// parallel, and a returned RE2 is const.
#ifndef FAQBOT_INTENTS_REGEX_CACHE_H_
#define FAQBOT_INTENTS_REGEX_CACHE_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace faqbot::intents {

class RegexCache {
 public:
  // The compiled `regex` with `max_mem`: compiled on first use, then
  // shared. Check ok() on the result: a broken expression is cached too.
  std::shared_ptr<const RE2> Get(const std::string& regex, int64_t max_mem);
  // The set of `regexes` (each valid), matched together: compiled once
  // for every pack that asks for the same expressions in the same order
  // (the lexicon's own patterns), then shared. Null when the set is too
  // large for `max_mem`.
  std::shared_ptr<const RE2::Set> GetSet(
      const std::vector<std::string>& regexes, int64_t max_mem);

 private:
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const RE2>> regexes_;
  std::unordered_map<std::string, std::shared_ptr<const RE2::Set>> sets_;
};

// The set of `regexes` (each valid), compiled; null when it is too large
// for `max_mem`.
std::shared_ptr<const RE2::Set> CompileSet(
    const std::vector<std::string>& regexes, int64_t max_mem);

// RE2 options for every faqbot pattern: no logging, `max_mem` bytes.
RE2::Options PatternOptions(int64_t max_mem);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_REGEX_CACHE_H_
