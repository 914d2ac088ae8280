// faqbot check: what stops a pack, and what will confuse the people who
// ask it, before it is published (bot/tools/pack_check.h).
#include <iostream>

#include "adapters/cli/context.h"
#include "bot/tools/pack_check.h"

namespace faqbot::cli {
namespace {

int RunCheck(const Invocation& in) {
  auto config = LoadConfig(in);
  if (!config) return Fail(config.error());
  const auto dir = PackDir(in, *config);
  const auto findings = bot::CheckPack(dir);
  bot::PrintFindings(findings, std::cout, in.Has("--all"));
  const int status = bot::CheckStatus(findings);
  const std::size_t open = bot::Unaccepted(findings);
  const std::size_t accepted = findings.size() - open;
  std::cerr << dir.string() << ": "
            << (status == 0 ? "no problems found"
                : status == 1
                    ? std::to_string(open) + " warning" + (open == 1 ? "" : "s")
                    : "does not compile")
            << (accepted == 0 ? ""
                              : " (" + std::to_string(accepted) +
                                    " accepted in intents.txt; --all lists "
                                    "them)")
            << "\n";
  return status;
}

}  // namespace

extern const Command kCheck = {
    .name = "check",
    .summary =
        "check the pack before publishing: errors, sections one "
        "message confuses, nodes no one can reach (exit 0 clean, 1 "
        "warnings, 2 errors)",
    .options = {{"--all", "",
                 "list the warnings intents.txt accepts too (README)"}},
    .run = RunCheck};

}  // namespace faqbot::cli
