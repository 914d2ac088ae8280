#include "bot/transcript_log.h"

#include <sqlite3.h>

#include <filesystem>
#include <iostream>

namespace faqbot::bot {
namespace {

Error SqliteError(sqlite3* db, const std::string& what) {
  return Error::IoError(what + ": " +
                        (db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

Result<std::unique_ptr<TranscriptLog>> TranscriptLog::Open(
    const std::string& path, std::chrono::milliseconds flush_interval) {
  const std::filesystem::path parent =
      std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
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
  return std::unique_ptr<TranscriptLog>(new TranscriptLog(db, flush_interval));
}

TranscriptLog::TranscriptLog(sqlite3* db, std::chrono::milliseconds interval)
    : db_(db), interval_(interval), writer_([this] { Run(); }) {}

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
    text(2, e.session);
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
