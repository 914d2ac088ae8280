// faqbot transcripts: what people asked, what fell back, and removing one
// person's exchanges.
#include <iostream>

#include "adapters/cli/context.h"
#include "bot/tools/transcript_report.h"

namespace faqbot::cli {
namespace {

// `--forget` takes the id as the bot knew it ("whatsapp:15551234567"); a
// widget's session id (32 hex digits) may be given without its "web:".
int Forget(const adapters::ServerConfig& config, const std::string& who) {
  std::string session = who;
  if (session.find(':') == std::string::npos) session = "web:" + session;
  auto removed = bot::ForgetSession(config.bot.transcripts,
                                    config.bot.transcript_key, session);
  if (!removed) return Fail(removed.error());
  std::cout << "removed " << *removed << " exchange"
            << (*removed == 1 ? "" : "s") << " of " << session << " from "
            << bot::TranscriptDbName(config.bot.transcripts) << "\n";
  return 0;
}

int RunTranscripts(const Invocation& in) {
  auto config = LoadConfig(in);
  if (!config) return Fail(config.error());
  if (in.Has("--forget")) return Forget(*config, in.Text("--forget"));
  auto limit = in.Int("--limit", 20, 1, 1'000'000);
  if (!limit) return Fail(limit.error());
  auto bot = LoadBotFor(in, *config);
  if (!bot) return Fail(bot.error());
  auto report = bot::ReadTranscripts(config->bot.transcripts,
                                     static_cast<std::size_t>(*limit));
  if (!report) return Fail(report.error());
  if (const auto library = (*bot)->library()) {
    bot::PrintLibraryTranscriptReport(*report, library->packs(), std::cout);
  } else {
    bot::PrintTranscriptReport(*report, *(*bot)->pack(), std::cout);
  }
  return 0;
}

}  // namespace

extern const Command kTranscripts = {
    .name = "transcripts",
    .summary =
        "recent exchanges, the unanswered questions grouped (with the "
        "intents.txt lines to add), and the nodes no one reached",
    .options = {{"--transcripts", "FILE|URL",
                 "the transcript database: a SQLite file (default "
                 "data/transcripts.db) or postgresql://..."},
                {"--limit", "N", "how many recent exchanges (20)"},
                {"--forget", "SESSION",
                 "remove one person's exchanges (e.g. whatsapp:15551234567 "
                 "or a widget session id)"},
                PacksOption()},
    .run = RunTranscripts};

}  // namespace faqbot::cli
