// faqbot inspect: the compiled dialog tree of a pack.
#include "bot/tools/inspect.h"

#include <iostream>

#include "adapters/cli/context.h"

namespace faqbot::cli {
namespace {

int RunInspect(const Invocation& in) {
  auto config = LoadConfig(in);
  if (!config) return Fail(config.error());
  auto pack = LoadPackFor(in, *config);
  if (!pack) return Fail(pack.error());
  bot::PrintTree(**pack, std::cout);
  return 0;
}

}  // namespace

extern const Command kInspect = {
    .name = "inspect",
    .summary = "print the compiled dialog tree of the pack",
    .run = RunInspect};

}  // namespace faqbot::cli
