#include "intents/regex_cache.h"

namespace faqbot::intents {

RE2::Options PatternOptions(int64_t max_mem) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

std::shared_ptr<const RE2> RegexCache::Get(const std::string& regex,
                                           int64_t max_mem) {
  const std::string key = std::to_string(max_mem) + ' ' + regex;
  {
    const std::lock_guard lock(mu_);
    if (const auto it = regexes_.find(key); it != regexes_.end()) {
      return it->second;
    }
  }
  // Compiled outside the lock: packs compiling in parallel do not wait on
  // each other's expressions. Two threads may compile the same one; the
  // first stored is kept.
  auto re = std::make_shared<const RE2>(regex, PatternOptions(max_mem));
  const std::lock_guard lock(mu_);
  return regexes_.try_emplace(key, std::move(re)).first->second;
}

}  // namespace faqbot::intents
