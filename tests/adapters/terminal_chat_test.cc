#include "adapters/terminal_chat.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "bot/pack_loader.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;

class JsonlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pack = bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) +
                              "/content/liver-calcification");
    ASSERT_TRUE(pack) << pack.error().message;
    bot_ = std::make_unique<bot::Bot>(*pack);
  }
  json Line(std::string_view line, int n = 1) {
    return json::parse(HandleJsonlLine(*bot_, line, n));
  }
  std::unique_ptr<bot::Bot> bot_;
};

TEST_F(JsonlTest, AnswersWithTheReplyAndEchoesTheSession) {
  const json r = Line(R"({"session": "s1", "text": "what causes it?"})");
  EXPECT_EQ(r["session"], "s1");
  EXPECT_EQ(r["kind"], "answer");
  EXPECT_EQ(r["node"], "overview");
  EXPECT_EQ(r["source"]["section"], 0);
  EXPECT_EQ(r["choices"].size(), 5u);
  EXPECT_TRUE(r.contains("confidence"));
  EXPECT_TRUE(r.contains("intent"));
  EXPECT_TRUE(r.contains("disclaimer"));
  const json pick = Line(R"({"session": "s1", "choice": "chronic-hepatitis"})");
  EXPECT_EQ(pick["node"], "chronic-hepatitis");
  EXPECT_FALSE(pick.contains("disclaimer"));
}

TEST_F(JsonlTest, BadLinesGetAnErrorWithTheLineNumber) {
  const struct {
    std::string line;
    const char* error;
  } cases[] = {
      {"not json", "invalid JSON"},
      {R"({"session": "s", "text": 1e99999})", "out of range"},
      {"", "empty line"},
      {"[1, 2]", "expected a JSON object"},
      {R"({"text": "hi"})", "missing \"session\""},
      {R"({"session": 5, "text": "hi"})", "missing \"session\""},
      {R"({"session": "s"})", "missing \"text\""},
      {R"({"session": "s", "text": 42})", "\"text\" must be a string"},
      {R"({"session": "s", "text": ""})", "empty"},
      {R"({"session": "s", "choice": "no-such-node"})", "unknown choice id"},
      {"{\"session\": \"s\", \"text\": \"bad \xFF\"}", "invalid JSON"},
      {R"({"session": "s", "text": ")" + std::string(3000, 'x') + "\"}",
       "message too long"},
      {std::string(kMaxJsonlLineBytes + 1, ' '), "line too long"},
  };
  int n = 0;
  for (const auto& c : cases) {
    const json r = Line(c.line, ++n);
    ASSERT_TRUE(r.contains("error")) << c.line.substr(0, 60);
    EXPECT_NE(r["error"].get<std::string>().find(c.error), std::string::npos)
        << r["error"];
    EXPECT_EQ(r["line"], n);
  }
}

TEST_F(JsonlTest, ChatGoesOnAfterABadLine) {
  std::istringstream in(
      "{\"session\": \"a\", \"text\": \"what causes it\"}\n"
      "garbage\n"
      "{\"session\": \"a\", \"text\": \"2\"}\n");
  std::ostringstream out;
  RunJsonlChat(*bot_, in, out);
  std::istringstream lines(out.str());
  std::string l1, l2, l3, extra;
  ASSERT_TRUE(std::getline(lines, l1));
  ASSERT_TRUE(std::getline(lines, l2));
  ASSERT_TRUE(std::getline(lines, l3));
  EXPECT_FALSE(std::getline(lines, extra));
  EXPECT_EQ(json::parse(l2)["line"], 2);
  EXPECT_EQ(json::parse(l3)["node"], "parasitic-infection");
}

TEST_F(JsonlTest, TerminalChatIsPlainWhenNotATerminal) {
  std::istringstream in("what causes it\n2\nquit\n");
  std::ostringstream out;
  RunTerminalChat(*bot_, in, out, {.color = false, .width = 60});
  const std::string s = out.str();
  EXPECT_EQ(s.find('\x1b'), std::string::npos);
  EXPECT_NE(s.find("diagnosis"), std::string::npos);  // the disclaimer
  EXPECT_NE(s.find("  2. Parasitic infection"), std::string::npos);
  EXPECT_NE(s.find("[Source: section 2, \"Parasitic infection\"]"),
            std::string::npos);
  EXPECT_NE(s.find("Goodbye"), std::string::npos);
  std::istringstream lines(s);
  for (std::string line; std::getline(lines, line);) {
    // Input is not echoed here, so a reply follows its "> " prompt.
    if (line.starts_with("> ")) line = line.substr(2);
    EXPECT_LE(line.size(), 60u) << line;
  }
}

TEST(Wrap, BreaksAtSpacesAndIndents) {
  EXPECT_EQ(Wrap("aaa bbb ccc", 7), "aaa bbb\nccc");
  EXPECT_EQ(Wrap("aaa bbb ccc", 8, 2), "aaa bbb\n  ccc");
  EXPECT_EQ(Wrap("one\ntwo", 80), "one\ntwo");
}

}  // namespace
}  // namespace faqbot::adapters
