#include "intents/normalizer.h"

#include <gtest/gtest.h>

#include "intents/utf8.h"
#include "tests/support/test_lexicon.h"

namespace faqbot::intents {
namespace {

std::string Joined(std::string_view text) {
  std::string out;
  for (const auto& w : Normalize(text, *faqbot::testing::TestLexicon()))
    out += (out.empty() ? "" : " ") + w;
  return out;
}

TEST(Normalizer, FoldsCaseUnicodeAndPunctuation) {
  const struct {
    std::string_view in;
    std::string_view want;
  } cases[] = {
      {"Is That a TUMOUR??", "is that a tumor"},
      {"What\xE2\x80\x99s this?", "what is this"},   // curly quote
      {"\xEF\xBC\xA3\xEF\xBC\xB4 scan", "ct scan"},  // full-width
      {"caf\xC3\xA9 na\xC3\xAFve", "cafe naive"},    // accents
      {"Stra\xC3\x9F"
       "e",
       "strasse"},                                     // sharp s
      {"pain \xF0\x9F\x98\x9F!!", "pain"},             // emoji
      {"zero\xE2\x80\x8Bwidth", "zerowidth"},          // ZWSP vanishes
      {"\xE2\x80\x8Fright-to-left", "right to left"},  // RLM, hyphen
      {"v\xD0\xBEmiting", "vomiting"},                 // Cyrillic o
      {"don't", "do not"},
      {"I can't", "i can not"},
      {"it's", "it is"},
      {"you're fine", "you are fine"},
      {"the doctor's note", "the doctor note"},  // possessive
      {"u r", "you are"},
      {"two", "2"},
      {"10mm", "10 mm"},
      {"a 4.6cm cyst, ALT 52.5.", "a 4.6 cm cyst alt 52.5"},  // decimals
      {"in 2019. 5 cm", "in 2019 5 cm"},  // a full stop stays a break
      {"haemorrhage", "hemorrhage"},
      {"follow-up", "follow up"},
      {"", ""},
      {"\xFF\xFE broken", "broken"},  // invalid bytes
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Joined(c.in), c.want) << "input: " << c.in;
  }
}

// Plain ASCII takes a fast path; it must fold exactly as the full-width
// forms of the same characters (U+FF01-FF5E), which take the general one.
TEST(Normalizer, AsciiFoldsLikeItsFullWidthForms) {
  for (char32_t c = 0x21; c <= 0x7E; ++c) {
    std::string ascii = "Ab", wide = "Ab";
    ascii.push_back(static_cast<char>(c));
    AppendUtf8(c - 0x21 + 0xFF01, &wide);
    ascii += "cD's";
    wide += "cD's";
    const Lexicon& lex = *faqbot::testing::TestLexicon();
    EXPECT_EQ(Normalize(ascii, lex), Normalize(wide, lex))
        << "character " << ascii;
  }
}

TEST(Normalizer, KeepsLettersOfOtherScripts) {
  EXPECT_EQ(Joined("\xE8\x82\x9D"), "\xE8\x82\x9D");  // CJK "liver"
}

}  // namespace
}  // namespace faqbot::intents
