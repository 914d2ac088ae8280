// Unanswered questions, grouped for the author (faqbot transcripts).
#include "bot/tools/unanswered.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "bot/pack_loader.h"
#include "tests/support/pack_files.h"
#include "tests/support/test_lexicon.h"

namespace faqbot::bot {
namespace {

using Why = UnansweredGroup::Why;

const std::string kLiverFixture =
    std::string(FAQBOT_SOURCE_DIR) + "/tests/fixtures/liver";

// The fixture pack without its synonyms for schistosomiasis, read without
// WordNet (which knows it): "bilharzia" is a word it does not know.
std::shared_ptr<const dialogs::Pack> PackWithoutBilharzia() {
  auto pack = LoadPack(
      testing::PackWithoutLine(
          kLiverFixture, "unanswered-no-bilharzia",
          "schistosomiasis: bilharzia, blood fluke, blood flukes, snail fever"),
      testing::TestLexiconWithoutWordNet());
  EXPECT_TRUE(pack) << pack.error().message;
  return *pack;
}

const UnansweredGroup* Group(const std::vector<UnansweredGroup>& groups,
                             Why why, const std::string& word) {
  for (const auto& g : groups) {
    if (g.why == why && g.word == word) return &g;
  }
  return nullptr;
}

const std::vector<std::pair<std::string, std::string>> kAnswered = {
    {"is bilharzia a parasite?", "parasitic-infection"},
    {"are bilharzia eggs the cause?", "parasitic-infection.cause"},
    {"what causes liver calcification?", "overview.cause"}};

TEST(Unanswered, GroupsByWordAndSaysWhatLineToAdd) {
  const auto pack = PackWithoutBilharzia();
  const auto groups = GroupUnanswered(*pack,
                                      {{"what is bilharzia?", 3},
                                       {"how is bilharzia treated?", 1},
                                       {"what is a hemangioma?", 2},
                                       {"what is a snail fever?", 1},
                                       {"what causes liver calcification?", 5}},
                                      kAnswered);
  // The article's own subject under a name the pack does not know: the
  // questions the bot did answer with the word point at its section.
  const auto* bilharzia = Group(groups, Why::kNotCovered, "bilharzia");
  ASSERT_NE(bilharzia, nullptr);
  EXPECT_EQ(bilharzia->count, 4u);
  EXPECT_EQ(bilharzia->examples.size(), 2u);
  EXPECT_EQ(bilharzia->suggestion,
            "[node parasitic-infection]\nkeywords: bilharzia");
  // A condition the article does not cover: nothing suggested.
  const auto* hemangioma = Group(groups, Why::kNotCovered, "hemangioma");
  ASSERT_NE(hemangioma, nullptr);
  EXPECT_EQ(hemangioma->count, 2u);
  EXPECT_TRUE(hemangioma->suggestion.empty());
  // A question the pack answers now is left out.
  for (const auto& g : groups) {
    for (const auto& e : g.examples) {
      EXPECT_NE(e, "what causes liver calcification?");
    }
  }
  EXPECT_EQ(groups.front().word, "bilharzia") << "largest group first";

  std::ostringstream out;
  PrintUnanswered(groups, out);
  EXPECT_NE(out.str().find("  bilharzia: 4 questions; the bot said the "
                           "article does not cover it\n"),
            std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("      [node parasitic-infection]\n"
                           "      keywords: bilharzia\n"),
            std::string::npos)
      << out.str();
}

// The suggested line really answers the group once added.
TEST(Unanswered, TheSuggestedLineAnswersTheGroup) {
  const auto groups = GroupUnanswered(*PackWithoutBilharzia(),
                                      {{"what is bilharzia?", 1}}, kAnswered);
  ASSERT_EQ(groups.size(), 1u);
  ASSERT_FALSE(groups[0].suggestion.empty());
  const std::string dir = testing::PackWithoutLine(
      kLiverFixture, "unanswered-with-suggestion",
      "schistosomiasis: bilharzia, blood fluke, blood flukes, snail fever");
  std::ofstream(dir + "/intents.txt", std::ios::app)
      << "\n"
      << groups[0].suggestion << "\n";
  auto fixed = LoadPack(dir, testing::TestLexiconWithoutWordNet());
  ASSERT_TRUE(fixed) << fixed.error().message;
  EXPECT_TRUE(GroupUnanswered(**fixed, {{"what is bilharzia?", 1}}).empty());
}

}  // namespace
}  // namespace faqbot::bot
