// Transcripts in PostgreSQL (libpq): one connection, statements with text
// parameters, reconnecting once when the server went away.
#include <libpq-fe.h>

#include <algorithm>
#include <cstdlib>
#include <functional>

#include "bot/store/transcript_db_backends.h"

namespace faqbot::bot {
namespace {

// Statements separated by ';' (none has one inside). A table from before
// exchange uids gets the column; the database keeps one row per uid.
constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS exchanges ("
    " id BIGSERIAL PRIMARY KEY, time_ms BIGINT NOT NULL,"
    " session TEXT NOT NULL, channel TEXT NOT NULL, user_text TEXT NOT NULL,"
    " choice TEXT NOT NULL, reply_kind TEXT NOT NULL, node TEXT NOT NULL,"
    " confidence DOUBLE PRECISION NOT NULL, uid TEXT);"
    "CREATE INDEX IF NOT EXISTS exchanges_time ON exchanges(time_ms);"
    "ALTER TABLE exchanges ADD COLUMN IF NOT EXISTS uid TEXT;"
    "CREATE UNIQUE INDEX IF NOT EXISTS exchanges_uid ON exchanges(uid)"
    " WHERE uid IS NOT NULL";

// Any fixed number: instances creating the table at once take turns.
constexpr const char* kSchemaLock = "SELECT pg_advisory_lock(7256310)";
constexpr const char* kSchemaUnlock = "SELECT pg_advisory_unlock(7256310)";

// "?" marks -> "$1", "$2", ... (our SQL has no "?" inside literals).
std::string Numbered(const std::string& sql) {
  std::string out;
  int n = 0;
  for (char c : sql) {
    if (c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

// libpq's message on one line.
std::string Trimmed(const char* message) {
  std::string s;
  for (const char* p = message ? message : ""; *p; ++p) {
    const bool space = *p == '\n' || *p == '\t' || *p == ' ';
    if (!space) {
      s += *p;
    } else if (!s.empty() && s.back() != ' ') {
      s += ' ';
    }
  }
  if (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

class PostgresTranscripts : public TranscriptDb {
 public:
  PostgresTranscripts(PGconn* c, std::string name)
      : conn_(c), name_(std::move(name)) {}
  ~PostgresTranscripts() override { PQfinish(conn_); }

  Status Execute(const std::string& sql, const Params& params,
                 int64_t* changed) override {
    return Run(sql, params, [&](PGresult* r) {
      if (changed) *changed = std::atoll(PQcmdTuples(r));
    });
  }

  Status DeleteOlderThan(int64_t cutoff_ms) override {
    return Execute("DELETE FROM exchanges WHERE time_ms < ?", {cutoff_ms},
                   nullptr);
  }

  Status Query(const std::string& sql, const Params& params,
               const RowFn& row) override {
    return Run(sql, params, [&](PGresult* r) {
      const int rows = PQntuples(r), columns = PQnfields(r);
      for (int i = 0; i < rows; ++i) {
        std::vector<std::string> cells;
        cells.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
          cells.emplace_back(PQgetvalue(r, i, c),
                             static_cast<std::size_t>(PQgetlength(r, i, c)));
        }
        row(Row(std::move(cells)));
      }
    });
  }

 private:
  // Runs `sql`; a connection found broken is reset once first. A database
  // that cannot be reached is an IoError (the caller may try again later),
  // a statement it refuses is InvalidArgument.
  Status Run(const std::string& sql, const Params& params,
             const std::function<void(PGresult*)>& done) {
    if (PQstatus(conn_) != CONNECTION_OK) PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) return Unreachable();
    std::vector<std::string> printed;  // libpq takes C strings
    std::vector<const char*> values;
    printed.reserve(params.size());
    values.reserve(params.size());
    for (const Param& p : params) {
      values.push_back(printed.emplace_back(p.Printed()).c_str());
    }
    PGresult* r = PQexecParams(conn_, Numbered(sql).c_str(),
                               static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(r);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
      done(r);
      PQclear(r);
      return Ok();
    }
    const std::string why = Trimmed(PQresultErrorMessage(r));
    PQclear(r);
    if (PQstatus(conn_) != CONNECTION_OK) return Unreachable();
    return std::unexpected(Error::InvalidArgument(name_ + ": " + why));
  }

  Status Unreachable() const {
    return std::unexpected(Error::IoError("cannot reach " + name_ + ": " +
                                          Trimmed(PQerrorMessage(conn_))));
  }

  PGconn* conn_;
  const std::string name_;  // the URL without its password
};

}  // namespace

Result<std::unique_ptr<TranscriptDb>> OpenPostgresTranscripts(
    const std::string& url, TranscriptDb::Mode mode) {
  const std::string name = TranscriptDbName(url);
  // Later keywords win over earlier ones: the URL's own settings over
  // these defaults.
  const char* keys[] = {"connect_timeout", "application_name",
                        "client_encoding", "dbname", nullptr};
  const char* values[] = {"5", "faqbot", "UTF8", url.c_str(), nullptr};
  PGconn* c = PQconnectdbParams(keys, values, 1);
  if (c == nullptr || PQstatus(c) != CONNECTION_OK) {
    const std::string why = Trimmed(c ? PQerrorMessage(c) : "out of memory");
    PQfinish(c);
    return std::unexpected(Error::IoError(
        "cannot connect to transcript database " + name + ": " + why));
  }
  PQsetNoticeProcessor(
      c, [](void*, const char*) {}, nullptr);
  std::unique_ptr<TranscriptDb> db =
      std::make_unique<PostgresTranscripts>(c, name);
  if (mode == TranscriptDb::Mode::kWrite) {
    Status s = db->Execute(kSchemaLock);
    for (std::string_view rest = kSchema; s && !rest.empty();) {
      const std::size_t end = std::min(rest.find(';'), rest.size());
      s = db->Execute(std::string(rest.substr(0, end)));
      rest.remove_prefix(std::min(end + 1, rest.size()));
    }
    (void)db->Execute(kSchemaUnlock);
    if (!s) {
      return std::unexpected(Error::IoError(
          "cannot set up transcript database: " + s.error().message));
    }
    return db;
  }
  bool exists = false;
  Status s = db->Query(
      "SELECT to_regclass('exchanges') IS NOT NULL", {},
      [&](const TranscriptDb::Row& row) { exists = row.Text(0) == "t"; });
  if (!s) return std::unexpected(s.error());
  if (!exists) {
    return std::unexpected(Error::NotFound(
        "no transcripts in " + name +
        " yet (faqbot serve writes them; see \"transcripts\" in the config)"));
  }
  return db;
}

}  // namespace faqbot::bot
