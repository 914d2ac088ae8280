#include "bot/lexicon_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dialogs/article_knowledge.h"
#include "intents/matcher.h"
#include "intents/medical_terms.h"
#include "intents/normalizer.h"
#include "tests/support/test_lexicon.h"

namespace faqbot::bot {
namespace {

namespace fs = std::filesystem;

// A lexicon folder of its own in a temporary directory.
class LexiconFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("faqbot-lexicon-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }
  fs::path dir_;
};

TEST_F(LexiconFolder, ReadsEveryFileAndNamesWhereEachWordCameFrom) {
  Write("words.txt", "# comment\n[stopwords]\nthe, a\n\n[units]\nmm\n");
  Write("sources.txt", "[word-lists]\n");
  auto lex = LoadLexicon(dir_);
  ASSERT_TRUE(lex) << lex.error().message;
  EXPECT_TRUE((*lex)->Is("the", intents::WordClass::kStopwords));
  EXPECT_FALSE((*lex)->Is("mm", intents::WordClass::kStopwords));
  EXPECT_EQ((*lex)->OriginOf("mm", intents::WordClass::kUnits),
            "lexicon/" + dir_.filename().string() + "/words.txt line 6");
}

// [spelling-parts]: a British beginning or ending is respelled, the
// first part that fits winning; a word with neither is left alone, and a
// one-letter part is found too (the quick test by two letters then lets
// every word through).
TEST_F(LexiconFolder, SpellingPartsRespellBeginningsAndEndings) {
  Write("sources.txt", "[word-lists]\n");
  Write("words.txt",
        "[spelling-parts]\nhaem- = hem\nanaem- = anem\n-aemia = -emia\n"
        "-tumour = -tumor\n");
  auto lex = LoadLexicon(dir_);
  ASSERT_TRUE(lex) << lex.error().message;
  EXPECT_EQ((*lex)->Respelled("haemorrhage"), "hemorrhage");
  EXPECT_EQ((*lex)->Respelled("anaemia"), "anemia");
  EXPECT_EQ((*lex)->Respelled("leukaemia"), "leukemia");
  EXPECT_EQ((*lex)->Respelled("fibrotumour"), "fibrotumor");
  EXPECT_EQ((*lex)->Respelled("stones"), "");
  EXPECT_EQ((*lex)->Respelled("h"), "");
  Write("words.txt", "[spelling-parts]\n-s = -z\nhaem- = hem\n");
  lex = LoadLexicon(dir_);
  ASSERT_TRUE(lex) << lex.error().message;
  EXPECT_EQ((*lex)->Respelled("stones"), "stonez");
  EXPECT_EQ((*lex)->Respelled("haemorrhage"), "hemorrhage");
}

TEST_F(LexiconFolder, AMistakeNamesTheFileAndLine) {
  Write("words.txt", "[stopwords]\nthe\n[no-such-section]\nx\n");
  Write("sources.txt", "");
  auto lex = LoadLexicon(dir_);
  ASSERT_FALSE(lex);
  EXPECT_NE(lex.error().message.find("words.txt line 4"), std::string::npos)
      << lex.error().message;
  EXPECT_NE(lex.error().message.find("unknown section [no-such-section]"),
            std::string::npos);
  Write("words.txt", "[cues]\ntreatment heavy: treat*\n");
  lex = LoadLexicon(dir_);
  ASSERT_FALSE(lex);
  EXPECT_NE(lex.error().message.find("\"heavy\" is not a weight"),
            std::string::npos)
      << lex.error().message;
}

// The everyday list's words are stemmed once when the lexicon loads
// (Lexicon::Stem then looks them up): each stems as Snowball stems it
// without the list, and a word the list lacks is stemmed all the same.
TEST_F(LexiconFolder, EverydayWordsStemAsWithoutTheList) {
  const std::vector<std::string> words = {"treated", "causes",       "running",
                                          "happily", "organization", "a"};
  std::string list;
  for (const auto& w : words) list += w + "\n";
  Write("everyday.dic", list);
  Write("sources.txt", "[word-lists]\n");
  auto plain = LoadLexicon(dir_);
  Write("sources.txt",
        "[word-lists]\neveryday: " + (dir_ / "everyday.dic").string() + "\n");
  auto listed = LoadLexicon(dir_);
  ASSERT_TRUE(plain) << plain.error().message;
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_TRUE((*listed)->Is("treated", intents::WordClass::kEveryday));
  for (const std::string w : {"treated", "causes", "running", "happily",
                              "organization", "a", "treating", "hepatic"}) {
    EXPECT_EQ((*listed)->Stem(w), (*plain)->Stem(w)) << w;
  }
  EXPECT_EQ((*listed)->Stem("treated"), "treat");
}

TEST_F(LexiconFolder, AMissingWordListIsReportedNotFatal) {
  Write("sources.txt",
        "[word-lists]\nmedical: " + (dir_ / "no-such.dic").string() + "\n");
  std::vector<std::string> missing;
  auto lex = LoadLexicon(dir_, &missing);
  ASSERT_TRUE(lex) << lex.error().message;
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_NE(missing[0].find("no-such.dic"), std::string::npos);
  EXPECT_FALSE((*lex)->HasWordList(intents::WordClass::kMedical));
}

// A hunspell list names a word's other forms by flags; the affix file's
// suffix rules make them ("fibrillate/N": "fibrillation"), each rule only
// where its condition holds, and a list read without one keeps its
// words as written.
TEST_F(LexiconFolder, AHunspellListGainsTheFormsItsFlagsName) {
  Write("en.aff",
        "SET UTF-8\nPFX A Y 1\nPFX A   0     re         .\n"
        "SFX N Y 2\nSFX N   e     ion        e\nSFX N   0     en  [^ey]\n"
        "SFX D Y 2\nSFX D   0     d          e\n"
        "SFX D   y     ied        [^aeiou]y\n");
  Write("med.dic", "3\nfibrillate/ND\ncalcify/D\nDelay/D\nplain\n");
  Write("sources.txt", "[word-lists]\naffixes: " + (dir_ / "en.aff").string() +
                           "\nmedical: " + (dir_ / "med.dic").string() + "\n");
  auto lex = LoadLexicon(dir_);
  ASSERT_TRUE(lex) << lex.error().message;
  const auto medical = [&](std::string_view w) {
    return (*lex)->Is(w, intents::WordClass::kMedical);
  };
  EXPECT_TRUE(medical("fibrillate"));
  EXPECT_TRUE(medical("fibrillation"));
  EXPECT_TRUE(medical("fibrillated"));
  EXPECT_TRUE(medical("calcified"));
  EXPECT_TRUE(medical("plain"));
  EXPECT_FALSE(medical("fibrillateen"));  // "[^ey]": not after an "e"
  EXPECT_FALSE(medical("delaied"));       // "[^aeiou]y": not after a vowel
  EXPECT_FALSE(medical("refibrillate"));  // prefixes are not applied

  Write("sources.txt",
        "[word-lists]\nmedical: " + (dir_ / "med.dic").string() + "\n");
  lex = LoadLexicon(dir_);
  ASSERT_TRUE(lex) << lex.error().message;
  EXPECT_TRUE(medical("fibrillate"));
  EXPECT_FALSE(medical("fibrillation"));
}

TEST_F(LexiconFolder, ABrokenAffixFileNamesItsLine) {
  Write("en.aff", "SFX N Y 1\nSFX N   e     ion        [ae\n");
  Write("sources.txt",
        "[word-lists]\naffixes: " + (dir_ / "en.aff").string() + "\n");
  auto lex = LoadLexicon(dir_);
  ASSERT_FALSE(lex);
  EXPECT_NE(lex.error().message.find("en.aff line 2"), std::string::npos)
      << lex.error().message;
}

TEST(WordNet, AnAdjectiveOfAnOrganReadsAsTheOrgan) {
  const intents::Matcher m(faqbot::testing::TestLexicon());
  const auto& a = m.analyzer();
  EXPECT_EQ(a.Terms("renal stone"), a.Terms("kidney stone"));
  EXPECT_EQ(a.Terms("hepatic"), a.Terms("liver"));
  EXPECT_EQ(a.Terms("ovarian"), a.Terms("ovary"));
  EXPECT_EQ(a.Terms("splenic"), a.Terms("spleen"));
  // "Cervical" may be the neck's or the cervix's: left alone.
  EXPECT_NE(a.Terms("cervical"), a.Terms("neck"));
}

TEST(WordNet, AnArticlesTermsTakeOnTheirOtherNames) {
  const auto& lex = *faqbot::testing::TestLexicon();
  const auto names = dialogs::OtherNames(
      intents::Normalize("Kidney stones are hard lumps. Drink water.", lex),
      lex);
  ASSERT_FALSE(names.empty());
  const auto& stones = names.front();
  EXPECT_EQ(stones.group.substr(0, stones.group.find(':')), "kidney stones");
  EXPECT_NE(stones.group.find("renal calculus"), std::string::npos);
  EXPECT_NE(stones.origin.find("WordNet"), std::string::npos);
  for (const auto& n : names) {
    // Everyday words have too many senses: "water" is not urine.
    EXPECT_EQ(n.group.find("water"), std::string::npos) << n.group;
  }
}

// An everyday word whose first sense is a kind of disease names a
// condition (so an article that never uses it does not cover it); a verb
// of the same letters, and the words of disease in general, do not.
// "Can coffee cause extra beats?" asks about the caffeine an article
// names: a substance takes on the foods and drinks WordNet says it is in,
// but not one the article names itself ("tea" stays tea there).
TEST(WordNet, ASubstanceTakesOnTheDrinksItIsIn) {
  const auto& lex = *faqbot::testing::TestLexicon();
  const auto words = [&](std::string_view text) {
    return dialogs::ContainerNames(intents::Normalize(text, lex), lex);
  };
  const auto caffeine = words("Caffeine and stress make them more frequent.");
  ASSERT_EQ(caffeine.size(), 1u);
  EXPECT_EQ(caffeine[0].group, "caffeine: coffee, tea");
  EXPECT_NE(caffeine[0].origin.find("WordNet"), std::string::npos);
  const auto with_tea = words("Caffeine, as in strong tea, may trigger them.");
  ASSERT_EQ(with_tea.size(), 1u);
  EXPECT_EQ(with_tea[0].group, "caffeine: coffee");
  EXPECT_TRUE(words("Drink water and avoid stress.").empty());
}

TEST(WordNet, AnEverydayDiseaseWordNamesACondition) {
  const auto& lex = *faqbot::testing::TestLexicon();
  using intents::TermKind;
  EXPECT_EQ(intents::ClassifyTerm("pneumonia", lex), TermKind::kJargon);
  EXPECT_EQ(intents::ClassifyTerm("asthma", lex), TermKind::kJargon);
  EXPECT_EQ(intents::ClassifyTerm("trembles", lex), TermKind::kOrdinary);
  EXPECT_EQ(intents::ClassifyTerm("cancer", lex), TermKind::kOrdinary);
  EXPECT_EQ(intents::ClassifyTerm("disease", lex), TermKind::kOrdinary);
  EXPECT_EQ(intents::ClassifyTerm("pencil", lex), TermKind::kOrdinary);
  // Short ones too ("is gout dangerous?" is not a question for a ganglion
  // article); "cold" is a feeling far more often than the common cold.
  EXPECT_EQ(intents::ClassifyTerm("gout", lex), TermKind::kJargon);
  EXPECT_EQ(intents::ClassifyTerm("flu", lex), TermKind::kJargon);
  EXPECT_EQ(intents::ClassifyTerm("cold", lex), TermKind::kOrdinary);
  // A second root of the class adds its kinds to the first's: infections
  // ("malaria", "sepsis"), though "infection" itself names none.
  EXPECT_EQ(intents::ClassifyTerm("malaria", lex), TermKind::kJargon);
  EXPECT_EQ(intents::ClassifyTerm("sepsis", lex), TermKind::kJargon);
  EXPECT_EQ(intents::ClassifyTerm("infection", lex), TermKind::kOrdinary);
}

// Medical words that name no condition, by their ending: a surgeon ("the
// neurosurgeon wants to operate") or a hormone ("low testosterone") in a
// story is no subject the article lacks; a growth's name is.
TEST(WordNet, SurgeonsAndHormonesAreNoConditions) {
  const auto& lex = *faqbot::testing::TestLexicon();
  using intents::TermKind;
  EXPECT_EQ(intents::ClassifyTerm("neurosurgeon", lex), TermKind::kOrdinary);
  EXPECT_EQ(intents::ClassifyTerm("testosterone", lex), TermKind::kOrdinary);
  EXPECT_EQ(intents::ClassifyTerm("craniopharyngioma", lex), TermKind::kJargon);
  // A kind of headache is a condition; a headache is a symptom.
  EXPECT_EQ(intents::ClassifyTerm("migraine", lex), TermKind::kJargon);
  EXPECT_EQ(intents::ClassifyTerm("headache", lex), TermKind::kOrdinary);
}

}  // namespace
}  // namespace faqbot::bot
