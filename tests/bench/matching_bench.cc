// How much understanding one message costs, and how that grows with the
// size of a pack. Run: build/tests/matching_bench (scripts/bench prints a
// table). Questions for the liver pack are the user turns of its
// conversation tests.
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <new>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

#include "bot/bot.h"
#include "bot/lexicon_loader.h"
#include "bot/pack_loader.h"
#include "dialogs/dialogs.h"
#include "dialogs/library.h"
#include "intents/message.h"
#include "intents/normalizer.h"
#include "tests/bench/liver_pack.h"
#include "tests/bench/synthetic_pack.h"

// Every allocation through operator new is counted, so the benchmarks of
// whole messages can report allocations per message (a steady number,
// where times move with the machine's load).
// (Per thread: the benchmarks run on one.)
namespace {
thread_local std::uint64_t g_allocations = 0;
}  // namespace

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#pragma GCC diagnostic pop

namespace faqbot::bench {
namespace {

// Allocations per message, as a benchmark counter: a steady number, where
// times move with the machine's load.
class AllocationCounter {
 public:
  explicit AllocationCounter(benchmark::State& state)
      : state_(state), start_(g_allocations) {}
  ~AllocationCounter() {
    state_.counters["allocs"] =
        benchmark::Counter(static_cast<double>(g_allocations - start_),
                           benchmark::Counter::kAvgIterations);
  }

 private:
  benchmark::State& state_;
  std::uint64_t start_;
};

std::shared_ptr<const intents::Lexicon> Lexicon() {
  static auto lexicon = [] {
    auto l = bot::DefaultLexicon();
    if (!l) throw std::runtime_error(l.error().message);
    return *l;
  }();
  return lexicon;
}

std::shared_ptr<const dialogs::Pack> Synthetic(int sections) {
  static std::map<int, std::shared_ptr<const dialogs::Pack>> cache;
  auto& pack = cache[sections];
  if (!pack) {
    SyntheticArticle article(sections);
    auto doc = dialogs::ParseDocument(article.text(), "synthetic");
    if (!doc) throw std::runtime_error(doc.error().message);
    auto p = dialogs::CompilePack("synthetic", *std::move(doc), {}, Lexicon());
    if (!p) throw std::runtime_error(p.error().message);
    pack = *p;
  }
  return pack;
}

// Runs `step` on each liver question in turn, counting allocations.
template <typename Step>
void OverLiverQuestions(benchmark::State& state, Step&& step) {
  const auto& qs = LiverQuestions();
  std::size_t i = 0;
  AllocationCounter allocs(state);
  for (auto _ : state) {
    const std::size_t at = i++ % qs.size();
    benchmark::DoNotOptimize(step(qs[at], at));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Normalize(benchmark::State& state) {
  OverLiverQuestions(state, [](const std::string& q, std::size_t) {
    return intents::Normalize(q, *Lexicon());
  });
}
BENCHMARK(BM_Normalize);

// The parts of Bot::Handle, each alone on the same questions: what the
// analysis (normalize, spelling, stems, synonyms), the whole match, the
// reading of the message's shape and the subject check cost.
void BM_AnalyzeLiver(benchmark::State& state) {
  const auto& analyzer = LiverPack()->matcher.analyzer();
  OverLiverQuestions(state, [&](const std::string& q, std::size_t) {
    return analyzer.Analyze(q);
  });
}
BENCHMARK(BM_AnalyzeLiver);

void BM_MatchLiver(benchmark::State& state) {
  const auto& matcher = LiverPack()->matcher;
  OverLiverQuestions(state, [&](const std::string& q, std::size_t) {
    return matcher.Match(q);
  });
}
BENCHMARK(BM_MatchLiver);

void BM_ReadMessageLiver(benchmark::State& state) {
  OverLiverQuestions(state, [](const std::string& q, std::size_t) {
    return intents::ReadMessage(q, *Lexicon());
  });
}
BENCHMARK(BM_ReadMessageLiver);

void BM_CheckSubjectLiver(benchmark::State& state) {
  const auto& matcher = LiverPack()->matcher;
  std::vector<intents::Analysis> analyses;
  for (const auto& q : LiverQuestions()) {
    analyses.push_back(matcher.analyzer().Analyze(q));
  }
  OverLiverQuestions(state, [&](const std::string&, std::size_t at) {
    return matcher.CheckSubject(analyses[at]);
  });
}
BENCHMARK(BM_CheckSubjectLiver);

// The whole pipeline for one message: validation, session, red flags,
// analysis, RE2::Set, scoring, dialog step, reply.
void BM_BotHandleLiver(benchmark::State& state) {
  bot::Bot bot(LiverPack());
  const auto& qs = LiverQuestions();
  std::size_t i = 0;
  AllocationCounter allocs(state);
  for (auto _ : state) {
    const std::string session = "s" + std::to_string(i % 64);
    benchmark::DoNotOptimize(bot.Handle(session, {qs[i % qs.size()], ""}));
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BotHandleLiver);

// Long messages as people write them (a story, several questions, thanks):
// the question set's messages of 300 characters or more, joined two or
// three at a time until each is at least 1,000 characters long.
const std::vector<std::string>& LongLiverMessages() {
  static const auto messages = [] {
    std::vector<std::string> stories;
    std::ifstream in(std::string(FAQBOT_SOURCE_DIR) +
                     "/content/liver-calcification/questions.jsonl");
    for (std::string line; std::getline(in, line);) {
      const auto q = nlohmann::json::parse(line).value("q", "");
      if (q.size() >= 300) stories.push_back(q);
    }
    std::vector<std::string> out;
    std::string message;
    for (std::size_t i = 0; out.size() < 32 && !stories.empty(); ++i) {
      message += (message.empty() ? "" : " ") + stories[i % stories.size()];
      if (message.size() >= 1000) out.push_back(std::exchange(message, ""));
    }
    return out;
  }();
  return messages;
}

void BM_BotHandleLongLiver(benchmark::State& state) {
  bot::Bot bot(LiverPack());
  const auto& messages = LongLiverMessages();
  std::size_t i = 0, chars = 0;
  AllocationCounter allocs(state);
  for (auto _ : state) {
    const auto& m = messages[i % messages.size()];
    chars += m.size();
    benchmark::DoNotOptimize(bot.Handle("s" + std::to_string(i % 64), {m, ""}));
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["chars"] = static_cast<double>(chars) / i;
}
BENCHMARK(BM_BotHandleLongLiver);

// Matching alone (analysis, one RE2::Set pass, keyword scoring) on packs
// of 10 to 10,000 sections.
void BM_MatchSynthetic(benchmark::State& state) {
  const auto pack = Synthetic(static_cast<int>(state.range(0)));
  SyntheticArticle article(static_cast<int>(state.range(0)));
  const auto qs = article.Questions(256);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(pack->matcher.Match(qs[i++ % qs.size()]));
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["intents"] = static_cast<double>(pack->topics.size());
}
BENCHMARK(BM_MatchSynthetic)->Arg(10)->Arg(100)->Arg(1000)->Arg(10000);

// Compiling a pack of N sections; counts the heap it keeps.
void BM_CompileSynthetic(benchmark::State& state) {
  SyntheticArticle article(static_cast<int>(state.range(0)));
  double bytes = 0;
  for (auto _ : state) {
    const auto before = mallinfo2().uordblks;
    auto doc = dialogs::ParseDocument(article.text(), "synthetic");
    auto pack =
        dialogs::CompilePack("synthetic", *std::move(doc), {}, Lexicon());
    // Signed: compiling may also free what earlier benchmarks left
    // behind, which can outweigh a small pack.
    bytes = std::max(0.0, static_cast<double>(mallinfo2().uordblks) -
                              static_cast<double>(before));
    benchmark::DoNotOptimize(pack);
  }
  state.counters["heap_MB"] = bytes / (1 << 20);
}
BENCHMARK(BM_CompileSynthetic)
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// A library of N articles (issue #31): the content's articles with their
// subjects renamed to invented words (tests/bench/synthetic_library.py),
// written into a temporary folder and loaded as `faqbot serve --packs`
// loads it.
std::vector<std::shared_ptr<const dialogs::Pack>> LoadSyntheticLibrary(int n) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("faqbot-bench-library-" + std::to_string(getpid()) + "-" +
                    std::to_string(n));
  const std::string command =
      "python3 " FAQBOT_SOURCE_DIR "/tests/bench/synthetic_library.py " +
      dir.string() + " " + std::to_string(n) + " >/dev/null";
  if (std::system(command.c_str()) != 0) {
    throw std::runtime_error("could not write the synthetic library");
  }
  auto packs = bot::LoadLibrary(dir, Lexicon());
  std::filesystem::remove_all(dir);
  if (!packs) throw std::runtime_error(packs.error().message);
  return *std::move(packs);
}

// The same, loaded once per N for the benchmarks that use it (Google
// Benchmark runs a function several times to choose its iterations).
const std::vector<std::shared_ptr<const dialogs::Pack>>& SyntheticLibrary(
    int n) {
  static std::map<int, std::vector<std::shared_ptr<const dialogs::Pack>>>
      loaded;
  auto it = loaded.find(n);
  if (it == loaded.end()) it = loaded.emplace(n, LoadSyntheticLibrary(n)).first;
  return it->second;
}

// Writing and loading (reading and compiling) a library of N articles,
// with the heap it keeps and the time per article (the script's writing
// included: a small part, about 0.5 s for 1,000).
void BM_LoadLibrary(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  double bytes = 0, seconds = 0;
  for (auto _ : state) {
    const auto before = mallinfo2().uordblks;
    const auto start = std::chrono::steady_clock::now();
    const auto packs = LoadSyntheticLibrary(n);
    seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    bytes = static_cast<double>(mallinfo2().uordblks - before);
    benchmark::DoNotOptimize(packs.data());
  }
  state.counters["heap_MB"] = bytes / (1 << 20);
  state.counters["per_article_ms"] = seconds * 1000 / n;
}
BENCHMARK(BM_LoadLibrary)
    ->Arg(10)
    ->Arg(1000)
    ->Unit(benchmark::kSecond)
    ->Iterations(1);

// Bot::Handle over a library of N articles without a page: conversations
// that each open with a question naming an article's subject ("what is a
// babaoma?", its invented word) and follow up ("how is it treated?"). N = 1
// is what the same conversations cost on one article: each on a bot over
// its own article alone (the base articles differ in cost, so comparing
// with one of them alone would weigh the library by the wrong article).
// The router asks only the articles a message may concern (library.h), so
// the cost stays near one article's. With `titles` the conversations open
// with the articles' title questions instead, whose other words ("a
// precursor to liver cancer?") the synthetic library's 200 copies of each
// base article all name: the worst case, each of those articles' subject
// reading asked.
void LibraryConversations(benchmark::State& state, bool titles) {
  const int n = static_cast<int>(state.range(0));
  const auto& library = SyntheticLibrary(n == 1 ? 1000 : n);
  std::vector<std::string> openings;
  std::vector<std::shared_ptr<const dialogs::Pack>> opened;
  // Ten conversations over ten articles spread through the library, each
  // of the five base articles twice.
  for (std::size_t i = 0; i < 10; ++i) {
    const auto& pack = library[i * 101 % library.size()];
    const std::string& name = pack->name;  // "0000-babaoma"
    openings.push_back(titles ? pack->document.title
                              : "what is a " + name.substr(name.find('-') + 1) +
                                    "?");
    opened.push_back(pack);
  }
  // The bot each conversation talks to.
  std::vector<std::unique_ptr<bot::Bot>> bots;
  if (n == 1) {
    for (const auto& pack : opened) {
      bots.push_back(std::make_unique<bot::Bot>(pack));
    }
  } else {
    bots.push_back(std::make_unique<bot::Bot>(
        std::make_shared<const dialogs::Library>(library)));
  }
  const std::vector<std::string> follow_ups = {"how is it treated?",
                                               "what causes it?"};
  std::size_t i = 0;
  AllocationCounter allocs(state);
  for (auto _ : state) {
    const std::size_t turn = i % 3, conversation = i / 3;
    const std::size_t opening = conversation % openings.size();
    const std::string& text =
        turn == 0 ? openings[opening] : follow_ups[turn - 1];
    benchmark::DoNotOptimize(bots[opening % bots.size()]->Handle(
        "s" + std::to_string(conversation % 64), {text, ""}));
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}
void BM_LibraryHandle(benchmark::State& state) {
  LibraryConversations(state, false);
}
void BM_LibraryHandleTitles(benchmark::State& state) {
  LibraryConversations(state, true);
}
BENCHMARK(BM_LibraryHandleTitles)->Arg(1)->Arg(10)->Arg(1000);
BENCHMARK(BM_LibraryHandle)->Arg(1)->Arg(10)->Arg(1000);

}  // namespace
}  // namespace faqbot::bench

BENCHMARK_MAIN();
