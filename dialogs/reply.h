// Reply: the one data model every adapter renders (see design.md).
#ifndef FAQBOT_DIALOGS_REPLY_H_
#define FAQBOT_DIALOGS_REPLY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace faqbot::dialogs {

// The last three belong to operator handoff (bot/handoff.h): the bot
// speaking about it (asked, joined, left), a message an operator typed
// (its `label` is the operator's name), and a message passed on to the
// operator holding the conversation, which channels do not show.
enum class ReplyKind {
  kAnswer,
  kClarify,
  kFallback,
  kEscalation,
  kSmalltalk,
  kHandoff,
  kOperator,
  kHeld
};

// "answer", "clarify", "fallback", "escalation", "smalltalk", "handoff",
// "operator", "held".
std::string_view ReplyKindName(ReplyKind kind);

struct Choice {
  std::string id;     // a node id; sent back as {"choice": id}
  std::string title;  // what the button says
};

// Where an answer comes from: section 0 is the title and summary, the
// sections count from 1, and the closing advice is section N+1.
struct Source {
  int section = 0;
  std::string title;
};

// One question of a message that asked several ("What causes it, and is
// it dangerous?"): each is answered (or refused) on its own, with its
// source, in the order asked.
struct ReplyPart {
  ReplyKind kind = ReplyKind::kFallback;
  std::string text;
  std::string node;  // empty for a refused part
  std::optional<Source> source;
  std::string source_line;
  std::string caveat;       // what the article does not say about this part
  std::string not_covered;  // the subject this part asked about, uncovered
  // The question as the person wrote it; empty for a part of a broad
  // answer, which its source's heading names.
  std::string question;
};

struct Reply {
  ReplyKind kind = ReplyKind::kFallback;
  std::string text;
  std::vector<Choice> choices;
  std::string intent;  // what was recognised: a node id, "smalltalk.thanks"
  std::string node;    // the dialog node answered; empty for none
  double confidence = 0;
  std::optional<Source> source;
  // In a library: the article (Pack::name) this reply comes from, and its
  // title; "" in a one-article bot.
  std::string article;
  std::string article_title;
  // The source as a line a person reads ("Source: section 2, ..."), in the
  // pack's wording, for channels that show text only.
  std::string source_line;
  // How text-only channels mark this reply ("URGENT" for an escalation).
  std::string label;
  std::string disclaimer;  // set on the first reply of a session
  std::string notice;      // a note about the conversation itself
  // What the article does not say that the message asked (given with the
  // nearest answer), and that the bot cannot read a personal report.
  std::string caveat;
  // A subject the message asked about that the article does not cover
  // ("hemangioma"), named in a fallback.
  std::string not_covered;
  // A handoff reply about a person from the team (joined, left): who.
  std::string operator_name;
  // A message with several questions: one part each (`text` then holds
  // them all, for channels that show one message).
  std::vector<ReplyPart> parts;
};

}  // namespace faqbot::dialogs

#endif  // FAQBOT_DIALOGS_REPLY_H_
