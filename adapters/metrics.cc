#include "adapters/metrics.h"

#include <cstdio>

#include "adapters/connection_limits.h"
#include "adapters/directline_store.h"

namespace faqbot::adapters {

void Metrics::SetArticles(const std::vector<std::string>& names) {
  articles_ = names;
  article_index_.clear();
  for (std::size_t i = 0; i < articles_.size(); ++i) {
    article_index_.emplace(articles_[i], i);
  }
  article_replies_ =
      std::make_unique<std::atomic<uint64_t>[]>(articles_.size());
}

void Metrics::Reply(dialogs::ReplyKind kind, double seconds,
                    std::string_view article) {
  ++replies_[static_cast<int>(kind)];
  if (!article.empty()) {
    if (const auto it = article_index_.find(article);
        it != article_index_.end()) {
      ++article_replies_[it->second];
    }
  }
  std::size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  ++buckets_[b];
  ++latency_count_;
  latency_sum_ns_ += static_cast<uint64_t>(seconds * 1e9);
}

void Metrics::RenderArticles(std::string* out) const {
  if (articles_.empty()) return;
  *out +=
      "# HELP faqbot_article_replies_total Replies from each article of the "
      "library.\n# TYPE faqbot_article_replies_total counter\n";
  for (std::size_t i = 0; i < articles_.size(); ++i) {
    std::string label;  // a label value escapes \\, " and line breaks
    for (const char c : articles_[i]) {
      if (c == '\\' || c == '"') label += '\\';
      label += c == '\n' ? std::string("\\n") : std::string(1, c);
    }
    *out += "faqbot_article_replies_total{pack=\"" + label + "\"} " +
            std::to_string(article_replies_[i].load()) + "\n";
  }
}

void Metrics::RenderHandoff(const bot::HandoffDesk& desk,
                            std::string* out) const {
  const auto line = [&](const std::string& s) { *out += s + "\n"; };
  int waiting = 0, active = 0;
  for (const auto& h : desk.Open()) {
    (h.status == bot::HandoffStatus::kWaiting ? waiting : active)++;
  }
  line("# HELP faqbot_handoff_waiting Conversations waiting for a person.");
  line("# TYPE faqbot_handoff_waiting gauge");
  line("faqbot_handoff_waiting " + std::to_string(waiting));
  line("# HELP faqbot_handoff_active Conversations an operator holds.");
  line("# TYPE faqbot_handoff_active gauge");
  line("faqbot_handoff_active " + std::to_string(active));
  line(
      "# HELP faqbot_handoff_first_reply_seconds From asking for a person "
      "to the operator's first message (operators on this instance).");
  line("# TYPE faqbot_handoff_first_reply_seconds summary");
  char sum[32];
  std::snprintf(sum, sizeof sum, "%g", handoff_wait_sum_ms_.load() / 1e3);
  line(std::string("faqbot_handoff_first_reply_seconds_sum ") + sum);
  line("faqbot_handoff_first_reply_seconds_count " +
       std::to_string(handoff_replied_.load()));
  line(
      "# HELP faqbot_handoff_bad_records_total Malformed handoff records read "
      "from shared storage and skipped.");
  line("# TYPE faqbot_handoff_bad_records_total counter");
  line("faqbot_handoff_bad_records_total " +
       std::to_string(desk.bad_records()));
}

void Metrics::RenderStorage(const bot::Bot& bot, std::string* out) const {
  const auto line = [&](const std::string& s) { *out += s + "\n"; };
  line(
      "# HELP faqbot_session_store_degraded 1 while the shared session "
      "store is unreachable and state is kept in this process.");
  line("# TYPE faqbot_session_store_degraded gauge");
  line("faqbot_session_store_degraded " +
       std::to_string(bot.sessions().degraded() ? 1 : 0));
  line(
      "# HELP faqbot_session_store_failures_total Failed operations on the "
      "shared session store.");
  line("# TYPE faqbot_session_store_failures_total counter");
  line("faqbot_session_store_failures_total " +
       std::to_string(bot.sessions().failures()));
  line(
      "# HELP faqbot_session_states_kept_locally_total Messages whose state "
      "change reached only this instance's copy (Redis unreachable; written "
      "back when it returns).");
  line("# TYPE faqbot_session_states_kept_locally_total counter");
  line("faqbot_session_states_kept_locally_total " +
       std::to_string(bot.kept_locally()));
  if (const auto& desk = bot.options().handoff) RenderHandoff(*desk, out);
  *out +=
      "# HELP faqbot_directline_bad_records_total Malformed Direct Line "
      "records read from shared storage and skipped.\n"
      "# TYPE faqbot_directline_bad_records_total counter\n"
      "faqbot_directline_bad_records_total " +
      std::to_string(DirectLineBadRecords()) + "\n";
  *out +=
      "# HELP faqbot_directline_posts_unstored_total Direct Line messages "
      "answered 503 because the conversation could not be stored (the "
      "client sends them again).\n"
      "# TYPE faqbot_directline_posts_unstored_total counter\n"
      "faqbot_directline_posts_unstored_total " +
      std::to_string(DirectLineUnstored()) + "\n";
}

std::string Metrics::Render(const bot::Bot& bot,
                            const ConnectionLimits& limits) const {
  std::string out;
  const auto line = [&](const std::string& s) { out += s + "\n"; };
  const auto num = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return std::string(buf);
  };
  line("# HELP faqbot_connections WebSocket connections open now.");
  line("# TYPE faqbot_connections gauge");
  line("faqbot_connections " + std::to_string(connections_.load()));
  line("# HELP faqbot_connections_total WebSocket connections accepted.");
  line("# TYPE faqbot_connections_total counter");
  line("faqbot_connections_total " + std::to_string(connections_total_.load()));
  line("# HELP faqbot_tcp_connections TCP connections open now (HTTP too).");
  line("# TYPE faqbot_tcp_connections gauge");
  line("faqbot_tcp_connections " + std::to_string(limits.open()));
  line(
      "# HELP faqbot_connections_refused_total Connections refused at a "
      "limit (max_connections, max_connections_per_ip).");
  line("# TYPE faqbot_connections_refused_total counter");
  line("faqbot_connections_refused_total " + std::to_string(limits.refused()));
  line("# HELP faqbot_sessions Dialog sessions held in memory.");
  line("# TYPE faqbot_sessions gauge");
  line("faqbot_sessions " + std::to_string(bot.sessions().size()));
  if (const auto& t = bot.options().transcripts) {
    line(
        "# HELP faqbot_transcript_written_total Exchanges written to the "
        "transcript.");
    line("# TYPE faqbot_transcript_written_total counter");
    line("faqbot_transcript_written_total " + std::to_string(t->written()));
    line(
        "# HELP faqbot_transcript_dropped_total Exchanges not written "
        "(queue full or disk error).");
    line("# TYPE faqbot_transcript_dropped_total counter");
    line("faqbot_transcript_dropped_total " + std::to_string(t->dropped()));
  }
  line("# HELP faqbot_messages_total Replies sent, by reply kind.");
  line("# TYPE faqbot_messages_total counter");
  for (int k = 0; k < kKinds; ++k) {
    line("faqbot_messages_total{kind=\"" +
         std::string(
             dialogs::ReplyKindName(static_cast<dialogs::ReplyKind>(k))) +
         "\"} " + std::to_string(replies_[k].load()));
  }
  RenderArticles(&out);
  RenderStorage(bot, &out);
  line("# HELP faqbot_errors_total Bad frames answered with an error.");
  line("# TYPE faqbot_errors_total counter");
  line("faqbot_errors_total " + std::to_string(errors_total_.load()));
  line("# HELP faqbot_rate_limited_total Messages over the rate limit.");
  line("# TYPE faqbot_rate_limited_total counter");
  line("faqbot_rate_limited_total " +
       std::to_string(rate_limited_total_.load()));
  line("# HELP faqbot_handle_seconds Time to handle one message.");
  line("# TYPE faqbot_handle_seconds histogram");
  uint64_t cumulative = 0;
  for (std::size_t b = 0; b < kBuckets.size(); ++b) {
    cumulative += buckets_[b].load();
    line("faqbot_handle_seconds_bucket{le=\"" + num(kBuckets[b]) + "\"} " +
         std::to_string(cumulative));
  }
  cumulative += buckets_[kBuckets.size()].load();
  line("faqbot_handle_seconds_bucket{le=\"+Inf\"} " +
       std::to_string(cumulative));
  line("faqbot_handle_seconds_sum " + num(latency_sum_ns_.load() / 1e9));
  line("faqbot_handle_seconds_count " + std::to_string(latency_count_.load()));
  return out;
}

}  // namespace faqbot::adapters
