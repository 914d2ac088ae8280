// Bot Framework Direct Line 3.0, server side, so that the unmodified npm
// clients botframework-directlinejs and botframework-webchat can talk to
// faqbot (domain "http://<faqbot>/v3/directline"). Served under
// /v3/directline: tokens/generate and tokens/refresh, conversations (start,
// resume with a fresh token and stream URL), activities (post; get after a
// watermark) and the stream WebSocket, which sends ActivitySets. Every
// call needs "Authorization: Bearer <secret or token>"; a token is bound to
// one conversation and expires after 30 minutes (refresh before). The
// stream URL carries its own token (t=...), as browsers cannot send
// headers on a WebSocket upgrade. Choices become suggestedActions (imBack
// with the choice's title, which the bot understands when typed).
// Settings: secret (required).
#include <chrono>
#include <ctime>
#include <deque>
#include <unordered_map>

#include "adapters/channels.h"
#include "adapters/http_client.h"
#include "adapters/widget_session.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kPrefix = "/v3/directline";
constexpr int kTokenSeconds = 1800;
constexpr std::size_t kMaxActivities = 500;        // kept per conversation
constexpr std::size_t kMaxConversations = 100000;  // idle ones go first
constexpr auto kIdle = std::chrono::hours(1);

HttpResponse Fail(int status, const std::string& code,
                  const std::string& message) {
  return HttpResponse::Json(
      status, json{{"error", {{"code", code}, {"message", message}}}}.dump());
}

std::string IsoNow(int64_t* last_ms) {
  int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
  if (ms <= *last_ms) ms = *last_ms + 1;  // increasing within a conversation
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

// A stream WebSocket only carries ActivitySets to the client; what the
// client sends (empty keep-alive frames) is read and ignored.
class StreamHandler : public WsHandler {};

struct Conversation {
  std::mutex mu;
  std::deque<json> activities;  // guarded by mu; the newest kMaxActivities
  uint64_t seq = 0;             // guarded by mu; of the newest activity
  int64_t last_ms = 0;          // guarded by mu
  std::vector<std::weak_ptr<WsConnection>> streams;  // guarded by mu
  Clock::time_point used = Clock::now();             // guarded by mu
};

class DirectLineChannel : public Channel {
 public:
  DirectLineChannel(bot::Bot& bot, std::string secret, std::string public_url)
      : bot_(bot), secret_(std::move(secret)) {
    stream_base_ =
        public_url.starts_with("https://")  ? "wss://" + public_url.substr(8)
        : public_url.starts_with("http://") ? "ws://" + public_url.substr(7)
                                            : public_url;
  }

  std::string_view name() const override { return "directline"; }
  bool Handles(std::string_view path) const override {
    return path.starts_with(kPrefix);
  }
  bool HandlesUpgrade(std::string_view path) const override {
    return path.starts_with(std::string(kPrefix) + "/conversations/") &&
           path.ends_with("/stream");
  }

  HttpResponse Handle(const HttpRequest& request) override {
    HttpResponse r = Route(request);
    r.headers.emplace_back("Access-Control-Allow-Origin", "*");
    return r;
  }

  void Upgrade(WsUpgrade upgrade) override {
    const std::string_view path = upgrade.path();
    const std::string id(path.substr(kPrefix.size() + 15,
                                     path.size() - kPrefix.size() - 15 - 7));
    auto conversation = Find(id);
    if (!conversation || !Allowed(upgrade.Query("t"), id)) {
      // Refuse the upgrade with 403, as the real service does.
      return upgrade.Reject(403,
                            "stream credential missing, wrong or expired\n");
    }
    const std::string watermark = upgrade.Query("watermark");
    WsOptions options;
    options.max_frame_bytes = 64 * 1024;
    std::shared_ptr<WsConnection> stream;
    {
      std::lock_guard lock(conversation->mu);
      stream = upgrade.Accept(std::make_shared<StreamHandler>(), options);
      conversation->streams.push_back(stream);
      json set = ActivitiesAfter(*conversation, watermark);
      if (!set["activities"].empty()) stream->Send(set.dump());
    }
    std::lock_guard lock(streams_mu_);
    std::erase_if(streams_, [](const auto& w) { return w.expired(); });
    streams_.push_back(stream);
  }

  void Stop() override {
    std::lock_guard lock(streams_mu_);
    for (const auto& w : streams_) {
      if (auto s = w.lock()) s->Close();
    }
  }

 private:
  HttpResponse Route(const HttpRequest& request) {
    if (request.method == "OPTIONS") {
      // Clients add headers of their own (rxjs sends X-Requested-With):
      // allow what the preflight asks for; no cookies are involved.
      const std::string_view asked =
          request.Header("access-control-request-headers");
      HttpResponse r = HttpResponse::Text(200, "");
      r.headers = {{"Access-Control-Allow-Methods", "GET, POST, OPTIONS"},
                   {"Access-Control-Allow-Headers",
                    asked.empty() ? std::string("Authorization, Content-Type, "
                                                "Accept, x-ms-bot-agent")
                                  : std::string(asked)},
                   {"Access-Control-Max-Age", "600"}};
      return r;
    }
    const std::string_view path =
        std::string_view(request.path).substr(kPrefix.size());
    const std::string_view auth = request.Header("authorization");
    if (!auth.starts_with("Bearer ") || auth.size() <= 7) {
      return Fail(401, "BadArgument",
                  "missing Authorization: Bearer <secret or token>");
    }
    const std::string credential(auth.substr(7));
    const bool is_secret = ConstantTimeEquals(credential, secret_);
    const bool post = request.method == "POST";

    if (path == "/tokens/generate" && post) {
      if (!is_secret) return Fail(403, "Forbidden", "needs the secret");
      const std::string id = NewConversation();
      return HttpResponse::Json(200, Grant(id, false).dump());
    }
    if (path == "/tokens/refresh" && post) {
      const std::string id = TokenConversation(credential);
      if (id.empty()) {
        return Fail(403, "TokenExpired", "token unknown or expired");
      }
      return HttpResponse::Json(200, Grant(id, false).dump());
    }
    if (path == "/conversations" && post) {
      std::string id;
      if (is_secret) {
        id = NewConversation();
      } else {
        id = TokenConversation(credential);
        if (id.empty()) {
          return Fail(403, "TokenExpired", "token unknown or expired");
        }
      }
      Greet(id);
      return HttpResponse::Json(201, Grant(id, true).dump());
    }
    if (!path.starts_with("/conversations/")) {
      return Fail(404, "NotFound", "no such Direct Line endpoint");
    }
    std::string_view rest = path.substr(15);
    const std::string id(rest.substr(0, rest.find('/')));
    const std::string_view tail = rest.substr(id.size());
    auto conversation = Find(id);
    if (!conversation) {
      return Fail(404, "NotFound", "unknown conversation");
    }
    if (!is_secret && TokenConversation(credential) != id) {
      return Fail(403, "TokenExpired",
                  "token unknown, expired or for another conversation");
    }
    if (tail.empty() && request.method == "GET") {
      json grant = Grant(id, true);
      const std::string w = request.Query("watermark");
      if (!w.empty())
        grant["streamUrl"] =
            grant["streamUrl"].get<std::string>() + "&watermark=" + w;
      return HttpResponse::Json(200, grant.dump());
    }
    if (tail == "/activities" && request.method == "GET") {
      std::lock_guard lock(conversation->mu);
      conversation->used = Clock::now();
      return HttpResponse::Json(
          200,
          ActivitiesAfter(*conversation, request.Query("watermark")).dump());
    }
    if (tail == "/activities" && post) return Post(id, *conversation, request);
    if (tail == "/upload" && post) {
      return Fail(400, "BadArgument", "attachments are not supported");
    }
    return Fail(404, "NotFound", "no such Direct Line endpoint");
  }

  HttpResponse Post(const std::string& id, Conversation& conversation,
                    const HttpRequest& request) {
    json activity = json::parse(request.body, nullptr, false);
    if (activity.is_discarded() || !activity.is_object()) {
      return Fail(400, "BadArgument", "invalid JSON: expected an activity");
    }
    const std::string type = JsonText(activity, "type");
    if (type != "message") {  // typing, events: accepted, not answered
      std::lock_guard lock(conversation.mu);
      return HttpResponse::Json(
          200, json{{"id", id + "|" + Seq(conversation.seq + 1)}}.dump());
    }
    std::string text;
    if (activity.contains("text") && activity["text"].is_string()) {
      text = activity["text"].get<std::string>();
    }
    auto reply = bot_.Handle("directline:" + id,
                             {.text = text, .channel = "directline"});
    if (!reply) return Fail(400, "BadArgument", reply.error().message);
    // Echo the user's activity (Web Chat marks it sent when it comes back
    // with an id), then the bot's reply.
    if (!activity.contains("from") || !activity["from"].is_object()) {
      activity["from"] = json::object();
    }
    activity["from"]["role"] = "user";
    if (JsonText(activity["from"], "id").empty())
      activity["from"]["id"] = "user";
    activity["conversation"] = {{"id", id}};
    activity["channelId"] = "directline";
    std::lock_guard lock(conversation.mu);
    const std::string user_id = Append(id, conversation, activity);
    json answer = BotActivity(*reply);
    answer["replyToId"] = user_id;
    if (activity["from"].contains("id") &&
        !answer["suggestedActions"].is_null()) {
      answer["suggestedActions"]["to"] = json::array({activity["from"]["id"]});
    }
    Append(id, conversation, answer);
    return HttpResponse::Json(200, json{{"id", user_id}}.dump());
  }

  static std::string Seq(uint64_t n) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%07llu",
                  static_cast<unsigned long long>(n));
    return buf;
  }

  // Adds an activity (id, timestamp) and sends it to the open streams.
  // Caller holds conversation.mu.
  std::string Append(const std::string& id, Conversation& c, json activity) {
    const uint64_t seq = ++c.seq;
    activity["id"] = id + "|" + Seq(seq);
    activity["timestamp"] = IsoNow(&c.last_ms);
    activity["conversation"] = {{"id", id}};
    c.activities.push_back(activity);
    if (c.activities.size() > kMaxActivities) c.activities.pop_front();
    c.used = Clock::now();
    const std::string frame =
        json{{"activities", json::array({activity})},
             {"watermark", std::to_string(seq)}}
            .dump(-1, ' ', false, json::error_handler_t::replace);
    std::erase_if(c.streams, [&](const std::weak_ptr<WsConnection>& w) {
      auto s = w.lock();
      if (s) s->Send(frame);
      return !s;
    });
    return activity["id"];
  }

  static json ActivitiesAfter(const Conversation& c, const std::string& w) {
    uint64_t after = 0;
    for (char ch : w) {
      if (ch < '0' || ch > '9') break;
      after = after * 10 + static_cast<uint64_t>(ch - '0');
    }
    json list = json::array();
    uint64_t seq = c.seq - c.activities.size();
    for (const json& a : c.activities) {
      if (++seq > after) list.push_back(a);
    }
    return {{"activities", list}, {"watermark", std::to_string(c.seq)}};
  }

  json BotActivity(const bot::Reply& reply) const {
    json a = {
        {"type", "message"},
        {"channelId", "directline"},
        {"from", {{"id", "faqbot"}, {"name", "FAQ bot"}, {"role", "bot"}}},
        {"text", ReplyText(reply)},
        {"textFormat", "plain"},
        {"locale", "en-US"},
        {"inputHint", "acceptingInput"}};
    if (!reply.choices.empty()) {
      json actions = json::array();
      for (const auto& c : reply.choices) {
        actions.push_back(
            {{"type", "imBack"}, {"title", c.title}, {"value", c.title}});
      }
      a["suggestedActions"] = {{"actions", actions}};
    }
    return a;
  }

  void Greet(const std::string& id) {
    auto c = Find(id);
    if (!c) return;
    std::lock_guard lock(c->mu);
    if (c->seq > 0) return;  // already started
    Append(id, *c, BotActivity(bot_.Welcome("directline:" + id)));
  }

  std::string NewConversation() {
    const std::string id = NewSessionId();
    std::lock_guard lock(mu_);
    if (conversations_.size() >= kMaxConversations) {
      const auto now = Clock::now();
      std::erase_if(conversations_, [&](const auto& kv) {
        std::lock_guard l(kv.second->mu);
        return now - kv.second->used > kIdle;
      });
    }
    conversations_[id] = std::make_shared<Conversation>();
    return id;
  }

  std::shared_ptr<Conversation> Find(const std::string& id) {
    std::lock_guard lock(mu_);
    const auto it = conversations_.find(id);
    return it == conversations_.end() ? nullptr : it->second;
  }

  // {"conversationId","token","expires_in"[,"streamUrl"]} with a new token.
  json Grant(const std::string& id, bool with_stream) {
    const std::string token = NewSessionId() + NewSessionId();
    {
      std::lock_guard lock(mu_);
      const auto now = Clock::now();
      std::erase_if(tokens_,
                    [&](const auto& kv) { return kv.second.second < now; });
      tokens_[token] = {id, now + std::chrono::seconds(kTokenSeconds)};
    }
    json j = {{"conversationId", id},
              {"token", token},
              {"expires_in", kTokenSeconds}};
    if (with_stream) {
      j["streamUrl"] = stream_base_ + std::string(kPrefix) + "/conversations/" +
                       id + "/stream?t=" + token;
    }
    return j;
  }

  // The conversation a live token is for, or "".
  std::string TokenConversation(const std::string& token) {
    std::lock_guard lock(mu_);
    const auto it = tokens_.find(token);
    if (it == tokens_.end() || it->second.second < Clock::now()) return "";
    return it->second.first;
  }

  bool Allowed(const std::string& credential, const std::string& id) {
    return ConstantTimeEquals(credential, secret_) ||
           TokenConversation(credential) == id;
  }

  bot::Bot& bot_;
  const std::string secret_;
  std::string stream_base_;  // ws://host:port
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<Conversation>>
      conversations_;  // guarded by mu_
  std::unordered_map<std::string, std::pair<std::string, Clock::time_point>>
      tokens_;  // guarded by mu_: token -> conversation, expiry
  std::mutex streams_mu_;
  std::vector<std::weak_ptr<WsConnection>> streams_;  // guarded by streams_mu_
};

}  // namespace

Result<std::shared_ptr<Channel>> MakeDirectLineChannel(
    const ChannelSettings& s, bot::Bot& bot, const std::string& public_url) {
  if (auto ok = s.Check({"secret"}, {"secret"}); !ok) {
    return std::unexpected(ok.error());
  }
  return std::make_shared<DirectLineChannel>(bot, s.Get("secret"), public_url);
}

}  // namespace faqbot::adapters
