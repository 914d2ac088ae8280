#include "bot/reply_json.h"

#include <gtest/gtest.h>

namespace faqbot::bot {
namespace {

TEST(ReplyJson, DirectWriterMatchesTheJsonTree) {
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
  for (const auto& r : {full, bare}) {
    nlohmann::json want = ReplyToJson(r);
    want["type"] = "reply";
    want["session"] = "s1";
    const auto got = nlohmann::json::parse(
        ReplyToJsonText(r, {{"type", "reply"}, {"session", "s1"}}));
    EXPECT_EQ(got, want) << got.dump();
  }
}

TEST(ReplyJson, EscapesControlCharacters) {
  std::string out;
  AppendJsonString(&out, std::string("a\x1f\"\\", 4));
  EXPECT_EQ(out, R"("a\u001f\"\\")");
}

}  // namespace
}  // namespace faqbot::bot
