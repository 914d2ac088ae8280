// Question sets: real people's messages with what the bot must do with
// each, scored by `faqbot test` (a pack's questions.jsonl). One JSON object
// per line:
//
//   {"class": "neighbour", "q": "Is a hemangioma dangerous?",
//    "expect": {"kind": "fallback", "not_covered": "hemangioma"}}
//
// "expect" holds:
//   kind         "answer", "fallback", "escalation", "clarify", "smalltalk"
//   node         a node id or a list of them ("x*" = any id starting x);
//                the answer must be one of them
//   any_answer   true: any answer will do (the message asks "what now?")
//   caveat       true: the reply must say what the article does not say
//   personal     true: the reply must say it cannot read a personal report
//   not_covered  the subject the reply must name as not covered (a stem,
//                or a list of stems any of which will do)
//   parts        several questions: one {"node": ...} or {"not_covered":
//                ...} per question, in the order asked
// Each message is asked in a fresh session. The scores are the ones the
// product is held to: in-scope messages answered right, out-of-scope ones
// refused (and the subject named), multi-question messages fully answered,
// and neighbouring conditions never answered.
#ifndef FAQBOT_BOT_TOOLS_QUESTION_SET_H_
#define FAQBOT_BOT_TOOLS_QUESTION_SET_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dialogs/dialog_tree.h"

namespace faqbot::bot {

struct LabelledQuestion {
  std::string text;
  std::string label;  // the "class"
  nlohmann::json expect;
  int line = 0;
};

Result<std::vector<LabelledQuestion>> ParseQuestionSet(std::string_view text,
                                                       std::string_view name);

struct QuestionScore {
  int in_scope = 0, in_scope_right = 0;
  int out_of_scope = 0, refused = 0, refused_named = 0;
  int multi = 0, multi_full = 0;
  int neighbours = 0, neighbours_answered = 0;
  int red_flags = 0, escalated = 0;   // messages that must escalate
  std::vector<std::string> failures;  // "line N [class] expected ... got ..."

  double in_scope_rate() const;
  double refused_rate() const;
  double multi_rate() const;
  // The product's bar: in scope >= 95 %, out of scope refused >= 90 %,
  // multi-question >= 90 %, no neighbouring condition answered, every
  // red flag escalated.
  bool MeetsTargets() const;
};

// Asks every question of the set in a fresh session over `pack`.
// One line of what a reply was: its kind and node, what it did not cover,
// "+caveat", then its parts' kinds and nodes ("answer overview | fallback
// not_covered=alcohol").
std::string Describe(const dialogs::Reply& r);

QuestionScore ScoreQuestions(std::shared_ptr<const dialogs::Pack> pack,
                             const std::vector<LabelledQuestion>& questions,
                             std::string_view file_name);

void PrintQuestionScore(const QuestionScore& score, std::string_view file,
                        std::ostream& out);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_TOOLS_QUESTION_SET_H_
