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

std::shared_ptr<const RE2::Set> CompileSet(
    const std::vector<std::string>& regexes, int64_t max_mem) {
  auto set =
      std::make_shared<RE2::Set>(PatternOptions(max_mem), RE2::UNANCHORED);
  for (const auto& regex : regexes) {
    if (set->Add(regex, nullptr) < 0) return nullptr;
  }
  if (!set->Compile()) return nullptr;
  return set;
}

std::shared_ptr<const RE2::Set> RegexCache::GetSet(
    const std::vector<std::string>& regexes, int64_t max_mem) {
  std::string key = std::to_string(max_mem);
  for (const auto& regex : regexes) (key += '\n') += regex;
  {
    const std::lock_guard lock(mu_);
    if (const auto it = sets_.find(key); it != sets_.end()) return it->second;
  }
  // As Get: compiled outside the lock, the first stored kept.
  auto set = CompileSet(regexes, max_mem);
  const std::lock_guard lock(mu_);
  return sets_.try_emplace(std::move(key), std::move(set)).first->second;
}

}  // namespace faqbot::intents
