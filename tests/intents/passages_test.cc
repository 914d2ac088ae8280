#include "intents/passages.h"

#include <gtest/gtest.h>

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
