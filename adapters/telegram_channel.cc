// Telegram: updates in by webhook (POST /webhooks/telegram, checked against
// the X-Telegram-Bot-Api-Secret-Token header) or by long polling
// (getUpdates), replies out with sendMessage and an inline keyboard for the
// choices; a pressed button (callback_query) is answered with
// answerCallbackQuery and handled as a choice. Settings: token (required),
// mode ("webhook" or "polling"), webhook_secret, api_base (default
// https://api.telegram.org), poll_timeout_seconds (25).
#include <atomic>
#include <thread>

#include "adapters/channels.h"
#include "adapters/http_client.h"
#include "adapters/log.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;

constexpr std::string_view kWebhookPath = "/webhooks/telegram";
constexpr std::size_t kMaxCallbackData = 64;  // bytes, Telegram's limit
constexpr std::size_t kMaxText = 4096;

class TelegramChannel : public Channel {
 public:
  TelegramChannel(bot::Bot& bot, const ChannelSettings& s)
      : bot_(bot),
        api_(s.Get("api_base", "https://api.telegram.org") + "/bot" +
             s.Get("token")),
        secret_(s.Get("webhook_secret")),
        polling_(s.Get("mode", "webhook") == "polling"),
        poll_timeout_(s.GetInt("poll_timeout_seconds", 25)),
        outbox_("telegram", {}) {}

  ~TelegramChannel() override { Stop(); }

  std::string_view name() const override { return "telegram"; }
  bool Handles(std::string_view path) const override {
    return !polling_ && path == kWebhookPath;
  }

  HttpResponse Handle(const HttpRequest& request) override {
    if (request.method != "POST") {
      return HttpResponse::Text(405, "POST Telegram updates here\n");
    }
    if (!secret_.empty() &&
        !ConstantTimeEquals(request.Header("x-telegram-bot-api-secret-token"),
                            secret_)) {
      return HttpResponse::Text(401, "wrong or missing secret token\n");
    }
    const json update = json::parse(request.body, nullptr, false);
    if (update.is_discarded() || !update.is_object()) {
      return HttpResponse::Text(400, "invalid JSON\n");
    }
    Process(update);
    return HttpResponse::Json(200, "{}");
  }

  void Start() override {
    if (!polling_) return;
    poller_ = std::thread([this] { Poll(); });
  }

  void Stop() override {
    stop_ = true;
    if (poller_.joinable()) poller_.join();
  }

 private:
  // One update, from either mode. Updates already seen are skipped
  // (Telegram re-delivers when it did not get a 2xx).
  void Process(const json& update) {
    const auto id = update.find("update_id");
    if (id != update.end() && id->is_number_integer() &&
        !seen_.Insert(std::to_string(id->get<int64_t>()))) {
      return;
    }
    if (const auto m = update.find("message"); m != update.end()) {
      const auto chat = ChatId(*m);
      const auto text = m->find("text");
      if (!chat || text == m->end() || !text->is_string()) return;
      std::string t = text->get<std::string>();
      if (t == "/start") t = "hello";
      Answer(*chat, {.text = std::move(t), .channel = "telegram"});
    } else if (const auto q = update.find("callback_query");
               q != update.end()) {
      if (q->contains("id") && (*q)["id"].is_string()) {
        outbox_.Post({.url = api_ + "/answerCallbackQuery",
                      .what = "answerCallbackQuery",
                      .body = json{{"callback_query_id", (*q)["id"]}}.dump()});
      }
      const auto message = q->find("message");
      const auto data = q->find("data");
      if (message == q->end() || data == q->end() || !data->is_string()) {
        return;
      }
      const auto chat = ChatId(*message);
      if (!chat) return;
      const std::string d = data->get<std::string>();
      bot::Message m{.button = d, .channel = "telegram"};
      Answer(*chat, m);
    }
  }

  static std::optional<json> ChatId(const json& message) {
    const auto chat = message.find("chat");
    if (chat == message.end() || !chat->is_object()) return std::nullopt;
    const auto id = chat->find("id");
    if (id == chat->end() || !(id->is_number_integer() || id->is_string())) {
      return std::nullopt;
    }
    return *id;
  }

  bool Push(const bot::Handoff& to, const bot::Reply& reply,
            bool announced) override {
    const std::string_view session = to.id;
    if (announced || !session.starts_with("telegram:")) return false;
    const std::string key(session.substr(9));
    // Chats are numbers, channels "@name" (ChatId's two shapes).
    json chat = json::parse(key, nullptr, false);
    if (!chat.is_number_integer()) chat = key;
    Send(chat, reply);
    return true;
  }

  void Answer(const json& chat, const bot::Message& message) {
    const std::string chat_key =
        chat.is_string() ? chat.get<std::string>() : chat.dump();
    auto reply = bot_.Handle("telegram:" + chat_key, message);
    if (reply && reply->kind == dialogs::ReplyKind::kHeld) return;
    Send(chat, reply);
  }

  void Send(const json& chat, const Result<bot::Reply>& reply) {
    std::string text =
        reply ? ReplyText(*reply) : "Sorry: " + reply.error().message;
    TruncateUtf8(&text, kMaxText);
    json body = {{"chat_id", chat}, {"text", text}};
    if (reply && !reply->choices.empty()) {
      json rows = json::array();
      for (const auto& c : reply->choices) {
        // An id too long for callback_data sends the title back instead
        // (typed text the bot understands), cut on a character boundary.
        std::string data = c.id.size() <= kMaxCallbackData ? c.id : c.title;
        TruncateUtf8(&data, kMaxCallbackData);
        rows.push_back(
            json::array({{{"text", c.title}, {"callback_data", data}}}));
      }
      body["reply_markup"] = {{"inline_keyboard", rows}};
    }
    outbox_.Post({.url = api_ + "/sendMessage",
                  .what = "sendMessage",
                  .body = body.dump()});
  }

  // Long polling: getUpdates, confirming what was processed with offset.
  void Poll() {
    int64_t offset = 0;
    while (!stop_) {
      HttpCall call{
          .url = api_ + "/getUpdates",
          .body = json{{"offset", offset}, {"timeout", poll_timeout_}}.dump(),
          .cancel = &stop_};
      const auto started = std::chrono::steady_clock::now();
      auto reply = Fetch(call, std::chrono::seconds(poll_timeout_ + 10));
      json body = reply ? json::parse(reply->body, nullptr, false) : json();
      if (!reply || reply->status != 200 || !body.is_object() ||
          body["ok"] != true || !body.contains("result") ||
          !body["result"].is_array()) {
        if (stop_) break;
        if (!failing_) {
          Log("telegram: getUpdates failed (" +
              (reply ? "HTTP " + std::to_string(reply->status)
                     : reply.error().message) +
              "); retrying every 5 s");
        }
        failing_ = true;
        for (int i = 0; i < 50 && !stop_; ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        continue;
      }
      if (failing_) Log("telegram: getUpdates works again");
      failing_ = false;
      for (const json& update : body["result"]) {
        if (update.contains("update_id") && update["update_id"].is_number()) {
          offset = std::max(offset, update["update_id"].get<int64_t>() + 1);
        }
        Process(update);
      }
      // A server that answers at once (no long polling) is asked again
      // after a pause, not in a busy loop.
      if (body["result"].empty() && std::chrono::steady_clock::now() - started <
                                        std::chrono::milliseconds(500)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
    }
  }

  bot::Bot& bot_;
  const std::string api_;
  const std::string secret_;
  const bool polling_;
  const int poll_timeout_;
  Outbox outbox_;
  RecentIds seen_;
  std::atomic<bool> stop_{false};
  bool failing_ = false;  // only the poller thread touches it
  std::thread poller_;
};

}  // namespace

Result<std::shared_ptr<Channel>> MakeTelegramChannel(const ChannelSettings& s,
                                                     bot::Bot& bot) {
  if (auto ok = s.Check({"token"}, {"token", "mode", "webhook_secret",
                                    "api_base", "poll_timeout_seconds"});
      !ok) {
    return std::unexpected(ok.error());
  }
  const std::string mode = s.Get("mode", "webhook");
  if (mode != "webhook" && mode != "polling") {
    return std::unexpected(Error::InvalidArgument(
        "channels.telegram.mode must be \"webhook\" or \"polling\""));
  }
  // Without a secret, anyone who learns the webhook URL could post
  // updates in any user's name.
  if (mode == "webhook" && s.Get("webhook_secret").empty()) {
    return std::unexpected(Error::InvalidArgument(
        "channels.telegram: webhook mode needs webhook_secret (give the "
        "same value to setWebhook as secret_token), or use \"mode\": "
        "\"polling\""));
  }
  return std::make_shared<TelegramChannel>(bot, s);
}

}  // namespace faqbot::adapters
