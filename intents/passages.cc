#include "intents/passages.h"

#include <algorithm>
#include <cmath>

namespace faqbot::intents {

int PassageIndex::Add(int intent, std::vector<std::string> terms,
                      std::string text) {
  const int index = static_cast<int>(passages_.size());
  passages_.push_back({intent, terms.size(), std::move(text)});
  std::sort(terms.begin(), terms.end());
  for (std::size_t i = 0; i < terms.size();) {
    std::size_t j = i;
    while (j < terms.size() && terms[j] == terms[i]) ++j;
    postings_[terms[i]].push_back({index, static_cast<int>(j - i)});
    i = j;
  }
  return index;
}

void PassageIndex::Build() {
  double total = 0;
  for (const auto& p : passages_) total += static_cast<double>(p.length);
  average_length_ =
      passages_.empty() ? 1 : std::max(1.0, total / passages_.size());
  const double n = static_cast<double>(passages_.size());
  for (const auto& [term, postings] : postings_) {
    const double df = static_cast<double>(postings.size());
    idf_[term] = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
  }
}

std::vector<PassageHit> PassageIndex::Rank(
    const std::vector<std::string>& terms, std::size_t limit,
    const std::function<bool(const std::string&, int)>& says) const {
  std::vector<PassageHit> hits;
  FirstTimes first(terms);
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const std::string& term = terms[i];
    if (!first(i)) continue;  // once
    const auto it = postings_.find(term);
    // A term in very many passages says next to nothing (its idf is near
    // zero) and would cost in a large pack.
    if (it == postings_.end() || it->second.size() > kMaxPostings) continue;
    const double idf = idf_.at(term);
    for (const auto& [passage, count] : it->second) {
      const Passage& p = passages_[passage];
      const double tf = count;
      const double norm =
          kK1 * (1 - kB + kB * static_cast<double>(p.length) / average_length_);
      const double score = idf * tf * (kK1 + 1) / (tf + norm);
      auto hit = std::find_if(hits.begin(), hits.end(), [&](const auto& h) {
        return h.passage == passage;
      });
      if (hit == hits.end()) {
        hits.push_back({passage, p.intent, 0, 0});
        hit = hits.end() - 1;
      }
      hit->score += score;
      if (says(term, p.intent)) hit->specific += score;
    }
  }
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return a.score != b.score ? a.score > b.score : a.passage < b.passage;
  });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

}  // namespace faqbot::intents
