// Bot Framework Direct Line 3.0, server side, so that the unmodified npm
// clients botframework-directlinejs and botframework-webchat can talk to
// faqbot (domain "http://<faqbot>/v3/directline"). The endpoints are in
// directline_routes.h; tokens, conversations, their activities and streams
// in directline_store.h (this process's memory, or Redis with sessions in
// Redis, so any instance continues any conversation).
//
// Every call needs "Authorization: Bearer <secret or token>"; a token is
// bound to one conversation and expires after 30 minutes (refresh before;
// a refresh revokes the old token). The stream URL carries a token
// (t=...), as browsers cannot send headers on a WebSocket upgrade; the
// secret is never accepted there (proxies log URLs). Choices become
// suggestedActions (imBack with the choice's title, which the bot
// understands when typed). Settings: secret (required).
#include "adapters/channels.h"
#include "adapters/client_frame.h"
#include "adapters/directline_routes.h"
#include "adapters/directline_store.h"
#include "adapters/http_client.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;
using Kind = DirectLineRoute::Kind;

constexpr auto kTokenLifetime = std::chrono::seconds(1800);
constexpr std::size_t kMaxTokens = 100000;
constexpr std::size_t kStreamFrameBytes = 4 * 1024;  // clients send pings

HttpResponse Fail(int status, const std::string& code,
                  const std::string& message) {
  return HttpResponse::Json(
      status, json{{"error", {{"code", code}, {"message", message}}}}.dump());
}

HttpResponse TokenExpired(const std::string& message) {
  return Fail(403, "TokenExpired", message);
}

HttpResponse TooManyTokens() {
  return Fail(429, "TooManyRequests",
              "too many tokens asked for this conversation; use the last one");
}

class DirectLineChannel : public Channel {
 public:
  DirectLineChannel(bot::Bot& bot, std::string secret, std::string public_url,
                    std::unique_ptr<DirectLineStore> store)
      : bot_(bot), secret_(std::move(secret)), store_(std::move(store)) {
    stream_base_ =
        public_url.starts_with("https://")  ? "wss://" + public_url.substr(8)
        : public_url.starts_with("http://") ? "ws://" + public_url.substr(7)
                                            : public_url;
  }

  std::string_view name() const override { return "directline"; }
  bool Handles(std::string_view path) const override {
    return path.starts_with(kDirectLinePrefix);
  }
  bool HandlesUpgrade(std::string_view path) const override {
    return ParseDirectLineRoute("GET", path).kind == Kind::kStream;
  }

  // Web Chat runs in pages anywhere; its calls carry a bearer token, no
  // cookie.
  static const std::vector<std::string>& AnyOrigin() {
    static const std::vector<std::string> any = {"*"};
    return any;
  }

  HttpResponse Handle(const HttpRequest& request) override {
    if (request.method == "OPTIONS") {
      return CorsPreflight(request, "GET, POST, OPTIONS", AnyOrigin());
    }
    HttpResponse r = Route(request);
    AllowOrigin(request, AnyOrigin(), &r);
    return r;
  }

  void Upgrade(WsUpgrade upgrade) override {
    const auto route = ParseDirectLineRoute("GET", upgrade.path());
    // Only a token opens a stream: the secret in a URL would end up in
    // proxies' logs.
    if (!store_->Exists(route.conversation) ||
        store_->ConversationOf(upgrade.Query("t")) != route.conversation) {
      return upgrade.Reject(403,
                            "stream credential missing, wrong or expired\n");
    }
    const std::string watermark = upgrade.Query("watermark");
    WsOptions options;
    options.max_frame_bytes = kStreamFrameBytes;
    auto stream = upgrade.Accept(std::make_shared<WsHandler>(), options);
    store_->AddStream(route.conversation, stream, watermark);
  }

  void Stop() override { store_->CloseStreams(); }

 private:
  HttpResponse Route(const HttpRequest& request) {
    const DirectLineRoute route =
        ParseDirectLineRoute(request.method, request.path);
    const std::string_view auth = request.Header("authorization");
    if (!auth.starts_with("Bearer ") || auth.size() <= 7) {
      return Fail(401, "BadArgument",
                  "missing Authorization: Bearer <secret or token>");
    }
    const std::string credential(auth.substr(7));
    const bool is_secret = ConstantTimeEquals(credential, secret_);
    switch (route.kind) {
      case Kind::kGenerateToken:
        if (!is_secret) return Fail(403, "Forbidden", "needs the secret");
        return OpenConversation(/*with_stream=*/false, /*greet=*/false);
      case Kind::kRefreshToken:
        return Refresh(credential);
      case Kind::kStartConversation:
        return StartConversation(credential, is_secret);
      case Kind::kNotFound:
      case Kind::kStream:
        return Fail(404, "NotFound", "no such Direct Line endpoint");
      default:
        break;
    }
    const std::string& id = route.conversation;
    if (!store_->Exists(id)) {
      if (store_->Unreachable()) return Unavailable();
      return Fail(404, "NotFound", "unknown conversation");
    }
    if (!is_secret && store_->ConversationOf(credential) != id) {
      if (store_->Unreachable()) return Unavailable();
      return TokenExpired("token unknown, expired or for another conversation");
    }
    switch (route.kind) {
      case Kind::kResumeConversation:
        return Resume(id, request.Query("watermark"));
      case Kind::kGetActivities:
        return HttpResponse::Json(
            200, store_->ActivitiesAfter(id, request.Query("watermark")));
      case Kind::kPostActivity:
        return Post(id, request);
      default:  // kUpload
        return Fail(400, "BadArgument", "attachments are not supported");
    }
  }

  // {"conversationId","token","expires_in"[,"streamUrl"]} with a new token.
  HttpResponse Grant(int status, const std::string& id,
                     std::optional<std::string> token, bool with_stream,
                     std::string_view watermark = "") {
    if (!token) {
      return Fail(503, "ServiceUnavailable",
                  "too many live tokens; try again later");
    }
    json j = {{"conversationId", id},
              {"token", *token},
              {"expires_in", store_->token_lifetime().count()}};
    if (with_stream) {
      std::string url = stream_base_ + std::string(kDirectLinePrefix) +
                        "/conversations/" + id + "/stream?t=" + *token;
      if (!watermark.empty()) url += "&watermark=" + std::string(watermark);
      j["streamUrl"] = url;
    }
    return HttpResponse::Json(status, j.dump());
  }

  HttpResponse OpenConversation(bool with_stream, bool greet) {
    const auto id = store_->Create();
    if (!id) {
      return Fail(503, "ServiceUnavailable",
                  "too many conversations; try again later");
    }
    if (greet) Greet(*id);
    return Grant(with_stream ? 201 : 200, *id, store_->Issue(*id), with_stream);
  }

  HttpResponse StartConversation(const std::string& credential,
                                 bool is_secret) {
    if (is_secret)
      return OpenConversation(/*with_stream=*/true, /*greet=*/true);
    // A token from tokens/generate starts the conversation it was made for.
    const std::string id = store_->ConversationOf(credential);
    if (id.empty() || !store_->Exists(id)) {
      if (store_->Unreachable()) return Unavailable();
      return TokenExpired("token unknown or expired");
    }
    if (!store_->TakeGrant(id)) return TooManyTokens();
    Greet(id);
    return Grant(201, id, store_->Issue(id), /*with_stream=*/true);
  }

  HttpResponse Refresh(const std::string& credential) {
    const std::string id = store_->ConversationOf(credential);
    if (id.empty() || !store_->Exists(id)) {
      if (store_->Unreachable()) return Unavailable();
      return TokenExpired("token unknown or expired");
    }
    if (!store_->TakeGrant(id)) return TooManyTokens();
    auto token = store_->Refresh(credential);
    if (!token) return TokenExpired("token unknown or expired");
    return Grant(200, id, std::move(token), /*with_stream=*/false);
  }

  HttpResponse Resume(const std::string& id, std::string_view watermark) {
    if (!store_->TakeGrant(id)) return TooManyTokens();
    return Grant(200, id, store_->Issue(id), /*with_stream=*/true, watermark);
  }

  HttpResponse Post(const std::string& id, const HttpRequest& request) {
    json activity = json::parse(request.body, nullptr, false);
    if (activity.is_discarded() || !activity.is_object()) {
      return Fail(400, "BadArgument", "invalid JSON: expected an activity");
    }
    if (JsonText(activity, "type") != "message") {
      // Typing and events are accepted, not answered, not kept.
      return HttpResponse::Json(
          200, json{{"id", store_->NextActivityId(id)}}.dump());
    }
    if (!store_->TakePost(id)) {
      return Fail(429, "TooManyRequests",
                  "too many messages in this conversation; slow down");
    }
    const std::string text = JsonText(activity, "text");
    // Web Chat's id for the message: posted again (a retry after a lost
    // response, maybe to another instance), it is answered from the
    // session's record rather than run twice.
    std::string message_id;
    if (const auto d = activity.find("channelData");
        d != activity.end() && d->is_object()) {
      message_id = JsonText(*d, "clientActivityID");
    }
    if (!IsMessageId(message_id)) message_id.clear();
    auto reply = bot_.Handle("directline:" + id, {.text = text,
                                                  .channel = "directline",
                                                  .client = request.client,
                                                  .welcomed = true,
                                                  .id = message_id});
    if (!reply) return Fail(400, "BadArgument", reply.error().message);
    // Echo the user's activity (Web Chat marks it sent when it comes back
    // with an id), then the bot's reply.
    const json user = SlimUserActivity(activity, text);
    const std::string user_id = store_->Append(id, user);
    if (user_id.empty()) return NotStored();
    if (reply->kind == dialogs::ReplyKind::kHeld) {  // an operator has it
      return HttpResponse::Json(200, json{{"id", user_id}}.dump());
    }
    json answer = BotActivity(*reply);
    answer["replyToId"] = user_id;
    if (!answer["suggestedActions"].is_null()) {
      answer["suggestedActions"]["to"] = json::array({user["from"]["id"]});
    }
    if (store_->Append(id, std::move(answer)).empty()) return NotStored();
    return HttpResponse::Json(200, json{{"id", user_id}}.dump());
  }

  // The conversation could not be written: the client posts again (Web
  // Chat retries), and a message with its clientActivityID is answered
  // from the session's record, not run twice.
  static HttpResponse NotStored() {
    CountDirectLineUnstored();
    return Fail(503, "ServiceUnavailable",
                "the conversation could not be stored; send the message again");
  }

  // Shared storage cannot be reached: not "unknown" (the conversation may
  // well exist), so the client keeps it and tries again.
  static HttpResponse Unavailable() {
    return Fail(503, "ServiceUnavailable",
                "conversations cannot be reached just now; try again shortly");
  }

  static json BotActivity(const bot::Reply& reply) {
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

  // An operator's message (from: the operator, role bot) or the
  // handoff's news, into the conversation if this instance holds it.
  bool Push(const bot::Handoff& to, const bot::Reply& reply,
            bool /*announced*/) override {
    if (!to.id.starts_with("directline:")) return false;
    const std::string id = to.id.substr(11);
    if (!store_->Exists(id)) return false;
    json a = BotActivity(reply);
    if (reply.kind == dialogs::ReplyKind::kOperator) {
      a["from"] = {{"id", "operator:" + reply.label},
                   {"name", reply.label},
                   {"role", "bot"}};
    }
    store_->Append(id, std::move(a));
    return true;
  }

  void Greet(const std::string& id) {
    if (!store_->StartOnce(id)) return;  // already started
    store_->Append(id, BotActivity(bot_.Welcome()));
  }

  bot::Bot& bot_;
  const std::string secret_;
  std::string stream_base_;  // ws://host:port
  std::unique_ptr<DirectLineStore> store_;
};

}  // namespace

Result<std::shared_ptr<Channel>> MakeDirectLineChannel(
    const ChannelSettings& s, bot::Bot& bot, const std::string& public_url,
    const bot::Config& shared) {
  if (auto ok = s.Check({"secret"}, {"secret"}); !ok) {
    return std::unexpected(ok.error());
  }
  std::unique_ptr<DirectLineStore> store;
  if (shared.sessions == "redis") {
    auto redis = bot::RedisOptionsFrom(shared);
    if (!redis) return std::unexpected(redis.error());
    store = MakeRedisDirectLineStore(*redis, bot::RedisKeyPrefix(shared, "dl"),
                                     kTokenLifetime);
  } else {
    store = MakeMemoryDirectLineStore(kTokenLifetime, kMaxTokens);
  }
  return std::make_shared<DirectLineChannel>(bot, s.Get("secret"), public_url,
                                             std::move(store));
}

}  // namespace faqbot::adapters
