#include "bot/store/transcript_db.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <unordered_map>

#include "bot/store/transcript_db_backends.h"
#include "bot/unix_time.h"

namespace faqbot::bot {
namespace {

// The table every SQLite transcript database holds.
constexpr const char* kSqliteSchema =
    "CREATE TABLE IF NOT EXISTS exchanges ("
    " id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL,"
    " session TEXT NOT NULL, channel TEXT NOT NULL, user_text TEXT NOT NULL,"
    " choice TEXT NOT NULL, reply_kind TEXT NOT NULL, node TEXT NOT NULL,"
    " confidence REAL NOT NULL, uid TEXT);"
    // Retention needs no index on time (DeleteOlderThan): keeping one up
    // cost a sixth of writing a row.
    "DROP INDEX IF EXISTS exchanges_time;";

// One row per exchange uid; a table from before uids gets the column.
constexpr const char* kSqliteUidColumn =
    "ALTER TABLE exchanges ADD COLUMN uid TEXT";
constexpr const char* kSqliteUidIndex =
    "CREATE UNIQUE INDEX IF NOT EXISTS exchanges_uid ON exchanges(uid)"
    " WHERE uid IS NOT NULL";

class SqliteTranscripts : public TranscriptDb {
 public:
  explicit SqliteTranscripts(sqlite3* db) : db_(db) {}
  ~SqliteTranscripts() override {
    ForgetStatements();
    sqlite3_close(db_);
  }

  Status Execute(const std::string& sql, const Params& params,
                 int64_t* changed) override {
    Status s = Query(sql, params, [](const Row&) {});
    if (s && changed) *changed = sqlite3_changes64(db_);
    return s;
  }

  Status Query(const std::string& sql, const Params& params,
               const RowFn& row) override {
    sqlite3_stmt* st = Prepared(sql);
    if (!st) return std::unexpected(Error::IoError(sqlite3_errmsg(db_)));
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int at = static_cast<int>(i + 1);
      switch (const Param& p = params[i]; p.kind()) {
        case Param::Kind::kText:
          sqlite3_bind_text(st, at, p.text().data(),
                            static_cast<int>(p.text().size()), SQLITE_STATIC);
          break;
        case Param::Kind::kInt:
          sqlite3_bind_int64(st, at, p.integer());
          break;
        case Param::Kind::kReal:
          sqlite3_bind_double(st, at, p.real());
          break;
      }
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      std::vector<std::string> cells(
          static_cast<std::size_t>(sqlite3_column_count(st)));
      for (std::size_t i = 0; i < cells.size(); ++i) {
        const int c = static_cast<int>(i);
        if (const auto* p = sqlite3_column_text(st, c)) {
          cells[i].assign(
              reinterpret_cast<const char*>(p),
              static_cast<std::size_t>(sqlite3_column_bytes(st, c)));
        }
      }
      row(Row(std::move(cells)));
    }
    const bool done = rc == SQLITE_DONE;
    // reset() repeats the step's error; the message is read before it.
    Status s =
        done ? Ok()
             : Status(std::unexpected(Error::IoError(sqlite3_errmsg(db_))));
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return s;
  }

  // The rows of a file are in the order written (one writer appends
  // exchanges as they happen; instances sharing a file interleave within a
  // flush interval), so everything before the first row inside retention
  // goes, found by reading only the rows that go. A row stamped in the
  // future (a clock set wrong, then right) is no such boundary.
  Status DeleteOlderThan(int64_t cutoff_ms) override {
    return Execute(
        "DELETE FROM exchanges WHERE id < ifnull((SELECT id FROM exchanges"
        " WHERE time_ms >= ? AND time_ms <= ? ORDER BY id LIMIT 1),"
        " 9223372036854775807)",
        {cutoff_ms, UnixMs()}, nullptr);
  }

 private:
  // The statement for `sql`, prepared once: the writer inserts with the
  // same few statements again and again, and preparing one costs more
  // than running it. Null on error.
  sqlite3_stmt* Prepared(const std::string& sql) {
    if (const auto it = statements_.find(sql); it != statements_.end()) {
      sqlite3_reset(it->second);  // in case a row callback threw mid-query
      return it->second;
    }
    constexpr std::size_t kMaxStatements = 64;
    if (statements_.size() >= kMaxStatements) ForgetStatements();
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      sqlite3_finalize(st);
      return nullptr;
    }
    statements_.emplace(sql, st);
    return st;
  }
  void ForgetStatements() {
    for (auto& [_, st] : statements_) sqlite3_finalize(st);
    statements_.clear();
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

Status CreatePrivateFile(const std::string& path, const std::string& what) {
  const int fd = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 || ::fchmod(fd, 0600) != 0) {
    if (fd >= 0) ::close(fd);
    return std::unexpected(Error::IoError("cannot create " + what + " " + path +
                                          " (" + std::strerror(errno) + ")"));
  }
  ::close(fd);
  return Ok();
}

bool IsPostgresUrl(std::string_view where) {
  return where.starts_with("postgresql://") || where.starts_with("postgres://");
}

std::string TranscriptDbName(std::string_view where) {
  std::string name(where);
  if (!IsPostgresUrl(where)) return name;
  // scheme://user:password@host...: hide what is between ':' and '@'.
  const std::size_t start = name.find("://") + 3;
  const std::size_t at = name.find('@', start);
  const std::size_t colon = name.find(':', start);
  if (at != std::string::npos && colon < at) {
    name.replace(colon + 1, at - colon - 1, "***");
  }
  // ...?password=secret&...
  for (std::size_t p = name.find("password="); p != std::string::npos;
       p = name.find("password=", p + 1)) {
    const std::size_t end = name.find('&', p);
    name.replace(p + 9, (end == std::string::npos ? name.size() : end) - p - 9,
                 "***");
  }
  return name;
}

std::string TranscriptDb::Param::Printed() const {
  if (kind_ == Kind::kText) return std::string(text_);
  char buf[32];
  const auto end = kind_ == Kind::kInt
                       ? std::to_chars(buf, buf + sizeof buf, int_).ptr
                       : std::to_chars(buf, buf + sizeof buf, real_).ptr;
  return std::string(buf, end);
}

int64_t TranscriptDb::Row::Int(std::size_t i) const {
  int64_t v = 0;
  const std::string& s = cells_[i];
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

double TranscriptDb::Row::Real(std::size_t i) const {
  return std::strtod(cells_[i].c_str(), nullptr);
}

Result<std::unique_ptr<TranscriptDb>> TranscriptDb::Open(
    const std::string& where, Mode mode) {
  if (IsPostgresUrl(where)) return OpenPostgresTranscripts(where, mode);
  return OpenSqliteTranscripts(where, mode);
}

Result<std::unique_ptr<TranscriptDb>> OpenSqliteTranscripts(
    const std::string& path, TranscriptDb::Mode mode) {
  using Mode = TranscriptDb::Mode;
  if (mode == Mode::kWrite) {
    const std::filesystem::path parent =
        std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (auto s = CreatePrivateFile(path, "transcript database"); !s) {
      return std::unexpected(s.error());
    }
  } else if (!std::filesystem::exists(path)) {
    return std::unexpected(Error::NotFound(
        "no transcript database at " + path +
        " (faqbot serve writes one; see \"transcripts\" in the config)"));
  }
  sqlite3* db = nullptr;
  const int flags = mode == Mode::kRead ? SQLITE_OPEN_READONLY
                    : mode == Mode::kUpdate
                        ? SQLITE_OPEN_READWRITE
                        : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  // One thread at a time (transcript_db.h): SQLite's own locking, taken
  // for every bound value, is not needed.
  if (sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return std::unexpected(
        Error::IoError("cannot open transcript database " + path + ": " + why));
  }
  sqlite3_busy_timeout(db, 5000);
  if (mode == Mode::kWrite) {
    const std::string setup =
        std::string("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;") +
        kSqliteSchema;
    const bool has_uid = sqlite3_exec(db, setup.c_str(), nullptr, nullptr,
                                      nullptr) == SQLITE_OK &&
                         sqlite3_exec(db, "SELECT uid FROM exchanges LIMIT 0",
                                      nullptr, nullptr, nullptr) == SQLITE_OK;
    if ((!has_uid && sqlite3_exec(db, kSqliteUidColumn, nullptr, nullptr,
                                  nullptr) != SQLITE_OK) ||
        sqlite3_exec(db, kSqliteUidIndex, nullptr, nullptr, nullptr) !=
            SQLITE_OK) {
      Error e = Error::IoError("cannot set up transcript database " + path +
                               ": " + sqlite3_errmsg(db));
      sqlite3_close(db);
      return std::unexpected(e);
    }
  }
  return std::unique_ptr<TranscriptDb>(new SqliteTranscripts(db));
}

}  // namespace faqbot::bot
