// Replay: real questions asked of a pack before and after an edit.
#include "bot/tools/replay.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bot/pack_loader.h"
#include "bot/store/transcript_log.h"
#include "tests/support/pack_files.h"
#include "tests/support/test_lexicon.h"

namespace faqbot::bot {
namespace {

namespace fs = std::filesystem;

const std::string kFixture =
    std::string(FAQBOT_SOURCE_DIR) + "/tests/fixtures/liver";

// Without WordNet, which knows "bilharzia" (schistosomiasis' other name):
// these tests take the author's synonym line for it away.
std::shared_ptr<const dialogs::Pack> Load(const std::string& dir) {
  auto pack = LoadPack(dir, faqbot::testing::TestLexiconWithoutWordNet());
  EXPECT_TRUE(pack) << pack.error().message;
  return pack ? *pack : nullptr;
}

// The fixture pack with `line` taken out of its intents file.
std::string EditedPack(const std::string& name, const std::string& line) {
  return testing::PackWithoutLine(kFixture, name, line);
}

std::string WriteFile(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

std::vector<ReplayConversation> Read(const std::string& path) {
  auto read = ReadReplayFile(path);
  EXPECT_TRUE(read) << read.error().message;
  return read ? *read : std::vector<ReplayConversation>{};
}

TEST(Replay, IdenticalPacksAnswerAlike) {
  const auto questions = Read(std::string(FAQBOT_SOURCE_DIR) +
                              "/content/liver-calcification/questions.jsonl");
  ASSERT_EQ(questions.size(), 100u);
  const auto report = Replay(Load(kFixture), Load(kFixture), questions);
  EXPECT_EQ(report.turns, 100);
  EXPECT_EQ(report.changed, 0);
  std::ostringstream out;
  PrintReplayReport(report, out);
  EXPECT_EQ(out.str(), "0 of 100 questions answer differently\n");
}

// Removing a synonym changes exactly the questions that needed it.
TEST(Replay, RemovingASynonymReportsTheQuestionsThatNeededIt) {
  const auto after = EditedPack(
      "no-bilharzia",
      "schistosomiasis: bilharzia, blood fluke, blood flukes, snail fever");
  const auto questions = Read(WriteFile("replay-questions.txt",
                                        "# what people asked last week\n"
                                        "what is bilharzia?\n"
                                        "\n"
                                        "can snail fever cause calcification?\n"
                                        "what causes liver calcification?\n"
                                        "how is hepatitis treated?\n"
                                        "can worms cause calcification?\n"));
  ASSERT_EQ(questions.size(), 5u);
  const auto report = Replay(Load(kFixture), Load(after), questions);
  EXPECT_EQ(report.turns, 5);
  EXPECT_EQ(report.changed, 2);
  std::vector<std::string> changed;
  for (const auto& c : report.changes) {
    EXPECT_EQ(c.count, 1);
    EXPECT_TRUE(c.from.starts_with("parasitic-infection")) << c.from;
    EXPECT_NE(c.before, c.after);
    changed.push_back(c.question);
  }
  std::sort(changed.begin(), changed.end());
  EXPECT_EQ(changed,
            (std::vector<std::string>{"can snail fever cause calcification?",
                                      "what is bilharzia?"}));
  std::ostringstream out;
  PrintReplayReport(report, out);
  EXPECT_TRUE(out.str().ends_with("2 of 5 questions answer differently\n"))
      << out.str();
}

TEST(Replay, ReadsJsonLinesAndSaysWhichLineIsWrong) {
  auto qs = Read(WriteFile("replay.jsonl",
                           "{\"q\": \"what causes it?\", \"class\": \"x\"}\n"
                           "{\"text\": \"how is it treated?\"}\n"));
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[1][0].text, "how is it treated?");
  auto bad = ReadReplayFile(
      WriteFile("bad.jsonl", "{\"q\": \"fine\"}\n{\"question\": 1}\n"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("bad.jsonl line 2"), std::string::npos)
      << bad.error().message;
  auto missing = ReadReplayFile(::testing::TempDir() + "no/such/file.txt");
  EXPECT_FALSE(missing);
}

// A transcript's sessions come back as conversations, in the order each
// person wrote, buttons included, so a follow-up ("how is that treated?")
// is asked where it was.
TEST(Replay, ReplaysTranscriptSessionsAsConversations) {
  const std::string db = ::testing::TempDir() + "replay-transcripts.db";
  fs::remove(db);
  {
    auto log = TranscriptLog::Open(db);
    ASSERT_TRUE(log) << log.error().message;
    (*log)->Append(
        {.session = "a", .channel = "web", .text = "what is bilharzia?"});
    (*log)->Append({.session = "b", .channel = "web", .text = "hello"});
    (*log)->Append(
        {.session = "a", .channel = "web", .text = "how is that treated?"});
    (*log)->Append({.session = "b", .channel = "web", .choice = "overview"});
    (*log)->Append(
        {.session = "c", .channel = "web", .text = "how is that treated?"});
    (*log)->Flush();
  }
  const auto conversations = Read(db);
  ASSERT_EQ(conversations.size(), 3u);
  ASSERT_EQ(conversations[0].size(), 2u);
  EXPECT_EQ(conversations[0][0].text, "what is bilharzia?");
  EXPECT_EQ(conversations[0][1].text, "how is that treated?");
  ASSERT_EQ(conversations[1].size(), 2u);
  EXPECT_EQ(conversations[1][1].choice, "overview");

  // Without "bilharzia" the first question falls back, and so the
  // follow-up after it changes too; asked on its own (session c) it
  // answers as before.
  const auto after = EditedPack(
      "no-bilharzia-2",
      "schistosomiasis: bilharzia, blood fluke, blood flukes, snail fever");
  const auto report = Replay(Load(kFixture), Load(after), conversations);
  EXPECT_EQ(report.turns, 5);
  EXPECT_EQ(report.changed, 2);
  std::vector<std::string> from;
  for (const auto& c : report.changes) from.push_back(c.from);
  std::sort(from.begin(), from.end());
  EXPECT_EQ(from, (std::vector<std::string>{"parasitic-infection",
                                            "parasitic-infection.treatment"}));
}

// `faqbot replay --packs`: an article taken out of the library changes
// the questions about it, named with their article, and nothing else.
// The articles compile once; the library after the edit is the same
// packs without the ovarian-cyst article.
TEST(Replay, ALibraryNamesTheArticleOfEachChange) {
  const fs::path root =
      fs::path(::testing::TempDir()) / "replay-library-before";
  fs::remove_all(root);
  for (const char* name : {"fatty-liver", "kidney-stones", "ovarian-cysts"}) {
    fs::create_directories(root / name);
    fs::copy(fs::path(FAQBOT_SOURCE_DIR) / "content" / name, root / name);
  }
  auto packs = LoadLibrary(root, faqbot::testing::TestLexicon());
  ASSERT_TRUE(packs) << packs.error().message;
  ASSERT_EQ(packs->size(), 3u);
  Bot before(std::make_shared<const dialogs::Library>(*packs));
  packs->pop_back();  // ovarian-cysts, last in name order
  Bot after(std::make_shared<const dialogs::Library>(*packs));
  const auto questions = Read(WriteFile("replay-library.txt",
                                        "are kidney stones dangerous?\n"
                                        "can an ovarian cyst burst?\n"
                                        "what causes fatty liver?\n"));
  const auto report = Replay(before, after, questions);
  EXPECT_EQ(report.turns, 3);
  ASSERT_EQ(report.changed, 1);
  EXPECT_TRUE(report.changes[0].from.starts_with("ovarian-cysts/"))
      << report.changes[0].from;
  EXPECT_EQ(report.changes[0].question, "can an ovarian cyst burst?");
  EXPECT_EQ(report.changes[0].to, "fallback")
      << "no article left covers ovarian cysts";
}

}  // namespace
}  // namespace faqbot::bot
