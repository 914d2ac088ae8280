// Any bytes as the body of a chat platform's webhook: a REST message, a
// Telegram update, a Slack event or interactivity form, a Messenger or
// WhatsApp delivery, a Direct Line activity. The first byte picks the
// endpoint; signatures are made valid so the body reaches the parser.
// Every request gets an HTTP status and the server state stays usable.
#include <cstddef>
#include <cstdint>
#include <string>

#include "adapters/channels.h"
#include "adapters/http_client.h"
#include "tests/fuzz/fuzz_common.h"

namespace {

using namespace faqbot;
using adapters::HttpRequest;

struct Setup {
  std::unique_ptr<bot::Bot> bot;
  std::vector<std::shared_ptr<adapters::Channel>> channels;
  std::string conversation;  // a Direct Line conversation to post into
};

Setup& Get() {
  static Setup* setup = [] {
    auto* s = new Setup;
    // Short expiry: the fuzzer invents many sessions; keep memory flat.
    s->bot = std::make_unique<bot::Bot>(
        fuzz::LiverPack(),
        bot::BotOptions{.session_idle_expiry = std::chrono::seconds(1)});
    const std::string nowhere = "http://127.0.0.1:9";  // refused at once
    const nlohmann::json config = {
        {"rest", nlohmann::json::object()},
        {"telegram",
         {{"token", "1:T"}, {"webhook_secret", "w"}, {"api_base", nowhere}}},
        {"slack",
         {{"signing_secret", "s"}, {"bot_token", "x"}, {"api_base", nowhere}}},
        {"messenger",
         {{"app_secret", "s"},
          {"verify_token", "v"},
          {"page_access_token", "p"},
          {"graph_base", nowhere}}},
        {"whatsapp",
         {{"app_secret", "s"},
          {"verify_token", "v"},
          {"access_token", "a"},
          {"graph_base", nowhere}}},
        {"directline", {{"secret", "s"}}}};
    auto channels = adapters::MakeChannels(config, *s->bot, nowhere);
    fuzz::Check(channels.has_value());
    s->channels = *channels;
    HttpRequest start{.method = "POST",
                      .target = "/v3/directline/conversations",
                      .path = "/v3/directline/conversations",
                      .headers = {{"authorization", "Bearer s"}}};
    for (auto& c : s->channels) {
      if (c->Handles(start.path)) {
        const auto r = c->Handle(start);
        fuzz::Check(r.status == 201);
        s->conversation =
            nlohmann::json::parse(r.body)["conversationId"].get<std::string>();
      }
    }
    return s;
  }();
  return *setup;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  Setup& s = Get();
  const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  HttpRequest r{.method = "POST", .body = body};
  const auto now =
      std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count());
  switch (data[0] % 7) {
    case 0:
      r.path = "/webhooks/rest/webhook";
      break;
    case 1:
      r.path = "/webhooks/telegram";
      r.headers = {{"x-telegram-bot-api-secret-token", "w"}};
      break;
    case 2:
    case 3:
      r.path = data[0] % 7 == 2 ? "/webhooks/slack/events"
                                : "/webhooks/slack/actions";
      r.headers = {
          {"x-slack-request-timestamp", now},
          {"x-slack-signature",
           "v0=" + adapters::HmacSha256Hex("s", "v0:" + now + ":" + body)}};
      break;
    case 4:
    case 5:
      r.path = data[0] % 7 == 4 ? "/webhooks/messenger" : "/webhooks/whatsapp";
      r.headers = {{"x-hub-signature-256",
                    "sha256=" + adapters::HmacSha256Hex("s", body)}};
      break;
    default:
      r.path = "/v3/directline/conversations/" + s.conversation + "/activities";
      r.headers = {{"authorization", "Bearer s"}};
      break;
  }
  r.target = r.path;
  for (auto& c : s.channels) {
    if (!c->Handles(r.path)) continue;
    const auto response = c->Handle(r);
    fuzz::Check(response.status >= 200 && response.status < 600);
    // Signed requests are never refused as unauthenticated.
    fuzz::Check(response.status != 401 && response.status != 403);
    break;
  }
  return 0;
}
