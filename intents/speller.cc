#include "intents/speller.h"

#include <algorithm>
#include <unordered_set>

namespace faqbot::intents {
namespace {

int MaxEdits(std::size_t length) {
  return length >= SpellIndex::kTwoEditLength ? 2 : 1;
}

// All strings made by deleting up to `edits` letters of `word`.
void Deletions(const std::string& word, int edits, StringSet* out) {
  if (edits == 0 || word.size() <= 1) return;
  for (std::size_t i = 0; i < word.size(); ++i) {
    std::string shorter = word.substr(0, i) + word.substr(i + 1);
    if (out->insert(shorter).second) Deletions(shorter, edits - 1, out);
  }
}

bool IsCorrectable(std::string_view word) {
  if (word.size() < SpellIndex::kMinLength) return false;
  return std::all_of(word.begin(), word.end(),
                     [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

int EditDistance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

void SpellIndex::Add(std::string_view word, int weight) {
  const std::string key(word);
  auto [it, inserted] = words_.try_emplace(key, 0);
  it->second += weight;
  if (!inserted || !corrects_ || !IsCorrectable(key)) return;
  if (base_ && base_->Contains(key)) return;  // its deletions are there
  StringSet variants{key};
  Deletions(key, MaxEdits(key.size()), &variants);
  for (const auto& v : variants) deletes_[v].push_back(key);
}

template <typename Fn>
void SpellIndex::Candidates(const std::string& variant, Fn&& consider) const {
  if (const auto it = deletes_.find(variant); it != deletes_.end()) {
    for (const auto& word : it->second) consider(word);
  }
  if (base_) base_->Candidates(variant, consider);
}

std::optional<std::string> SpellIndex::Correct(std::string_view word) const {
  if (!IsCorrectable(word) || Contains(word)) return std::nullopt;
  const std::string key(word);
  const int max_edits = MaxEdits(key.size());
  StringSet variants{key};
  Deletions(key, max_edits, &variants);
  const std::string* best = nullptr;
  int best_distance = max_edits + 1;
  int best_weight = 0;
  for (const auto& v : variants) {
    Candidates(v, [&](const std::string& candidate) {
      // Only this index's own vocabulary (the base knows more words).
      const auto known = words_.find(candidate);
      if (known == words_.end()) return;
      // A long candidate may allow two edits where the typo allows one;
      // the smaller limit of the two applies.
      const int limit = std::min(max_edits, MaxEdits(candidate.size()));
      const int distance = EditDistance(key, candidate);
      if (distance > limit) return;
      const int weight = known->second;
      if (distance < best_distance ||
          (distance == best_distance &&
           (weight > best_weight ||
            (weight == best_weight && best && candidate < *best)))) {
        best = &candidate;
        best_distance = distance;
        best_weight = weight;
      }
    });
  }
  if (!best) return std::nullopt;
  return *best;
}

}  // namespace faqbot::intents
