#include "intents/utf8.h"

#include <gtest/gtest.h>

namespace faqbot::intents {
namespace {

TEST(Utf8, AcceptsValidText) {
  EXPECT_FALSE(FindInvalidUtf8("plain ascii"));
  EXPECT_FALSE(FindInvalidUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
}

TEST(Utf8, FindsFirstInvalidByte) {
  EXPECT_EQ(FindInvalidUtf8("ok\xFFok").value_or(99), 2u);
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF").value_or(99), 0u);      // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80").value_or(99), 0u);  // surrogate
  EXPECT_EQ(FindInvalidUtf8("ab\xE2\x82").value_or(99), 2u);    // truncated
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80").value_or(99), 0u);  // >10FFFF
}

TEST(Utf8, RoundTripsCodePoints) {
  for (char32_t cp : {U'a', U'\u00E9', U'\u20AC', U'\U0001F600'}) {
    std::string s;
    AppendUtf8(cp, &s);
    std::size_t pos = 0;
    EXPECT_EQ(DecodeUtf8(s, &pos).value_or(0), cp);
    EXPECT_EQ(pos, s.size());
  }
}

TEST(Utf8, FindsControlCharactersButNotLineBreaks) {
  EXPECT_FALSE(FindControl("two lines\r\nand\ta tab, caf\xC3\xA9"));
  EXPECT_EQ(FindControl("hi \x1b]0;pwned\x07").value_or(99), 3u);
  EXPECT_EQ(FindControl("del\x7f").value_or(99), 3u);
  EXPECT_EQ(FindControl("c1 \xC2\x9b"
                        "2J")
                .value_or(99),
            3u);                              // U+009B CSI
  EXPECT_FALSE(FindControl("nbsp\xC2\xA0"));  // U+00A0 is text
}

TEST(Utf8, PrintableEscapesWhatATerminalWouldObey) {
  const std::string shown = Printable(
      "a\x1b[2Jb\x1b]52;c;Zm9v\x07"
      "c\r\xC2\x9b\xFFok\n\tend");
  EXPECT_EQ(shown, "a\\x1b[2Jb\\x1b]52;c;Zm9v\\x07c\\x0d\\u009b\\xffok\n\tend");
  EXPECT_EQ(shown.find('\x1b'), std::string::npos);
  EXPECT_EQ(Clipped("\x1b[31mred", 100), "\\x1b[31mred");
}

}  // namespace
}  // namespace faqbot::intents
