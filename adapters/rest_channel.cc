// The REST channel, in the shape of Rasa's REST channel so that clients
// written for it work unchanged:
//
//   POST /webhooks/rest/webhook  {"sender": "u1", "message": "what is it?"}
//   200 [{"recipient_id": "u1", "text": "...",
//         "buttons": [{"title": "Causes", "payload": "/parasitic-infection"}]}]
//
// A button press is sent back as a message whose text is the payload.
// GET /webhooks/rest/ answers {"status": "ok"}. With a "token" setting,
// requests need "Authorization: Bearer <token>". Pages on other sites may
// call only from the origins in "cors_origins" (comma-separated; none by
// default, since a token in a page is no secret).
//
// Operator handoff: REST cannot push, so what an operator writes waits
// and comes first in the answer to the person's next message, or from
// GET /webhooks/rest/messages?sender=u1 (for clients that poll). That mail
// is the sender's alone: the first reply to a sender carries
// "sender_secret", and mail is handed over only to requests that send it
// back in X-Sender-Secret (anyone holding the channel token could name
// any sender).
#include <sstream>

#include "adapters/channels.h"
#include "adapters/http_client.h"
#include "bot/crypto.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;

constexpr std::string_view kRoot = "/webhooks/rest/";
constexpr std::string_view kWebhook = "/webhooks/rest/webhook";
constexpr std::string_view kMessages = "/webhooks/rest/messages";

constexpr std::string_view kSecretHeader = "x-sender-secret";

class RestChannel : public Channel {
 public:
  RestChannel(bot::Bot& bot, std::string token,
              std::vector<std::string> origins)
      : bot_(bot), token_(std::move(token)), origins_(std::move(origins)) {}

  std::string_view name() const override { return "rest"; }
  bool Handles(std::string_view path) const override {
    return path == kWebhook || path == kRoot || path == "/webhooks/rest" ||
           path == kMessages;
  }

  bool Push(const bot::Handoff& to, const bot::Reply& reply,
            bool announced) override {
    const auto& desk = bot_.options().handoff;
    if (announced || !desk || !to.id.starts_with("rest:")) return false;
    desk->PostMail(to.id, ReplyText(reply));
    return true;
  }

  HttpResponse Handle(const HttpRequest& request) override {
    if (request.method == "OPTIONS") {
      return CorsPreflight(request, "GET, POST, OPTIONS", origins_);
    }
    HttpResponse response = Answer(request);
    AllowOrigin(request, origins_, &response);
    return response;
  }

 private:
  HttpResponse Answer(const HttpRequest& request) {
    if (!token_.empty() && !ConstantTimeEquals(request.Header("authorization"),
                                               "Bearer " + token_)) {
      return HttpResponse::JsonError(
          401, "missing or wrong Authorization: Bearer token");
    }
    if (request.path == kMessages) {
      if (request.method != "GET")
        return HttpResponse::JsonError(405, "use GET here");
      const std::string sender = request.Query("sender");
      if (sender.empty() || sender.size() > 200) {
        return HttpResponse::JsonError(400,
                                       "?sender= must name the conversation");
      }
      if (!OwnsMail(request, sender, nullptr)) {
        return HttpResponse::JsonError(
            403, "send the sender's own secret in X-Sender-Secret");
      }
      return HttpResponse::Json(200, Waiting(sender).dump());
    }
    if (request.path != kWebhook) {
      if (request.method != "GET")
        return HttpResponse::JsonError(405, "use GET here");
      return HttpResponse::Json(200, R"({"status":"ok"})");
    }
    if (request.method != "POST") {
      return HttpResponse::JsonError(
          405, "POST {\"sender\": ..., \"message\": ...} here");
    }
    const json body = json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      return HttpResponse::JsonError(400,
                                     "invalid JSON: expected {\"sender\": ..., "
                                     "\"message\": ...}");
    }
    const auto sender = body.find("sender");
    const auto message = body.find("message");
    if (sender == body.end() || !sender->is_string() ||
        sender->get<std::string>().empty() ||
        sender->get<std::string>().size() > 200) {
      return HttpResponse::JsonError(
          400, "\"sender\" must be a non-empty string id");
    }
    if (message == body.end() || !message->is_string()) {
      return HttpResponse::JsonError(400, "\"message\" must be a string");
    }
    const std::string id = sender->get<std::string>();
    std::string text = message->get<std::string>();
    bot::Message m{.channel = "rest", .client = request.client};
    // A pressed button comes back as "/<choice id>".
    (text.starts_with("/") ? m.button : m.text) =
        text.starts_with("/") ? text.substr(1) : std::move(text);
    auto reply = bot_.Handle("rest:" + id, m);
    if (!reply) return HttpResponse::JsonError(400, reply.error().message);
    std::string first_secret;
    json items =
        OwnsMail(request, id, &first_secret) ? Waiting(id) : json::array();
    if (reply->kind == dialogs::ReplyKind::kHeld) {
      return HttpResponse::Json(200, items.dump());
    }
    json item = {{"recipient_id", id}, {"text", ReplyText(*reply)}};
    if (!reply->choices.empty()) {
      json buttons = json::array();
      for (const auto& c : reply->choices) {
        buttons.push_back({{"title", c.title}, {"payload", "/" + c.id}});
      }
      item["buttons"] = std::move(buttons);
    }
    if (!first_secret.empty()) item["sender_secret"] = first_secret;
    items.push_back(std::move(item));
    return HttpResponse::Json(200, items.dump());
  }

  // Whether the request may take `sender`'s mail: it sends the sender's
  // key, or the sender had none, in which case one is made and put in
  // `*fresh` (when given) for the reply.
  bool OwnsMail(const HttpRequest& request, const std::string& sender,
                std::string* fresh) {
    const auto& desk = bot_.options().handoff;
    if (!desk) return true;  // no handoff, no mail
    const std::string made = fresh ? bot::RandomHex(16) : "";
    const std::string key = desk->MailKey("rest:" + sender, made);
    if (key.empty()) return false;
    if (key == made) {
      *fresh = made;
      return true;
    }
    return ConstantTimeEquals(request.Header(kSecretHeader), key);
  }

  // What operators wrote to `sender` since it last heard, as reply items.
  json Waiting(const std::string& sender) {
    json items = json::array();
    if (const auto& desk = bot_.options().handoff) {
      for (auto& text : desk->TakeMail("rest:" + sender)) {
        items.push_back({{"recipient_id", sender}, {"text", std::move(text)}});
      }
    }
    return items;
  }

  bot::Bot& bot_;
  std::string token_;
  const std::vector<std::string> origins_;
};

// "https://a.example, https://b.example" -> the origins.
std::vector<std::string> OriginList(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

}  // namespace

Result<std::shared_ptr<Channel>> MakeRestChannel(const ChannelSettings& s,
                                                 bot::Bot& bot) {
  if (auto ok = s.Check({}, {"token", "cors_origins"}); !ok) {
    return std::unexpected(ok.error());
  }
  return std::make_shared<RestChannel>(bot, s.Get("token"),
                                       OriginList(s.Get("cors_origins")));
}

}  // namespace faqbot::adapters
