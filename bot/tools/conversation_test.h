// Conversation tests: scripted exchanges an author writes for a pack and
// `faqbot test` runs. Format documented in conversation_test.cc.
#ifndef FAQBOT_BOT_TOOLS_CONVERSATION_TEST_H_
#define FAQBOT_BOT_TOOLS_CONVERSATION_TEST_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "bot/bot.h"
#include "dialogs/dialog_tree.h"

namespace faqbot::bot {

struct Expectation {
  std::string kind;                   // "" = any
  std::string node;                   // "" = any; "x*" = prefix
  std::vector<std::string> says;      // each in text or choices
  std::vector<std::string> not_says;  // none of these
};

struct Turn {
  std::string text;    // user text, or
  std::string choice;  // a pressed choice id
  Expectation expect;
  int line = 0;
  std::string page;  // in a library: the article page it is sent from
};

struct Conversation {
  std::string name;
  int line = 0;
  std::vector<Turn> turns;
};

Result<std::vector<Conversation>> ParseConversations(std::string_view text,
                                                     std::string_view name);

struct TestReport {
  int turns = 0;
  int failed = 0;
  std::vector<std::string> failures;   // "expected ... got ..." per turn
  std::vector<std::string> unreached;  // node ids no test reached
  std::size_t node_count = 0;
};

// Runs every conversation on a fresh bot over `pack`.
TestReport RunConversations(std::shared_ptr<const dialogs::Pack> pack,
                            const std::vector<Conversation>& conversations,
                            std::string_view file_name);

// Runs every conversation on `bot` (a library's, whose nodes an
// expectation may name with their article: "fatty-liver/overview"; no
// node coverage is counted).
TestReport RunConversations(Bot& bot,
                            const std::vector<Conversation>& conversations,
                            std::string_view file_name);

// Prints failures, the score and node coverage.
void PrintReport(const TestReport& report, std::ostream& out);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_TOOLS_CONVERSATION_TEST_H_
