// Session stores: where each session's dialog state lives between messages.
//
// SessionStore is the interface Bot uses. MemorySessionStore (this file)
// keeps state in the process, the default for a single instance;
// RedisSessionStore (redis_session_store.h) shares it between instances.
// Every store runs a session's messages one at a time: WithSession() hands
// fn the state and keeps what fn leaves there.
//
// Threads: every store may be called from any thread at once. A shared
// store's calls wait on the network: call them off the server's network
// threads (adapters/backstage.h).
#ifndef FAQBOT_BOT_STORE_SESSION_STORE_H_
#define FAQBOT_BOT_STORE_SESSION_STORE_H_

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "dialogs/dialog_runner.h"

namespace faqbot::bot {

// One exchange, kept while the bot has a handoff desk, so an operator who
// takes the conversation reads what was said before, both ways.
struct EarlierExchange {
  int64_t time_ms = 0;  // Unix time, milliseconds
  std::string person;   // what the person wrote (or pressed), clipped
  std::string bot;      // the start of the bot's answer, clipped
};

struct Session {
  dialogs::DialogState state;
  bool disclaimed = false;  // the disclaimer was shown
  // The newest kMaxRecent exchanges, oldest first (with a handoff desk).
  std::vector<EarlierExchange> recent;
  static constexpr std::size_t kMaxRecent = 6;
  static constexpr std::size_t kRecentBytes = 240;
  // Changed while a shared store was unreachable; written back when it is
  // reachable again.
  bool unsaved = false;
  // A shared store's revision of the record this state was read from or
  // written as (0: none yet).
  uint64_t revision = 0;
  // The id of the last message that carried one (Message::id) and the
  // reply it got: the same id again is answered with this reply, and the
  // turn is not run twice. No reply: it did not fit the record.
  std::string last_id;
  std::optional<dialogs::Reply> last_reply;
  static constexpr std::size_t kMaxMessageIdBytes = 64;
  // An exchange for the transcripts (EncodeExchange text) that a store
  // keeping transcripts (KeepsTranscripts()) writes in the same step as
  // this state; not part of the record, and cleared once written.
  std::string transcript;
  std::chrono::steady_clock::time_point last_active;
};

// What WithSession runs: a reference to a callable that lives for the
// call (unlike std::function, nothing is allocated per message).
class SessionFn {
 public:
  template <typename F>
  requires(!std::is_same_v<std::remove_cvref_t<F>, SessionFn> &&
           std::is_invocable_v<F&, Session&, bool>)
      SessionFn(F&& f)  // NOLINT: implicit, like std::function
      : callable_(const_cast<void*>(static_cast<const void*>(&f))),
        call_([](void* c, Session& s, bool created) {
          (*static_cast<std::remove_reference_t<F>*>(c))(s, created);
        }) {}
  void operator()(Session& s, bool created) const {
    call_(callable_, s, created);
  }

 private:
  void* callable_;
  void (*call_)(void*, Session&, bool);
};

// Where a session's state change went: into the store (kSaved), or only
// into this process's copy because a shared store could not be reached
// (kKeptLocally; written to the store when it is back).
enum class Stored { kSaved, kKeptLocally };

class SessionStore {
 public:
  using Fn = SessionFn;
  virtual ~SessionStore() = default;

  // Runs `fn` on the session `id` (created empty if new or expired) and
  // keeps the state fn leaves; says where it went. `created` tells fn
  // whether it is new. A store may run fn more than once (a retry after a
  // concurrent change); only the last run's state is kept.
  [[nodiscard]] virtual Stored WithSession(std::string_view id,
                                           const Fn& fn) = 0;

  // Whether `id` names a live session.
  virtual bool Contains(std::string_view id) const = 0;

  // Sessions held in this process's memory.
  virtual std::size_t size() const = 0;

  // True while a shared store is unreachable and state is kept per process.
  virtual bool degraded() const { return false; }
  // Operations that failed against a shared store, since start.
  virtual uint64_t failures() const { return 0; }
  // Whether a step that returns kSaved has also written the exchange fn
  // left in Session::transcript (to a queue the transcript writers of
  // every instance read), so it survives this process.
  virtual bool KeepsTranscripts() const { return false; }
};

// In-memory sessions with idle expiry and a cap. Thread-safe: sessions
// live in shards, each with its own mutex, so messages of different
// sessions rarely wait for each other; WithSession() holds the shard's lock
// while fn runs, so two messages of one session never interleave. Each
// shard holds at most its share of `max_sessions`: when a new session
// would exceed it, expired ones are dropped, then the least recently used.
class MemorySessionStore : public SessionStore {
 public:
  using Clock = std::chrono::steady_clock;

  explicit MemorySessionStore(std::chrono::seconds idle_expiry,
                              std::size_t max_sessions = 100000);

  Stored WithSession(std::string_view id, const Fn& fn) override;
  bool Contains(std::string_view id) const override;
  std::size_t size() const override;

  // A copy of the session `id`, if live; does not count as use.
  std::optional<Session> Find(std::string_view id) const;

  // Drops sessions idle longer than the expiry; returns how many.
  std::size_t Expire(Clock::time_point now = Clock::now());

 private:
  static constexpr std::size_t kShards = 16;
  struct Shard {
    mutable std::mutex mu;
    std::unordered_map<std::string, Session> sessions;  // guarded by mu
    std::size_t since_sweep = 0;                        // guarded by mu
  };
  Shard& ShardFor(std::string_view id) const;

  // Makes room for one more session in `shard` (its lock held).
  void MakeRoom(Shard& shard, Clock::time_point now);

  std::chrono::seconds idle_expiry_;
  std::size_t shard_cap_;
  mutable std::array<Shard, kShards> shards_;
};

// A session's state as a compact versioned string, for shared stores:
// {"v":1,"n":node,"t":topic,"c":[choices],"h":[history],"k":turns,
//  "g":pack generation,"d":disclaimed,"r":revision, "p":[[time_ms,person,
//  bot], ...] when there are recent exchanges, "m":[last id, reply] when
//  a message carried an id}. DecodeSession()
// never throws: it rejects other versions, malformed text, fields of the
// wrong type, node ids over kMaxNodeIdBytes and records over
// kMaxSessionRecordBytes (the session then starts afresh), and keeps only
// the newest kMaxChoices choices and DialogState::kMaxHistory history ids
// (and Session::kMaxRecent exchanges, each clipped). EncodeSession leaves
// out the oldest exchanges of a record that would not fit, then the last
// reply (its id stays).
inline constexpr std::size_t kMaxSessionRecordBytes = 32 * 1024;
inline constexpr std::size_t kMaxNodeIdBytes = 256;
inline constexpr std::size_t kMaxChoices = 32;
std::string EncodeSession(const Session& session, uint64_t revision);
[[nodiscard]] std::optional<Session> DecodeSession(
    std::string_view text, uint64_t* revision = nullptr);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_STORE_SESSION_STORE_H_
