// The operator console at /console (operator handoff, bot/handoff.h): a
// page where operators log in, see the conversations waiting for a person
// and the ones they hold with what was said so far, take one, reply, and
// hand it back to the bot. A Channel of `faqbot serve`, made only when
// there are operator accounts (bot::Config::operators, salted hashes).
//
//   GET  /console                 the page
//   POST /console/login           {"name","password"} -> session cookie
//   POST /console/logout
//   GET  /console/api/state?open=ID
//        {"operator", "total", "conversations": [{"id", "channel", "status",
//         "operator", "requested_ms"}, ...]}, the one with id ID with its
//        latest "lines"; ids are short display ids (DisplayId), never the
//        session id (a widget's resumes the conversation)
//   GET  /console/ws              WebSocket: the same state pushed as it
//        changes (console_feed.h); the page sends {"open": ID}
//   POST /console/api/take        {"id"}
//   POST /console/api/send        {"id","text"}
//   POST /console/api/release     {"id"}
//
// The login is a random token in a cookie (HttpOnly, SameSite=Strict,
// Path=/console), kept in the desk so any instance accepts it; every POST
// must be JSON (a form on another site cannot send that without asking).
// Logins are limited per (name, client address) and per address
// (LoginLimiter), with the same answer for known and unknown names, so
// failing on purpose neither locks an operator out nor tells which names
// exist. Behind TLS the cookie is `Secure`. The WebSocket takes the same
// cookie and only from the console's own page (Origin is this host).
// Internal to adapters/.
#ifndef FAQBOT_ADAPTERS_CONSOLE_H_
#define FAQBOT_ADAPTERS_CONSOLE_H_

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "adapters/channel.h"
#include "adapters/console_feed.h"
#include "adapters/handoff_relay.h"
#include "adapters/metrics.h"
#include "adapters/rate_limit.h"

namespace faqbot::adapters {

struct ConsoleOptions {
  // Mark the login cookie Secure (sent over HTTPS only).
  bool secure_cookie = false;
};

// Login attempts: a short back-off per (name, address) and per address,
// never a lock-out of the name itself. Thread-safe.
class LoginLimiter {
 public:
  // Whether a try of `name` from `address` may go ahead (and counts it).
  bool Allow(const std::string& name, const std::string& address);

  // Per (name, address): five tries, then one every five seconds. Per
  // address: twenty tries over all names, then one a second.
  static constexpr double kPairBurst = 5, kPairRate = 0.2;
  static constexpr double kAddressBurst = 20, kAddressRate = 1;
  // Kept at most; idle entries (full buckets) are dropped past this.
  static constexpr std::size_t kMaxKept = 10000;

 private:
  std::mutex mu_;
  std::map<std::string, TokenBucket> pairs_;      // guarded by mu_
  std::map<std::string, TokenBucket> addresses_;  // guarded by mu_
};

// What the console calls conversation `id` (10 hex digits of a hash).
std::string DisplayId(std::string_view id);

class Console : public Channel, public std::enable_shared_from_this<Console> {
 public:
  Console(bot::Bot& bot, std::map<std::string, std::string> accounts,
          std::shared_ptr<HandoffRelay> relay, Metrics& metrics,
          ConsoleOptions options = {});

  std::string_view name() const override { return "console"; }
  bool Handles(std::string_view path) const override;
  HttpResponse Handle(const HttpRequest& request) override;
  bool HandlesUpgrade(std::string_view path) const override {
    return path == "/console/ws";
  }
  void Upgrade(WsUpgrade upgrade) override;
  // Closes the open console feeds (shutdown).
  void Stop() override { feeds_.CloseAll(); }

  // Pushes the desk's changes to the open consoles: `post` runs work off
  // the network threads (the server's backstage: it reads the desk); the
  // desk tells of a change on whichever thread made it.
  void Watch(std::function<void(std::function<void()>)> post);

  // Run every second by the server: gives up conversations waiting longer
  // than `wait`, telling each person; refreshes the open consoles (the
  // operators' presence, logins that ended).
  void Tick(std::chrono::seconds wait);

  // How long a login lasts.
  static constexpr std::chrono::hours kLoginFor{12};
  // A poll lists this many conversations at most, with the latest lines
  // of the open one, each clipped: about 150 KB at worst.
  static constexpr std::size_t kListed = 100;
  static constexpr std::size_t kShownLines = 50;
  static constexpr std::size_t kShownBytes = 2000;

 private:
  HttpResponse Login(const HttpRequest& request);
  HttpResponse State(const std::string& op, const HttpRequest& request);
  // What operator `op` sees, conversation `shown` with its lines (no
  // "now_ms").
  nlohmann::json StateOf(const std::string& op, std::string_view shown);
  nlohmann::json ConversationOf(const bot::Handoff& h, bool with_lines);
  void GiveUpWaiting(std::chrono::seconds wait);
  // The open conversation shown as `shown` (DisplayId).
  std::optional<bot::Handoff> FindShown(std::string_view shown) const;
  HttpResponse Act(const std::string& op, const HttpRequest& request);
  std::string OperatorOf(const HttpRequest& request);  // "" if not logged in
  // 503: the desk's storage is unreachable (`what` adds what that cost).
  static HttpResponse Unavailable(std::string_view what = "");
  // The Set-Cookie value carrying `token` ("" and 0 to clear it).
  std::string Cookie(const std::string& token, int64_t max_age_seconds) const;
  // The handoff's news (kHandoff) for the person of `id`.
  void Tell(const bot::Handoff& to, std::string intent, std::string text,
            std::string op = {});

  bot::Bot& bot_;
  bot::HandoffDesk& desk_;
  const std::map<std::string, std::string> accounts_;  // name -> hash
  std::shared_ptr<HandoffRelay> relay_;
  Metrics& metrics_;
  const ConsoleOptions options_;
  // What an unknown name's password is checked against: a hash of the
  // accounts' own cost, so known and unknown names take as long.
  const std::string nobody_;
  LoginLimiter attempts_;
  ConsoleFeeds feeds_;
  std::atomic<bool> push_posted_{false};
  int ticks_ = 0;  // Tick's count (the server's timer thread only)
};

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_CONSOLE_H_
