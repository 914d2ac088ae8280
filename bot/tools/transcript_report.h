// What `faqbot transcripts` prints: the latest exchanges from a transcript
// database (transcript_log.h) and what an author needs to improve the pack:
// replies by kind, the questions that fell back most often, and the nodes
// no one reached.
#ifndef FAQBOT_BOT_TOOLS_TRANSCRIPT_REPORT_H_
#define FAQBOT_BOT_TOOLS_TRANSCRIPT_REPORT_H_

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "bot/store/transcript_log.h"
#include "dialogs/dialog_tree.h"

namespace faqbot::bot {

struct TranscriptReport {
  std::vector<Exchange> recent;  // oldest first
  uint64_t total = 0;
  std::vector<std::pair<std::string, uint64_t>> by_kind;  // most first
  // Fallback questions (lowercased, trimmed) with how often they came.
  std::vector<std::pair<std::string, uint64_t>> top_fallbacks;
  std::set<std::string> reached;  // every node some reply answered
  // Questions that fell back or were answered with low confidence
  // (lowercased, trimmed), most frequent first, with how often they came.
  std::vector<std::pair<std::string, uint64_t>> unanswered;
  // In a library, the same by the article people were on (the article of
  // the reply's node, "fatty-liver/..."; "" when the library asked which
  // article), most frequent first.
  std::map<std::string, std::vector<std::pair<std::string, uint64_t>>>
      unanswered_by_article;
  // Questions answered with confidence, with the node (for what the
  // unanswered ones share with them).
  std::vector<std::pair<std::string, std::string>> answered;
};

// Reads the database `where` (a file or a PostgreSQL URL; read-only, a
// running server may be writing).
Result<TranscriptReport> ReadTranscripts(const std::string& where,
                                         std::size_t recent = 20,
                                         std::size_t top = 10);

// Every exchange of the database `where`, one list per session (in the
// order the sessions began), each in the order it happened: what people
// asked, to replay against an edited pack (replay.h).
Result<std::vector<std::vector<Exchange>>> ReadConversations(
    const std::string& where);

// The exchanges of one conversation, oldest first. `session` is the id as
// `faqbot transcripts` shows it (the stored hash) or as the bot knew it
// ("whatsapp:15551234567", or a widget's id with or without "web:"),
// hashed with `key` (the database's key when empty). An id with no
// exchanges is an error that says so.
Result<std::vector<Exchange>> ReadConversation(const std::string& where,
                                               const std::string& key,
                                               const std::string& session);

// The report as text; `pack` gives the nodes to check for "never reached".
void PrintTranscriptReport(const TranscriptReport& report,
                           const dialogs::Pack& pack, std::ostream& out);
// The same for a library: the unanswered questions and the nodes never
// reached article by article.
void PrintLibraryTranscriptReport(
    const TranscriptReport& report,
    const std::vector<std::shared_ptr<const dialogs::Pack>>& packs,
    std::ostream& out);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_TOOLS_TRANSCRIPT_REPORT_H_
