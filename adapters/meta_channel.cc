// Messenger and WhatsApp Cloud API (Meta Graph webhooks), one class with
// two dialects. GET /webhooks/<name> answers the hub.challenge handshake
// when hub.verify_token matches; POST /webhooks/<name> is checked against
// X-Hub-Signature-256 (HMAC-SHA256 of the raw body with the app secret)
// before anything else, acknowledged, and each message in it (batches
// included) answered through the Send API: Messenger quick replies, or
// WhatsApp reply buttons (up to 3) or a list (up to 10). A re-delivered
// message id (mid / wamid) is processed once. Settings: app_secret,
// verify_token, and page_access_token (Messenger) or access_token
// (WhatsApp); graph_base (default https://graph.facebook.com/v19.0).
#include "adapters/channels.h"
#include "adapters/http_client.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;

constexpr std::size_t kMessengerText = 2000;
constexpr std::size_t kWhatsAppText = 4096;
constexpr std::size_t kInteractiveBody = 1024;

std::string Short(std::string text, std::size_t max) {
  TruncateUtf8(&text, max);
  return text;
}

class MetaChannel : public Channel {
 public:
  MetaChannel(bot::Bot& bot, const ChannelSettings& s, bool whatsapp)
      : bot_(bot),
        whatsapp_(whatsapp),
        path_("/webhooks/" + s.channel()),
        app_secret_(s.Get("app_secret")),
        verify_token_(s.Get("verify_token")),
        access_token_(s.Get(whatsapp ? "access_token" : "page_access_token")),
        graph_(s.Get("graph_base", "https://graph.facebook.com/v19.0")),
        outbox_(s.channel(), {}) {}

  std::string_view name() const override {
    return whatsapp_ ? "whatsapp" : "messenger";
  }
  bool Handles(std::string_view path) const override { return path == path_; }

  HttpResponse Handle(const HttpRequest& request) override {
    if (request.method == "GET") return Verify(request);
    if (request.method != "POST") {
      return HttpResponse::Text(405, "GET (verification) or POST here\n");
    }
    const std::string expected =
        "sha256=" + HmacSha256Hex(app_secret_, request.body);
    const std::string_view signature = request.Header("x-hub-signature-256");
    if (signature.empty()) {
      return HttpResponse::Text(401, "missing X-Hub-Signature-256\n");
    }
    if (!ConstantTimeEquals(signature, expected)) {
      return HttpResponse::Text(403, "X-Hub-Signature-256 does not match\n");
    }
    const json body = json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("entry") ||
        !body["entry"].is_array()) {
      return HttpResponse::Text(400,
                                "expected {\"object\", \"entry\": [...]}\n");
    }
    for (const json& entry : body["entry"]) {
      if (!entry.is_object()) continue;
      whatsapp_ ? WhatsAppEntry(entry) : MessengerEntry(entry);
    }
    return HttpResponse::Text(200, "EVENT_RECEIVED");
  }

 private:
  HttpResponse Verify(const HttpRequest& request) const {
    if (request.Query("hub.mode") == "subscribe" && !verify_token_.empty() &&
        ConstantTimeEquals(request.Query("hub.verify_token"), verify_token_)) {
      return HttpResponse::Text(200, request.Query("hub.challenge"));
    }
    return HttpResponse::Text(403, "verify token does not match\n");
  }

  void MessengerEntry(const json& entry) {
    if (!entry.contains("messaging") || !entry["messaging"].is_array()) return;
    for (const json& event : entry["messaging"]) {
      if (!event.is_object() || !event.contains("sender")) continue;
      const std::string psid = JsonText(event["sender"], "id");
      bot::Message m{.channel = "messenger"};
      std::string mid;
      if (event.contains("message") && event["message"].is_object()) {
        const json& msg = event["message"];
        if (msg.contains("is_echo") && msg["is_echo"] == true)
          continue;  // our own send
        mid = JsonText(msg, "mid");
        if (msg.contains("quick_reply") && msg["quick_reply"].is_object()) {
          m.button = JsonText(msg["quick_reply"], "payload");
        } else {
          m.text = JsonText(msg, "text");
        }
      } else if (event.contains("postback") && event["postback"].is_object()) {
        mid = JsonText(event["postback"], "mid");
        m.button = JsonText(event["postback"], "payload");
      } else {
        continue;
      }
      // A retried delivery is handled once: by its mid, or (postbacks of
      // older API versions carry none) by sender, time and payload.
      if (mid.empty()) {
        mid = psid + "|" + std::to_string(JsonInt(event, "timestamp")) + "|" +
              m.button + m.text;
      }
      if (psid.empty() || !seen_.Insert(mid)) continue;
      if (m.text.empty() && m.button.empty()) continue;  // a sticker, ...
      auto reply = bot_.Handle("messenger:" + psid, m);
      if (reply && reply->kind == dialogs::ReplyKind::kHeld) continue;
      SendMessenger(psid, reply);
    }
  }

  void SendMessenger(const std::string& psid, const Result<bot::Reply>& reply) {
    json message = {{"text", Short(reply ? ReplyText(*reply)
                                         : "Sorry: " + reply.error().message,
                                   kMessengerText)}};
    if (reply && !reply->choices.empty()) {
      json quick = json::array();
      for (std::size_t i = 0; i < reply->choices.size() && i < 13; ++i) {
        quick.push_back({{"content_type", "text"},
                         {"title", Short(reply->choices[i].title, 20)},
                         {"payload", reply->choices[i].id}});
      }
      message["quick_replies"] = quick;
    }
    outbox_.Post({.url = graph_ + "/me/messages?access_token=" + access_token_,
                  .what = "Send API",
                  .body = json{{"recipient", {{"id", psid}}},
                               {"messaging_type", "RESPONSE"},
                               {"message", message}}
                              .dump()});
  }

  // "messenger:<psid>", "whatsapp:<number>" (sent from the business
  // number the person wrote to: the handoff's address).
  bool Push(const bot::Handoff& to, const bot::Reply& reply,
            bool announced) override {
    const std::string_view session = to.id;
    if (announced) return false;
    if (session.starts_with("messenger:")) {
      SendMessenger(std::string(session.substr(10)), reply);
      return true;
    }
    if (session.starts_with("whatsapp:")) {
      if (to.address.empty()) return false;
      Send(to.address, std::string(session.substr(9)), reply);
      return true;
    }
    return false;
  }

  void WhatsAppEntry(const json& entry) {
    if (!entry.contains("changes") || !entry["changes"].is_array()) return;
    for (const json& change : entry["changes"]) {
      if (!change.is_object() || !change.contains("value") ||
          !change["value"].is_object()) {
        continue;
      }
      const json& value = change["value"];
      if (!value.contains("messages") || !value["messages"].is_array()) {
        continue;  // statuses only: sent/delivered/read
      }
      std::string phone_id;
      if (value.contains("metadata") && value["metadata"].is_object()) {
        phone_id = JsonText(value["metadata"], "phone_number_id");
      }
      for (const json& msg : value["messages"]) {
        if (!msg.is_object()) continue;
        const std::string from = JsonText(msg, "from");
        const std::string id = JsonText(msg, "id");
        if (from.empty() || phone_id.empty() ||
            (!id.empty() && !seen_.Insert(id))) {
          continue;
        }
        bot::Message m{.channel = "whatsapp"};
        const std::string type = JsonText(msg, "type");
        if (type == "text" && msg.contains("text") && msg["text"].is_object()) {
          m.text = JsonText(msg["text"], "body");
        } else if (type == "interactive" && msg.contains("interactive") &&
                   msg["interactive"].is_object()) {
          const json& i = msg["interactive"];
          for (const char* kind : {"button_reply", "list_reply"}) {
            if (i.contains(kind) && i[kind].is_object()) {
              m.button = JsonText(i[kind], "id");
            }
          }
        }
        if (m.text.empty() && m.button.empty()) continue;  // media, ...
        m.address = phone_id;
        auto reply = bot_.Handle("whatsapp:" + from, m);
        if (reply && reply->kind == dialogs::ReplyKind::kHeld) continue;
        Send(phone_id, from, reply);
      }
    }
  }

  void Send(const std::string& phone_id, const std::string& to,
            const Result<bot::Reply>& reply) {
    const std::string text =
        reply ? ReplyText(*reply) : "Sorry: " + reply.error().message;
    json body = {{"messaging_product", "whatsapp"},
                 {"recipient_type", "individual"},
                 {"to", to}};
    const auto& choices =
        reply ? reply->choices : std::vector<dialogs::Choice>();
    if (choices.empty()) {
      body["type"] = "text";
      body["text"] = {{"preview_url", false},
                      {"body", Short(text, kWhatsAppText)}};
    } else if (choices.size() <= 3) {
      json buttons = json::array();
      for (const auto& c : choices) {
        buttons.push_back(
            {{"type", "reply"},
             {"reply", {{"id", c.id}, {"title", Short(c.title, 20)}}}});
      }
      body["type"] = "interactive";
      body["interactive"] = {
          {"type", "button"},
          {"body", {{"text", Short(text, kInteractiveBody)}}},
          {"action", {{"buttons", buttons}}}};
    } else {
      json rows = json::array();
      for (std::size_t i = 0; i < choices.size() && i < 10; ++i) {
        rows.push_back(
            {{"id", choices[i].id}, {"title", Short(choices[i].title, 24)}});
      }
      body["type"] = "interactive";
      body["interactive"] = {
          {"type", "list"},
          {"body", {{"text", Short(text, kInteractiveBody)}}},
          {"action",
           {{"button", "Topics"},
            {"sections",
             json::array({{{"title", "Topics"}, {"rows", rows}}})}}}};
    }
    outbox_.Post({.url = graph_ + "/" + phone_id + "/messages",
                  .what = "messages",
                  .headers = {{"Authorization", "Bearer " + access_token_}},
                  .body = body.dump()});
  }

  bot::Bot& bot_;
  const bool whatsapp_;
  const std::string path_, app_secret_, verify_token_, access_token_, graph_;
  Outbox outbox_;
  RecentIds seen_;
};

}  // namespace

Result<std::shared_ptr<Channel>> MakeMetaChannel(const ChannelSettings& s,
                                                 bot::Bot& bot) {
  const bool whatsapp = s.channel() == "whatsapp";
  const std::string token = whatsapp ? "access_token" : "page_access_token";
  if (auto ok = s.Check({"app_secret", "verify_token", token},
                        {"app_secret", "verify_token", token, "graph_base"});
      !ok) {
    return std::unexpected(ok.error());
  }
  return std::make_shared<MetaChannel>(bot, s, whatsapp);
}

}  // namespace faqbot::adapters
