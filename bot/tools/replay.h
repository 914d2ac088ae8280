// Replay: the same questions asked of two versions of a pack, and the
// replies that change (`faqbot replay`), so an author sees what an edit
// does before publishing it.
//
// Questions come from transcript databases (each session replayed as a
// conversation, in order, buttons pressed as they were), JSONL files
// ({"q": ...} or {"text": ...} per line) or plain text files (a question
// per line). A reply changes when its kind, its node or its text does;
// changes are grouped by what became of them ("parasitic-infection ->
// fallback: 3 questions").
#ifndef FAQBOT_BOT_TOOLS_REPLAY_H_
#define FAQBOT_BOT_TOOLS_REPLAY_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "bot/bot.h"
#include "dialogs/dialog_tree.h"

namespace faqbot::bot {

struct ReplayTurn {
  std::string text;    // what the person typed, or
  std::string choice;  // the button they pressed
};
using ReplayConversation = std::vector<ReplayTurn>;

// The conversations in one file, whichever of the three kinds it is.
Result<std::vector<ReplayConversation>> ReadReplayFile(const std::string& path);

struct ReplayChange {
  std::string from, to;  // "parasitic-infection", "fallback", ...
  int count = 0;
  // One example: the question and both replies' first words.
  std::string question, before, after;
};

struct ReplayReport {
  int turns = 0;    // questions asked (button presses included)
  int changed = 0;  // of them, those answered differently
  std::vector<ReplayChange> changes;  // most frequent first
};

ReplayReport Replay(std::shared_ptr<const dialogs::Pack> before,
                    std::shared_ptr<const dialogs::Pack> after,
                    const std::vector<ReplayConversation>& conversations);
// The same between two bots, one article or a library each (an answer's
// node is then named after its article: "fatty-liver/causes"). Each bot
// keeps the replayed conversations.
ReplayReport Replay(Bot& before, Bot& after,
                    const std::vector<ReplayConversation>& conversations);

// The groups, one example each, and the last line "N of M questions
// answer differently".
void PrintReplayReport(const ReplayReport& report, std::ostream& out);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_TOOLS_REPLAY_H_
