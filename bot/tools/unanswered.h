// What people asked that the pack did not answer, grouped so an author
// can act on it (`faqbot transcripts`): by the word the pack does not know
// (with the intents.txt line that would route it, when the rest of the
// question points at a section), or by the subject the article does not
// cover (nothing to add: the fallback is right).
#ifndef FAQBOT_BOT_TOOLS_UNANSWERED_H_
#define FAQBOT_BOT_TOOLS_UNANSWERED_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "dialogs/dialog_tree.h"

namespace faqbot::bot {

struct UnansweredGroup {
  enum class Why {
    kUnknownWord,  // `word` is not in the pack
    kNotCovered,   // the article does not cover `word` (a right fallback)
    kOther,        // every word known, still no answer
  };
  Why why = Why::kOther;
  std::string word;
  uint64_t count = 0;                 // questions, with repeats
  std::vector<std::string> examples;  // up to three
  // The line to add to intents.txt ("[node x]\nkeywords: word") when
  // the word's other questions point at a section, else "". For
  // kNotCovered it is only a lead: add it only if that section really is
  // about the word.
  std::string suggestion;
};

// `questions`: text and how often it came (TranscriptReport::unanswered);
// `answered`: other questions with the node that answered them, for the
// section a word is used with ("is bilharzia a parasite?" ->
// parasitic-infection). Questions the pack answers now are left out.
// Largest groups first.
std::vector<UnansweredGroup> GroupUnanswered(
    const dialogs::Pack& pack,
    const std::vector<std::pair<std::string, uint64_t>>& questions,
    const std::vector<std::pair<std::string, std::string>>& answered = {});

void PrintUnanswered(const std::vector<UnansweredGroup>& groups,
                     std::ostream& out);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_TOOLS_UNANSWERED_H_
