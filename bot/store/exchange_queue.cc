#include "bot/store/exchange_queue.h"

#include <cstring>
#include <numeric>

namespace faqbot::bot {

void ExchangeQueue::Push(const ExchangeRef& e) {
  // The header goes first, its sizes filled in from what was appended.
  const std::size_t start = bytes_.size();
  Header h{.time_ms = e.time_ms, .confidence = e.confidence, .sizes = {}};
  bytes_.append(sizeof h, '\0');
  std::size_t i = 0;
  const auto put = [&](std::string_view s) {
    bytes_.append(s);
    h.sizes[i++] = static_cast<uint32_t>(s.size());
  };
  for (std::string_view s : {e.session, e.channel, e.text, e.choice, e.kind}) {
    put(s);
  }
  const std::size_t node = bytes_.size();
  AppendStoredNode(e, &bytes_);
  h.sizes[i++] = static_cast<uint32_t>(bytes_.size() - node);
  put(e.uid);
  std::memcpy(bytes_.data() + start, &h, sizeof h);
  ++count_;
}

void ExchangeQueue::clear() {
  bytes_.clear();
  count_ = 0;
}

ExchangeQueue::Header ExchangeQueue::HeaderAt(std::size_t at) const {
  Header h;
  std::memcpy(&h, bytes_.data() + at, sizeof h);
  return h;
}

std::size_t ExchangeQueue::End(std::size_t at) const {
  const Header h = HeaderAt(at);
  return std::accumulate(std::begin(h.sizes), std::end(h.sizes), at + sizeof h);
}

void ExchangeQueue::View(std::vector<ExchangeRef>* out) const {
  for (std::size_t at = 0; at < bytes_.size();) {
    const Header h = HeaderAt(at);
    const char* p = bytes_.data() + at + sizeof h;
    std::string_view s[7];
    for (int i = 0; i < 7; ++i) {
      s[i] = {p, h.sizes[i]};
      p += h.sizes[i];
    }
    out->push_back({.time_ms = h.time_ms,
                    .session = s[0],
                    .channel = s[1],
                    .text = s[2],
                    .choice = s[3],
                    .kind = s[4],
                    .node = s[5],
                    .confidence = h.confidence,
                    .uid = s[6]});
    at = static_cast<std::size_t>(p - bytes_.data());
  }
}

void ExchangeQueue::PrependFirst(const ExchangeQueue& front, std::size_t n) {
  std::size_t end = 0;
  for (std::size_t i = 0; i < n && end < front.bytes_.size(); ++i) {
    end = front.End(end);
  }
  bytes_.insert(0, front.bytes_, 0, end);
  count_ += std::min(n, front.count_);
}

}  // namespace faqbot::bot
