// Reading a whole message the way a person wrote it: which parts ask
// something, which tell a story, and which carry personal details.
//
//   "Hello doctor, I am 38 and my scan showed a 5 mm calcification. Is it
//    cancer? What causes it, and does it need surgery? Thank you!"
//   questions: "Is it cancer?" / "What causes it" / "does it need surgery?"
//   context:   "I am 38 and my scan showed a 5 mm calcification."
//   social:    "Hello doctor" ... "Thank you!"; personal: "38", "5 mm"
//
// Sentences split at . ? ! and line breaks (sentences.h); a sentence is a
// question when it ends with '?', starts with a question word ("what",
// "can", "should", "is"...), or says it wants to know ("I would like to
// know which..."). A question sentence splits again at ", and"/"and"/";"
// before another question word ("What causes it, and is it dangerous?")
// and at a comma after a statement ("My report says X, what should I
// do?"), whose first part is context. Everything else is context, except
// greetings, thanks, apologies and sign-offs, which are set aside.
//
// Personal details are what a doctor would need to read, and a bot must
// not: measurements ("7 mm"), ages ("I am 45", "72-year-old"), lab values
// ("ALT 85"), words quoted from a report, and "my report/scan says".
#ifndef FAQBOT_INTENTS_MESSAGE_H_
#define FAQBOT_INTENTS_MESSAGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "intents/lexicon.h"

namespace faqbot::intents {

struct MessageShape {
  std::vector<std::string> questions;  // in the order asked
  std::string context;                 // the story, statements joined
  std::vector<std::string> social;     // greetings, thanks, apologies
  // Personal details found ("7 mm", "I am 45", "'calcified foci'").
  std::vector<std::string> personal;
  // "...draining it or keyhole surgery. Which one is better?": the
  // statement whose options a question chooses between (in `text`).
  std::string_view options;
};

// `words`, when given, are `text` already normalized (an Analysis's
// words), so a one-sentence message is not normalized again.
MessageShape ReadMessage(std::string_view text, const Lexicon& lexicon,
                         const std::vector<std::string>* words = nullptr);

// Whether a sentence's words open like a question ("what ...", "is it",
// "can worms", after openers such as "so" or "doctor").
bool StartsLikeQuestion(const std::vector<std::string>& words,
                        const Lexicon& lexicon);

// Whether a sentence's words open a yes/no question ("will I lose my
// ovary?", "do they need to be removed?"), not a wh-question.
bool AsksYesOrNo(const std::vector<std::string>& words, const Lexicon& lexicon);

// Whether `word` could be a lab test's short code ("alt", "afp"): a
// short word of letters that is no stopword, auxiliary or [not-lab-names].
bool IsLabCode(const std::string& word, const Lexicon& lexicon);

// Whether words tell nothing but one's own values ("my ALT is 120 and
// AST 80"): lab codes with their numbers, numbers with units.
bool TellsOnlyValues(const std::vector<std::string>& words,
                     const Lexicon& lexicon);

// `text` with the words it quotes from a report ('like this') blanked
// out, for deciding what a question asks about: a report's words are
// context, not a subject.
std::string WithoutPersonalDetails(std::string_view text);

// Whether `text` quotes words from a report: without such a quote,
// WithoutPersonalDetails gives `text` back as it is.
bool QuotesAReport(std::string_view text);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_MESSAGE_H_
