// What the server itself does with a widget's message, step by step,
// beside Bot::Handle (matching_bench): reading the client's frame, writing
// the reply's JSON, and storing the exchange in the transcript. The whole
// of it, kernel and Beast included, is tests/bench/cost_per_message.sh.
// Replies and frames are the liver pack's, for the user turns of its
// conversation tests. Run: build/tests/server_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "adapters/client_frame.h"
#include "adapters/reply_json.h"
#include "bot/bot.h"
#include "bot/store/transcript_log.h"
#include "tests/bench/liver_pack.h"

namespace faqbot {
namespace {

using bench::LiverPack;
using bench::LiverQuestions;

// Each question as the widget sends it, with a message id.
void BM_ParseClientFrame(benchmark::State& state) {
  std::vector<std::string> frames;
  for (const std::string& q : LiverQuestions()) {
    std::string frame =
        R"({"id":"m-)" + std::to_string(frames.size()) + R"(","text":)";
    adapters::AppendJsonString(&frame, q);
    frames.push_back(frame + "}");
  }
  std::size_t i = 0;
  for (auto _ : state) {
    std::string id;
    benchmark::DoNotOptimize(
        adapters::ParseClientFrame(frames[i++ % frames.size()], &id));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseClientFrame);

// The bot's replies to those questions, written as the widget gets them.
void BM_ReplyToJsonText(benchmark::State& state) {
  bot::Bot bot(LiverPack());
  std::vector<dialogs::Reply> replies;
  for (const std::string& q : LiverQuestions()) {
    if (auto r = bot.Handle("s" + std::to_string(replies.size() % 8),
                            {.text = q, .channel = "web"})) {
      replies.push_back(*std::move(r));
    }
  }
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string json =
        adapters::ReplyToJsonText(replies[i++ % replies.size()], {});
    bytes += json.size();
    benchmark::DoNotOptimize(json.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ReplyToJsonText);

// Exchanges appended, then written to SQLite in one batch (what the
// writer thread does every flush interval), into one database that grows
// as a server's does: per row.
void BM_TranscriptRows(benchmark::State& state) {
  const std::string dir = std::filesystem::temp_directory_path() /
                          ("faqbot-bench-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  auto log = bot::TranscriptLog::Open(
      dir + "/t.db", {.flush_interval = std::chrono::hours(1)});
  if (!log) throw std::runtime_error(log.error().message);
  const auto rows = static_cast<int>(state.range(0));
  std::size_t n = 0;
  for (auto _ : state) {
    for (int i = 0; i < rows; ++i, ++n) {
      (*log)->Append({.time_ms = 1'700'000'000'000 + static_cast<int64_t>(n),
                      .session = "web:visitor-" + std::to_string(n % 500),
                      .channel = "web",
                      .text = "what causes calcification in the liver?",
                      .kind = "answer",
                      .node = "causes",
                      .confidence = 0.87});
    }
    (*log)->Flush();
  }
  log->reset();
  std::filesystem::remove_all(dir);
  state.SetItemsProcessed(state.iterations() * rows);
}
// CPU of every thread (the writer is its own): the figure to read.
BENCHMARK(BM_TranscriptRows)
    ->Arg(5000)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace faqbot

BENCHMARK_MAIN();
