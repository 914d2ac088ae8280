// Transcripts: every exchange (time, session, channel, what the user said,
// reply kind, node, confidence) appended to a database (a SQLite file, or
// PostgreSQL shared by every instance: transcript_db.h), for authors to
// learn what people ask (`faqbot transcripts`, transcript_report.h).
//
// Append() only queues the exchange; a background thread writes the queue
// in one transaction every flush interval (SQLite: WAL mode,
// synchronous=NORMAL), so a slow disk never slows a reply. A crash of the
// process loses at most the exchanges of the last flush interval; the
// destructor writes the rest. (With sessions in Redis and transcripts in
// PostgreSQL, the bot's exchanges go through Redis instead, written with
// the session's state, and a crash loses none: TranscriptSource.) A database
// that cannot be reached keeps the queue (up to kMaxQueued) and is tried again
// every interval.
//
// People type medical details, so the database is private: it is created
// with mode 0600; session and platform ids (a WhatsApp number, a Telegram
// chat) are stored as a keyed hash, never as they are (TranscriptId); the
// writer deletes exchanges older than the retention period; and
// ForgetSession() removes one person's exchanges.
#ifndef FAQBOT_BOT_STORE_TRANSCRIPT_LOG_H_
#define FAQBOT_BOT_STORE_TRANSCRIPT_LOG_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "bot/store/exchange.h"
#include "bot/store/exchange_queue.h"
#include "bot/store/transcript_db.h"
#include "intents/status.h"
#include "intents/string_map.h"

namespace faqbot::bot {

// An operator's line (kind "operator") names its operator in `node` as
// this prefix and the name; the log writes the name hashed, like session
// ids, and `text` holds what the operator wrote.
inline constexpr std::string_view kOperatorNodePrefix = "operator:";

// Exchanges another store holds until they are in the database (a queue
// in Redis that every instance shares: redis_transcript_queue.h). The
// writer takes a batch each flush interval and writes it with its own
// queue; Done() then lets the source forget it. A batch not written stays
// with the source, which hands it out again later (possibly to another
// instance): rows carry a uid, and the database keeps one row per uid.
// Called by the writer thread only.
class TranscriptSource {
 public:
  virtual ~TranscriptSource() = default;
  // Appends up to `max` waiting exchanges (each with a uid) to `*out`.
  virtual void Take(std::size_t max, std::vector<Exchange>* out) = 0;
  // The exchanges of the last Take are in the database.
  virtual void Done() = 0;
};

struct TranscriptOptions {
  // How often queued exchanges are written.
  std::chrono::milliseconds flush_interval{200};
  // Exchanges older than this are deleted (at open, then hourly).
  std::chrono::days retention{30};
  // Key of the hash that replaces session ids; "" reads (or creates, mode
  // 0600) the key file next to a SQLite database (TranscriptKeyFile).
  // PostgreSQL needs it set, the same on every instance.
  std::string key;
  // Where more exchanges come from besides Append(); null: nowhere.
  std::shared_ptr<TranscriptSource> source;
};

// "<database>.key": where a database's id-hashing key is kept.
std::string TranscriptKeyFile(const std::string& database);

// The key for `database`: `key` when set, else the key file's (created
// with a new random key when missing).
Result<std::string> TranscriptKey(const std::string& database,
                                  const std::string& key);

// What the transcript stores for a session id: a keyed hash (32 hex
// digits), the same for the same id and key.
std::string TranscriptId(std::string_view key, std::string_view session);

// Deletes the exchanges of `session` (as the bot knew it, e.g.
// "whatsapp:15551234567" or a widget session's id) from the database
// `where`; returns how many.
Result<int> ForgetSession(const std::string& where, const std::string& key,
                          std::string_view session);

class TranscriptLog {
 public:
  // Exchanges waiting beyond this are dropped (and counted), so a stuck
  // disk cannot grow memory without bound.
  static constexpr std::size_t kMaxQueued = 100000;
  // Exchanges taken from the source per write, at most.
  static constexpr std::size_t kTakenPerInterval = 1000;

  // Opens (creating folders, the file with mode 0600, and the table as
  // needed) the database `where` (a file or a PostgreSQL URL), and deletes
  // what is past retention.
  static Result<std::unique_ptr<TranscriptLog>> Open(
      const std::string& where, TranscriptOptions options = {});
  ~TranscriptLog();

  // Copies `exchange` into the queue.
  void Append(const ExchangeRef& exchange);
  // Blocks until everything appended before the call is written (or the
  // database turned out unreachable).
  void Flush();
  // Waits (without asking for a flush) until `n` exchanges in all have
  // been written, or `limit` passed; returns whether they were.
  bool WaitUntilWritten(uint64_t n, std::chrono::milliseconds limit);

  uint64_t written() const { return written_.load(); }
  uint64_t dropped() const { return dropped_.load(); }
  std::chrono::milliseconds flush_interval() const { return interval_; }

 private:
  TranscriptLog(std::unique_ptr<TranscriptDb> db, TranscriptOptions options);
  void Run();
  // Writes `batch` in one transaction; false when the database cannot be
  // reached (rows it refuses are dropped and counted instead).
  bool Write(std::span<const ExchangeRef> batch);
  // Rows with their node as stored (no article).
  Status Insert(std::span<const ExchangeRef> rows);
  void DeleteExpired();
  // TranscriptId(key_, session), remembered: a keyed hash costs more than
  // the rest of a row, and a conversation writes many rows. The reference
  // holds until the next new session (Insert hashes a batch's first).
  const std::string& IdOf(std::string_view session);
  static constexpr std::size_t kMaxRememberedIds = 20000;

  std::unique_ptr<TranscriptDb> db_;          // writer thread only after Open
  std::shared_ptr<TranscriptSource> source_;  // writer thread only
  bool failing_ = false;                      // writer thread only
  std::chrono::milliseconds interval_;
  std::chrono::days retention_;
  std::string key_;
  std::chrono::steady_clock::time_point next_expiry_;  // writer thread only
  intents::StringMap<std::string> ids_;                // writer thread only
  // Writer thread only: Insert's statements by row count, and its
  // parameters (kept to reuse their memory).
  std::unordered_map<std::size_t, std::string> insert_sql_;
  TranscriptDb::Params params_;
  std::mutex mu_;
  std::condition_variable wake_, written_cv_;
  ExchangeQueue queue_;  // guarded by mu_
  // An empty queue with a batch's memory, for the next queue (up to
  // kSpareBytes; a burst's is given back). Writer thread.
  ExchangeQueue spare_;
  static constexpr std::size_t kSpareBytes = 4 << 20;
  // Writer thread only, kept to reuse their memory: what the source
  // gave, and views of a batch's rows.
  std::vector<Exchange> taken_;
  std::vector<ExchangeRef> rows_;
  uint64_t appended_ = 0;     // guarded by mu_
  uint64_t done_ = 0;         // guarded by mu_
  bool stop_ = false;         // guarded by mu_
  bool flush_now_ = false;    // guarded by mu_
  bool unreachable_ = false;  // guarded by mu_; the last write failed
  std::atomic<uint64_t> written_{0}, dropped_{0};
  std::thread writer_;
};

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_STORE_TRANSCRIPT_LOG_H_
