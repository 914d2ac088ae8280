// What a chat client's frame may say, and the error it gets when the
// frame is wrong (the widget shows the error; nothing else is lost).
#include "adapters/client_frame.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

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

// The message's fields, printed to compare.
std::string Fields(const std::string& text, const std::string& choice,
                   const std::string& id, const std::string& page) {
  return nlohmann::json({text, choice, id, page}).dump();
}

// What a frame means, read by a whole-document JSON parser: the oracle
// for ParseClientFrame, which reads the common frame without one and the
// rest with the parser's events. "invalid" when the parser refuses it; a
// field that is not a string is left to ParseClientFrame's own checks.
std::string Meaning(const std::string& frame) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(frame);
  } catch (const nlohmann::json::exception&) {
    return "invalid";
  }
  if (!j.is_object()) return "not an object";
  const auto field = [&](const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
  };
  const bool chosen = j.contains("choice");  // a choice wins over text
  return Fields(chosen ? "" : field("text"), field("choice"), field("id"),
                field("page"));
}

// The same, from ParseClientFrame's answer (or its error's kind).
std::string ParsedMeaning(const std::string& frame) {
  std::string id;
  const auto m = ParseClientFrame(frame, &id);
  if (!m) {
    const std::string& e = m.error().message;
    return e.starts_with("invalid JSON")             ? "invalid"
           : e.starts_with("expected a JSON object") ? "not an object"
                                                     : "refused";
  }
  return Fields(m->text, m->choice, id, m->page);
}

// Every frame the parser reads, ParseClientFrame reads the same way:
// plain frames, escapes, non-ASCII, nesting, numbers, repeated keys and
// odd spacing, then thousands of random mutations of them (bytes
// flipped, dropped, or a JSON-significant byte put in).
TEST(ClientFrame, ReadsEveryFrameAsAJsonParserDoes) {
  std::vector<std::string> frames = {
      R"({"text":"what causes liver calcification?"})",
      R"({"id":"m-1","text":"is it cancer","page":"liver"})",
      R"( { "text" : "spaced" , "id" : "a1" } )",
      "{\n\t\"text\":\"tabs\"\r\n}\n",
      R"({"choice":"causes"})",
      R"({"text":"ignored","choice":"causes"})",
      R"({"choice":"","text":"x"})",
      R"({"text":"first","text":"second"})",
      R"({"text":"a \"quoted\" word \u00e9"})",
      "{\"text\":\"caf\xC3\xA9 \xE2\x80\x99\"}",
      R"({"meta":{"text":"no"},"text":"yes"})",
      R"({"text":"q","n":2,"b":true,"z":null,"a":[1,"x"]})",
      R"({})",
      R"(["text"])",
      R"("text")",
      R"({"text":""})",
      R"({"id":"","text":"empty id"})",
  };
  std::mt19937 random(29);
  const std::string significant = "{}[]\":,\\ \t\n\x01\x7F\x80\xC3\xFFu0e9";
  const std::size_t seeds = frames.size();
  for (int n = 0; n < 20000; ++n) {
    std::string f = frames[random() % seeds];
    for (int edits = 1 + random() % 3; edits > 0 && !f.empty(); --edits) {
      const std::size_t at = random() % f.size();
      switch (random() % 3) {
        case 0:
          f[at] = significant[random() % significant.size()];
          break;
        case 1:
          f.erase(at, 1);
          break;
        default:
          f.insert(at, 1, significant[random() % significant.size()]);
      }
    }
    frames.push_back(std::move(f));
  }
  int plain = 0;
  for (const std::string& f : frames) {
    const std::string want = Meaning(f);
    const std::string got = ParsedMeaning(f);
    plain += want.starts_with("[\"");
    if (got == "refused") {  // a wrong field: the parser read it as JSON
      EXPECT_TRUE(want != "invalid" && want != "not an object") << f;
    } else {
      EXPECT_EQ(got, want) << f;
    }
  }
  EXPECT_GT(plain, 1000) << "the mutations left too few readable frames";
}

}  // namespace
}  // namespace faqbot::adapters
