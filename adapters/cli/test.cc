// faqbot test: the pack's conversation tests.
#include <iostream>

#include "adapters/cli/context.h"
#include "bot/conversation_test.h"
#include "bot/pack_loader.h"
#include "bot/question_set.h"

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
  int status = report.failed == 0 && report.turns > 0 ? 0 : 1;
  // Real people's messages, when the pack has a set of them.
  const auto questions_file = PackDir(in, *config) / bot::kQuestionsFile;
  if (std::filesystem::exists(questions_file)) {
    auto text = bot::ReadFile(questions_file);
    if (!text) return Fail(text.error());
    auto questions = bot::ParseQuestionSet(*text, questions_file.string());
    if (!questions) return Fail(questions.error());
    const auto score =
        bot::ScoreQuestions(*pack, *questions, questions_file.string());
    std::cout << "\n";
    bot::PrintQuestionScore(score, questions_file.string(), std::cout);
    if (in.Has("--targets") && !score.MeetsTargets()) status = 1;
  }
  return status;
}

}  // namespace

extern const Command kTest = {
    .name = "test",
    .summary = "run the pack's conversation tests and score its question set",
    .options = {{"--targets", "",
                 "fail when the question set misses the product's targets"}},
    .run = RunTest};

}  // namespace faqbot::cli
