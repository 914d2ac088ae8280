#include "bot/transcript_report.h"

#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iomanip>
#include <memory>
#include <unordered_map>

#include "bot/unanswered.h"

namespace faqbot::bot {
namespace {

std::string Column(sqlite3_stmt* st, int i) {
  const auto* p = sqlite3_column_text(st, i);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(st, i)))
           : std::string();
}

// Runs `sql`, calling `row` for each result row.
Status Query(sqlite3* db, const char* sql,
             const std::function<void(sqlite3_stmt*)>& row) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
    return std::unexpected(Error::IoError(sqlite3_errmsg(db)));
  }
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) row(st);
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    return std::unexpected(Error::IoError(sqlite3_errmsg(db)));
  }
  return Ok();
}

std::string FormatTime(int64_t ms) {
  const std::time_t t = ms / 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

using Database = std::unique_ptr<sqlite3, int (*)(sqlite3*)>;

// The database at `path`, read-only (a running server may be writing it).
Result<Database> OpenReadOnly(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    return std::unexpected(Error::NotFound(
        "no transcript database at " + path +
        " (faqbot serve writes one; see \"transcripts\" in the config)"));
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) !=
      SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return std::unexpected(Error::IoError("cannot open " + path + ": " + why));
  }
  sqlite3_busy_timeout(db, 5000);
  return Database(db, sqlite3_close);
}

}  // namespace

Result<std::vector<std::vector<Exchange>>> ReadConversations(
    const std::string& path) {
  auto opened = OpenReadOnly(path);
  if (!opened) return std::unexpected(opened.error());
  std::vector<std::vector<Exchange>> conversations;
  std::unordered_map<std::string, std::size_t> index;  // session -> slot
  const Status s = Query(
      opened->get(),
      "SELECT session, user_text, choice FROM exchanges ORDER BY id",
      [&](sqlite3_stmt* st) {
        Exchange e{.session = Column(st, 0),
                   .text = Column(st, 1),
                   .choice = Column(st, 2)};
        auto [it, added] = index.try_emplace(e.session, conversations.size());
        if (added) conversations.emplace_back();
        conversations[it->second].push_back(std::move(e));
      });
  if (!s) {
    return std::unexpected(
        Error::IoError("cannot read " + path + ": " + s.error().message));
  }
  return conversations;
}

Result<TranscriptReport> ReadTranscripts(const std::string& path,
                                         std::size_t recent, std::size_t top) {
  auto opened = OpenReadOnly(path);
  if (!opened) return std::unexpected(opened.error());
  sqlite3* db = opened->get();
  TranscriptReport r;
  const std::string latest =
      "SELECT time_ms, session, channel, user_text, choice, reply_kind, node,"
      " confidence FROM (SELECT * FROM exchanges ORDER BY id DESC LIMIT " +
      std::to_string(recent) + ") ORDER BY id";
  const std::string fallbacks =
      "SELECT lower(trim(user_text)) AS q, count(*) AS n FROM exchanges"
      " WHERE reply_kind = 'fallback' AND user_text != '' GROUP BY q"
      " ORDER BY n DESC, q LIMIT " +
      std::to_string(top);
  Status s = Query(db, latest.c_str(), [&](sqlite3_stmt* st) {
    r.recent.push_back({.time_ms = sqlite3_column_int64(st, 0),
                        .session = Column(st, 1),
                        .channel = Column(st, 2),
                        .text = Column(st, 3),
                        .choice = Column(st, 4),
                        .kind = Column(st, 5),
                        .node = Column(st, 6),
                        .confidence = sqlite3_column_double(st, 7)});
  });
  if (s) {
    s = Query(db,
              "SELECT reply_kind, count(*) AS n FROM exchanges"
              " GROUP BY reply_kind ORDER BY n DESC, reply_kind",
              [&](sqlite3_stmt* st) {
                const auto n =
                    static_cast<uint64_t>(sqlite3_column_int64(st, 1));
                r.by_kind.emplace_back(Column(st, 0), n);
                r.total += n;
              });
  }
  if (s) {
    s = Query(db, fallbacks.c_str(), [&](sqlite3_stmt* st) {
      r.top_fallbacks.emplace_back(
          Column(st, 0), static_cast<uint64_t>(sqlite3_column_int64(st, 1)));
    });
  }
  if (s) {
    s = Query(db, "SELECT DISTINCT node FROM exchanges WHERE node != ''",
              [&](sqlite3_stmt* st) { r.reached.insert(Column(st, 0)); });
  }
  if (s) {
    s = Query(db,
              "SELECT lower(trim(user_text)) AS q, count(*) AS n FROM exchanges"
              " WHERE user_text != '' AND (reply_kind = 'fallback' OR"
              " (reply_kind = 'answer' AND confidence < 0.5))"
              " GROUP BY q ORDER BY n DESC, q LIMIT 1000",
              [&](sqlite3_stmt* st) {
                r.unanswered.emplace_back(
                    Column(st, 0),
                    static_cast<uint64_t>(sqlite3_column_int64(st, 1)));
              });
  }
  if (s) {
    s = Query(db,
              "SELECT DISTINCT lower(trim(user_text)), node FROM exchanges"
              " WHERE user_text != '' AND reply_kind = 'answer' AND"
              " confidence >= 0.5 ORDER BY id DESC LIMIT 5000",
              [&](sqlite3_stmt* st) {
                r.answered.emplace_back(Column(st, 0), Column(st, 1));
              });
  }
  if (!s) {
    return std::unexpected(
        Error::IoError("cannot read " + path + ": " + s.error().message));
  }
  return r;
}

void PrintTranscriptReport(const TranscriptReport& r, const dialogs::Pack& pack,
                           std::ostream& out) {
  out << "Latest " << r.recent.size() << " of " << r.total
      << " exchanges (UTC):\n";
  std::size_t node_width = 4;
  for (const Exchange& e : r.recent) {
    node_width = std::max(node_width, e.node.size() + 2);
  }
  for (const Exchange& e : r.recent) {
    out << "  " << FormatTime(e.time_ms) << "  " << std::left << std::setw(9)
        << e.channel << std::setw(11) << e.kind
        << std::setw(static_cast<int>(node_width))
        << (e.node.empty() ? "-" : e.node) << std::right << std::fixed
        << std::setprecision(2) << e.confidence << "  "
        << (e.choice.empty() ? "\"" + e.text + "\""
                             : "[pressed " + e.choice + "]")
        << "\n";
  }
  out << "\nReplies by kind:\n";
  for (const auto& [kind, n] : r.by_kind) {
    out << "  " << std::left << std::setw(11) << kind << std::right << n
        << "\n";
  }
  out << "\nQuestions that fell back most often:\n";
  if (r.top_fallbacks.empty()) out << "  (none)\n";
  for (const auto& [q, n] : r.top_fallbacks) {
    out << "  " << std::setw(5) << n << "  \"" << q << "\"\n";
  }
  PrintUnanswered(GroupUnanswered(pack, r.unanswered, r.answered), out);
  std::vector<std::string> never;
  for (const auto& node : pack.nodes) {
    if (!r.reached.contains(node.id)) never.push_back(node.id);
  }
  out << "\nNodes of pack \"" << pack.name << "\" never reached ("
      << never.size() << " of " << pack.nodes.size() << "):\n";
  for (const auto& id : never) out << "  " << id << "\n";
}

}  // namespace faqbot::bot
