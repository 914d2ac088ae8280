// Operator handoff: a person asks for a person ("can I talk to a nurse?"),
// the conversation waits in a queue, an operator takes it in the console
// (adapters/console.h), and while the operator holds it the bot passes the
// person's messages on instead of answering (red flags still get the
// urgent-care reply). The operator hands it back and the bot goes on.
//
// HandoffDesk keeps the queue (who waits, who is held by which operator),
// each open conversation's recent lines, which operators are online, the
// console's logins, and carries messages for a person to whichever
// instance holds that person's connection. MemoryHandoffDesk serves one
// instance; RedisHandoffDesk (redis_handoff_desk.h) several. Both keep a
// copy of the queue in the process, so the check every message makes
// (StatusOf) costs a lookup, no I/O. Thread-safe.
#ifndef FAQBOT_BOT_HANDOFF_H_
#define FAQBOT_BOT_HANDOFF_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bot/unix_time.h"

namespace faqbot::bot {

enum class HandoffStatus { kNone, kWaiting, kActive };

// "waiting", "active", "none".
std::string_view HandoffStatusName(HandoffStatus status);

struct Handoff {
  std::string id;       // the session ("web:...", "telegram:...")
  std::string channel;  // "web", "telegram", ...
  // Where the channel sends this person's messages when the session id
  // does not say (WhatsApp: the business phone number id), else "".
  std::string address;
  // The client address it was asked from (Message::client), or "".
  std::string client;
  HandoffStatus status = HandoffStatus::kNone;
  std::string operator_name;  // who holds it (kActive)
  // What the person wrote when they asked, clipped to kAskedBytes: what
  // tells two waiting people apart in the console.
  std::string asked;
  int64_t requested_ms = 0;  // Unix time, milliseconds
  int64_t taken_ms = 0;
  int64_t first_reply_ms = 0;  // the operator's first message, 0 before
  // When the person's last connection closed (a widget's tab); 0 while
  // connected, or on channels without connections (Telegram, REST, ...).
  int64_t left_ms = 0;
};

// A conversation the desk no longer holds, for the console's list of the
// shift: handed back, given up (no one came in time), or asked for while
// no one was online.
struct EndedHandoff {
  Handoff handoff;
  std::string outcome;  // "handed back", "gave up", "no one online"
  int64_t ended_ms = 0;
};

struct HandoffLine {
  int64_t time_ms = 0;
  std::string from;  // "person", "bot", or the operator's name
  std::string text;
};

// Whether `text` asks for a person rather than asking a question: "talk to
// a human", "can I speak to a nurse?", "agent", "real person please".
bool AsksForPerson(std::string_view text);

class HandoffDesk {
 public:
  // Lines kept per conversation (the console shows the newest), and their
  // text at most (MemoryHandoffDesk), so a queue full of strangers' long
  // messages costs at most kMaxWaiting * kMaxLineBytes.
  static constexpr std::size_t kMaxLines = 100;
  static constexpr std::size_t kMaxLineBytes = 32 * 1024;
  // Conversations waiting at most; more are told no one is available (a
  // flood of requests cannot bury the operators' queue).
  static constexpr std::size_t kMaxWaiting = 500;
  static constexpr std::size_t kAskedBytes = 200;
  // Ended conversations kept for the console, newest first, for a shift.
  static constexpr std::size_t kMaxEnded = 50;
  static constexpr std::chrono::hours kEndedFor{12};
  // An operator whose console has not been heard from for this long is
  // offline.
  static constexpr std::chrono::seconds kOnlineFor{30};

  using DeliverFn =
      std::function<void(const std::string& id, const std::string& payload)>;
  virtual ~HandoffDesk() = default;

  // This process's copy; no I/O.
  HandoffStatus StatusOf(std::string_view id) const;
  std::vector<Handoff> Open() const;  // waiting first, oldest first
  std::size_t Waiting() const;
  // Waiting conversations asked from `client`.
  std::size_t WaitingFrom(std::string_view client) const;
  std::optional<Handoff> Find(std::string_view id) const;

  // Queues `handoff` (status kWaiting); false when it is open already.
  virtual bool Request(const Handoff& handoff) = 0;
  // Waiting -> held by `op`; false when it is not waiting (another
  // operator was quicker, or it was given up).
  virtual bool Take(const std::string& id, const std::string& op) = 0;
  // Back to the bot; false when it was not open.
  virtual bool Release(const std::string& id) = 0;
  // The person of an open conversation left (`left_ms`, Unix ms) or came
  // back (0); nothing when it is not open.
  virtual void SetLeft(const std::string& id, int64_t left_ms) = 0;
  // Records the operator's first message; the wait in ms, or nullopt when
  // it was not the first.
  virtual std::optional<int64_t> MarkReplied(const std::string& id) = 0;
  // Gives up the conversations waiting since before `cutoff_ms`; returns
  // those this call gave up (each exactly once across instances).
  virtual std::vector<Handoff> GiveUpWaiting(int64_t cutoff_ms) = 0;

  // The shift's ended conversations: add one; the newest first (at most
  // kMaxEnded, none older than kEndedFor).
  virtual void AddEnded(const EndedHandoff& ended) = 0;
  virtual std::vector<EndedHandoff> Ended() = 0;

  // False when the desk could not keep it (shared storage unreachable).
  virtual bool AddLine(const std::string& id, const HandoffLine& line) = 0;
  virtual std::vector<HandoffLine> Lines(const std::string& id) = 0;

  // Operators' consoles say they are there; AnyOnline() within kOnlineFor.
  virtual void Seen(const std::string& op) = 0;
  virtual bool AnyOnline() = 0;

  // Console logins: token -> operator, for `ttl`; SaveLogin is false when
  // the desk could not keep it.
  virtual bool SaveLogin(const std::string& token, const std::string& op,
                         std::chrono::seconds ttl) = 0;
  virtual std::string LoginOf(const std::string& token) = 0;  // "" if none
  // Whether the desk's storage answers now (shared storage: one round
  // trip). While it does not, the console says so and the bot answers the
  // people an operator held.
  virtual bool Reachable() { return true; }
  virtual void DropLogin(const std::string& token) = 0;

  // Messages for a person on a channel that cannot push (REST): kept
  // until the channel next hears from them (a day at most).
  virtual void PostMail(const std::string& id, const std::string& text) = 0;
  virtual std::vector<std::string> TakeMail(const std::string& id) = 0;
  // The key to `id`'s mail: the one set before, else `fresh`, which is
  // set now unless "" (the caller hands it to the person with the first
  // reply; the mail is theirs only). Kept a day after its last use. ""
  // when there is none or the desk cannot keep one now.
  virtual std::string MailKey(const std::string& id,
                              const std::string& fresh) = 0;
  // Mail keys kept in memory at most (MemoryHandoffDesk).
  static constexpr std::size_t kMaxMailKeys = 100000;

  // Sends `payload` for the person of conversation `id` to every
  // instance's OnDeliver callback (the one holding the connection shows
  // it).
  virtual void Deliver(const std::string& id, const std::string& payload) = 0;
  void OnDeliver(DeliverFn fn);
  // `fn` runs after the queue, a conversation's lines or the ended list
  // changed (on any instance), on whichever thread noticed; it must not
  // call the desk (post the work elsewhere).
  void OnChange(std::function<void()> fn);

  // Malformed records read from shared storage and skipped (a metric).
  uint64_t bad_records() const { return bad_records_.load(); }

 protected:
  void CountBadRecord() { ++bad_records_; }
  // The copy: set by the implementations when the queue changes.
  void Keep(const Handoff& handoff);
  void Forget(const std::string& id);
  void KeepAll(std::vector<Handoff> all);
  void Delivered(const std::string& id, const std::string& payload) const;
  void Changed() const;  // runs the OnChange callbacks

 private:
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, Handoff> open_;  // guarded by mu_
  mutable std::mutex deliver_mu_;
  std::vector<DeliverFn> deliver_;             // guarded by deliver_mu_
  std::vector<std::function<void()>> change_;  // guarded by deliver_mu_
  std::atomic<uint64_t> bad_records_{0};
};

class MemoryHandoffDesk : public HandoffDesk {
 public:
  bool Request(const Handoff& handoff) override;
  bool Take(const std::string& id, const std::string& op) override;
  bool Release(const std::string& id) override;
  void SetLeft(const std::string& id, int64_t left_ms) override;
  std::optional<int64_t> MarkReplied(const std::string& id) override;
  std::vector<Handoff> GiveUpWaiting(int64_t cutoff_ms) override;
  void AddEnded(const EndedHandoff& ended) override;
  std::vector<EndedHandoff> Ended() override;
  bool AddLine(const std::string& id, const HandoffLine& line) override;
  std::vector<HandoffLine> Lines(const std::string& id) override;
  void Seen(const std::string& op) override;
  bool AnyOnline() override;
  bool SaveLogin(const std::string& token, const std::string& op,
                 std::chrono::seconds ttl) override;
  std::string LoginOf(const std::string& token) override;
  void DropLogin(const std::string& token) override;
  void Deliver(const std::string& id, const std::string& payload) override;
  void PostMail(const std::string& id, const std::string& text) override;
  std::vector<std::string> TakeMail(const std::string& id) override;
  std::string MailKey(const std::string& id, const std::string& fresh) override;

 private:
  using Clock = std::chrono::steady_clock;
  std::unordered_map<std::string, std::vector<std::string>> mail_;
  // id -> its mail key and when it was last used
  std::unordered_map<std::string, std::pair<std::string, Clock::time_point>>
      mail_keys_;
  std::mutex mu_;  // the changes, one at a time
  std::unordered_map<std::string, std::deque<HandoffLine>> lines_;
  std::deque<EndedHandoff> ended_;  // newest first
  std::unordered_map<std::string, Clock::time_point> seen_;
  std::unordered_map<std::string, std::pair<std::string, Clock::time_point>>
      logins_;
};

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_HANDOFF_H_
