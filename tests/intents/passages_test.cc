#include "intents/passages.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "intents/string_map.h"

namespace faqbot::intents {
namespace {

const auto kAll = [](const std::string&, int) { return true; };

TEST(PassageIndex, RanksTheSentenceTheWordsMeetIn) {
  PassageIndex index;
  index.Add(0, {"stone", "form", "kidney", "urin"},
            "Stones form in the kidney.");
  index.Add(1, {"stone", "pass", "week", "ureter"}, "Stones pass in weeks.");
  index.Add(1, {"stone", "pain", "side"}, "Stones cause pain in the side.");
  index.Add(2, {"stone", "larg", "remov"}, "Large stones are removed.");
  index.Build();
  const auto hits = index.Rank({"how", "long", "stone", "pass"}, 5, kAll);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].passage, 1);
  EXPECT_EQ(hits[0].intent, 1);
  EXPECT_EQ(index.text(hits[0].passage), "Stones pass in weeks.");
  // A word every passage has counts for little.
  const auto common = index.Rank({"stone"}, 5, kAll);
  ASSERT_EQ(common.size(), 4u);
  EXPECT_LT(common[0].score, hits[0].score);
}

// A long message counts each term once, as a short one does: its
// repeated words do not raise a passage's score.
TEST(PassageIndex, ALongMessageCountsEachTermOnce) {
  PassageIndex index;
  index.Add(0, {"stone", "pass", "week"}, "Stones pass in weeks.");
  index.Add(1, {"stone", "pain", "side"}, "Stones cause pain in the side.");
  index.Build();
  const std::vector<std::string> once = {"stone", "pass", "pain"};
  std::vector<std::string> repeated;
  for (int i = 0; i < 20; ++i) {
    repeated.insert(repeated.end(), {"pass", "the", "pain", "stone"});
  }
  for (const auto& terms : {once, repeated}) {
    const auto hits = index.Rank(terms, 5, kAll);
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_DOUBLE_EQ(hits[0].score, index.Rank(once, 5, kAll)[0].score)
        << terms.size() << " terms";
  }
  // FirstTimes, which both lengths go through: the first of each only.
  for (const auto& terms : {once, repeated}) {
    FirstTimes first(terms);
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < terms.size(); ++i) {
      if (first(i)) kept.push_back(terms[i]);
    }
    EXPECT_EQ(kept.size(), terms.size() == 3 ? 3u : 4u);
  }
}

TEST(PassageIndex, OnlyWordsThatSaySomethingAreSpecific) {
  PassageIndex index;
  index.Add(0, {"cholesterol", "polyp", "common"}, "Cholesterol polyps...");
  index.Add(0, {"cholesterol", "symptom", "rare"}, "They rarely cause...");
  index.Build();
  // "cholesterol" names the topic; "rare" says something of a sentence.
  const auto says = [](const std::string& term, int) {
    return term != "cholesterol";
  };
  const auto hits = index.Rank({"cholesterol", "rare"}, 5, says);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].passage, 1);
  EXPECT_GT(hits[0].specific, 0);
  EXPECT_EQ(hits[1].specific, 0);
  EXPECT_TRUE(index.Rank({"liver"}, 5, kAll).empty());
}

}  // namespace
}  // namespace faqbot::intents
