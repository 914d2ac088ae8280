#include "intents/synonyms.h"

#include <algorithm>

#include "intents/normalizer.h"

namespace faqbot::intents {
namespace {

std::string Join(const std::vector<std::string>& terms, std::size_t from,
                 std::size_t count) {
  std::string out;
  for (std::size_t i = from; i < from + count; ++i) {
    if (i > from) out += ' ';
    out += terms[i];
  }
  return out;
}

}  // namespace

std::vector<std::string> StemWords(std::string_view text,
                                   const Lexicon& lexicon) {
  std::vector<std::string> stems;
  for (const auto& word : Normalize(text, lexicon)) {
    stems.push_back(lexicon.Stem(word));
  }
  return stems;
}

Status SynonymTable::AddLexiconGroups(const Lexicon& lexicon) {
  for (const auto& group : lexicon.Synonyms()) {
    if (auto s = AddGroup(group.text, lexicon, group.origin); !s) {
      return std::unexpected(
          Error::ParseError(group.origin + ": " + s.error().message));
    }
  }
  return Ok();
}

Status SynonymTable::AddGroup(std::string_view group, const Lexicon& lexicon,
                              std::string origin) {
  const std::size_t colon = group.find(':');
  if (colon == std::string_view::npos) {
    return std::unexpected(Error::ParseError(
        "synonym group \"" + std::string(group) +
        "\" has no ':'; write it as \"canonical: other, other words\""));
  }
  const auto canonical = StemWords(group.substr(0, colon), lexicon);
  if (canonical.empty()) {
    return std::unexpected(Error::ParseError(
        "synonym group has nothing before ':'; name the canonical term"));
  }
  for (const auto& word : Normalize(group.substr(0, colon), lexicon)) {
    words_.push_back(word);
  }
  std::string_view rest = group.substr(colon + 1);
  bool listed = false;
  const std::size_t from = origins_.size();
  origins_.push_back(std::move(origin));
  while (!rest.empty()) {
    const std::size_t comma = std::min(rest.find(','), rest.size());
    const std::string_view phrase = rest.substr(0, comma);
    rest.remove_prefix(std::min(comma + 1, rest.size()));
    const auto stems = StemWords(phrase, lexicon);
    if (stems.empty()) continue;
    listed = true;
    for (const auto& word : Normalize(phrase, lexicon)) words_.push_back(word);
    longest_ = std::max(longest_, stems.size());
    const std::string key = Join(stems, 0, stems.size());
    // An alternative with the canonical's own stem needs no rewrite.
    if (key != Join(canonical, 0, canonical.size())) {
      phrases_[key] = {canonical, from};
      first_terms_.insert(stems.front());
    }
  }
  if (!listed) {
    return std::unexpected(Error::ParseError(
        "synonym group for \"" + std::string(group.substr(0, colon)) +
        "\" lists no alternatives after ':'"));
  }
  return Ok();
}

void SynonymTable::Apply(std::vector<std::string>* terms,
                         std::vector<SynonymUse>* uses) const {
  if (phrases_.empty()) return;
  // Most messages use no synonym: then the terms stay as they are.
  std::size_t i = 0;
  while (i < terms->size() && !first_terms_.contains((*terms)[i])) ++i;
  if (i == terms->size()) return;
  std::vector<std::string> out;
  out.reserve(terms->size());
  for (std::size_t k = 0; k < i; ++k) out.push_back(std::move((*terms)[k]));
  while (i < terms->size()) {
    bool replaced = false;
    if (!first_terms_.contains((*terms)[i])) {
      out.push_back(std::move((*terms)[i++]));
      continue;
    }
    for (std::size_t n = std::min(longest_, terms->size() - i); n >= 1; --n) {
      const std::string key = Join(*terms, i, n);
      const auto it = phrases_.find(key);
      if (it == phrases_.end()) continue;
      const auto& canonical = it->second.canonical;
      out.insert(out.end(), canonical.begin(), canonical.end());
      if (uses) {
        uses->push_back({key, Join(canonical, 0, canonical.size()),
                         origins_[it->second.origin]});
      }
      i += n;
      replaced = true;
      break;
    }
    if (!replaced) out.push_back(std::move((*terms)[i++]));
  }
  *terms = std::move(out);
}

}  // namespace faqbot::intents
