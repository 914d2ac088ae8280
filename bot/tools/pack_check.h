// Checking a pack before it is published (`faqbot check`, and every load
// by `faqbot serve`): what stops it, and what will confuse the people who
// ask it, as "FILE:LINE: error|warning: ..." lines an editor can jump to.
//
//   - errors: whatever stops the pack compiling;
//   - confusable sections: two sections one message reaches with scores
//     close enough to ask "which one?", because of a word both use; the
//     warning gives that word, where each side has it, and the message
//     built from it with what the bot does with it today (a witness);
//   - unreachable nodes: a section or facet that no message built from
//     its own title reaches, with the closest such message and where it
//     goes instead;
//   - intents-file keywords that are stop words or repeated;
//   - nodes no conversation test reaches.
#ifndef FAQBOT_BOT_TOOLS_PACK_CHECK_H_
#define FAQBOT_BOT_TOOLS_PACK_CHECK_H_

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "dialogs/dialog_tree.h"

namespace faqbot::bot {

struct Finding {
  std::string file;  // "" when the message names no file
  int line = 0;      // 0 when unknown
  bool error = false;
  std::string message;
  // A warning's id ("confusable calcium", "unreached <node>"), which an
  // intents.txt line "accept: <id> because <why>" keeps; "" for errors.
  std::string id;
  std::string accepted;  // that line's why; "" when not accepted
};

// Compiles the pack in `dir` and checks it; findings sorted by file and
// line, errors first.
std::vector<Finding> CheckPack(const std::filesystem::path& dir);
// The same for a pack already compiled from `dir`; `more` are findings
// about it made elsewhere (a library's check, library_check.h), which its
// intents.txt may accept like its own.
std::vector<Finding> CheckPack(const std::filesystem::path& dir,
                               std::shared_ptr<const dialogs::Pack> pack,
                               std::vector<Finding> more = {});

// "FILE:LINE: warning [id]: ...", "FILE:LINE: accepted [id]: ... (why)".
std::string FormatFinding(const Finding& finding);
// One line per finding; accepted warnings only with `all`.
void PrintFindings(const std::vector<Finding>& findings, std::ostream& out,
                   bool all = false);

// 0 clean (accepted warnings aside), 1 warnings, 2 errors.
int CheckStatus(const std::vector<Finding>& findings);
// Findings that count: not accepted.
std::size_t Unaccepted(const std::vector<Finding>& findings);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_TOOLS_PACK_CHECK_H_
