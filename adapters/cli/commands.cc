// The table of subcommands. Adding one: a new file in this folder that
// defines `extern const Command kName = {...}` (see command.h), and its
// name in the two lines below.
#include "adapters/cli/command.h"

namespace faqbot::cli {

extern const Command kServe, kChat, kInspect, kCheck, kTest, kExplain, kReplay,
    kTranscripts, kOperatorPassword;

std::span<const Command* const> Commands() {
  static const Command* const kTable[] = {
      &kServe,   &kChat,   &kInspect,     &kCheck,           &kTest,
      &kExplain, &kReplay, &kTranscripts, &kOperatorPassword};
  return kTable;
}

}  // namespace faqbot::cli
