#include "bot/tools/transcript_report.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iomanip>
#include <memory>
#include <unordered_map>

#include "bot/store/transcript_db.h"
#include "bot/tools/unanswered.h"
#include "intents/utf8.h"

namespace faqbot::bot {

// How much of a stored session id the report shows (and explain --session
// takes): 8 hex digits, 32 bits, unique among a day's conversations.
constexpr std::size_t kShownId = 8;
namespace {

using Counts = std::vector<std::pair<std::string, uint64_t>>;

// Adds `n` to the count of `q` (a question asked under several nodes).
void AddCount(Counts* counts, const std::string& q, uint64_t n) {
  for (auto& [question, count] : *counts) {
    if (question == q) {
      count += n;
      return;
    }
  }
  counts->emplace_back(q, n);
}

// Most frequent first; equal counts by text.
void SortByCount(Counts* counts) {
  std::stable_sort(
      counts->begin(), counts->end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
      });
}

std::string FormatTime(int64_t ms) {
  const std::time_t t = ms / 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

Error ReadError(const std::string& where, const Error& e) {
  return Error::IoError("cannot read " + TranscriptDbName(where) + ": " +
                        e.message);
}

}  // namespace

Result<std::vector<std::vector<Exchange>>> ReadConversations(
    const std::string& where) {
  auto db = TranscriptDb::Open(where, TranscriptDb::Mode::kRead);
  if (!db) return std::unexpected(db.error());
  std::vector<std::vector<Exchange>> conversations;
  std::unordered_map<std::string, std::size_t> index;  // session -> slot
  const Status s = (*db)->Query(
      "SELECT session, user_text, choice FROM exchanges ORDER BY id", {},
      [&](const TranscriptDb::Row& row) {
        Exchange e{
            .session = row.Text(0), .text = row.Text(1), .choice = row.Text(2)};
        auto [it, added] = index.try_emplace(e.session, conversations.size());
        if (added) conversations.emplace_back();
        conversations[it->second].push_back(std::move(e));
      });
  if (!s) return std::unexpected(ReadError(where, s.error()));
  return conversations;
}

Result<std::vector<Exchange>> ReadConversation(const std::string& where,
                                               const std::string& key,
                                               const std::string& session) {
  auto k = TranscriptKey(where, key);
  if (!k) return std::unexpected(k.error());
  auto all = ReadConversations(where);
  if (!all) return std::unexpected(all.error());
  const std::string ids[] = {TranscriptId(*k, session),
                             TranscriptId(*k, "web:" + session)};
  std::vector<Exchange>* found = nullptr;
  int prefixed = 0;  // stored ids that start with `session`
  for (auto& conversation : *all) {
    const std::string& id = conversation.front().session;
    if (std::find(std::begin(ids), std::end(ids), id) != std::end(ids)) {
      return std::move(conversation);
    }
    if (session.size() >= kShownId && id.starts_with(session)) {
      found = &conversation;
      ++prefixed;
    }
  }
  if (prefixed == 1) return std::move(*found);
  if (prefixed > 1) {
    return std::unexpected(Error::InvalidArgument(
        std::to_string(prefixed) + " conversations' ids start with " + session +
        "; give more of the id"));
  }
  return std::unexpected(Error::NotFound(
      "no exchanges of session " + session + " in " + TranscriptDbName(where) +
      " (faqbot transcripts lists the recent ones)"));
}

Result<TranscriptReport> ReadTranscripts(const std::string& where,
                                         std::size_t recent, std::size_t top) {
  auto opened = TranscriptDb::Open(where, TranscriptDb::Mode::kRead);
  if (!opened) return std::unexpected(opened.error());
  TranscriptDb& db = **opened;
  TranscriptReport r;
  // Question and count rows.
  const auto counted = [](Counts* to) {
    return [to](const TranscriptDb::Row& row) {
      to->emplace_back(row.Text(0), static_cast<uint64_t>(row.Int(1)));
    };
  };
  Status s = db.Query(
      "SELECT time_ms, session, channel, user_text, choice, reply_kind, node,"
      " confidence FROM (SELECT * FROM exchanges ORDER BY id DESC LIMIT ?)"
      " AS latest ORDER BY id",
      {static_cast<int64_t>(recent)}, [&](const TranscriptDb::Row& row) {
        r.recent.push_back({.time_ms = row.Int(0),
                            .session = row.Text(1),
                            .channel = row.Text(2),
                            .text = row.Text(3),
                            .choice = row.Text(4),
                            .kind = row.Text(5),
                            .node = row.Text(6),
                            .confidence = row.Real(7)});
      });
  if (s) {
    s = db.Query(
        "SELECT reply_kind, count(*) AS n FROM exchanges"
        " GROUP BY reply_kind ORDER BY n DESC, reply_kind",
        {}, counted(&r.by_kind));
  }
  for (const auto& [kind, n] : r.by_kind) r.total += n;
  if (s) {
    s = db.Query(
        "SELECT lower(trim(user_text)) AS q, count(*) AS n FROM exchanges"
        " WHERE reply_kind = 'fallback' AND user_text != '' GROUP BY q"
        " ORDER BY n DESC, q LIMIT ?",
        {static_cast<int64_t>(top)}, counted(&r.top_fallbacks));
  }
  if (s) {
    s = db.Query(
        "SELECT DISTINCT node FROM exchanges WHERE node != ''", {},
        [&](const TranscriptDb::Row& row) { r.reached.insert(row.Text(0)); });
  }
  if (s) {
    s = db.Query(
        "SELECT lower(trim(user_text)) AS q, node, count(*) AS n FROM"
        " exchanges WHERE user_text != '' AND (reply_kind = 'fallback' OR"
        " (reply_kind = 'answer' AND confidence < 0.5))"
        " GROUP BY q, node ORDER BY n DESC, q LIMIT 1000",
        {}, [&](const TranscriptDb::Row& row) {
          const std::string node = row.Text(1);
          const auto slash = node.find('/');
          AddCount(&r.unanswered, row.Text(0),
                   static_cast<uint64_t>(row.Int(2)));
          AddCount(&r.unanswered_by_article[slash == std::string::npos
                                                ? std::string()
                                                : node.substr(0, slash)],
                   row.Text(0), static_cast<uint64_t>(row.Int(2)));
        });
  }
  SortByCount(&r.unanswered);
  for (auto& [article, questions] : r.unanswered_by_article) {
    SortByCount(&questions);
  }
  if (s) {
    s = db.Query(
        "SELECT lower(trim(user_text)) AS q, node FROM exchanges"
        " WHERE user_text != '' AND reply_kind = 'answer' AND"
        " confidence >= 0.5 GROUP BY q, node ORDER BY max(id) DESC LIMIT 5000",
        {}, [&](const TranscriptDb::Row& row) {
          r.answered.emplace_back(row.Text(0), row.Text(1));
        });
  }
  if (!s) return std::unexpected(ReadError(where, s.error()));
  return r;
}

namespace {

// The latest exchanges, the replies by kind and the top fallbacks.
void PrintHead(const TranscriptReport& r, std::ostream& out) {
  out << "Latest " << r.recent.size() << " of " << r.total
      << " exchanges (UTC):\n";
  std::size_t node_width = 4;
  for (const Exchange& e : r.recent) {
    node_width = std::max(node_width, e.node.size() + 2);
  }
  for (const Exchange& e : r.recent) {
    out << "  " << FormatTime(e.time_ms) << "  "
        << e.session.substr(0, kShownId) << "  " << std::left << std::setw(9)
        << e.channel << std::setw(11) << e.kind
        << std::setw(static_cast<int>(node_width))
        << (e.node.empty() ? "-" : e.node) << std::right << std::fixed
        << std::setprecision(2) << e.confidence << "  "
        << intents::Printable(e.choice.empty() ? "\"" + e.text + "\""
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
    out << "  " << std::setw(5) << n << "  \"" << intents::Printable(q)
        << "\"\n";
  }
}

// One pack's unanswered questions, grouped, and its nodes never reached;
// `prefix` is how the transcripts name its nodes ("fatty-liver/" in a
// library, "" alone).
void PrintPack(const TranscriptReport& r, const dialogs::Pack& pack,
               const Counts& unanswered, const std::string& prefix,
               std::ostream& out) {
  std::vector<std::pair<std::string, std::string>> answered;
  for (const auto& [q, node] : r.answered) {
    if (node.starts_with(prefix)) {
      answered.emplace_back(q, node.substr(prefix.size()));
    }
  }
  PrintUnanswered(GroupUnanswered(pack, unanswered, answered), out);
  std::vector<std::string> never;
  for (const auto& node : pack.nodes) {
    if (!r.reached.contains(prefix + node.id)) never.push_back(node.id);
  }
  out << "\nNodes of pack \"" << pack.name << "\" never reached ("
      << never.size() << " of " << pack.nodes.size() << "):\n";
  for (const auto& id : never) out << "  " << id << "\n";
}

}  // namespace

void PrintTranscriptReport(const TranscriptReport& r, const dialogs::Pack& pack,
                           std::ostream& out) {
  PrintHead(r, out);
  PrintPack(r, pack, r.unanswered, "", out);
}

void PrintLibraryTranscriptReport(
    const TranscriptReport& r,
    const std::vector<std::shared_ptr<const dialogs::Pack>>& packs,
    std::ostream& out) {
  PrintHead(r, out);
  static const Counts kNone;
  for (const auto& pack : packs) {
    const auto it = r.unanswered_by_article.find(pack->name);
    out << "\n== On the article \"" << pack->document.title << "\" ("
        << pack->name << ")\n";
    PrintPack(r, *pack,
              it == r.unanswered_by_article.end() ? kNone : it->second,
              pack->name + "/", out);
  }
  const auto none = r.unanswered_by_article.find("");
  if (none == r.unanswered_by_article.end()) return;
  out << "\n== On no article (the library asked which one, or none covers "
         "it)\n";
  for (const auto& [q, n] : none->second) {
    out << "  " << std::setw(5) << n << "  \"" << intents::Printable(q)
        << "\"\n";
  }
}

}  // namespace faqbot::bot
