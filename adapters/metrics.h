// Server metrics in Prometheus text format (GET /metrics). Lock-free
// counters; safe to update from any thread.
#ifndef FAQBOT_ADAPTERS_METRICS_H_
#define FAQBOT_ADAPTERS_METRICS_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bot/bot.h"
#include "dialogs/reply.h"

namespace faqbot::adapters {

class Metrics {
 public:
  // WebSockets open (the widget's and Direct Line streams).
  void ConnectionOpened() {
    ++connections_;
    ++connections_total_;
  }
  void ConnectionClosed() { --connections_; }
  void Reply(dialogs::ReplyKind kind, double seconds,
             std::string_view article = "");
  // A library's articles (pack names), whose replies are counted apart;
  // call before the first Reply.
  void SetArticles(const std::vector<std::string>& names);
  void Error() { ++errors_total_; }
  void RateLimited() { ++rate_limited_total_; }
  // An operator's first message in a conversation, `wait_ms` after the
  // person asked.
  void FirstOperatorReply(int64_t wait_ms) {
    ++handoff_replied_;
    handoff_wait_sum_ms_ += static_cast<uint64_t>(wait_ms > 0 ? wait_ms : 0);
  }

  int64_t connections() const { return connections_.load(); }

  // The exposition text, "# HELP/# TYPE" lines included. Session-store
  // and transcript gauges come from `bot`; TCP connections and refusals
  // from `limits`.
  std::string Render(const bot::Bot& bot,
                     const class ConnectionLimits& limits) const;

  // Upper bounds of the latency histogram, in seconds.
  static constexpr std::array<double, 12> kBuckets = {
      0.00001, 0.00002, 0.00005, 0.0001, 0.0002, 0.0005,
      0.001,   0.002,   0.005,   0.01,   0.05,   0.1};

 private:
  void RenderHandoff(const bot::HandoffDesk& desk, std::string* out) const;
  void RenderArticles(std::string* out) const;  // a library's, by article
  // The handoff desk's gauges, and what shared storage held that was bad.
  void RenderStorage(const bot::Bot& bot, std::string* out) const;

  std::atomic<int64_t> connections_{0};
  std::atomic<uint64_t> connections_total_{0};
  std::atomic<uint64_t> errors_total_{0};
  std::atomic<uint64_t> rate_limited_total_{0};
  static constexpr int kKinds = static_cast<int>(dialogs::ReplyKind::kHeld) + 1;
  std::array<std::atomic<uint64_t>, kKinds> replies_{};  // by ReplyKind
  // In a library: replies by article, in SetArticles' order.
  std::vector<std::string> articles_;
  std::unordered_map<std::string_view, std::size_t> article_index_;
  std::unique_ptr<std::atomic<uint64_t>[]> article_replies_;
  std::atomic<uint64_t> handoff_replied_{0};      // first operator replies
  std::atomic<uint64_t> handoff_wait_sum_ms_{0};  // their waits
  std::array<std::atomic<uint64_t>, kBuckets.size() + 1> buckets_{};
  std::atomic<uint64_t> latency_count_{0};
  std::atomic<uint64_t> latency_sum_ns_{0};
};

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_METRICS_H_
