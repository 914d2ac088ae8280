#include "bot/transcript_log.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "bot/crypto.h"

namespace faqbot::bot {
namespace {

Error SqliteError(sqlite3* db, const std::string& what) {
  return Error::IoError(what + ": " +
                        (db ? sqlite3_errmsg(db) : "out of memory"));
}

// Creates `path` readable by its owner only, or makes an existing one so.
// (SQLite gives its -wal and -shm files the database file's mode.)
Status CreatePrivate(const std::string& path, const std::string& what) {
  const int fd = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 || ::fchmod(fd, 0600) != 0) {
    if (fd >= 0) ::close(fd);
    return std::unexpected(Error::IoError("cannot create " + what + " " + path +
                                          " (" + std::strerror(errno) + ")"));
  }
  ::close(fd);
  return Ok();
}

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void DeleteOlderThan(sqlite3* db, std::chrono::days retention) {
  const int64_t cutoff =
      NowMs() -
      std::chrono::duration_cast<std::chrono::milliseconds>(retention).count();
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "DELETE FROM exchanges WHERE time_ms < ?", -1, &st,
                         nullptr) == SQLITE_OK) {
    sqlite3_bind_int64(st, 1, cutoff);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
}

}  // namespace

std::string TranscriptKeyFile(const std::string& database) {
  return database + ".key";
}

Result<std::string> TranscriptKey(const std::string& database,
                                  const std::string& key) {
  if (!key.empty()) return key;
  const std::string file = TranscriptKeyFile(database);
  {
    std::ifstream in(file);
    std::string stored;
    if (in >> stored && !stored.empty()) return stored;
  }
  if (auto s = CreatePrivate(file, "transcript key file"); !s) {
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

Result<int> ForgetSession(const std::string& path, const std::string& key,
                          std::string_view session) {
  auto k = TranscriptKey(path, key);
  if (!k) return std::unexpected(k.error());
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) !=
      SQLITE_OK) {
    Error e = SqliteError(db, "cannot open transcript database " + path);
    sqlite3_close(db);
    return std::unexpected(e);
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* st = nullptr;
  int removed = 0;
  if (sqlite3_prepare_v2(db, "DELETE FROM exchanges WHERE session = ?", -1, &st,
                         nullptr) == SQLITE_OK) {
    const std::string id = TranscriptId(*k, session);
    sqlite3_bind_text(st, 1, id.data(), static_cast<int>(id.size()),
                      SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_DONE) removed = sqlite3_changes(db);
  }
  sqlite3_finalize(st);
  const std::string error = sqlite3_errmsg(db);
  const bool failed = st == nullptr;
  sqlite3_close(db);
  if (failed) {
    return std::unexpected(
        Error::IoError("cannot delete from " + path + ": " + error));
  }
  return removed;
}

Result<std::unique_ptr<TranscriptLog>> TranscriptLog::Open(
    const std::string& path, TranscriptOptions options) {
  const std::filesystem::path parent =
      std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (auto s = CreatePrivate(path, "transcript database"); !s) {
    return std::unexpected(s.error());
  }
  auto key = TranscriptKey(path, options.key);
  if (!key) return std::unexpected(key.error());
  options.key = *key;
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    Error e = SqliteError(db, "cannot open transcript database " + path);
    sqlite3_close(db);
    return std::unexpected(e);
  }
  sqlite3_busy_timeout(db, 5000);
  const std::string setup =
      std::string("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;") +
      kTranscriptSchema;
  if (sqlite3_exec(db, setup.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    Error e = SqliteError(db, "cannot set up transcript database " + path);
    sqlite3_close(db);
    return std::unexpected(e);
  }
  DeleteOlderThan(db, options.retention);
  return std::unique_ptr<TranscriptLog>(
      new TranscriptLog(db, std::move(options)));
}

TranscriptLog::TranscriptLog(sqlite3* db, TranscriptOptions options)
    : db_(db),
      interval_(options.flush_interval),
      retention_(options.retention),
      key_(std::move(options.key)),
      next_expiry_(std::chrono::steady_clock::now() + std::chrono::hours(1)),
      writer_([this] { Run(); }) {}

void TranscriptLog::DeleteExpired() { DeleteOlderThan(db_, retention_); }

TranscriptLog::~TranscriptLog() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_one();
  writer_.join();
  sqlite3_close(db_);
}

void TranscriptLog::Append(Exchange exchange) {
  std::lock_guard lock(mu_);
  if (queue_.size() >= kMaxQueued) {
    ++dropped_;
    return;
  }
  queue_.push_back(std::move(exchange));
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
  written_cv_.wait(lock, [&] { return done_ >= target; });
}

void TranscriptLog::Run() {
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
    std::vector<Exchange> batch;
    batch.swap(queue_);
    const bool stopping = stop_;
    lock.unlock();
    if (!batch.empty()) Write(batch);
    lock.lock();
    done_ += batch.size();
    written_cv_.notify_all();
    if (stopping && queue_.empty()) return;
  }
}

void TranscriptLog::Write(const std::vector<Exchange>& batch) {
  static constexpr const char* kInsert =
      "INSERT INTO exchanges (time_ms, session, channel, user_text, choice,"
      " reply_kind, node, confidence) VALUES (?,?,?,?,?,?,?,?)";
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db_, kInsert, -1, &insert, nullptr) != SQLITE_OK) {
    std::cerr << "faqbot: transcript not written: " << sqlite3_errmsg(db_)
              << std::endl;
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    dropped_ += batch.size();
    return;
  }
  const auto text = [&](int i, const std::string& s) {
    sqlite3_bind_text(insert, i, s.data(), static_cast<int>(s.size()),
                      SQLITE_STATIC);
  };
  for (const Exchange& e : batch) {
    sqlite3_bind_int64(insert, 1, e.time_ms);
    const std::string session = TranscriptId(key_, e.session);
    text(2, session);
    text(3, e.channel);
    text(4, e.text);
    text(5, e.choice);
    text(6, e.kind);
    text(7, e.node);
    sqlite3_bind_double(insert, 8, e.confidence);
    sqlite3_step(insert);
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    std::cerr << "faqbot: transcript not written: " << sqlite3_errmsg(db_)
              << std::endl;
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    dropped_ += batch.size();
    return;
  }
  written_ += batch.size();
}

}  // namespace faqbot::bot
