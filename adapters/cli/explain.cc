// faqbot explain "text": how one message is understood and routed.
#include <iostream>

#include "adapters/cli/context.h"
#include "bot/inspect.h"

namespace faqbot::cli {
namespace {

int RunExplain(const Invocation& in) {
  if (in.words().empty()) {
    std::cerr << "faqbot: explain needs the text to explain, e.g. faqbot "
                 "explain \"what causes it?\"\n";
    return 2;
  }
  auto config = LoadConfig(in);
  if (!config) return Fail(config.error());
  auto pack = LoadPackFor(in, *config);
  if (!pack) return Fail(pack.error());
  std::string text;
  for (const auto& w : in.words()) text += (text.empty() ? "" : " ") + w;
  bot::PrintExplanation(*pack, text, std::cout);
  return 0;
}

}  // namespace

extern const Command kExplain = {
    .name = "explain",
    .args = "the message to explain",
    .summary = "show how a message is understood and routed",
    .run = RunExplain,
    .takes_words = true};

}  // namespace faqbot::cli
