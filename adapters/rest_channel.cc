// The REST channel, in the shape of Rasa's REST channel so that clients
// written for it work unchanged:
//
//   POST /webhooks/rest/webhook  {"sender": "u1", "message": "what is it?"}
//   200 [{"recipient_id": "u1", "text": "...",
//         "buttons": [{"title": "Causes", "payload": "/parasitic-infection"}]}]
//
// A button press is sent back as a message whose text is the payload.
// GET /webhooks/rest/ answers {"status": "ok"}. With a "token" setting,
// requests need "Authorization: Bearer <token>".
#include "adapters/channels.h"
#include "adapters/http_client.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;

constexpr std::string_view kRoot = "/webhooks/rest/";
constexpr std::string_view kWebhook = "/webhooks/rest/webhook";

HttpResponse ErrorJson(int status, const std::string& message) {
  return HttpResponse::Json(status, json{{"error", message}}.dump());
}

class RestChannel : public Channel {
 public:
  RestChannel(bot::Bot& bot, std::string token)
      : bot_(bot), token_(std::move(token)) {}

  std::string_view name() const override { return "rest"; }
  bool Handles(std::string_view path) const override {
    return path == kWebhook || path == kRoot || path == "/webhooks/rest";
  }

  HttpResponse Handle(const HttpRequest& request) override {
    if (request.method == "OPTIONS") {
      return CorsPreflight(request, "GET, POST, OPTIONS");
    }
    HttpResponse response = Answer(request);
    AllowAnyOrigin(&response);
    return response;
  }

 private:
  HttpResponse Answer(const HttpRequest& request) {
    if (!token_.empty() && !ConstantTimeEquals(request.Header("authorization"),
                                               "Bearer " + token_)) {
      return ErrorJson(401, "missing or wrong Authorization: Bearer token");
    }
    if (request.path != kWebhook) {
      if (request.method != "GET") return ErrorJson(405, "use GET here");
      return HttpResponse::Json(200, R"({"status":"ok"})");
    }
    if (request.method != "POST") {
      return ErrorJson(405, "POST {\"sender\": ..., \"message\": ...} here");
    }
    const json body = json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      return ErrorJson(400,
                       "invalid JSON: expected {\"sender\": ..., "
                       "\"message\": ...}");
    }
    const auto sender = body.find("sender");
    const auto message = body.find("message");
    if (sender == body.end() || !sender->is_string() ||
        sender->get<std::string>().empty() ||
        sender->get<std::string>().size() > 200) {
      return ErrorJson(400, "\"sender\" must be a non-empty string id");
    }
    if (message == body.end() || !message->is_string()) {
      return ErrorJson(400, "\"message\" must be a string");
    }
    const std::string id = sender->get<std::string>();
    std::string text = message->get<std::string>();
    bot::Message m{.channel = "rest"};
    // A pressed button comes back as "/<choice id>".
    (text.starts_with("/") ? m.button : m.text) =
        text.starts_with("/") ? text.substr(1) : std::move(text);
    auto reply = bot_.Handle("rest:" + id, m);
    if (!reply) return ErrorJson(400, reply.error().message);
    json item = {{"recipient_id", id}, {"text", ReplyText(*reply)}};
    if (!reply->choices.empty()) {
      json buttons = json::array();
      for (const auto& c : reply->choices) {
        buttons.push_back({{"title", c.title}, {"payload", "/" + c.id}});
      }
      item["buttons"] = std::move(buttons);
    }
    return HttpResponse::Json(200, json::array({item}).dump());
  }

  bot::Bot& bot_;
  std::string token_;
};

}  // namespace

Result<std::shared_ptr<Channel>> MakeRestChannel(const ChannelSettings& s,
                                                 bot::Bot& bot) {
  if (auto ok = s.Check({}, {"token"}); !ok) {
    return std::unexpected(ok.error());
  }
  return std::make_shared<RestChannel>(bot, s.Get("token"));
}

}  // namespace faqbot::adapters
