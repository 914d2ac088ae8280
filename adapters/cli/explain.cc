// faqbot explain "text": how one message is understood and routed, in a
// fresh conversation, after the messages given with --before, or after a
// real conversation from the transcripts (--session).
#include <iostream>
#include <sstream>

#include "adapters/cli/context.h"
#include "bot/tools/inspect.h"
#include "bot/tools/transcript_report.h"

namespace faqbot::cli {
namespace {

int RunExplain(const Invocation& in) {
  const bool from_session = in.Has("--session");
  if (in.words().empty() && !from_session) {
    std::cerr << "faqbot: explain needs the text to explain, e.g. faqbot "
                 "explain \"what causes it?\" (or --session ID for a "
                 "conversation's last message)\n";
    return 2;
  }
  auto config = LoadConfig(in);
  if (!config) return Fail(config.error());
  auto bot = LoadBotFor(in, *config);
  if (!bot) return Fail(bot.error());
  std::vector<bot::Message> before;
  if (from_session) {
    auto exchanges =
        bot::ReadConversation(config->bot.transcripts,
                              config->bot.transcript_key, in.Text("--session"));
    if (!exchanges) return Fail(exchanges.error());
    for (auto& e : *exchanges) {
      before.push_back(
          {.text = std::move(e.text), .choice = std::move(e.choice)});
    }
  }
  std::istringstream earlier(in.Text("--before"));
  for (std::string line; std::getline(earlier, line);) {
    before.push_back({.text = line});
  }
  std::string text;
  for (const auto& w : in.words()) text += (text.empty() ? "" : " ") + w;
  if (text.empty()) {
    // The conversation's last typed message, explained after the rest.
    while (!before.empty() && before.back().text.empty()) before.pop_back();
    if (before.empty()) {
      std::cerr << "faqbot: that conversation has no typed message to "
                   "explain\n";
      return 1;
    }
    text = before.back().text;
    before.pop_back();
  }
  bot::PrintExplanation(**bot, text, std::cout, before);
  return 0;
}

}  // namespace

extern const Command kExplain = {
    .name = "explain",
    .args = "the message to explain",
    .summary = "show how a message is understood and routed",
    .options = {{"--before", "MESSAGE",
                 "a message said earlier in the same conversation (repeat "
                 "for several, in order): explain answers in context",
                 true},
                {"--session", "ID",
                 "answer after that conversation from the transcripts (the "
                 "id faqbot transcripts shows, or the one the bot knew); "
                 "without words, explain its last message"},
                {"--transcripts", "FILE|URL",
                 "the transcript database for --session (default "
                 "data/transcripts.db)"},
                PacksOption()},
    .run = RunExplain,
    .takes_words = true};

}  // namespace faqbot::cli
