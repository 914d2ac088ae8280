#include "bot/tools/inspect.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "bot/pack_loader.h"
#include "bot/tools/transcript_report.h"
#include "tests/support/library_files.h"

namespace faqbot::bot {
namespace {

std::string Explain(std::string_view text,
                    const std::vector<Message>& before = {}) {
  auto pack =
      LoadPack(std::string(FAQBOT_SOURCE_DIR) + "/tests/fixtures/liver");
  EXPECT_TRUE(pack) << pack.error().message;
  std::ostringstream out;
  PrintExplanation(*pack, text, out, before);
  return out.str();
}

// A follow-up means what it means after what was said before: explain
// answers it in that conversation, as chat would, not as a fresh one.
TEST(Explain, AnswersInTheContextOfTheMessagesBefore) {
  const std::string fresh = Explain("how is that treated?");
  const std::string after =
      Explain("how is that treated?", {{.text = "worms in liver"}});
  EXPECT_NE(after.find("before: \"worms in liver\" -> parasitic-infection"),
            std::string::npos)
      << after;
  EXPECT_NE(after.find("reply: answer parasitic-infection.treatment"),
            std::string::npos)
      << after;
  EXPECT_EQ(fresh.find("parasitic-infection.treatment"), std::string::npos)
      << fresh;
}

// `faqbot explain --session ID`: a real conversation from the transcripts
// is what came before. The id is the one `faqbot transcripts` shows (the
// stored hash's first 8 digits) or the one the bot knew.
TEST(Explain, TakesTheConversationBeforeFromTheTranscripts) {
  const std::string db = ::testing::TempDir() + "explain-session.db";
  std::filesystem::remove(db);
  std::filesystem::remove(db + ".key");
  auto log = TranscriptLog::Open(db);
  ASSERT_TRUE(log) << log.error().message;
  std::shared_ptr<TranscriptLog> transcripts = std::move(*log);
  auto pack =
      LoadPack(std::string(FAQBOT_SOURCE_DIR) + "/tests/fixtures/liver");
  ASSERT_TRUE(pack);
  Bot bot(*pack, {.transcripts = transcripts});
  ASSERT_TRUE(bot.Handle("web:0123456789abcdef0123456789abcdef",
                         {.text = "worms in liver", .channel = "web"}));
  ASSERT_TRUE(bot.Handle("web:ffffffffffffffffffffffffffffffff",
                         {.text = "hello", .channel = "web"}));
  transcripts->Flush();

  auto report = ReadTranscripts(db);
  ASSERT_TRUE(report);
  const std::string shown = report->recent[0].session.substr(0, 8);
  std::ostringstream listing;
  PrintTranscriptReport(*report, **pack, listing);
  EXPECT_NE(listing.str().find("  " + shown + "  web"), std::string::npos)
      << listing.str();

  for (const std::string& id :
       {shown, std::string("0123456789abcdef0123456789abcdef"),
        std::string("web:0123456789abcdef0123456789abcdef")}) {
    auto earlier = ReadConversation(db, "", id);
    ASSERT_TRUE(earlier) << id << ": " << earlier.error().message;
    ASSERT_EQ(earlier->size(), 1u) << id;
    std::vector<Message> before;
    for (const auto& e : *earlier) before.push_back({.text = e.text});
    std::ostringstream out;
    PrintExplanation(*pack, "how is that treated?", out, before);
    EXPECT_NE(out.str().find("reply: answer parasitic-infection.treatment"),
              std::string::npos)
        << out.str();
  }
  auto missing = ReadConversation(db, "", "deadbeef");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("no exchanges of session deadbeef"),
            std::string::npos);
}

// An author reading `faqbot explain` on a long message sees which
// sentences were taken as questions, what was set aside as the person's
// own context, each medical term and whether the article covers it, and
// why each facet was chosen, in the order the bot decided them.
TEST(Explain, ShowsQuestionsContextTermsAndFacetsOfALongMessage) {
  const std::string out = Explain(
      "Hello doctor, my mother is 67 and her ultrasound showed a 7 mm "
      "calcified spot. What causes calcification from worms? And does the "
      "article say anything about hemangioma? Thank you in advance");
  const auto at = [&](std::string_view s) {
    const auto pos = out.find(s);
    EXPECT_NE(pos, std::string::npos) << "missing '" << s << "' in\n" << out;
    return pos;
  };
  const auto story = at("story: \"Hello doctor");
  const auto personal = at("personal: 7 mm");
  const auto q1 = at("question 1: \"What causes calcification from worms?\"");
  const auto facet = at("facet cause (");
  const auto covered = at("term worms: the article's subject");
  const auto q2 = at("question 2:");
  const auto uncovered =
      at("term hemangioma: medical term, not in the article");
  EXPECT_LT(story, q1);
  EXPECT_LT(personal, q1);
  EXPECT_LT(q1, facet);
  EXPECT_LT(facet, q2);
  EXPECT_LT(covered, q2);
  EXPECT_LT(q2, uncovered);
  at("part: answer parasitic-infection.cause");
  at("part: fallback");
}

}  // namespace
}  // namespace faqbot::bot

namespace faqbot::bot {
namespace {

// Each piece of knowledge `explain` shows names its source: a lexicon
// file and line, WordNet, the article's own words, the pack's intents.
TEST(Explain, NamesWhereEachPieceOfKnowledgeCameFrom) {
  const std::string out = Explain(
      "I do not drink alcohol. What is the treatment for hepatic "
      "calcification and is vomiting blood a danger?");
  const auto has = [&](std::string_view s) {
    EXPECT_NE(out.find(s), std::string::npos) << "missing '" << s << "' in\n"
                                              << out;
  };
  has("(lexicon/en/facets.txt line ");      // a facet cue
  has("synonym: hepat -> liver (WordNet");  // a pertainym
  has("denied (not used to choose the section): drink alcohol");
  has("red flag: vomiting-blood");
  has("passage \"");  // the article's sentence the question meets
  has("lexicon/en/red-flags.txt line ");
}

// `faqbot inspect --packs`: each article with the words that route a
// question to it, then each article's tree.
TEST(Inspect, ALibraryListsEachArticleWithItsSubjectWords) {
  auto packs = LoadLibrary(testing::KidneyAndPolypLibrary(
      "inspect-library",
      "Anyone with a gallbladder polyp should keep scheduled check-ups."));
  ASSERT_TRUE(packs) << packs.error().message;
  const dialogs::Library library(*std::move(packs));
  std::ostringstream out;
  PrintLibrary(library, out);
  const std::string text = out.str();
  EXPECT_TRUE(text.starts_with("library of 2 articles")) << text.substr(0, 80);
  const auto kidney = text.find(
      "  kidney-stones: \"Are kidney stones dangerous?\"\n"
      "    subject words:");
  ASSERT_NE(kidney, std::string::npos) << text.substr(0, 2000);
  const std::string words = text.substr(
      kidney, text.find('\n', text.find("subject words", kidney)) - kidney);
  EXPECT_NE(words.find(" stone"), std::string::npos) << words;
  EXPECT_EQ(words.find(" polyp"), std::string::npos) << words;
  EXPECT_NE(text.find("pack polyps: \"What do gallbladder polyps on an "
                      "ultrasound mean?\"\n"),
            std::string::npos);
}

}  // namespace
}  // namespace faqbot::bot
