#include "adapters/reply_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

namespace faqbot::adapters {
namespace {

TEST(ReplyJson, WritesEveryFieldOfTheContract) {
  dialogs::Reply full;
  full.kind = dialogs::ReplyKind::kAnswer;
  full.text =
      "Line one.\nA \"quote\", a back\\slash, a tab\t, \x01 and caf\xC3\xA9.";
  full.choices = {{"a.b", "Title \"A\""}, {"c", "C"}};
  full.intent = "a.b";
  full.node = "a.b";
  full.confidence = 0.87654;
  full.source = dialogs::Source{2, "Parasitic infection"};
  full.disclaimer = "Not a diagnosis.";
  full.notice = "The article was updated.";
  dialogs::Reply bare;  // no node, no source, no choices
  using nlohmann::json;
  const json want_full = {
      {"kind", "answer"},
      {"text", full.text},
      {"choices",
       {{{"id", "a.b"}, {"title", "Title \"A\""}},
        {{"id", "c"}, {"title", "C"}}}},
      {"intent", "a.b"},
      {"node", "a.b"},
      {"confidence", 0.877},
      {"source", {{"section", 2}, {"title", "Parasitic infection"}}},
      {"disclaimer", "Not a diagnosis."},
      {"notice", "The article was updated."},
      {"type", "reply"},
      {"session", "s1"}};
  const json want_bare = {
      {"kind", "fallback"}, {"text", ""},      {"choices", json::array()},
      {"intent", ""},       {"node", nullptr}, {"confidence", 0.0},
      {"source", nullptr},  {"type", "reply"}, {"session", "s1"}};
  for (const auto& [r, want] :
       {std::pair{full, want_full}, std::pair{bare, want_bare}}) {
    const auto got =
        json::parse(ReplyToJsonText(r, {{"type", "reply"}, {"session", "s1"}}));
    EXPECT_EQ(got, want) << got.dump();
  }
}

// In a library the source names the article: its title and pack.
TEST(ReplyJson, ALibrarysSourceCarriesItsArticle) {
  dialogs::Reply r;
  r.kind = dialogs::ReplyKind::kAnswer;
  r.source = dialogs::Source{1, "Simple fatty liver"};
  r.article = "fatty-liver";
  r.article_title = "Is fatty liver disease serious?";
  dialogs::ReplyPart part;
  part.kind = dialogs::ReplyKind::kAnswer;
  part.text = "x";
  part.node = "simple-fatty-liver";
  part.source = r.source;
  r.parts.push_back(part);
  const auto got = nlohmann::json::parse(ReplyToJsonText(r, {}));
  const nlohmann::json want = {{"article", "Is fatty liver disease serious?"},
                               {"pack", "fatty-liver"},
                               {"section", 1},
                               {"title", "Simple fatty liver"}};
  EXPECT_EQ(got["source"], want) << got.dump();
  EXPECT_EQ(got["parts"][0]["source"], want) << got.dump();
}

TEST(ReplyJson, SeveralQuestionsComeAsPartsWithTheirCaveats) {
  dialogs::Reply r;
  r.kind = dialogs::ReplyKind::kAnswer;
  r.text = "both parts";
  r.caveat = "I can't interpret your own report.";
  r.not_covered = "hemangioma";
  r.parts = {
      {dialogs::ReplyKind::kAnswer, "Treated with tablets.",
       "parasitic-infection.treatment",
       dialogs::Source{2, "Parasitic infection"}, "Source: section 2",
       "The article does not say how long that takes.", "",
       "How is it treated?"},
      {dialogs::ReplyKind::kFallback,
       "The article does not cover "
       "hemangioma.",
       "", std::nullopt, "", "", "hemangioma", "What about hemangioma?"}};
  using nlohmann::json;
  const json got = json::parse(ReplyToJsonText(r, {}));
  EXPECT_EQ(got["caveat"], r.caveat);
  EXPECT_EQ(got["not_covered"], "hemangioma");
  ASSERT_EQ(got["parts"].size(), 2u);
  EXPECT_EQ(
      got["parts"][0],
      json({{"kind", "answer"},
            {"text", "Treated with tablets."},
            {"node", "parasitic-infection.treatment"},
            {"source", {{"section", 2}, {"title", "Parasitic infection"}}},
            {"caveat", "The article does not say how long that takes."},
            {"not_covered", ""},
            {"question", "How is it treated?"}}));
  EXPECT_EQ(got["parts"][1]["node"], nullptr);
  EXPECT_EQ(got["parts"][1]["question"], "What about hemangioma?");
  EXPECT_EQ(got["parts"][1]["not_covered"], "hemangioma");
}

TEST(ReplyJson, EscapesControlCharacters) {
  std::string out;
  AppendJsonString(&out, std::string("a\x1f\"\\", 4));
  EXPECT_EQ(out, R"("a\u001f\"\\")");
}

// Text is searched a block at a time: every character that needs an
// escape is found wherever it falls in a block or the tail after the
// last one, beside UTF-8 and plain text, and the result reads back as the
// same string.
TEST(ReplyJson, EscapesAtEveryPositionOfLongText) {
  const std::string specials[] = {"\"",   "\\",   "\n",   "\t",
                                  "\x01", "\x1f", "\x7f", "\xC3\xA9"};
  for (const auto& special : specials) {
    for (std::size_t at = 0; at < 40; ++at) {
      std::string text(40, 'x');
      text.replace(at, 1, special);
      std::string out;
      AppendJsonString(&out, text);
      EXPECT_EQ(nlohmann::json::parse(out).get<std::string>(), text)
          << "escape at " << at;
      EXPECT_EQ(out.find_first_of("\n\t\x01\x1f"), std::string::npos);
    }
  }
}

// Written as a JSON library writes the rounded number, for every value a
// reply can carry and some it should not.
TEST(ReplyJson, ConfidenceIsRoundedToThreeDecimals) {
  for (int n = -5; n <= 1005; ++n) {
    for (const double offset : {0.0, 0.0004, -0.0004}) {
      const double confidence = n / 1000.0 + offset;
      std::string out;
      AppendConfidence(&out, confidence);
      EXPECT_EQ(out,
                nlohmann::json(std::round(confidence * 1000.0) / 1000.0).dump())
          << confidence;
    }
  }
  std::string nan;
  AppendConfidence(&nan, std::nan(""));
  EXPECT_EQ(nan, "null");
}

}  // namespace
}  // namespace faqbot::adapters
