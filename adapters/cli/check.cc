// faqbot check: what stops a pack, and what will confuse the people who
// ask it, before it is published (bot/tools/pack_check.h).
#include <iostream>

#include "adapters/cli/context.h"
#include "bot/tools/library_check.h"
#include "bot/tools/pack_check.h"

namespace faqbot::cli {
namespace {

int RunCheck(const Invocation& in) {
  auto config = LoadConfig(in);
  if (!config) return Fail(config.error());
  // A library (--packs, or "packs" in the config), else one pack.
  const bool library = !config->bot.packs.empty();
  const std::filesystem::path dir =
      library ? std::filesystem::path(config->bot.packs) : PackDir(in, *config);
  const auto findings = library ? bot::CheckLibrary(dir) : bot::CheckPack(dir);
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
        "check the pack (or with --packs the library) before publishing: "
        "errors, sections one message confuses, nodes no one can reach, "
        "articles a question of one sends to another (exit 0 clean, 1 "
        "warnings, 2 errors)",
    .options = {{"--all", "",
                 "list the warnings intents.txt accepts too (README)"},
                PacksOption()},
    .run = RunCheck};

}  // namespace faqbot::cli
