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

}  // namespace
}  // namespace faqbot::intents
