// faqbot test: the pack's conversation tests.
#include <iostream>

#include "adapters/cli/context.h"
#include "bot/conversation_test.h"
#include "bot/pack_loader.h"

namespace faqbot::cli {
namespace {

int RunTest(const Invocation& in) {
  auto config = LoadConfig(in);
  if (!config) return Fail(config.error());
  auto pack = LoadPackFor(in, *config);
  if (!pack) return Fail(pack.error());
  const auto file = PackDir(in, *config) / bot::kConversationsFile;
  auto text = bot::ReadFile(file);
  if (!text) {
    std::cerr << "faqbot: " << text.error().message
              << "; write conversation tests there (see README)\n";
    return 1;
  }
  auto conversations = bot::ParseConversations(*text, file.string());
  if (!conversations) return Fail(conversations.error());
  const auto report =
      bot::RunConversations(*pack, *conversations, file.string());
  bot::PrintReport(report, std::cout);
  return report.failed == 0 && report.turns > 0 ? 0 : 1;
}

}  // namespace

extern const Command kTest = {.name = "test",
                              .summary = "run the pack's conversation tests",
                              .run = RunTest};

}  // namespace faqbot::cli
