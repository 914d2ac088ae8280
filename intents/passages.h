// Passages: an article's sentences ranked for a question (BM25, over the
// analyzer's terms: stems with synonyms), a second signal beside the
// topic keywords. Words of a question that meet in one sentence ("how
// long does a stone take to pass?" and "stones ... can still pass within
// a few weeks") point at that sentence's section, and the sentence itself
// is what an answer must hold.
//
//   PassageIndex index;
//   index.Add(section, {"stone", "pass", "week"}, "Stones can still pass");
//   index.Build();
//   for (const auto& hit : index.Rank({"pass", "stone"}, 5)) ...
//
// Build() once after the last Add(); Rank() is then const and thread-safe.
#ifndef FAQBOT_INTENTS_PASSAGES_H_
#define FAQBOT_INTENTS_PASSAGES_H_

#include <functional>
#include <string>
#include <vector>

#include "intents/string_map.h"

namespace faqbot::intents {

struct PassageHit {
  int passage = -1;
  int intent = -1;      // the topic the passage belongs to
  double score = 0;     // BM25
  double specific = 0;  // the part from terms that say something
};

class PassageIndex {
 public:
  // A passage of `intent` with its terms (duplicates count), and its text
  // as written. Returns its index.
  int Add(int intent, std::vector<std::string> terms, std::string text);
  void Build();

  // The passages that share terms with `terms` (duplicates count once),
  // best first, at most `limit`. `says(term, intent)` tells which terms
  // say something of a passage of `intent` beyond naming it (the rest
  // count in `score` but not in `specific`).
  std::vector<PassageHit> Rank(
      const std::vector<std::string>& terms, std::size_t limit,
      const std::function<bool(const std::string&, int)>& says) const;

  const std::string& text(int passage) const { return passages_[passage].text; }
  std::size_t size() const { return passages_.size(); }

  static constexpr double kK1 = 1.2;  // BM25 term-frequency saturation
  static constexpr double kB = 0.75;  // BM25 length normalization
  // Terms in more passages than this are not ranked by.
  static constexpr std::size_t kMaxPostings = 64;

 private:
  struct Passage {
    int intent;
    std::size_t length;
    std::string text;
  };
  std::vector<Passage> passages_;
  // term -> (passage, occurrences), and the term's idf (after Build).
  struct Posting {
    int passage;
    int count;
  };
  StringMap<std::vector<Posting>> postings_;
  StringMap<double> idf_;
  double average_length_ = 1;
};

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_PASSAGES_H_
