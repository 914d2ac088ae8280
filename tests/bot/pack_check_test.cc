// faqbot check: what stops a pack and what will confuse its readers.
#include "bot/tools/pack_check.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bot/bot.h"
#include "bot/pack_loader.h"
#include "tests/support/pack_files.h"
#include "tests/support/sample_article.h"

namespace faqbot::bot {
namespace {

namespace fs = std::filesystem;

constexpr const char* kArticle = testing::kMigraineArticle;

// A pack folder with this article and `intents` (none when empty).
fs::path MakePack(const std::string& name, const std::string& intents,
                  const std::string& article = kArticle) {
  const fs::path dir = testing::WritePack("check-" + name, article);
  if (!intents.empty()) std::ofstream(dir / "intents.txt") << intents;
  return dir;
}

std::vector<std::string> Lines(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(FormatFinding(f));
  return out;
}

std::string Find(const std::vector<Finding>& findings, const std::string& s) {
  for (const auto& line : Lines(findings)) {
    if (line.find(s) != std::string::npos) return line;
  }
  return "";
}

TEST(PackCheck, ACleanPackHasNothingToSay) {
  const auto findings = CheckPack(MakePack("clean", ""));
  EXPECT_TRUE(findings.empty()) << ::testing::PrintToString(Lines(findings));
  EXPECT_EQ(CheckStatus(findings), 0);
}

// A keyword both sections share is reported with where each has it and a
// witness message that really gets the clarify the warning names.
TEST(PackCheck, ASharedKeywordIsConfusableWithAWitness) {
  const auto dir = MakePack("shared",
                            "[node stress]\n"
                            "keywords: aura\n"
                            "\n"
                            "[node hormones]\n"
                            "keywords: aura\n");
  const auto findings = CheckPack(dir);
  const std::string line = Find(findings, "routes to both");
  ASSERT_FALSE(line.empty()) << ::testing::PrintToString(Lines(findings));
  EXPECT_EQ(line,
            (dir / "intents.txt").string() +
                ":2: warning [confusable aura]: \"aura\" routes to both stress "
                "(intents.txt:2) and hormones (intents.txt:5); \"what "
                "about aura?\" gets clarify [stress, hormones]");
  EXPECT_EQ(CheckStatus(findings), 1);

  auto pack = LoadPack(dir);
  ASSERT_TRUE(pack);
  Bot bot(*pack);
  const auto reply = bot.Handle("witness", {.text = "what about aura?"});
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->kind, dialogs::ReplyKind::kClarify);
  ASSERT_EQ(reply->choices.size(), 2u);
  EXPECT_EQ(reply->choices[0].id, "stress");
  EXPECT_EQ(reply->choices[1].id, "hormones");
}

// Two sections that share only a stem of different words ("comes in
// waves", "shock wave lithotripsy") are not confusable, unless a question
// of the pack's own set is torn between them; then that question is the
// witness.
TEST(PackCheck, AStemSharedByDifferentWordsIsConfusableOnlyWhenAQuestionIs) {
  std::ifstream file(std::string(FAQBOT_SOURCE_DIR) +
                     "/content/kidney-stones/article.txt");
  std::stringstream read;
  read << file.rdbuf();
  const std::string article = read.str();
  ASSERT_NE(article.find("comes in waves"), std::string::npos);
  ASSERT_NE(article.find("shock wave lithotripsy"), std::string::npos);
  const auto quiet = CheckPack(MakePack("waves", "", article));
  EXPECT_EQ(Find(quiet, "[confusable wave"), "")
      << ::testing::PrintToString(Lines(quiet));

  const fs::path dir = MakePack("waves-asked", "", article);
  std::ofstream(dir / "questions.jsonl")
      << R"({"class": "in", "q": "what about the waves?", )"
      << R"("expect": {"kind": "answer", "node": "passing-a-stone"}})"
      << "\n";
  const auto torn = CheckPack(dir);
  const std::string line = Find(torn, "[confusable wave");
  ASSERT_FALSE(line.empty()) << ::testing::PrintToString(Lines(torn));
  EXPECT_NE(line.find("\"what about the waves?\" gets clarify"),
            std::string::npos)
      << line;
}

// An author keeps a warning on purpose: intents.txt accepts it by its id
// with the reason; it no longer counts (check exits 0, serve does not
// print it) but `check --all` still lists it. An accept line whose
// warning has gone is a warning itself; one without a reason is an error.
TEST(PackCheck, AnAcceptedWarningIsListedButDoesNotCount) {
  const std::string shared =
      "[node stress]\nkeywords: aura\n\n[node hormones]\nkeywords: aura\n";
  const auto findings = CheckPack(
      MakePack("accepted",
               "accept: confusable aura because both sections use it\n"
               "accept: heading-ids intents.txt because a test pack\n" +
                   shared));
  ASSERT_EQ(findings.size(), 2u) << ::testing::PrintToString(Lines(findings));
  EXPECT_NE(Find(findings, "(accepted: both sections use it)"), "");
  EXPECT_EQ(CheckStatus(findings), 0);
  std::ostringstream shown, all;
  PrintFindings(findings, shown);
  PrintFindings(findings, all, /*all=*/true);
  EXPECT_EQ(shown.str(), "");
  EXPECT_NE(all.str().find("accepted [confusable aura]"), std::string::npos)
      << all.str();

  const auto stale = CheckPack(
      MakePack("stale", "accept: confusable migraine because it was once\n"));
  EXPECT_NE(Find(stale, "matches no warning").find("intents.txt:1:"),
            std::string::npos)
      << ::testing::PrintToString(Lines(stale));
  EXPECT_EQ(CheckStatus(stale), 1);

  const auto no_reason =
      CheckPack(MakePack("no-reason", "accept: confusable aura\n" + shared));
  EXPECT_EQ(CheckStatus(no_reason), 2);
  EXPECT_NE(Find(no_reason, "because <why>"), "");
}

// A pattern that sends the section's own words elsewhere makes its facets
// unreachable; the warning names the message and where it goes.
TEST(PackCheck, ANodeNoMessageReachesIsReported) {
  const auto findings = CheckPack(MakePack("unreachable",
                                           "[node hormones]\n"
                                           "pattern: stress\n"));
  const std::string line = Find(findings, "stress.cause is reached by no");
  ASSERT_FALSE(line.empty()) << ::testing::PrintToString(Lines(findings));
  EXPECT_NE(line.find("article.txt:3: warning [unreached stress.cause]:"),
            std::string::npos)
      << line;
  EXPECT_NE(line.find("\"what causes stress?\" gets "), std::string::npos)
      << line;
}

// "throbbing" is the stress section's word; a keyword of the hormones
// section takes "what about throbbing?" from it.
TEST(PackCheck, AKeywordThatTakesAWordFromItsSectionIsReported) {
  const auto dir = MakePack("away",
                            "[node hormones]\n"
                            "keywords: throbbing\n");
  const auto findings = CheckPack(dir);
  EXPECT_EQ(Find(findings, "sends"),
            (dir / "intents.txt").string() +
                ":2: warning [keyword throbbing]: keyword \"throbbing\" sends "
                "\"what about "
                "throbbing?\" to hormones, but the article speaks of it in "
                "stress; drop the keyword or use a phrase the article's "
                "sections do not share")
      << ::testing::PrintToString(Lines(findings));
  // A keyword of the section that uses the word says nothing.
  EXPECT_EQ(Find(CheckPack(MakePack("own",
                                    "[node stress]\n"
                                    "keywords: throbbing\n")),
                 "sends"),
            "");
}

TEST(PackCheck, KeywordsThatMatchNothingOrRepeatAreReported) {
  const auto findings =
      CheckPack(MakePack("keywords",
                         "[node stress]\n"
                         "keywords: the, tension, tension\n"));
  EXPECT_NE(
      Find(findings,
           "intents.txt:2: warning [keyword the]: keyword \"the\" is only "
           "stop words"),
      "");
  EXPECT_NE(Find(findings, "keyword \"tension\" is the same as \"tension\""),
            "");
}

TEST(PackCheck, SynonymsTheBuiltInTableHasAreReported) {
  const auto findings = CheckPack(MakePack("synonyms",
                                           "[synonyms]\n"
                                           "hepatitis: hep b\n"
                                           "stress: worms, dog tapeworm\n"));
  EXPECT_NE(Find(findings,
                 "intents.txt:2: warning [synonym hep b]: \"hep b\" is "
                 "already a built-in synonym of \"hepatitis\""),
            "");
  EXPECT_NE(
      Find(findings,
           "intents.txt:3: warning [synonym worms]: \"worms\" is a built-in "
           "synonym of \"parasit\"; this line overrides it"),
      "");
  EXPECT_EQ(Find(findings, "dog tapeworm"), "") << "only one word is built in";
}

// Rewording a heading changes the id made from it: files that name such
// ids are warned about, and an explicit id ends the warning.
TEST(PackCheck, IdsMadeFromHeadingsAreWarnedAbout) {
  const std::string intents = "[node stress]\nkeywords: tension\n";
  EXPECT_NE(Find(CheckPack(MakePack("derived", intents)),
                 "intents.txt:1: warning [heading-ids intents.txt]: names "
                 "nodes by ids made from their "
                 "headings (stress)"),
            "");
  std::string article = kArticle;
  article.replace(article.find("1. Stress\n"), 10, "1. Stress {#stress}\n");
  const auto findings = CheckPack(MakePack("explicit", intents, article));
  EXPECT_TRUE(findings.empty()) << ::testing::PrintToString(Lines(findings));
}

TEST(PackCheck, WhatStopsThePackIsAnErrorWithItsLine) {
  const auto findings =
      CheckPack(MakePack("broken", "[node no-such-node]\nkeywords: x\n"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(findings[0].error);
  EXPECT_TRUE(findings[0].file.ends_with("intents.txt")) << findings[0].file;
  EXPECT_EQ(findings[0].line, 1);
  EXPECT_EQ(CheckStatus(findings), 2);
}

TEST(PackCheck, ConversationTestsThatMissNodesAreReported) {
  const auto dir = MakePack("coverage", "");
  std::ofstream(dir / "conversations.txt") << "== one\n"
                                              "> what about hormones?\n"
                                              "< answer hormones\n";
  const std::string line = Find(CheckPack(dir), "no conversation test reaches");
  EXPECT_NE(line.find("stress"), std::string::npos) << line;
}

}  // namespace
}  // namespace faqbot::bot
