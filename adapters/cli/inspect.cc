// faqbot inspect: the compiled dialog tree of a pack, or of a library.
#include "bot/tools/inspect.h"

#include <iostream>

#include "adapters/cli/context.h"

namespace faqbot::cli {
namespace {

int RunInspect(const Invocation& in) {
  auto config = LoadConfig(in);
  if (!config) return Fail(config.error());
  auto bot = LoadBotFor(in, *config);
  if (!bot) return Fail(bot.error());
  if (const auto library = (*bot)->library()) {
    bot::PrintLibrary(*library, std::cout);
  } else {
    bot::PrintTree(*(*bot)->pack(), std::cout);
  }
  return 0;
}

}  // namespace

extern const Command kInspect = {
    .name = "inspect",
    .summary =
        "print the compiled dialog tree of the pack (with --packs, of "
        "each article, after the words that route to it)",
    .options = {PacksOption()},
    .run = RunInspect};

}  // namespace faqbot::cli
