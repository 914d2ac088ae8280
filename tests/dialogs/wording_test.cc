// Wording: the bot's own sentences, overridable per pack in wording.txt.
#include "dialogs/wording.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "bot/bot.h"
#include "bot/pack_loader.h"

namespace faqbot::dialogs {
namespace {

// Authors learn the keys from README: every key is listed there.
TEST(Wording, ReadmeListsEveryKey) {
  std::ifstream in(std::string(FAQBOT_SOURCE_DIR) + "/README.md");
  const std::string readme((std::istreambuf_iterator<char>(in)),
                           std::istreambuf_iterator<char>());
  ASSERT_FALSE(readme.empty());
  for (const auto& key : WordingKeys()) {
    EXPECT_NE(readme.find("`" + std::string(key.name) + "`"), std::string::npos)
        << key.name << " is not in README's Wording section";
  }
}

TEST(Wording, FillReplacesPlaceholders) {
  EXPECT_EQ(Fill("Ask about \"{title}\" ({title})", {{"title", "Polyps"}}),
            "Ask about \"Polyps\" (Polyps)");
  EXPECT_EQ(Fill("no {such} key", {{"title", "x"}}), "no {such} key");
}

TEST(Wording, AFileOverridesKeysAndReportsMistakesWithTheLine) {
  Wording w;
  ASSERT_TRUE(
      ParseWording("# our voice\n\nwelcome = Hi! About {title}:\n"
                   "urgent_label = DRINGEND\nquit = Bye.\\nSee you.\n",
                   "wording.txt", &w));
  EXPECT_EQ(w.welcome, "Hi! About {title}:");
  EXPECT_EQ(w.urgent_label, "DRINGEND");
  EXPECT_EQ(w.quit, "Bye.\nSee you.");
  EXPECT_NE(w.thanks.find("welcome"), std::string::npos) << "defaults stay";
  const struct {
    std::string text;
    std::string error;
  } kCases[] = {
      {"welcom = Hi", "wording.txt line 1: unknown key \"welcom\""},
      {"\n\nwelcome Hi", "wording.txt line 3: expected \"key = text\""},
      {"thanks = Thanks, {title}!",
       "line 1: \"thanks\" cannot use {title} (it takes no placeholders)"},
      {"no_such_option = No {title}",
       "\"no_such_option\" cannot use {title} (it may use {number})"},
      {"quit =", "line 1: \"quit\" needs a text"},
  };
  for (const auto& c : kCases) {
    Wording fresh;
    const Status s = ParseWording(c.text, "wording.txt", &fresh);
    ASSERT_FALSE(s) << c.text;
    EXPECT_NE(s.error().message.find(c.error), std::string::npos)
        << c.text << " -> " << s.error().message;
  }
}

// A pack in the bot's voice: its wording.txt reaches every reply.
TEST(Wording, APacksWordingReachesTheReplies) {
  const auto dir = std::filesystem::path(::testing::TempDir()) / "voice-pack";
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(
      std::string(FAQBOT_SOURCE_DIR) + "/tests/fixtures/liver/article.txt",
      dir / "article.txt", std::filesystem::copy_options::overwrite_existing);
  std::ofstream(dir / "wording.txt")
      << "welcome = Willkommen! Fragen zu \"{title}\":\n"
         "disclaimer = Keine Diagnose.\n"
         "source_section = Quelle: Abschnitt {number} ({title})\n"
         "fallback_no_match = Dazu steht nichts im Artikel.\n";
  auto pack = bot::LoadPack(dir);
  ASSERT_TRUE(pack) << pack.error().message;
  bot::Bot bot(*pack);
  const Reply welcome = bot.Welcome();
  EXPECT_TRUE(welcome.text.starts_with("Willkommen!")) << welcome.text;
  EXPECT_EQ(welcome.disclaimer, "Keine Diagnose.");
  auto answer = bot.Handle("s", {.text = "worms in the liver"});
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->source_line, "Quelle: Abschnitt 2 (Parasitic infection)");
  auto none = bot.Handle("s", {.text = "zzz qqq"});
  ASSERT_TRUE(none);
  EXPECT_EQ(none->text, "Dazu steht nichts im Artikel.");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace faqbot::dialogs
