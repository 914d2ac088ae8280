#include "bot/store/exchange_queue.h"

#include <cstring>
#include <numeric>

namespace faqbot::bot {

void ExchangeQueue::Push(const ExchangeRef& e) {
  const std::size_t node =
      e.node.size() + (e.article.empty() ? 0 : e.article.size() + 1);
  Header h{.time_ms = e.time_ms,
           .confidence = e.confidence,
           .sizes = {static_cast<uint32_t>(e.session.size()),
                     static_cast<uint32_t>(e.channel.size()),
                     static_cast<uint32_t>(e.text.size()),
                     static_cast<uint32_t>(e.choice.size()),
                     static_cast<uint32_t>(e.kind.size()),
                     static_cast<uint32_t>(node),
                     static_cast<uint32_t>(e.uid.size())}};
  std::size_t at = bytes_.size();
  bytes_.resize(
      at + sizeof h +
      std::accumulate(std::begin(h.sizes), std::end(h.sizes), std::size_t{0}));
  const auto put = [&](std::string_view s) {
    if (!s.empty()) std::memcpy(bytes_.data() + at, s.data(), s.size());
    at += s.size();
  };
  put({reinterpret_cast<const char*>(&h), sizeof h});
  for (std::string_view s : {e.session, e.channel, e.text, e.choice, e.kind}) {
    put(s);
  }
  if (!e.article.empty()) {
    put(e.article);
    put("/");
  }
  put(e.node);
  put(e.uid);
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
  bytes_.insert(bytes_.begin(), front.bytes_.begin(),
                front.bytes_.begin() + static_cast<std::ptrdiff_t>(end));
  count_ += std::min(n, front.count_);
}

}  // namespace faqbot::bot
