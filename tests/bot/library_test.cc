// The library router (dialogs/library.h) over real content packs: a
// question goes to the article whose subject it names; follow-ups stay.
// Then the bot serving the library (bot.h): a conversation across them.
#include "dialogs/library.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "bot/bot.h"
#include "bot/pack_loader.h"
#include "bot/tools/inspect.h"
#include "dialogs/dialog_runner.h"
#include "tests/support/library_files.h"
#include "tests/support/pack_files.h"
#include "tests/support/sample_article.h"

namespace faqbot::dialogs {
namespace {

class LibraryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<std::shared_ptr<const Pack>> packs;
    for (const char* name :
         {"fatty-liver", "gallbladder-polyps", "kidney-stones",
          "liver-calcification", "liver-hemangioma", "ovarian-cysts"}) {
      auto pack =
          bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) + "/content/" + name);
      ASSERT_TRUE(pack) << pack.error().message;
      packs.push_back(*pack);
    }
    library_ = new Library(std::move(packs));
  }
  static void TearDownTestSuite() { delete library_; }
  static int Index(const std::string& name) {
    for (int i = 0; i < library_->size(); ++i) {
      if (library_->packs()[i]->name == name) return i;
    }
    return -1;
  }
  static std::string Routed(const std::string& text, const char* current) {
    const int at = library_->Route(text, current ? Index(current) : -1).pack;
    return at < 0 ? "" : library_->packs()[at]->name;
  }
  static Library* library_;
};
Library* LibraryTest::library_ = nullptr;

TEST_F(LibraryTest, AConversationThatMovesBetweenArticles) {
  const char* calcification = "liver-calcification";
  EXPECT_EQ(Routed("is calcification cancer?", calcification), calcification);
  EXPECT_EQ(
      Routed("I also have a hemangioma, is that dangerous?", calcification),
      "liver-hemangioma");
  EXPECT_EQ(Routed("how is it treated?", "liver-hemangioma"),
            "liver-hemangioma")
      << "a follow-up names no subject: it stays";
  EXPECT_EQ(
      Routed("and the calcification, how is that treated?", "liver-hemangioma"),
      calcification);
}

TEST_F(LibraryTest, WithoutAPageTheSubjectChoosesTheArticle) {
  EXPECT_EQ(
      Routed("What should I do if I have a urinary tract stone?", nullptr),
      "kidney-stones")
      << "several articles speak of stones; its title names this one";
  EXPECT_EQ(Routed("Do ovarian cysts need to be removed?", nullptr),
            "ovarian-cysts");
  EXPECT_EQ(
      Routed("I have a 6 mm polyp in my gallbladder, is it cancer?", nullptr),
      "gallbladder-polyps");
  EXPECT_EQ(Routed("What is a gallbladder adenoma?", nullptr),
            "gallbladder-polyps")
      << "a heading's word, and a word only this article's title has";
  EXPECT_EQ(Routed("Is hepatitis C curable?", nullptr), "")
      << "a heading's word of the calcification article alone";
  EXPECT_EQ(Routed("how is it treated?", nullptr), "")
      << "no subject and no page: ask which article";
  EXPECT_EQ(Routed("what is the best pizza in town?", nullptr), "");
}

TEST_F(LibraryTest, ASubjectNoArticleCoversStaysWithThePage) {
  // The page's article then refuses it, naming the subject.
  EXPECT_EQ(Routed("what is polycystic ovary syndrome?", "fatty-liver"),
            "fatty-liver");
}

// Red flags of every article apply to a message that names none, but a
// library asks only the articles whose own signs it may show: for every
// real question of the six articles, the same escalations as asking all.
TEST_F(LibraryTest, RedFlagsAskedOfIndexedArticlesEscalateAsAllWould) {
  const auto escalates = [](const Pack& pack, const std::string& text) {
    DialogState scratch;
    auto r = DialogRunner(&pack).Step(&scratch, {text, ""});
    return r && r->kind == ReplyKind::kEscalation;
  };
  int questions = 0, escalated = 0;
  std::size_t asked = 0;
  for (const auto& pack : library_->packs()) {
    std::ifstream in(std::string(FAQBOT_SOURCE_DIR) + "/content/" + pack->name +
                     "/real-questions.jsonl");
    for (std::string line; std::getline(in, line);) {
      const std::string q = nlohmann::json::parse(line).at("q");
      bool by_all = false, by_index = false;
      for (const auto& p : library_->packs()) by_all |= escalates(*p, q);
      const auto packs = library_->RedFlagPacks(q);
      for (const int p : packs) by_index |= escalates(*library_->packs()[p], q);
      EXPECT_EQ(by_index, by_all) << q;
      ++questions, escalated += by_all, asked += packs.size();
    }
  }
  EXPECT_GE(questions, 150);
  EXPECT_GE(escalated, 15) << "the sets' red-flag questions";
  EXPECT_LT(asked, questions * 3u) << "most messages ask one or two articles";
  EXPECT_EQ(library_->RedFlagPacks("is it serious?"), std::vector<int>{0});
  const auto fever = library_->RedFlagPacks("I have a fever and chills");
  EXPECT_NE(std::find(fever.begin(), fever.end(), Index("kidney-stones")),
            fever.end())
      << "its advice names fever or chills";
}

}  // namespace
}  // namespace faqbot::dialogs

namespace faqbot::bot {
namespace {

class LibraryBotTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto packs = LoadLibrary(std::string(FAQBOT_SOURCE_DIR) + "/content");
    ASSERT_TRUE(packs) << packs.error().message;
    bot_ = new Bot(std::make_shared<const dialogs::Library>(*std::move(packs)));
  }
  static void TearDownTestSuite() { delete bot_; }
  static Reply Ask(const std::string& session, const std::string& text,
                   std::string_view page = "") {
    auto r = bot_->Handle(session, {.text = text, .page = std::string(page)});
    EXPECT_TRUE(r) << r.error().message;
    return r ? *r : Reply{};
  }
  static Bot* bot_;
};
Bot* LibraryBotTest::bot_ = nullptr;

// Issue #31's conversation: on the liver-calcification page, a question
// about a hemangioma is answered from that article (saying so), its
// follow-up stays there, and naming the calcification again goes back.
TEST_F(LibraryBotTest, AConversationMovesBetweenArticlesAndSaysSo) {
  constexpr std::string_view kPage = "liver-calcification";
  const Reply first = Ask("move", "is calcification cancer?", kPage);
  EXPECT_EQ(first.kind, ReplyKind::kAnswer);
  EXPECT_EQ(first.article, "liver-calcification");
  EXPECT_EQ(first.notice, "");

  const Reply other =
      Ask("move", "I also have a hemangioma, is that dangerous?", kPage);
  EXPECT_EQ(other.kind, ReplyKind::kAnswer) << other.text;
  EXPECT_EQ(other.article, "liver-hemangioma");
  EXPECT_EQ(other.notice,
            "From the article \"Is a liver hemangioma dangerous?\":");

  const Reply follow = Ask("move", "how is it treated?", kPage);
  EXPECT_EQ(follow.article, "liver-hemangioma");
  EXPECT_NE(follow.node.find("treatment"), std::string::npos) << follow.node;

  const Reply back =
      Ask("move", "and the calcification, how is that treated?", kPage);
  EXPECT_EQ(back.article, "liver-calcification");
  EXPECT_NE(back.kind, ReplyKind::kFallback) << back.text;
  EXPECT_EQ(back.notice, "");
}

// Without a page: a question names its article; one that names none is
// asked which article (red flags answered first), and a number picks.
TEST_F(LibraryBotTest, WithoutAPageTheQuestionNamesTheArticle) {
  const Reply stones = Ask("free", "how are kidney stones treated?");
  EXPECT_EQ(stones.article, "kidney-stones");
  EXPECT_EQ(stones.notice, "");

  const Reply which = Ask("vague", "is it serious?");
  EXPECT_EQ(which.kind, ReplyKind::kClarify);
  ASSERT_EQ(which.choices.size(), 6u);
  EXPECT_EQ(which.choices[1].id, "article:gallbladder-polyps");
  const Reply picked = Ask("vague", "2");
  EXPECT_EQ(picked.article, "gallbladder-polyps");
  EXPECT_EQ(picked.node, "overview");

  EXPECT_EQ(Ask("urgent", "I am vomiting blood").kind, ReplyKind::kEscalation);
  auto bad = bot_->Handle("bad", {.choice = "article:nope"});
  EXPECT_FALSE(bad);

  // A platform's button sends back a choice of the conversation's article.
  EXPECT_EQ(Ask("button", "is a liver hemangioma dangerous?").article,
            "liver-hemangioma");
  auto pressed =
      bot_->Handle("button", {.button = "treatment-options.treatment"});
  ASSERT_TRUE(pressed) << pressed.error().message;
  EXPECT_EQ(pressed->node, "treatment-options.treatment");
  EXPECT_EQ(pressed->article, "liver-hemangioma");
}

// A subject no article of the library mentions is refused as such, with
// the articles offered; one an article mentions, unnamed, is asked about.
TEST_F(LibraryBotTest, ASubjectNoArticleMentionsIsNotCovered) {
  const Reply fibroids =
      Ask("fibroids", "Do I need surgery for uterine fibroids?");
  EXPECT_EQ(fibroids.kind, ReplyKind::kFallback) << fibroids.text;
  EXPECT_EQ(fibroids.intent, "fallback.library-not-covered");
  EXPECT_EQ(fibroids.not_covered, "uterine, fibroids");
  EXPECT_TRUE(fibroids.text.starts_with(
      "None of these articles covers uterine, fibroids"))
      << fibroids.text;
  EXPECT_EQ(fibroids.choices.size(), 6u);
  EXPECT_EQ(fibroids.article, "");
  EXPECT_EQ(Ask("fibroids", "3").article, "kidney-stones")
      << "a number picks one of the articles offered";

  const Reply ovary = Ask("ovary", "Will I lose my ovary?");
  EXPECT_NE(ovary.intent, "fallback.library-not-covered")
      << "the ovarian-cyst article speaks of the ovary: " << ovary.text;
  EXPECT_EQ(Ask("pizza", "what is the best pizza in town?").intent,
            std::string(kWhichArticleIntent))
      << "no subject named at all";
}

// Without a page, a story that names one article's subject beside things
// no article covers ("sinus bradycardia") is asked of that article as from
// its page: it answers what it can. When that article refuses (another
// organ's hemangioma), the library says so as before.
TEST_F(LibraryBotTest, AStoryNamingOneArticlesSubjectIsAskedOfIt) {
  const Reply work = Ask("work",
                         "A scan found a hepatic hemangioma of 2 cm, and my "
                         "heart tracing showed sinus bradycardia. With no "
                         "symptoms, can I keep working and exercising?");
  EXPECT_EQ(work.article, "liver-hemangioma") << work.text;
  EXPECT_EQ(work.kind, ReplyKind::kAnswer) << work.text;

  // On a page whose article refuses it, the same: the article the story
  // names answers, saying so.
  const Reply page = Ask("page",
                         "A scan for my back pain found a spot in my liver "
                         "that is likely a hemangioma. Would an MRI tell it "
                         "apart from cancer?",
                         "liver-calcification");
  EXPECT_EQ(page.article, "liver-hemangioma") << page.text;
  EXPECT_EQ(page.notice,
            "From the article \"Is a liver hemangioma dangerous?\":");

  const Reply spine =
      Ask("spine",
          "An MRI of my spine showed a hemangioma in a vertebra. Should I "
          "worry?");
  EXPECT_EQ(spine.article, "") << spine.text;
  EXPECT_NE(spine.kind, ReplyKind::kAnswer) << spine.text;
}

// Every article's own warning signs apply to a message another article
// answers: the polyp article's advice (rewritten here) warns of a stiff
// neck with a purple rash, which no lexicon flag knows; told on the
// kidney-stone page, it is escalated, and the stone question alone is not.
TEST(LibraryBotSafety, AnotherArticlesWarningSignEscalatesARoutedMessage) {
  const auto root = testing::KidneyAndPolypLibrary(
      "library-signs",
      "Anyone with a gallbladder polyp should keep scheduled check-ups. See "
      "a doctor promptly for a stiff neck with a purple rash.");
  auto packs = LoadLibrary(root);
  ASSERT_TRUE(packs) << packs.error().message;
  Bot bot(std::make_shared<const dialogs::Library>(*std::move(packs)));
  const auto ask = [&](const std::string& session, const std::string& text) {
    auto r = bot.Handle(session, {.text = text, .page = "kidney-stones"});
    EXPECT_TRUE(r) << r.error().message;
    return r ? *r : Reply{};
  };
  const Reply rash = ask("rash",
                         "I have a kidney stone and since this morning a "
                         "stiff neck with a purple rash. How long does a "
                         "stone take to pass?");
  EXPECT_EQ(rash.kind, ReplyKind::kEscalation) << rash.text;
  const Reply stone =
      ask("stone", "How long does a kidney stone take to pass?");
  EXPECT_EQ(stone.kind, ReplyKind::kAnswer) << stone.text;
  EXPECT_EQ(stone.article, "kidney-stones");
}

// Without a page, a story that names an article's subject and a scope
// word that article never uses ("its size increased") goes to it, as its
// own runner would hear it; it is not asked "which article?".
TEST(LibraryBotStories, AStoryNamingTheSubjectAndItsSizeGoesToTheArticle) {
  namespace fs = std::filesystem;
  const fs::path root = testing::TestFolder("library-story");
  fs::remove_all(root);
  testing::WritePack("library-story/spleen-cysts",
                     testing::SpleenCystArticle(
                         "are watched with a repeat ultrasound after a year."));
  fs::create_directories(root / "kidney-stones");
  fs::copy_file(
      fs::path(FAQBOT_SOURCE_DIR) / "content/kidney-stones" / kArticleFile,
      root / "kidney-stones" / kArticleFile);
  auto packs = LoadLibrary(root);
  ASSERT_TRUE(packs) << packs.error().message;
  Bot bot(std::make_shared<const dialogs::Library>(*std::move(packs)));
  auto r = bot.Handle("story", {.text = "Last year an ultrasound found a "
                                        "spleen cyst of 3 cm. This year its "
                                        "size increased to 4 cm. What should "
                                        "I do now?"});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->article, "spleen-cysts") << r->text;
  EXPECT_NE(r->intent, "library.which");
}

// A big library offers a handful of articles, not all of them: those
// whose titles share the question's words first. Twelve articles: each of
// content/'s twice (folders "a-<pack>" and "b-<pack>").
TEST(LibraryBotLimits, WhichArticleOffersAtMostTenTitlesNearestFirst) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(::testing::TempDir()) / "library-twelve";
  fs::remove_all(root);
  for (const auto& entry :
       fs::directory_iterator(fs::path(FAQBOT_SOURCE_DIR) / "content")) {
    if (!fs::exists(entry.path() / kArticleFile)) continue;
    for (const char* copy : {"a-", "b-"}) {
      const fs::path dir = root / (copy + entry.path().filename().string());
      fs::create_directories(dir);
      fs::copy_file(entry.path() / kArticleFile, dir / kArticleFile);
    }
  }
  auto packs = LoadLibrary(root);
  ASSERT_TRUE(packs) << packs.error().message;
  ASSERT_EQ(packs->size(), 12u);
  Bot bot(std::make_shared<const dialogs::Library>(*std::move(packs)));
  const Reply welcome = bot.Welcome();
  EXPECT_EQ(welcome.choices.size(), 10u);
  auto which = bot.Handle("big", {.text = "is it dangerous?"});
  ASSERT_TRUE(which) << which.error().message;
  ASSERT_EQ(which->kind, ReplyKind::kClarify) << which->text;
  ASSERT_EQ(which->choices.size(), 10u);
  // The six titles asking whether something is dangerous (or serious,
  // the same to the lexicon's synonyms) come first.
  for (int i = 0; i < 6; ++i) {
    const std::string& title = which->choices[i].title;
    EXPECT_TRUE(title.find("dangerous") != std::string::npos ||
                title.find("serious") != std::string::npos)
        << i << ": " << title;
  }
  auto picked = bot.Handle("big", {.text = "10"});
  ASSERT_TRUE(picked) << picked.error().message;
  EXPECT_EQ(picked->node, "overview") << "a number picks among those offered";
}

// `faqbot explain --packs`: the candidates and decision are the answering
// article's, which it names.
TEST_F(LibraryBotTest, ExplainNamesTheArticleThatAnswered) {
  std::ostringstream out;
  PrintExplanation(*bot_, "how are kidney stones treated?", out);
  EXPECT_NE(out.str().find("article: kidney-stones"), std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("stones-with-infection"), std::string::npos)
      << out.str();
}

}  // namespace
}  // namespace faqbot::bot
