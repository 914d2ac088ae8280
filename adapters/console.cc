#include "adapters/console.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "bot/crypto.h"
#include "dialogs/wording.h"
#include "intents/utf8.h"

namespace faqbot::adapters {

extern const std::string_view kConsoleHtml;  // web/console.html

namespace {

using nlohmann::json;

constexpr std::string_view kCookie = "faqbot_console";

// The value of cookie `name` in a Cookie header, "" when absent.
std::string CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const std::size_t end = std::min(header.find(';'), header.size());
    std::string_view pair = header.substr(0, end);
    while (pair.starts_with(' ')) pair.remove_prefix(1);
    if (pair.starts_with(name) && pair.size() > name.size() &&
        pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
    header = end < header.size() ? header.substr(end + 1) : "";
  }
  return "";
}

// What an unknown name's password is checked against: a hash of the same
// cost as the accounts' own.
std::string NobodysHash(const std::map<std::string, std::string>& accounts) {
  const int iterations =
      accounts.empty() ? 0 : bot::PasswordIterations(accounts.begin()->second);
  return bot::HashPassword(
      "", iterations > 0 ? iterations : bot::kPasswordIterations);
}

bool IsJson(const HttpRequest& request) {
  return request.Header("content-type").starts_with("application/json");
}

// Takes a token from the bucket of `key` (made full when new); first drops
// every full bucket when `buckets` holds too many.
bool TakeFrom(std::map<std::string, TokenBucket>& buckets,
              const std::string& key, double rate, double burst) {
  if (buckets.size() >= LoginLimiter::kMaxKept) {
    std::erase_if(buckets, [](const auto& b) { return b.second.Full(); });
  }
  return buckets.try_emplace(key, rate, burst).first->second.Take();
}

// The console's page only: a WebSocket from a page on another site would
// carry the operator's cookie otherwise (SameSite aside).
bool FromOwnPage(const WsUpgrade& upgrade) {
  const std::string_view origin = upgrade.Header("origin");
  const std::string_view host = upgrade.Header("host");
  const std::size_t scheme = origin.find("://");
  return !host.empty() && scheme != std::string_view::npos &&
         origin.substr(scheme + 3) == host;
}

}  // namespace

bool LoginLimiter::Allow(const std::string& name, const std::string& address) {
  std::lock_guard lock(mu_);
  // Known and unknown names alike, so neither the answer nor its timing
  // tells which exist.
  return TakeFrom(addresses_, address, kAddressRate, kAddressBurst) &&
         TakeFrom(pairs_, name + '\n' + address, kPairRate, kPairBurst);
}

Console::Console(bot::Bot& bot, std::map<std::string, std::string> accounts,
                 std::shared_ptr<HandoffRelay> relay, Metrics& metrics,
                 ConsoleOptions options)
    : bot_(bot),
      desk_(*bot.options().handoff),
      accounts_(std::move(accounts)),
      relay_(std::move(relay)),
      metrics_(metrics),
      options_(options),
      nobody_(NobodysHash(accounts_)) {}

bool Console::Handles(std::string_view path) const {
  return path == "/console" || path.starts_with("/console/");
}

std::string Console::Cookie(const std::string& token,
                            int64_t max_age_seconds) const {
  return std::string(kCookie) + "=" + token +
         "; Path=/console; HttpOnly; SameSite=Strict" +
         (options_.secure_cookie ? "; Secure" : "") +
         "; Max-Age=" + std::to_string(max_age_seconds);
}

std::string Console::OperatorOf(const HttpRequest& request) {
  const std::string token = CookieValue(request.Header("cookie"), kCookie);
  if (!IsLowerHex(token, 64)) return "";
  const std::string op = desk_.LoginOf(token);
  return accounts_.contains(op) ? op : "";  // an account since removed: no
}

HttpResponse Console::Handle(const HttpRequest& request) {
  if (request.path == "/console" || request.path == "/console/") {
    if (request.method != "GET") return HttpResponse::JsonError(405, "use GET");
    HttpResponse page{
        200, "text/html; charset=utf-8", std::string(kConsoleHtml), {}};
    page.headers.push_back(
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'unsafe-inline'; style-src "
         "'unsafe-inline'; frame-ancestors 'none'"});
    page.headers.push_back({"X-Frame-Options", "DENY"});
    return page;
  }
  if (request.method == "POST" && !IsJson(request)) {
    return HttpResponse::JsonError(
        415, "send JSON (Content-Type: application/json)");
  }
  if (request.path == "/console/login") {
    if (request.method != "POST")
      return HttpResponse::JsonError(405, "POST to log in");
    return Login(request);
  }
  const std::string op = OperatorOf(request);
  if (op.empty()) {
    if (!desk_.Reachable()) return Unavailable();
    return HttpResponse::JsonError(401, "log in first");
  }
  if (request.path == "/console/logout" && request.method == "POST") {
    const std::string token = CookieValue(request.Header("cookie"), kCookie);
    desk_.DropLogin(token);
    feeds_.Retain([&](const std::string& t) { return t != token; });
    HttpResponse r = HttpResponse::Json(200, "{}");
    r.headers.push_back({"Set-Cookie", Cookie("", 0)});
    return r;
  }
  if (request.path == "/console/api/state" && request.method == "GET") {
    return State(op, request);
  }
  if (request.method == "POST" && request.path.starts_with("/console/api/")) {
    return Act(op, request);
  }
  return HttpResponse::JsonError(404, "no such console endpoint");
}

HttpResponse Console::Login(const HttpRequest& request) {
  const json body = json::parse(request.body, nullptr, false);
  if (!body.is_object()) {
    return HttpResponse::JsonError(400,
                                   "send {\"name\": ..., \"password\": ...}");
  }
  const std::string name = JsonText(body, "name");
  const std::string password = JsonText(body, "password");
  const auto account = accounts_.find(name);
  if (!attempts_.Allow(name, request.client)) {
    return HttpResponse::JsonError(429,
                                   "too many attempts; wait a few seconds");
  }
  // An unknown name costs as long as a known one.
  const bool ok = bot::CheckPassword(
      password, account == accounts_.end() ? nobody_ : account->second);
  if (!ok || account == accounts_.end()) {
    return HttpResponse::JsonError(401, "wrong name or password");
  }
  const std::string token = bot::RandomHex(32);
  if (!desk_.SaveLogin(token, name, kLoginFor)) return Unavailable();
  desk_.Seen(name);
  HttpResponse r = HttpResponse::Json(200, DumpJson({{"operator", name}}));
  r.headers.push_back(
      {"Set-Cookie", Cookie(token, std::chrono::seconds(kLoginFor).count())});
  return r;
}

std::string DisplayId(std::string_view id) {
  // A hash, not the session id: a widget's id resumes its conversation.
  return bot::HmacSha256Hex("faqbot console", id).substr(0, 10);
}

std::optional<bot::Handoff> Console::FindShown(std::string_view shown) const {
  for (bot::Handoff& h : desk_.Open()) {
    if (DisplayId(h.id) == shown) return std::move(h);
  }
  return std::nullopt;
}

HttpResponse Console::State(const std::string& op, const HttpRequest& request) {
  desk_.Seen(op);
  if (!desk_.Reachable()) return Unavailable();
  json state = StateOf(op, request.Query("open"));
  state["now_ms"] = bot::UnixMs();
  return HttpResponse::Json(200, DumpJson(state));
}

json Console::ConversationOf(const bot::Handoff& h, bool with_lines) {
  json c = {{"id", DisplayId(h.id)},
            {"channel", h.channel},
            {"status", bot::HandoffStatusName(h.status)},
            {"operator", h.operator_name},
            {"asked", h.asked},
            {"requested_ms", h.requested_ms},
            {"left_ms", h.left_ms}};
  if (!with_lines) return c;
  json lines = json::array();
  const auto said = desk_.Lines(h.id);
  const std::size_t from =
      said.size() > kShownLines ? said.size() - kShownLines : 0;
  for (std::size_t j = from; j < said.size(); ++j) {
    lines.push_back({{"time_ms", said[j].time_ms},
                     {"from", intents::Clipped(said[j].from, 100)},
                     {"text", intents::Clipped(said[j].text, kShownBytes)}});
  }
  c["lines"] = std::move(lines);
  return c;
}

json Console::StateOf(const std::string& op, std::string_view shown) {
  // The operator's own first, then the queue (oldest first), then the rest;
  // at most kListed, and the lines of the one the operator has open only,
  // so the cost does not grow with what strangers send.
  std::vector<bot::Handoff> all = desk_.Open(), open;
  const auto mine = [&](const bot::Handoff& h) {
    return h.status == bot::HandoffStatus::kActive && h.operator_name == op;
  };
  for (auto& h : all) {
    if (mine(h)) open.push_back(h);
  }
  for (auto& h : all) {
    if (!mine(h)) open.push_back(std::move(h));
  }
  json conversations = json::array();
  for (std::size_t i = 0; i < open.size() && i < kListed; ++i) {
    conversations.push_back(
        ConversationOf(open[i], DisplayId(open[i].id) == shown));
  }
  // Earlier this shift: handed back, given up, asked while no one was on.
  json ended = json::array();
  for (const bot::EndedHandoff& e : desk_.Ended()) {
    ended.push_back({{"id", DisplayId(e.handoff.id)},
                     {"channel", e.handoff.channel},
                     {"asked", e.handoff.asked},
                     {"operator", e.handoff.operator_name},
                     {"outcome", e.outcome},
                     {"requested_ms", e.handoff.requested_ms},
                     {"ended_ms", e.ended_ms}});
  }
  return {{"operator", op},
          {"total", open.size()},
          {"conversations", conversations},
          {"ended", ended}};
}

void Console::Upgrade(WsUpgrade upgrade) {
  if (!FromOwnPage(upgrade)) {
    return upgrade.Reject(403, "the console's own page only\n");
  }
  const std::string token = CookieValue(upgrade.Header("cookie"), kCookie);
  const std::string op = IsLowerHex(token, 64) ? desk_.LoginOf(token) : "";
  if (!accounts_.contains(op)) {
    if (!desk_.Reachable()) {
      return upgrade.Reject(503, "the handoff desk cannot reach Redis\n");
    }
    return upgrade.Reject(401, "log in first\n");
  }
  desk_.Seen(op);
  feeds_.Accept(
      std::move(upgrade), op, token,
      [weak = weak_from_this()](const std::string& o, std::string_view shown) {
        auto self = weak.lock();
        return self ? self->StateOf(o, shown) : json::object();
      });
}

void Console::Watch(std::function<void(std::function<void()>)> post) {
  feeds_.SetPost(post);
  desk_.OnChange([weak = weak_from_this(), post = std::move(post)] {
    auto self = weak.lock();
    // One push on its way at a time: a burst of changes costs one.
    if (!self || self->push_posted_.exchange(true)) return;
    post([weak] {
      if (auto console = weak.lock()) {
        console->push_posted_ = false;
        console->feeds_.PushAll();
      }
    });
  });
}

void Console::Tick(std::chrono::seconds wait) {
  GiveUpWaiting(wait);
  // Every few seconds: the operators with a page open are online, and a
  // page whose login ended (logged out elsewhere, expired) is closed.
  if (++ticks_ % 5 == 0) {
    for (const std::string& op : feeds_.Operators()) desk_.Seen(op);
    feeds_.Retain([this](const std::string& token) {
      return accounts_.contains(desk_.LoginOf(token));
    });
  }
  feeds_.PushAll();
}

HttpResponse Console::Act(const std::string& op, const HttpRequest& request) {
  const json body = json::parse(request.body, nullptr, false);
  const std::string action = request.path.substr(request.path.rfind('/') + 1);
  if (action != "take" && action != "send" && action != "release") {
    return HttpResponse::JsonError(
        404, "no such console action (take, send, release)");
  }
  const auto handoff = FindShown(JsonText(body, "id"));
  if (!handoff)
    return HttpResponse::JsonError(404, "no such conversation waiting or held");
  const std::string& id = handoff->id;
  const auto& wording = bot_.pack()->wording;
  const bool mine = handoff->status == bot::HandoffStatus::kActive &&
                    handoff->operator_name == op;
  if (action == "take") {
    if (!desk_.Take(id, op)) {
      if (!desk_.Reachable()) return Unavailable();
      return HttpResponse::JsonError(
          409, "taken by someone else, or no longer waiting");
    }
    const std::string joined =
        dialogs::Fill(wording.handoff_joined, {{"name", op}});
    desk_.AddLine(id, {bot::UnixMs(), "bot", joined});
    Tell(*handoff, "handoff.joined", joined, op);
  } else if (action == "send") {
    if (!mine)
      return HttpResponse::JsonError(409, "take the conversation first");
    const std::string text = JsonText(body, "text");
    if (auto s = bot::ValidateText(text, bot_.options().max_message_bytes);
        !s) {
      return HttpResponse::JsonError(400, s.error().message);
    }
    if (!desk_.AddLine(id, {bot::UnixMs(), op, text})) {
      return Unavailable("; this message was not sent");
    }
    relay_->Send(*handoff, HandoffRelay::FromOperator(op, text));
    bot_.RecordOperatorLine(*handoff, op, text);
    if (auto wait = desk_.MarkReplied(id)) metrics_.FirstOperatorReply(*wait);
  } else {  // release
    if (!mine)
      return HttpResponse::JsonError(409, "only the operator holding it can");
    if (desk_.Release(id)) {
      desk_.AddEnded({*handoff, "handed back", bot::UnixMs()});
      Tell(*handoff, "handoff.left",
           dialogs::Fill(wording.handoff_left, {{"name", op}}), op);
    }
  }
  return HttpResponse::Json(200, "{}");
}

HttpResponse Console::Unavailable(std::string_view what) {
  return HttpResponse::JsonError(
      503, "the handoff desk cannot reach its shared storage (Redis)" +
               std::string(what) +
               "; the bot answers people meanwhile, and the desk is back "
               "when the storage is");
}

void Console::GiveUpWaiting(std::chrono::seconds wait) {
  const int64_t cutoff =
      bot::UnixMs() - std::chrono::milliseconds(wait).count();
  for (const bot::Handoff& h : desk_.GiveUpWaiting(cutoff)) {
    desk_.AddEnded({h, "gave up", bot::UnixMs()});
    Tell(h, "handoff.gave_up", bot_.pack()->wording.handoff_gave_up);
  }
}

void Console::Tell(const bot::Handoff& to, std::string intent, std::string text,
                   std::string op) {
  bot::Reply r;
  r.kind = dialogs::ReplyKind::kHandoff;
  r.intent = std::move(intent);
  r.text = std::move(text);
  r.operator_name = std::move(op);
  relay_->Send(to, r);
}

}  // namespace faqbot::adapters
