#include "adapters/directline_conversations.h"

#include <ctime>

#include "adapters/channel.h"
#include "adapters/directline_tokens.h"
#include "bot/unix_time.h"

namespace faqbot::adapters {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxIdBytes = 128;

}  // namespace

std::string DirectLineTimestamp(int64_t* last_ms) {
  int64_t ms = bot::UnixMs();
  if (ms <= *last_ms) ms = *last_ms + 1;
  *last_ms = ms;
  const std::time_t t = ms / 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms % 1000));
  return out;
}

std::string DirectLineActivityId(std::string_view conversation, uint64_t seq) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%07llu",
                static_cast<unsigned long long>(seq));
  return std::string(conversation) + "|" + buf;
}

uint64_t ParseWatermark(std::string_view watermark) {
  uint64_t after = 0;
  for (const char ch : watermark) {
    if (ch < '0' || ch > '9' || after > (UINT64_MAX - 9) / 10) break;
    after = after * 10 + static_cast<uint64_t>(ch - '0');
  }
  return after;
}

bool IsWatermark(std::string_view text) {
  return !text.empty() && text.size() <= 20 &&
         text.find_first_not_of("0123456789") == std::string_view::npos;
}

namespace {

// A short string field of `object`, cut to `max` bytes; "" when absent.
std::string ShortText(const json& object, std::string_view key,
                      std::size_t max = kMaxIdBytes) {
  std::string text = JsonText(object, key);
  TruncateUtf8(&text, max);
  return text;
}

}  // namespace

json SlimUserActivity(const json& posted, const std::string& text) {
  json from = {{"role", "user"}};
  const auto in = posted.find("from");
  if (in != posted.end() && in->is_object()) {
    from["id"] = ShortText(*in, "id");
    if (const auto name = ShortText(*in, "name"); !name.empty()) {
      from["name"] = name;
    }
  }
  if (from.value("id", "").empty()) from["id"] = "user";
  json slim = {{"type", "message"},
               {"channelId", "directline"},
               {"from", from},
               {"text", text}};
  // Web Chat recognises its own message by this id when it comes back.
  const auto data = posted.find("channelData");
  if (data != posted.end() && data->is_object()) {
    if (auto client = ShortText(*data, "clientActivityID"); !client.empty()) {
      slim["channelData"] = {{"clientActivityID", client}};
    }
  }
  return slim;
}

DirectLineConversation::DirectLineConversation(std::string id,
                                               const DirectLineLimits& limits)
    : id_(std::move(id)),
      limits_(limits),
      used_(Clock::now()),
      posts_(limits.posts_per_second, limits.post_burst),
      grants_(limits.grants_per_second, limits.grant_burst) {}

std::string DirectLineConversation::SetLocked(uint64_t seq) {
  return DirectLineActivityId(id_, seq);
}

std::string DirectLineConversation::NextActivityId() {
  std::lock_guard lock(mu_);
  return SetLocked(seq_ + 1);
}

std::string DirectLineConversation::Append(json activity) {
  std::lock_guard lock(mu_);
  const uint64_t seq = ++seq_;
  const std::string activity_id = SetLocked(seq);
  activity["id"] = activity_id;
  activity["timestamp"] = DirectLineTimestamp(&last_ms_);
  activity["conversation"] = {{"id", id_}};
  std::string text = DumpJson(activity);
  const std::string frame = "{\"activities\":[" + text + "],\"watermark\":\"" +
                            std::to_string(seq) + "\"}";
  activities_.push_back(std::move(text));
  if (activities_.size() > limits_.max_activities) activities_.pop_front();
  used_ = Clock::now();
  std::erase_if(streams_, [&](const std::weak_ptr<WsConnection>& w) {
    auto s = w.lock();
    if (s) s->Send(frame);
    return !s;
  });
  return activity_id;
}

std::string DirectLineConversation::ActivitiesAfterLocked(
    std::string_view watermark) const {
  const uint64_t after = ParseWatermark(watermark);
  std::string out = "{\"activities\":[";
  uint64_t seq = seq_ - activities_.size();
  bool first = true;
  for (const auto& a : activities_) {
    if (++seq <= after) continue;
    if (!first) out += ',';
    out += a;
    first = false;
  }
  return out + "],\"watermark\":\"" + std::to_string(seq_) + "\"}";
}

std::string DirectLineConversation::ActivitiesAfter(
    std::string_view watermark) {
  std::lock_guard lock(mu_);
  used_ = Clock::now();
  return ActivitiesAfterLocked(watermark);
}

void DirectLineConversation::AddStream(
    const std::shared_ptr<WsConnection>& connection,
    std::string_view watermark) {
  std::lock_guard lock(mu_);
  std::erase_if(streams_, [](const auto& w) { return w.expired(); });
  streams_.push_back(connection);
  // What the client missed, in the same order as later activities.
  if (seq_ > 0) {
    const std::string backlog = ActivitiesAfterLocked(watermark);
    if (backlog.find("\"activities\":[]") == std::string::npos) {
      connection->Send(backlog);
    }
  }
}

void DirectLineConversation::CloseStreams() {
  std::lock_guard lock(mu_);
  for (const auto& w : streams_) {
    if (auto s = w.lock()) s->Close();
  }
}

bool DirectLineConversation::TakePost() {
  std::lock_guard lock(mu_);
  return posts_.Take();
}

bool DirectLineConversation::TakeGrant() {
  std::lock_guard lock(mu_);
  return grants_.Take();
}

bool DirectLineConversation::StartOnce() {
  std::lock_guard lock(mu_);
  if (started_) return false;
  started_ = true;
  return true;
}

Clock::time_point DirectLineConversation::used() const {
  std::lock_guard lock(mu_);
  return used_;
}

DirectLineConversations::DirectLineConversations(DirectLineLimits limits)
    : limits_(limits) {}

std::shared_ptr<DirectLineConversation> DirectLineConversations::Create() {
  auto conversation =
      std::make_shared<DirectLineConversation>(RandomHex32(), limits_);
  std::lock_guard lock(mu_);
  if (conversations_.size() >= limits_.max_conversations) {
    const auto now = Clock::now();
    std::erase_if(conversations_, [&](const auto& kv) {
      return now - kv.second->used() > limits_.idle;
    });
    if (conversations_.size() >= limits_.max_conversations) return nullptr;
  }
  conversations_[conversation->id()] = conversation;
  return conversation;
}

std::shared_ptr<DirectLineConversation> DirectLineConversations::Find(
    const std::string& id) {
  std::lock_guard lock(mu_);
  const auto it = conversations_.find(id);
  return it == conversations_.end() ? nullptr : it->second;
}

void DirectLineConversations::CloseStreams() {
  std::vector<std::shared_ptr<DirectLineConversation>> all;
  {
    std::lock_guard lock(mu_);
    for (const auto& [_, c] : conversations_) all.push_back(c);
  }
  for (const auto& c : all) c->CloseStreams();
}

std::size_t DirectLineConversations::size() const {
  std::lock_guard lock(mu_);
  return conversations_.size();
}

}  // namespace faqbot::adapters
