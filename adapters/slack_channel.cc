// Slack: the Events API (POST /webhooks/slack/events) and interactivity
// (POST /webhooks/slack/actions, form-encoded payload=...). Every request's
// v0 signature (HMAC-SHA256 over "v0:<timestamp>:<raw body>" with the
// signing secret) and timestamp (within 5 minutes) are checked before
// anything else; a bad one gets 401 and nothing is processed. Events are
// acknowledged at once and answered afterwards with chat.postMessage
// (buttons for choices); a re-delivered event_id is processed once.
// Settings: signing_secret, bot_token (both required), api_base (default
// https://slack.com/api).
#include <chrono>

#include "adapters/channels.h"
#include "adapters/http_client.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;

constexpr std::string_view kEvents = "/webhooks/slack/events";
constexpr std::string_view kActions = "/webhooks/slack/actions";
constexpr int64_t kWindowSeconds = 300;

// Slack mrkdwn: &, < and > are escaped.
std::string Mrkdwn(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

// "<@U123BOT> what is it?" -> "what is it?": mentions and the spaces after
// them go.
std::string WithoutMentions(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.substr(i, 2) == "<@") {
      const std::size_t end = text.find('>', i);
      if (end != std::string_view::npos) {
        i = end + 1;
        while (i < text.size() && text[i] == ' ') ++i;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

class SlackChannel : public Channel {
 public:
  SlackChannel(bot::Bot& bot, const ChannelSettings& s)
      : bot_(bot),
        secret_(s.Get("signing_secret")),
        token_(s.Get("bot_token")),
        api_(s.Get("api_base", "https://slack.com/api")),
        outbox_("slack", {}) {}

  std::string_view name() const override { return "slack"; }
  bool Handles(std::string_view path) const override {
    return path == kEvents || path == kActions;
  }

  HttpResponse Handle(const HttpRequest& request) override {
    if (request.method != "POST") {
      return HttpResponse::Text(405, "POST Slack requests here\n");
    }
    if (auto why = CheckSignature(request); !why.empty()) {
      HttpResponse r = HttpResponse::Text(401, why + "\n");
      return r;
    }
    if (request.path == kActions) return Action(request);
    const json body = json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      return HttpResponse::Text(400, "invalid JSON\n");
    }
    const std::string type = JsonText(body, "type");
    if (type == "url_verification") {
      return HttpResponse::Json(
          200, json{{"challenge", JsonText(body, "challenge")}}.dump());
    }
    if (type != "event_callback" || !body.contains("event") ||
        !body["event"].is_object()) {
      return HttpResponse::Text(200, "");
    }
    const std::string event_id = JsonText(body, "event_id");
    if (!event_id.empty() && !seen_.Insert(event_id)) {
      return HttpResponse::Text(200, "");  // a retry of one already handled
    }
    const json& event = body["event"];
    const std::string kind = JsonText(event, "type");
    if ((kind != "message" && kind != "app_mention") ||
        event.contains("bot_id") || event.contains("subtype") ||
        !event.contains("text") || !event["text"].is_string()) {
      return HttpResponse::Text(200, "");  // not for us, or our own post
    }
    const std::string text = WithoutMentions(event["text"].get<std::string>());
    Answer(JsonText(body, "team_id"), JsonText(event, "channel"),
           JsonText(event, "user"), {.text = text, .channel = "slack"},
           JsonText(event, "thread_ts"));
    return HttpResponse::Text(200, "");
  }

 private:
  std::string CheckSignature(const HttpRequest& request) const {
    const std::string_view ts = request.Header("x-slack-request-timestamp");
    const std::string_view signature = request.Header("x-slack-signature");
    if (ts.empty() || signature.empty()) return "missing Slack signature";
    int64_t when = 0;
    for (char c : ts) {
      if (c < '0' || c > '9' || when > 1'000'000'000'000) {
        return "bad Slack timestamp";
      }
      when = when * 10 + (c - '0');
    }
    const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    if (std::abs(now - when) > kWindowSeconds) {
      return "stale Slack request (timestamp outside 5 minutes)";
    }
    const std::string expected =
        "v0=" +
        HmacSha256Hex(secret_, "v0:" + std::string(ts) + ":" + request.body);
    if (!ConstantTimeEquals(signature, expected)) {
      return "Slack signature does not match";
    }
    return "";
  }

  HttpResponse Action(const HttpRequest& request) {
    // The body is form-encoded: payload=<URL-encoded JSON>.
    std::string payload;
    std::string_view form = request.body;
    if (form.starts_with("payload=")) {
      payload = PercentDecode(form.substr(8), true);
    }
    const json p = json::parse(payload, nullptr, false);
    if (p.is_discarded() || !p.is_object()) {
      return HttpResponse::Text(400, "expected payload=<JSON>\n");
    }
    if (JsonText(p, "type") != "block_actions" || !p.contains("actions") ||
        !p["actions"].is_array() || p["actions"].empty()) {
      return HttpResponse::Text(200, "");
    }
    const json& action = p["actions"][0];
    const std::string value = JsonText(action, "value");
    const auto field = [&](const char* object, const char* key) {
      return p.contains(object) && p[object].is_object()
                 ? JsonText(p[object], key)
                 : std::string();
    };
    // Each interaction is handled once (Slack may deliver it again).
    const std::string trigger = JsonText(p, "trigger_id");
    const std::string key = trigger.empty() ? field("user", "id") + "|" +
                                                  JsonText(action, "action_ts")
                                            : trigger;
    if (!seen_.Insert("action:" + key)) return HttpResponse::Text(200, "");
    bot::Message m{.button = value, .channel = "slack"};
    Answer(field("team", "id"), field("channel", "id"), field("user", "id"), m,
           "");
    return HttpResponse::Text(200, "");
  }

  void Answer(const std::string& team, const std::string& channel,
              const std::string& user, const bot::Message& message,
              const std::string& thread) {
    if (channel.empty()) return;
    auto reply =
        bot_.Handle("slack:" + team + ":" + channel + ":" + user, message);
    if (reply && reply->kind == dialogs::ReplyKind::kHeld) return;
    Send(channel, reply, thread);
  }

  // "slack:<team>:<channel>:<user>": to the channel (no thread).
  bool Push(const bot::Handoff& to, const bot::Reply& reply,
            bool announced) override {
    const std::string_view session = to.id;
    if (announced || !session.starts_with("slack:")) return false;
    const std::size_t at = session.find(':', 6);
    if (at == std::string_view::npos) return false;
    const std::size_t end = session.find(':', at + 1);
    Send(std::string(session.substr(at + 1, end - at - 1)), reply, "");
    return true;
  }

  void Send(const std::string& channel, const Result<bot::Reply>& reply,
            const std::string& thread) {
    const std::string text =
        reply ? ReplyText(*reply) : "Sorry: " + reply.error().message;
    json blocks =
        json::array({{{"type", "section"},
                      {"text", {{"type", "mrkdwn"}, {"text", Mrkdwn(text)}}}}});
    if (reply && !reply->choices.empty()) {
      json buttons = json::array();
      for (std::size_t i = 0; i < reply->choices.size() && i < 25; ++i) {
        const auto& c = reply->choices[i];
        std::string title = c.title;
        TruncateUtf8(&title, 75);
        buttons.push_back(
            {{"type", "button"},
             {"action_id", "choice-" + std::to_string(i)},
             {"value", c.id},
             {"text", {{"type", "plain_text"}, {"text", title}}}});
      }
      blocks.push_back({{"type", "actions"},
                        {"block_id", "faqbot_choices"},
                        {"elements", buttons}});
    }
    json body = {{"channel", channel}, {"text", text}, {"blocks", blocks}};
    if (!thread.empty()) body["thread_ts"] = thread;
    outbox_.Post({.url = api_ + "/chat.postMessage",
                  .what = "chat.postMessage",
                  .headers = {{"Authorization", "Bearer " + token_}},
                  .body = body.dump(),
                  .content_type = "application/json; charset=utf-8"});
  }

  bot::Bot& bot_;
  const std::string secret_, token_, api_;
  Outbox outbox_;
  RecentIds seen_;
};

}  // namespace

Result<std::shared_ptr<Channel>> MakeSlackChannel(const ChannelSettings& s,
                                                  bot::Bot& bot) {
  if (auto ok = s.Check({"signing_secret", "bot_token"},
                        {"signing_secret", "bot_token", "api_base"});
      !ok) {
    return std::unexpected(ok.error());
  }
  return std::make_shared<SlackChannel>(bot, s);
}

}  // namespace faqbot::adapters
