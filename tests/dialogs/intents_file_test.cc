#include "dialogs/intents_file.h"

#include <gtest/gtest.h>

namespace faqbot::dialogs {
namespace {

TEST(IntentsFile, ParsesAllSections) {
  auto f = ParseIntentsFile(
      "# comment\n[settings]\nanswer threshold = 1.5\n"
      "[synonyms]\nliver: hepatic\n"
      "[red flags]\nbleeding-gums: bleeding gums\n"
      "[node chronic-hepatitis]\nkeywords: hep b, liver infection\n"
      "pattern: (had|have) ... hepatitis\n",
      "i.txt");
  ASSERT_TRUE(f) << f.error().message;
  ASSERT_EQ(f->settings.size(), 1u);
  EXPECT_EQ(f->settings[0].key, "answer threshold");
  EXPECT_EQ(f->settings[0].value, "1.5");
  ASSERT_EQ(f->synonyms.size(), 1u);
  ASSERT_EQ(f->red_flags.size(), 1u);
  EXPECT_EQ(f->red_flags[0].name, "bleeding-gums");
  ASSERT_EQ(f->nodes.size(), 1u);
  EXPECT_EQ(f->nodes[0].node, "chronic-hepatitis");
  ASSERT_EQ(f->nodes[0].keywords.size(), 2u);
  EXPECT_EQ(f->nodes[0].keywords[1].text, "liver infection");
  EXPECT_EQ(f->nodes[0].patterns[0].line, 10);
}

TEST(IntentsFile, ErrorsNameFileLineAndFix) {
  const struct {
    const char* text;
    const char* error;
  } cases[] = {
      {"keywords: x", "i.txt line 1: \"keywords: x\" is outside any section"},
      {"[nodes x]", "i.txt line 1: unknown section [nodes x]"},
      {"[node x", "i.txt line 1: section header \"[node x\" has no closing"},
      {"[node ]", "i.txt line 1: [node] needs a node id"},
      {"\n[synonyms]\nliver hepatic", "i.txt line 3: synonym group"},
      {"[node x]\nwords: y", "i.txt line 2: \"words: y\" is not"},
      {"[node x]\npattern:", "i.txt line 2: pattern is empty"},
      {"[settings]\nthreshold 1",
       "i.txt line 2: setting \"threshold 1\" has "
       "no '='"},
      {"[red flags]\n: x", "i.txt line 2: red flag \": x\" needs a name"},
  };
  for (const auto& c : cases) {
    auto f = ParseIntentsFile(c.text, "i.txt");
    ASSERT_FALSE(f) << c.text;
    EXPECT_TRUE(f.error().message.starts_with(c.error))
        << "got: " << f.error().message;
  }
}

}  // namespace
}  // namespace faqbot::dialogs
