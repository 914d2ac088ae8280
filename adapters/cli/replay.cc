// faqbot replay --baseline OLD_PACK QUESTIONS...: what an edit of a pack
// (or with --packs, of a library) changes in the replies to real
// questions (bot/tools/replay.h).
#include "bot/tools/replay.h"

#include <iostream>

#include "adapters/cli/context.h"

namespace faqbot::cli {
namespace {

// Exit status: 0 nothing changes, 1 some replies change, 2 the command
// could not run (so a publishing step can tell the two apart).
constexpr int kCannotRun = 2;

int CannotRun(const Error& error) {
  Fail(error);
  return kCannotRun;
}

int RunReplay(const Invocation& in) {
  if (!in.Has("--baseline") || in.words().empty()) {
    std::cerr << "faqbot: replay needs the pack before the edit and the "
                 "questions, e.g. faqbot replay --baseline "
                 "published/liver-calcification data/transcripts.db\n";
    return kCannotRun;
  }
  auto config = LoadConfig(in);
  if (!config) return CannotRun(config.error());
  auto after = LoadBotFor(in, *config);
  if (!after) return CannotRun(after.error());
  // The baseline is what the edit changes: a library with --packs.
  auto before = LoadBotFrom(in.Text("--baseline"), !config->bot.packs.empty());
  if (!before) return CannotRun(before.error());
  std::vector<bot::ReplayConversation> conversations;
  for (const auto& file : in.words()) {
    auto read = bot::ReadReplayFile(file);
    if (!read) return CannotRun(read.error());
    conversations.insert(conversations.end(), read->begin(), read->end());
  }
  const auto report = bot::Replay(**before, **after, conversations);
  bot::PrintReplayReport(report, std::cout);
  return report.changed > 0 ? 1 : 0;
}

}  // namespace

extern const Command kReplay = {
    .name = "replay",
    .args = "QUESTIONS: transcript databases, JSONL or text files",
    .summary =
        "ask real questions of the pack before and after an edit and "
        "show the replies that change",
    .options = {{"--baseline", "DIR",
                 "the pack before the edit (with --packs, the library "
                 "folder before the edit)"},
                PacksOption()},
    .run = RunReplay,
    .takes_words = true};

}  // namespace faqbot::cli
