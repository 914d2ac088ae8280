#include "bot/store/transcript_log.h"

#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "bot/crypto.h"
#include "bot/store/transcript_db_backends.h"
#include "bot/unix_time.h"

namespace faqbot::bot {
namespace {

Status DeleteOlderThan(TranscriptDb& db, std::chrono::days retention) {
  const int64_t cutoff =
      UnixMs() -
      std::chrono::duration_cast<std::chrono::milliseconds>(retention).count();
  return db.DeleteOlderThan(cutoff);
}

// Rows per INSERT statement (9 parameters each).
constexpr std::size_t kRowsPerInsert = 100;

// Writing a batch (thousands of rows at a busy time) is background work:
// at a lower priority, a busy CPU gives it about a tenth of its time
// (enough to keep up) rather than half. Best effort.
void RunInTheBackground() {
  setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
}

}  // namespace

std::string TranscriptKeyFile(const std::string& database) {
  return database + ".key";
}

Result<std::string> TranscriptKey(const std::string& database,
                                  const std::string& key) {
  if (!key.empty()) return key;
  if (IsPostgresUrl(database)) {
    return std::unexpected(Error::InvalidArgument(
        "transcripts in PostgreSQL need a key every instance shares, to hash "
        "session ids with: set FAQBOT_TRANSCRIPT_KEY (or \"transcript_key\" "
        "in the config) to the same secret on each"));
  }
  const std::string file = TranscriptKeyFile(database);
  {
    std::ifstream in(file);
    std::string stored;
    if (in >> stored && !stored.empty()) return stored;
  }
  if (auto s = CreatePrivateFile(file, "transcript key file"); !s) {
    return std::unexpected(s.error());
  }
  const std::string fresh = RandomHex(32);
  std::ofstream out(file, std::ios::trunc);
  out << fresh << "\n";
  if (!out) {
    return std::unexpected(Error::IoError("cannot write " + file));
  }
  return fresh;
}

std::string TranscriptId(std::string_view key, std::string_view session) {
  return HmacSha256Hex(key, session).substr(0, 32);
}

Result<int> ForgetSession(const std::string& where, const std::string& key,
                          std::string_view session) {
  auto k = TranscriptKey(where, key);
  if (!k) return std::unexpected(k.error());
  auto db = TranscriptDb::Open(where, TranscriptDb::Mode::kUpdate);
  if (!db) return std::unexpected(db.error());
  int64_t removed = 0;
  const std::string id = TranscriptId(*k, session);
  Status s =
      (*db)->Execute("DELETE FROM exchanges WHERE session = ?", {id}, &removed);
  if (!s) {
    return std::unexpected(Error::IoError("cannot delete from " +
                                          TranscriptDbName(where) + ": " +
                                          s.error().message));
  }
  return static_cast<int>(removed);
}

Result<std::unique_ptr<TranscriptLog>> TranscriptLog::Open(
    const std::string& where, TranscriptOptions options) {
  if (IsPostgresUrl(where) && options.key.empty()) {
    return std::unexpected(TranscriptKey(where, "").error());
  }
  auto db = TranscriptDb::Open(where, TranscriptDb::Mode::kWrite);
  if (!db) return std::unexpected(db.error());
  auto key = TranscriptKey(where, options.key);
  if (!key) return std::unexpected(key.error());
  options.key = *key;
  if (Status s = DeleteOlderThan(**db, options.retention); !s) {
    return std::unexpected(s.error());
  }
  return std::unique_ptr<TranscriptLog>(
      new TranscriptLog(std::move(*db), std::move(options)));
}

TranscriptLog::TranscriptLog(std::unique_ptr<TranscriptDb> db,
                             TranscriptOptions options)
    : db_(std::move(db)),
      source_(std::move(options.source)),
      interval_(options.flush_interval),
      retention_(options.retention),
      key_(std::move(options.key)),
      next_expiry_(std::chrono::steady_clock::now() + std::chrono::hours(1)),
      writer_([this] { Run(); }) {}

void TranscriptLog::DeleteExpired() {
  if (Status s = DeleteOlderThan(*db_, retention_); !s) {
    std::cerr << "faqbot: old transcripts not deleted: " << s.error().message
              << std::endl;
  }
}

TranscriptLog::~TranscriptLog() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_one();
  writer_.join();
}

void TranscriptLog::Append(const ExchangeRef& exchange) {
  std::lock_guard lock(mu_);
  if (queue_.size() >= kMaxQueued) {
    ++dropped_;
    return;
  }
  queue_.Push(exchange);
  ++appended_;
}

bool TranscriptLog::WaitUntilWritten(uint64_t n,
                                     std::chrono::milliseconds limit) {
  std::unique_lock lock(mu_);
  return written_cv_.wait_for(lock, limit, [&] { return done_ >= n; });
}

void TranscriptLog::Flush() {
  std::unique_lock lock(mu_);
  const uint64_t target = appended_;
  flush_now_ = true;
  wake_.notify_one();
  written_cv_.wait(lock, [&] { return done_ >= target || unreachable_; });
}

void TranscriptLog::Run() {
  RunInTheBackground();
  std::unique_lock lock(mu_);
  while (true) {
    // Retention: at open (Open), then hourly.
    if (const auto now = std::chrono::steady_clock::now();
        now >= next_expiry_) {
      next_expiry_ = now + std::chrono::hours(1);
      lock.unlock();
      DeleteExpired();
      lock.lock();
    }
    wake_.wait_for(lock, interval_, [&] { return stop_ || flush_now_; });
    flush_now_ = false;
    // The queue goes on in the memory of an earlier batch: grown again
    // from nothing every interval, a busy time's queue was copied a dozen
    // times, and on the network threads (Append).
    ExchangeQueue batch = std::move(spare_);
    std::swap(batch, queue_);
    const bool stopping = stop_;
    lock.unlock();
    taken_.clear();
    if (source_ && !stopping) source_->Take(kTakenPerInterval, &taken_);
    rows_.clear();
    batch.View(&rows_);
    rows_.insert(rows_.end(), taken_.begin(), taken_.end());
    const bool written = rows_.empty() || Write(rows_);
    // Even when the source gave nothing to write (entries it could not
    // read): what it handed out is done with.
    if (written && source_) source_->Done();
    const std::size_t count = batch.size();  // the source keeps its own
    lock.lock();
    if (written && taken_.size() == kTakenPerInterval) {
      flush_now_ = true;  // more wait at the source
    }
    if (!written && !stopping) {
      // Not reached: kept for the next interval, in order, up to the cap.
      const std::size_t room = kMaxQueued - std::min(kMaxQueued, queue_.size());
      const std::size_t kept = std::min(room, count);
      dropped_ += count - kept;
      done_ += count - kept;
      queue_.PrependFirst(batch, kept);
    } else {
      if (!written) dropped_ += count;
      done_ += count;
    }
    unreachable_ = !written;
    written_cv_.notify_all();
    batch.clear();
    if (batch.capacity() <= kSpareBytes) spare_ = std::move(batch);
    if (stopping && queue_.empty()) return;
  }
}

Status TranscriptLog::Insert(std::span<const ExchangeRef> rows) {
  // The statement for this many rows, built once.
  std::string& sql = insert_sql_[rows.size()];
  if (sql.empty()) {
    sql =
        "INSERT INTO exchanges (time_ms, session, channel, user_text, choice,"
        " reply_kind, node, confidence, uid) VALUES ";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      sql += i == 0 ? "" : ",";
      sql += "(?,?,?,?,?,?,?,?,NULLIF(?,''))";
    }
    // An exchange written before (its uid is there) stays as it was.
    sql += " ON CONFLICT DO NOTHING";
  }
  // The parameters view the rows and the hashed ids: no copies. The ids
  // are all hashed first, because adding one to ids_ may move the others.
  if (ids_.size() + 2 * rows.size() > kMaxRememberedIds) ids_.clear();
  const auto operator_of = [](const ExchangeRef& e) {
    return e.kind == "operator" && e.node.starts_with(kOperatorNodePrefix)
               ? e.node.substr(kOperatorNodePrefix.size())
               : std::string_view();
  };
  for (const ExchangeRef& e : rows) {
    IdOf(e.session);
    if (const auto name = operator_of(e); !name.empty()) IdOf(name);
  }
  std::vector<std::string> operators;  // reserved: views stay valid
  operators.reserve(rows.size());
  params_.clear();
  params_.reserve(rows.size() * 9);
  for (const ExchangeRef& e : rows) {
    const auto name = operator_of(e);
    const std::string_view node =
        name.empty() ? e.node
                     : operators.emplace_back(std::string(kOperatorNodePrefix) +
                                              IdOf(name).substr(0, 12));
    params_.insert(params_.end(),
                   {e.time_ms, IdOf(e.session), e.channel, e.text, e.choice,
                    e.kind, node, e.confidence, e.uid});
  }
  return db_->Execute(sql, params_);
}

const std::string& TranscriptLog::IdOf(std::string_view session) {
  if (const auto it = ids_.find(session); it != ids_.end()) return it->second;
  return ids_.try_emplace(session, TranscriptId(key_, session)).first->second;
}

bool TranscriptLog::Write(std::span<const ExchangeRef> batch) {
  Status s = db_->Execute("BEGIN");
  for (std::size_t i = 0; s && i < batch.size(); i += kRowsPerInsert) {
    s = Insert(batch.subspan(i, std::min(kRowsPerInsert, batch.size() - i)));
    // A pause between inserts: a busy time's batch is thousands of rows,
    // and written in one go it took the CPU from replies for a whole
    // scheduler tick (4 ms) at a time.
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  }
  if (s) s = db_->Execute("COMMIT");
  if (s) {
    written_ += batch.size();
    if (failing_) std::cerr << "faqbot: transcripts written again" << std::endl;
    failing_ = false;
    return true;
  }
  (void)db_->Execute("ROLLBACK");
  if (!failing_) {
    std::cerr << "faqbot: transcript not written: " << s.error().message
              << (s.error().code == ErrorCode::kIoError
                      ? " (kept; trying again every flush interval)"
                      : "")
              << std::endl;
  }
  failing_ = true;
  if (s.error().code == ErrorCode::kIoError) return false;
  // A row the database refuses: write the others one at a time.
  for (const ExchangeRef& e : batch) {
    if (Insert(std::span(&e, 1))) {
      ++written_;
    } else {
      ++dropped_;
    }
  }
  return true;
}

}  // namespace faqbot::bot
