// The in-process Direct Line store: DirectLineConversations and
// DirectLineTokens behind the DirectLineStore interface.
#include "adapters/directline_store.h"

#include <atomic>

#include "adapters/channel.h"

namespace faqbot::adapters {
namespace {

std::atomic<uint64_t> bad_records{0};
std::atomic<uint64_t> unstored{0};  // posts answered 503

std::optional<nlohmann::json> ParsedActivity(const nlohmann::json& j) {
  const auto id = j.find("id");
  const auto type = j.find("type");
  if (!j.is_object() || id == j.end() || !id->is_string() || type == j.end() ||
      !type->is_string()) {
    return std::nullopt;
  }
  return j;
}

std::optional<std::string> Refused() {
  ++bad_records;
  return std::nullopt;
}

class MemoryDirectLineStore : public DirectLineStore {
 public:
  MemoryDirectLineStore(std::chrono::seconds lifetime, std::size_t max_tokens,
                        DirectLineLimits limits)
      : conversations_(limits), tokens_(lifetime, max_tokens) {}

  std::optional<std::string> Create() override {
    auto c = conversations_.Create();
    if (!c) return std::nullopt;
    return c->id();
  }
  bool Exists(const std::string& id) override {
    return conversations_.Find(id) != nullptr;
  }
  std::string Append(const std::string& id, nlohmann::json activity) override {
    auto c = conversations_.Find(id);
    return c ? c->Append(std::move(activity)) : "";
  }
  std::string ActivitiesAfter(const std::string& id,
                              std::string_view watermark) override {
    auto c = conversations_.Find(id);
    return c ? c->ActivitiesAfter(watermark) : "";
  }
  void AddStream(const std::string& id,
                 const std::shared_ptr<WsConnection>& connection,
                 std::string_view watermark) override {
    if (auto c = conversations_.Find(id)) c->AddStream(connection, watermark);
  }
  void CloseStreams() override { conversations_.CloseStreams(); }
  bool TakePost(const std::string& id) override {
    auto c = conversations_.Find(id);
    return c && c->TakePost();
  }
  bool TakeGrant(const std::string& id) override {
    auto c = conversations_.Find(id);
    return c && c->TakeGrant();
  }
  bool StartOnce(const std::string& id) override {
    auto c = conversations_.Find(id);
    return c && c->StartOnce();
  }
  std::string NextActivityId(const std::string& id) override {
    auto c = conversations_.Find(id);
    return c ? c->NextActivityId() : "";
  }
  std::optional<std::string> Issue(const std::string& id) override {
    return tokens_.Issue(id);
  }
  std::string ConversationOf(std::string_view token) override {
    return tokens_.Conversation(token);
  }
  std::optional<std::string> Refresh(std::string_view token) override {
    return tokens_.Refresh(token);
  }
  std::chrono::seconds token_lifetime() const override {
    return tokens_.lifetime();
  }

 private:
  DirectLineConversations conversations_;
  DirectLineTokens tokens_;
};

}  // namespace

std::optional<std::string> CheckedActivity(std::string_view record) {
  if (record.size() > 64 * 1024) return Refused();
  const auto j = nlohmann::json::parse(record, nullptr, false);
  if (!ParsedActivity(j)) return Refused();
  return DumpJson(j);
}

std::optional<std::string> CheckedFrame(std::string_view frame) {
  if (frame.size() > 256 * 1024) return Refused();
  const auto j = nlohmann::json::parse(frame, nullptr, false);
  if (!j.is_object()) return Refused();
  const auto activities = j.find("activities");
  const auto watermark = j.find("watermark");
  if (activities == j.end() || !activities->is_array() ||
      watermark == j.end() || !watermark->is_string()) {
    return Refused();
  }
  const std::string mark = watermark->get<std::string>();
  if (!IsWatermark(mark)) return Refused();
  nlohmann::json out = {{"activities", nlohmann::json::array()},
                        {"watermark", mark}};
  for (const auto& a : *activities) {
    if (!ParsedActivity(a)) return Refused();
    out["activities"].push_back(a);
  }
  return DumpJson(out);
}

uint64_t DirectLineBadRecords() { return bad_records.load(); }

void CountDirectLineUnstored() { ++unstored; }
uint64_t DirectLineUnstored() { return unstored.load(); }

std::unique_ptr<DirectLineStore> MakeMemoryDirectLineStore(
    std::chrono::seconds token_lifetime, std::size_t max_tokens,
    DirectLineLimits limits) {
  return std::make_unique<MemoryDirectLineStore>(token_lifetime, max_tokens,
                                                 limits);
}

}  // namespace faqbot::adapters
