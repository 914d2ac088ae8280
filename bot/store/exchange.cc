#include "bot/store/exchange.h"

#include <nlohmann/json.hpp>
#include <random>

namespace faqbot::bot {

std::string NewExchangeUid() {
  // Per thread, seeded from the system's entropy: unique enough across
  // instances (128 bits) and cheaper than a system call per message.
  thread_local std::mt19937_64 random([] {
    std::random_device device;
    return (static_cast<uint64_t>(device()) << 32) ^ device();
  }());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string uid(32, '0');
  for (int half = 0; half < 2; ++half) {
    uint64_t bits = random();
    for (int i = 0; i < 16; ++i, bits >>= 4)
      uid[half * 16 + i] = kHex[bits & 15];
  }
  return uid;
}

void AppendStoredNode(const ExchangeRef& e, std::string* out) {
  if (!e.article.empty()) {
    out->append(e.article);
    out->push_back('/');
  }
  out->append(e.node);
}

std::string EncodeExchange(const ExchangeRef& e) {
  std::string node;
  AppendStoredNode(e, &node);
  return nlohmann::json::array({e.uid, e.time_ms, e.session, e.channel, e.text,
                                e.choice, e.kind, node, e.confidence})
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<Exchange> DecodeExchange(std::string_view text) {
  const auto j =
      nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array() || j.size() != 9 || !j[1].is_number_integer() ||
      !j[8].is_number()) {
    return std::nullopt;
  }
  for (int i : {0, 2, 3, 4, 5, 6, 7}) {
    if (!j[static_cast<std::size_t>(i)].is_string()) return std::nullopt;
  }
  return Exchange{.time_ms = j[1].get<int64_t>(),
                  .session = j[2].get<std::string>(),
                  .channel = j[3].get<std::string>(),
                  .text = j[4].get<std::string>(),
                  .choice = j[5].get<std::string>(),
                  .kind = j[6].get<std::string>(),
                  .node = j[7].get<std::string>(),
                  .confidence = j[8].get<double>(),
                  .uid = j[0].get<std::string>()};
}

}  // namespace faqbot::bot
