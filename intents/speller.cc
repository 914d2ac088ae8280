#include "intents/speller.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <vector>

namespace faqbot::intents {
namespace {

int MaxEdits(std::size_t length) {
  return length >= SpellIndex::kTwoEditLength ? 2 : 1;
}

// `word` and every string made by deleting up to `edits` of its letters,
// each once (a level's strings are one letter shorter than the last's, so
// no two levels share one). A vector of mostly short strings: no
// allocation per variant, as a hash set had.
std::vector<std::string> Variants(const std::string& word, int edits) {
  std::vector<std::string> out{word};
  std::vector<std::string> level{word};  // the variants of the last edit
  for (int e = 0; e < edits; ++e) {
    std::vector<std::string> next;
    for (const auto& v : level) {
      for (std::size_t i = 0; i < v.size() && v.size() > 1; ++i) {
        // Deleting either of two equal letters side by side makes the
        // same string: one of a word's deletions is made once.
        if (i > 0 && v[i] == v[i - 1]) continue;
        std::string shorter = v;
        shorter.erase(i, 1);
        next.push_back(std::move(shorter));
      }
    }
    // Each variant once before the next edit (two strings of the level
    // may still make the same one).
    if (level.size() > 1) {
      std::sort(next.begin(), next.end());
      next.erase(std::unique(next.begin(), next.end()), next.end());
    }
    out.insert(out.end(), next.begin(), next.end());
    level = std::move(next);
  }
  return out;
}

bool IsCorrectable(std::string_view word) {
  // A word longer than any of a language's is no typo of one (and its
  // deletion variants would grow with the square of its length).
  if (word.size() < SpellIndex::kMinLength ||
      word.size() > SpellIndex::kMaxLength) {
    return false;
  }
  return std::all_of(word.begin(), word.end(),
                     [](char c) { return c >= 'a' && c <= 'z'; });
}

// Whether `a` becomes `b` by at most one edit (a letter changed, added or
// left out, or two side by side swapped): the common case of a
// correction, in one pass instead of a table. Their lengths differ by at
// most one.
bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  std::size_t i = 0;
  while (i < b.size() && a[i] == b[i]) ++i;
  if (i == b.size()) return true;  // equal, or one letter added at the end
  if (a.size() > b.size()) return a.substr(i + 1) == b.substr(i);
  if (a.substr(i + 1) == b.substr(i + 1)) return true;  // one changed
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         a.substr(i + 2) == b.substr(i + 2);
}

}  // namespace

int EditDistance(std::string_view a, std::string_view b, int limit) {
  // Three rows of the table (a transposition looks two rows back), on the
  // stack for words of ordinary length: a correction compares a typo with
  // every candidate, and this ran once per candidate with a heap table.
  // Only the band of cells within `limit` of the diagonal is filled (a
  // cell further off costs more than `limit` edits), with a guard cell
  // past each end of it; a distance over the limit stops at `limit + 1`.
  constexpr std::size_t kStackColumns = 48;
  const std::size_t n = a.size(), m = b.size();
  limit = std::clamp(limit, 0, static_cast<int>(std::max(n, m)));
  const int over = limit + 1;
  const auto band = static_cast<std::size_t>(limit);
  if ((n > m ? n - m : m - n) > band) return over;
  if (limit == 1) return WithinOneEdit(a, b) ? static_cast<int>(a != b) : over;
  std::array<int, 3 * kStackColumns> stack_rows;
  std::vector<int> heap_rows;
  int* rows = stack_rows.data();
  if (m + 1 > kStackColumns) {
    heap_rows.resize(3 * (m + 1));
    rows = heap_rows.data();
  }
  const auto row = [&](std::size_t i) { return rows + (i % 3) * (m + 1); };
  for (std::size_t j = 0; j <= m; ++j) {
    row(0)[j] = j <= band ? static_cast<int>(j) : over;
  }
  int last_best = 0;  // the smallest cell of the row before
  for (std::size_t i = 1; i <= n; ++i) {
    int* d = row(i);
    const int* up = row(i - 1);
    const int* up2 = row(i + 1);  // row i - 2 (unused when i == 1)
    const std::size_t lo = i > band ? i - band : 1;
    const std::size_t hi = std::min(m, i + band);
    d[lo - 1] = lo == 1 ? std::min(static_cast<int>(i), over) : over;
    if (hi < m) d[hi + 1] = over;
    int best = d[lo - 1];
    for (std::size_t j = lo; j <= hi; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[j] = std::min({up[j] + 1, d[j - 1] + 1, up[j - 1] + cost, over});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[j] = std::min(d[j], up2[j - 2] + 1);
      }
      best = std::min(best, d[j]);
    }
    // Two rows over the limit: no later cell comes back under it.
    if (best == over && last_best == over) return over;
    last_best = best;
  }
  return row(n)[m];
}

void SpellIndex::Add(std::string_view word, int weight) {
  const std::string key(word);
  auto [it, inserted] = words_.try_emplace(key, 0);
  it->second += weight;
  if (!inserted || !corrects_ || !IsCorrectable(key)) return;
  if (base_ && base_->Contains(key)) return;  // its deletions are there
  for (const auto& v : Variants(key, MaxEdits(key.size()))) {
    deletes_[v].push_back(key);
  }
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
  const std::vector<std::string> variants = Variants(key, max_edits);
  const std::string* best = nullptr;
  int best_distance = max_edits + 1;
  int best_weight = 0;
  // The words already compared: several deletions of the typo often
  // lead to the same word, and the distance is the same each time.
  std::vector<const std::string*> compared;
  for (const auto& v : variants) {
    Candidates(v, [&](const std::string& candidate) {
      // A long candidate may allow two edits where the typo allows one;
      // the smaller limit of the two applies. Lengths further apart need
      // more edits than that.
      const int limit = std::min(max_edits, MaxEdits(candidate.size()));
      const auto gap = static_cast<std::ptrdiff_t>(candidate.size()) -
                       static_cast<std::ptrdiff_t>(key.size());
      if (std::abs(gap) > limit) return;
      if (std::find(compared.begin(), compared.end(), &candidate) !=
          compared.end()) {
        return;
      }
      compared.push_back(&candidate);
      // Only this index's own vocabulary (the base knows more words).
      const auto known = words_.find(candidate);
      if (known == words_.end()) return;
      const int distance = EditDistance(key, candidate, limit);
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
