// faqbot test: the pack's conversation tests.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "adapters/cli/context.h"
#include "bot/pack_loader.h"
#include "bot/tools/conversation_test.h"
#include "bot/tools/question_set.h"
#include "bot/tools/real_questions.h"

namespace faqbot::cli {
namespace {

// Every pack under `root` (or `root` itself) with real people's
// questions, one row each, then all of them together.
int RunReal(const Invocation& in, const std::filesystem::path& root) {
  std::vector<std::filesystem::path> dirs;
  if (std::filesystem::exists(root / bot::kRealQuestionsFile)) {
    dirs.push_back(root);
  } else {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
      if (std::filesystem::exists(entry.path() / bot::kRealQuestionsFile)) {
        dirs.push_back(entry.path());
      }
    }
    if (ec) {
      std::cerr << "faqbot: cannot read " << root.string() << ": "
                << ec.message() << "\n";
      return 1;
    }
  }
  if (dirs.empty()) {
    std::cerr << "faqbot: no " << bot::kRealQuestionsFile << " in "
              << root.string() << " or its folders\n";
    return 1;
  }
  std::sort(dirs.begin(), dirs.end());
  bot::RealScore all;
  bool met = true;
  std::vector<std::pair<std::string, bot::RealScore>> rows;
  for (const auto& dir : dirs) {
    auto pack = bot::LoadPack(dir);
    if (!pack) return Fail(pack.error());
    const auto file = dir / bot::kRealQuestionsFile;
    auto text = bot::ReadFile(file);
    if (!text) return Fail(text.error());
    auto questions = bot::ParseRealQuestions(*text, file.string());
    if (!questions) return Fail(questions.error());
    auto score = bot::ScoreRealQuestions(*pack, *questions);
    met = met && score.MeetsTargets();
    if (in.Has("--show")) {
      for (const auto& m : score.misses) {
        std::cout << dir.filename().string() << " " << m << "\n";
      }
    }
    if (in.Has("--replies")) {
      for (const auto& r : score.replies) {
        std::cout << dir.filename().string() << " " << r << "\n";
      }
    }
    all += score;
    rows.emplace_back(dir.filename().string(), std::move(score));
  }
  bot::PrintRealHeader(std::cout);
  for (const auto& [name, score] : rows) {
    bot::PrintRealRow(name, score, std::cout);
  }
  if (rows.size() > 1) bot::PrintRealRow("all", all, std::cout);
  return in.Has("--targets") && !met ? 1 : 0;
}

// The packs of the folder `root` as one library (issue #31), each pack's
// real questions asked of all of it: from no page, then from the pack's.
int RunLibrary(const Invocation& in, const std::filesystem::path& root) {
  auto packs = bot::LoadLibrary(root);
  if (!packs) return Fail(packs.error());
  std::vector<std::filesystem::path> dirs;
  for (const auto& pack : *packs) dirs.push_back(root / pack->name);
  const auto library =
      std::make_shared<const dialogs::Library>(*std::move(packs));
  std::cout << "library of " << library->size() << " articles\n";
  bot::PrintLibraryHeader(std::cout);
  for (std::size_t i = 0; i < dirs.size(); ++i) {
    const auto file = dirs[i] / bot::kRealQuestionsFile;
    if (!std::filesystem::exists(file)) continue;
    auto text = bot::ReadFile(file);
    if (!text) return Fail(text.error());
    auto questions = bot::ParseRealQuestions(*text, file.string());
    if (!questions) return Fail(questions.error());
    const int own = static_cast<int>(i);
    const auto free =
        bot::ScoreRealQuestionsInLibrary(library, own, *questions, false);
    const auto page =
        bot::ScoreRealQuestionsInLibrary(library, own, *questions, true);
    bot::PrintLibraryRow(dirs[i].filename().string(), free, page, std::cout);
    const std::string name = dirs[i].filename().string();
    // Each listed line of the two runs, the page's marked so.
    const auto list = [&](const std::vector<std::string>& no_page,
                          const std::vector<std::string>& its_page) {
      for (const auto& line : no_page) {
        std::cout << "  " << name << " " << line << "\n";
      }
      for (const auto& line : its_page) {
        std::cout << "  " << name << " (its page) " << line << "\n";
      }
    };
    if (in.Has("--show")) list(free.score.misses, page.score.misses);
    if (in.Has("--replies")) list(free.score.replies, page.score.replies);
  }
  return 0;
}

// A library's own conversation tests (DIR/conversations.txt), which may
// move between its articles: `faqbot test --packs DIR`.
int RunLibraryConversations(const Invocation& in,
                            const adapters::ServerConfig& config) {
  auto bot = LoadBotFor(in, config);
  if (!bot) return Fail(bot.error());
  const auto file =
      std::filesystem::path(config.bot.packs) / bot::kConversationsFile;
  auto text = bot::ReadFile(file);
  if (!text) return Fail(text.error());
  auto conversations = bot::ParseConversations(*text, file.string());
  if (!conversations) return Fail(conversations.error());
  const auto report =
      bot::RunConversations(**bot, *conversations, file.string());
  bot::PrintReport(report, std::cout);
  return report.failed == 0 && report.turns > 0 ? 0 : 1;
}

int RunTest(const Invocation& in) {
  if (in.Has("--real") && in.Has("--library")) {
    return RunLibrary(in, in.Text("--real"));
  }
  if (in.Has("--real")) return RunReal(in, in.Text("--real"));
  auto config = LoadConfig(in);
  if (!config) return Fail(config.error());
  if (!config->bot.packs.empty()) return RunLibraryConversations(in, *config);
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
                 "fail when the question set misses the product's targets"},
                {"--real", "DIR",
                 "score real people's questions (real-questions.jsonl) of "
                 "the pack DIR, or of every pack in the folder DIR"},
                {"--show", "", "with --real: list every miss"},
                {"--replies", "",
                 "with --real: list every reply's kind and node (and its "
                 "parts'), to compare two builds with diff"},
                {"--library", "",
                 "with --real FOLDER: ask each pack's questions of the "
                 "folder's packs as one library (no page, then its page)"},
                PacksOption()},
    .run = RunTest};

}  // namespace faqbot::cli
