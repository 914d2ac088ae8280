// Real people's questions about an article, labelled the way a careful
// reader judges a reply: which kinds of reply are right, and for in-scope
// questions some words of the right section. A pack's
// real-questions.jsonl holds one JSON object a line:
//
//   {"q": "Can a 6mm kidney stone pass on its own?",
//    "kind": ["answer"], "any": ["within a few weeks", "tamsulosin"],
//    "source": "https://...", "why": "Section 2"}
//
// A reply passes when its kind is one of `kind` and, where `any` is given,
// its text, parts or choices contain one of those words (any case).
// Questions whose kinds include "answer" are in scope, "escalation" ones
// red flags, the rest ("fallback") out of scope. `faqbot test --real DIR`
// scores every pack under DIR that has such a file, one row each.
#ifndef FAQBOT_BOT_TOOLS_REAL_QUESTIONS_H_
#define FAQBOT_BOT_TOOLS_REAL_QUESTIONS_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dialogs/dialog_tree.h"
#include "dialogs/library.h"
#include "intents/status.h"

namespace faqbot::bot {

inline constexpr char kRealQuestionsFile[] = "real-questions.jsonl";

struct RealQuestion {
  std::string text;
  std::vector<std::string> kinds;  // "answer", "clarify", "fallback", ...
  std::vector<std::string> any;    // words of the right section
  std::string why;
  // For a neighbour question (kind fallback): the article of a library
  // that covers its subject ("library": "gallbladder-polyps"), which then
  // answers it rightly; "" when no article of the library does.
  std::string library;
  int line = 0;
};

Result<std::vector<RealQuestion>> ParseRealQuestions(std::string_view text,
                                                     std::string_view name);

struct Tally {
  int right = 0;
  int of = 0;
  double rate() const { return of ? static_cast<double>(right) / of : 1.0; }
};

struct RealScore {
  Tally in_scope, out_of_scope, red_flags;
  int in_scope_escalated = 0;       // answerable questions sent to urgent care
  std::vector<std::string> misses;  // "in: 'question' -> fallback: 'text'"
  // Every reply, one line each ("line 7 [in] ok: answer node | part ..."):
  // what `faqbot test --real --replies` prints, to diff two builds.
  std::vector<std::string> replies;

  RealScore& operator+=(const RealScore& other);
  // Counts `reply` to `q`; `right_article` false: it came from another
  // article than the one asked about (never right for an in-scope case).
  void Judge(const RealQuestion& q, const Result<dialogs::Reply>& reply,
             bool right_article);
  // The product's goals on real questions: in scope and out of scope at
  // least 90 %, every red flag, and no in-scope question escalated.
  bool MeetsTargets() const;
};

// Asks each question in a fresh session over `pack`.
RealScore ScoreRealQuestions(std::shared_ptr<const dialogs::Pack> pack,
                             const std::vector<RealQuestion>& questions);

// The same questions asked of a bot serving a whole library (issue #31),
// about its pack `own`: from no page (`from_page` false, as on a messaging
// channel) or from `own`'s page. An in-scope case is right only when
// answered from `own`; an out-of-scope case is right when refused ("which
// article?" counts as a refusal) or, for a neighbour labelled with the
// article that covers it, when that article answers; any other answer
// from another article is counted in `elsewhere`.
struct LibraryScore {
  RealScore score;
  int elsewhere = 0;  // answered from another article, wrongly
  int unrouted = 0;   // no article named, or several (asked which one)
  // Neighbour questions labelled with the article that covers them, and
  // how many of them it answered (counted right among the out of scope).
  Tally neighbours;
};
LibraryScore ScoreRealQuestionsInLibrary(
    std::shared_ptr<const dialogs::Library> library, int own,
    const std::vector<RealQuestion>& qs, bool from_page);

// The library table: per article, from no page and from its page; a
// "neighbours" column counts the neighbour questions answered from the
// article that covers them, an "elsewhere" one the answers from a wrong
// article.
void PrintLibraryHeader(std::ostream& out);
void PrintLibraryRow(std::string_view name, const LibraryScore& no_page,
                     const LibraryScore& page, std::ostream& out);

// One row of the table (`name` first), aligned under PrintRealHeader's.
void PrintRealHeader(std::ostream& out);
void PrintRealRow(std::string_view name, const RealScore& score,
                  std::ostream& out);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_TOOLS_REAL_QUESTIONS_H_
