// faqbot explain "text": how one message is understood and routed.
#include <iostream>
#include <sstream>

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
  std::vector<std::string> before;
  std::istringstream earlier(in.Text("--before"));
  for (std::string line; std::getline(earlier, line);) before.push_back(line);
  bot::PrintExplanation(*pack, text, std::cout, before);
  return 0;
}

}  // namespace

extern const Command kExplain = {
    .name = "explain",
    .args = "the message to explain",
    .summary = "show how a message is understood and routed",
    .options = {{"--before", "MESSAGE",
                 "a message said earlier in the same conversation (repeat "
                 "for several, in order): explain answers in context",
                 true}},
    .run = RunExplain,
    .takes_words = true};

}  // namespace faqbot::cli
