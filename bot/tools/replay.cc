#include "bot/tools/replay.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "bot/bot.h"
#include "bot/pack_loader.h"
#include "bot/tools/transcript_report.h"
#include "intents/text.h"
#include "intents/utf8.h"

namespace faqbot::bot {
namespace {

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

bool IsSqlite(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(kSqliteMagic.size(), '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  return in && head == kSqliteMagic;
}

Result<std::vector<ReplayConversation>> FromTranscripts(
    const std::string& path) {
  auto sessions = ReadConversations(path);
  if (!sessions) return std::unexpected(sessions.error());
  std::vector<ReplayConversation> out;
  for (const auto& session : *sessions) {
    ReplayConversation c;
    for (const auto& e : session) c.push_back({e.text, e.choice});
    out.push_back(std::move(c));
  }
  return out;
}

// A question per line: JSONL ({"q": ...} or {"text": ...}) when a line
// starts with '{', else the line itself. Blank lines and '#' comments are
// skipped.
Result<std::vector<ReplayConversation>> FromLines(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  std::vector<ReplayConversation> out;
  std::size_t start = 0;
  for (int number = 1; start < text->size(); ++number) {
    const std::size_t end = std::min(text->find('\n', start), text->size());
    const std::string line =
        intents::Trim(std::string_view(*text).substr(start, end - start));
    start = end + 1;
    if (line.empty() || line.starts_with('#')) continue;
    if (!line.starts_with('{')) {
      out.push_back({{line, ""}});
      continue;
    }
    const auto j = nlohmann::json::parse(line, nullptr, false);
    const auto field = [&](const char* key) -> const nlohmann::json* {
      const auto it = j.is_object() ? j.find(key) : j.end();
      return it != j.end() && it->is_string() ? &*it : nullptr;
    };
    const nlohmann::json* q = field("q") ? field("q") : field("text");
    if (!q) {
      return std::unexpected(Error::ParseError(
          path + " line " + std::to_string(number) +
          ": expected {\"q\": \"...\"} or {\"text\": \"...\"}"));
    }
    out.push_back({{q->get<std::string>(), ""}});
  }
  return out;
}

// What became of one question: the node of an answer, else the kind (and
// node, if any), after the article's name in a library
// ("fatty-liver/causes"); an error when the bot refused the message.
std::string Outcome(const Result<Reply>& r) {
  if (!r) return "error";
  const std::string kind(dialogs::ReplyKindName(r->kind));
  const std::string node = r->article.empty() || r->node.empty()
                               ? r->node
                               : r->article + "/" + r->node;
  if (r->kind == dialogs::ReplyKind::kAnswer && !node.empty()) return node;
  return node.empty() ? kind : kind + " " + node;
}

// What a person reads of it.
std::string Shown(const Result<Reply>& r) {
  if (!r) return r.error().message;
  return r->caveat.empty() ? r->text : r->caveat + " " + r->text;
}

}  // namespace

Result<std::vector<ReplayConversation>> ReadReplayFile(
    const std::string& path) {
  return IsSqlite(path) ? FromTranscripts(path) : FromLines(path);
}

ReplayReport Replay(std::shared_ptr<const dialogs::Pack> before,
                    std::shared_ptr<const dialogs::Pack> after,
                    const std::vector<ReplayConversation>& conversations) {
  Bot old_bot(std::move(before)), new_bot(std::move(after));
  return Replay(old_bot, new_bot, conversations);
}

ReplayReport Replay(Bot& old_bot, Bot& new_bot,
                    const std::vector<ReplayConversation>& conversations) {
  ReplayReport report;
  std::map<std::pair<std::string, std::string>, ReplayChange> groups;
  for (std::size_t i = 0; i < conversations.size(); ++i) {
    const std::string session = "replay-" + std::to_string(i);
    for (const auto& turn : conversations[i]) {
      const Message m{.text = turn.text, .choice = turn.choice};
      const auto was = old_bot.Handle(session, m);
      const auto now = new_bot.Handle(session, m);
      ++report.turns;
      std::string from = Outcome(was), to = Outcome(now);
      const std::string shown_before = Shown(was), shown_after = Shown(now);
      if (from == to && shown_before == shown_after) continue;
      if (from == to) to += " (text changed)";
      ++report.changed;
      ReplayChange& g = groups[{from, to}];
      if (g.count++ == 0) {
        g.from = from;
        g.to = to;
        g.question =
            turn.text.empty() ? "[pressed " + turn.choice + "]" : turn.text;
        g.before = intents::Clipped(shown_before, 100);
        g.after = intents::Clipped(shown_after, 100);
      }
    }
  }
  for (auto& [key, change] : groups) {
    report.changes.push_back(std::move(change));
  }
  std::stable_sort(report.changes.begin(), report.changes.end(),
                   [](const ReplayChange& a, const ReplayChange& b) {
                     return a.count > b.count;
                   });
  return report;
}

void PrintReplayReport(const ReplayReport& report, std::ostream& out) {
  for (const auto& c : report.changes) {
    out << c.from << " \u2192 " << c.to << ": " << c.count
        << (c.count == 1 ? " question" : " questions") << "\n"
        << "  e.g. \"" << intents::Clipped(c.question, 100) << "\"\n"
        << "    before: " << c.before << "\n"
        << "    after:  " << c.after << "\n";
  }
  out << report.changed << " of " << report.turns
      << (report.turns == 1 ? " question answers" : " questions answer")
      << " differently\n";
}

}  // namespace faqbot::bot
