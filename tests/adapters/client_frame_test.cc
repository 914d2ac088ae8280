// What a chat client's frame may say, and the error it gets when the
// frame is wrong (the widget shows the error; nothing else is lost).
#include "adapters/client_frame.h"

#include <gtest/gtest.h>

#include <string>

namespace faqbot::adapters {
namespace {

TEST(ClientFrame, ReadsTheTextTheIdAndThePage) {
  std::string id;
  auto m = ParseClientFrame(
      R"({"id":"m-7","text":"is it cancer? caf\u00e9","page":"liver"})", &id);
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ(m->text, "is it cancer? caf\xC3\xA9");
  EXPECT_EQ(id, "m-7");
  EXPECT_EQ(m->id, "m-7");
  EXPECT_EQ(m->page, "liver");
  EXPECT_TRUE(m->choice.empty());
}

TEST(ClientFrame, APressedChoiceWinsOverText) {
  auto m = ParseClientFrame(R"({"text":"ignored","choice":"causes"})");
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ(m->choice, "causes");
  EXPECT_TRUE(m->text.empty());
}

// Only the frame's own fields count: one inside another value is data,
// and of a repeated field the last counts (as JSON parsers read it).
TEST(ClientFrame, OnlyTopLevelFieldsCountAndTheLastOfARepeatedOne) {
  auto nested = ParseClientFrame(R"({"meta":{"text":"no"},"text":"yes"})");
  ASSERT_TRUE(nested) << nested.error().message;
  EXPECT_EQ(nested->text, "yes");
  EXPECT_FALSE(ParseClientFrame(R"({"meta":{"text":"no"}})"));
  auto twice = ParseClientFrame(R"({"text":"first","text":"second"})");
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->text, "second");
  EXPECT_FALSE(ParseClientFrame(R"({"text":"first","text":2})"));
}

TEST(ClientFrame, EachMistakeGetsItsOwnError) {
  const auto error = [](const std::string& frame) {
    auto m = ParseClientFrame(frame);
    return m ? std::string("accepted") : m.error().message;
  };
  EXPECT_NE(error(R"({"text": "hi")").find("invalid JSON at byte"),
            std::string::npos);
  EXPECT_NE(error("{\"text\":\"\xFF\"}").find("invalid JSON"),
            std::string::npos)
      << "invalid UTF-8";
  EXPECT_NE(error(R"({"x":2e6666,"text":"q"})").find("out of range"),
            std::string::npos);
  EXPECT_NE(error(R"([{"text":"hi"}])").find("expected a JSON object"),
            std::string::npos);
  EXPECT_NE(error(R"({"text":["hi"]})").find("\"text\" must be a string"),
            std::string::npos);
  EXPECT_NE(error(R"({"choice":null})").find("\"choice\" must be"),
            std::string::npos);
  EXPECT_NE(error(R"({"id":"a b","text":"q"})").find("\"id\" must be"),
            std::string::npos);
  EXPECT_NE(error(R"({"page":{},"text":"q"})").find("\"page\" must be"),
            std::string::npos);
  EXPECT_NE(error(R"({"id":"m1"})").find("missing \"text\""),
            std::string::npos);
}

}  // namespace
}  // namespace faqbot::adapters
