#include <gtest/gtest.h>

#include "dialogs/document.h"
#include "tests/support/test_lexicon.h"

namespace faqbot::dialogs {
namespace {

// The document as one string: "T:title|S:summary|1:heading=body|A:advice".
std::string Print(const Document& d) {
  std::string out = "T:" + d.title + "|S:" + d.summary;
  for (const auto& s : d.sections) {
    out += "|" + std::to_string(s.number) + ":" + s.heading + "=" + s.body;
  }
  if (!d.advice.empty()) out += "|A:" + d.advice;
  return out;
}

std::string ErrorOf(std::string_view text) {
  auto doc = ParseDocument(text, "a.txt");
  return doc ? "(parsed)" : doc.error().message;
}

TEST(DocumentParser, ParsesTitleSummarySectionsAndAdvice) {
  auto doc = ParseDocument(
      "Is it bad?\nUsually not. Details:\n1. First\nBody one.\n"
      "2) Second\nBody two.\nSee a doctor.\n",
      "a.txt");
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(Print(*doc),
            "T:Is it bad?|S:Usually not. Details:|1:First=Body one."
            "|2:Second=Body two.|A:See a doctor.");
}

TEST(DocumentParser, AcceptsCrlfBomAndBlankLines) {
  auto doc = ParseDocument(
      "\xEF\xBB\xBFTitle?\r\n\r\nSummary.\r\n1. One\r\n\r\nBody.\r\n", "a.txt");
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(Print(*doc), "T:Title?|S:Summary.|1:One=Body.");
}

TEST(DocumentParser, ParsesBothSeedArticles) {
  for (const char* path : {"/content/liver-calcification/article.txt",
                           "/content/gallbladder-polyps/article.txt"}) {
    std::FILE* f =
        std::fopen((std::string(FAQBOT_SOURCE_DIR) + path).c_str(), "rb");
    ASSERT_NE(f, nullptr) << path;
    std::string text;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) {
      text.append(buf, n);
    }
    std::fclose(f);
    auto doc = ParseDocument(text, path);
    ASSERT_TRUE(doc) << doc.error().message;
    EXPECT_GE(doc->sections.size(), 4u) << path;
    EXPECT_FALSE(doc->advice.empty()) << path;
  }
}

TEST(DocumentParser, RejectsMalformedDocumentsWithLineNumbers) {
  const struct {
    const char* text;
    const char* error;
  } cases[] = {
      {"", "a.txt line 1: the document is empty"},
      {"   \n\n", "a.txt line 1: the document is empty"},
      {"1. Heading first\nBody.",
       "a.txt line 1: the document starts with a "
       "section heading"},
      {"Title?\n1. One\nBody.",
       "a.txt line 2: section 1 starts right after "
       "the title"},
      {"Title?\nSummary.", "a.txt line 2: no numbered sections found"},
      {"Title?\nSummary.\n1. One\nBody.\n3. Three\nBody.",
       "a.txt line 5: section 3 comes after section 1"},
      {"Title?\nSummary.\n2. Two\nBody.",
       "a.txt line 3: section 2 comes "
       "after the summary"},
      {"Title?\nSummary.\n1. One\n2. Two\nBody.",
       "a.txt line 3: section 1 has a heading but no text"},
      {"Title?\nSummary.\n1. One",
       "a.txt line 3: section 1 has a heading but "
       "no text"},
      {"Title?\nSum\xFFmary.\n1. One\nBody.", "a.txt line 2: invalid UTF-8"},
      {"Title?\nSummary.\n1. One {#Big One}\nBody.",
       "a.txt line 3: \"{#Big One}\" is not a node id"},
      {"Title?\nSummary.\n1. One {#}\nBody.",
       "a.txt line 3: \"{#{}}\" is not a node id"},
      {"Title?\nSummary.\n1. One {#one}\nBody.\n2. Two {#one}\nBody.",
       "a.txt line 5: \"{#one}\" is already the id of section 1"},
      {"Title?\nSummary.\n1. One {#overview}\nBody.",
       "a.txt line 3: \"{#overview}\" is reserved"},
  };
  for (const auto& c : cases) {
    const std::string error = ErrorOf(c.text);
    EXPECT_TRUE(error.starts_with(c.error)) << "got: " << error;
  }
}

TEST(DocumentParser, AHeadingMayEndWithItsNodeId) {
  auto doc = ParseDocument(
      "Title?\nSummary.\n1. Parasitic infection {#parasites}\nBody.\n"
      "2. Stones\nBody.\n",
      "a.txt");
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->sections[0].heading, "Parasitic infection");
  EXPECT_EQ(doc->sections[0].id, "parasites");
  EXPECT_EQ(doc->sections[1].heading, "Stones");
  EXPECT_EQ(doc->sections[1].id, "");
}

TEST(DocumentParser, NumberedLongSentenceIsBodyNotHeading) {
  auto doc = ParseDocument(
      "T?\nS.\n1. One\n2. This is a long numbered sentence that belongs to "
      "the body text of section one.\n",
      "a.txt");
  ASSERT_TRUE(doc) << doc.error().message;
  ASSERT_EQ(doc->sections.size(), 1u);
}

TEST(SentenceSplitter, KeepsSentencesAsWritten) {
  const auto s = SplitSentences(
      "Take e.g. albendazole. Dose is 1.5 mg? Yes! See Dr. Smith (often).",
      *faqbot::testing::TestLexicon());
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], "Take e.g. albendazole.");
  EXPECT_EQ(s[1], "Dose is 1.5 mg?");
  EXPECT_EQ(s[2], "Yes!");
  EXPECT_EQ(s[3], "See Dr. Smith (often).");
}

}  // namespace
}  // namespace faqbot::dialogs
