// What an article tells about its own words, read with zero authoring:
//   - the warning signs its closing advice lists ("see a doctor promptly
//     for severe pain, fever or chills, or little or no urine"), which
//     become the pack's red flags;
//   - the other names of its terms that the lexicon knows (WordNet's
//     first sense: "kidney stones" are also "renal calculi"), and the
//     names it gives in parentheses ("a fluid-filled nodule (a cyst)").
// Internal to dialogs/ (the pack compiler).
#ifndef FAQBOT_DIALOGS_ARTICLE_KNOWLEDGE_H_
#define FAQBOT_DIALOGS_ARTICLE_KNOWLEDGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "intents/lexicon.h"

namespace faqbot::dialogs {

// The signs listed after "for" or "if" in a sentence of `advice` that has
// one of the lexicon's [urgent-advice] phrases, each as written: "severe
// pain", "fever or chills", "little or no urine". A list's last item is
// split at its last "or" unless it started with "or" ("black stools or
// confusion" is two signs; ", or little or no urine" one).
std::vector<std::string> WarningSigns(std::string_view advice,
                                      const intents::Lexicon& lexicon);

// The same signs, each with whether the advice asks for a doctor soon
// for it rather than urgent help: "see a doctor promptly for a lump that
// grows quickly, and seek urgent help for a lump that becomes red, hot
// and swollen" tells two kinds ([soon-advice] phrases); an advice with
// one kind only tells its emergencies, whatever its words.
struct WarningSign {
  std::string text;
  bool soon = false;
};
std::vector<WarningSign> AdviceSigns(std::string_view advice,
                                     const intents::Lexicon& lexicon);

// A synonym group, "canonical: alternative, ...", with where it came from.
struct TermSynonyms {
  std::string group;
  intents::Origin origin;
};

// For each term of an article's normalized `words` (intents::Normalize,
// read once for this and Initialisms: a medical word, or a phrase of two
// or three words) whose first sense the lexicon knows, a group naming the term
// by its other names: those a person may write that are not everyday words
// ("nephrolith", "renal calculus"; not "water" for urine).
std::vector<TermSynonyms> OtherNames(const std::vector<std::string>& words,
                                     const intents::Lexicon& lexicon);

// For each word of an article's normalized `words` that names a
// substance the lexicon knows foods or drinks to contain ("caffeine":
// coffee, tea), a group naming it by those the article does not name
// itself: a person asks about their coffee, the article about caffeine.
std::vector<TermSynonyms> ContainerNames(const std::vector<std::string>& words,
                                         const intents::Lexicon& lexicon);

// "It looks very like a blood clot in the leg": the words a sentence
// likens something to, after a likeness word ([likeness-words]) and its
// article, up to the next stopword ("blood clot").
std::vector<std::string> LikenedThings(std::string_view sentence,
                                       const intents::Lexicon& lexicon);

// "Irritable bowel syndrome": a phrase of three or four of the article's
// words (no stopword, no number) is named by its initials too ("IBS",
// "PVD"), unless they spell a word of the lexicon.
std::vector<TermSynonyms> Initialisms(const std::vector<std::string>& words,
                                      const intents::Lexicon& lexicon);

// "A fluid-filled nodule (a cyst)", "flat polyps (sessile serrated
// lesions)": a finding's word in parentheses, after up to two words that
// describe it, right after a word, which it names. The article's own
// other name for a kind of what that word names.
struct ParenthesisedName {
  std::string named;  // the word before the parentheses ("nodule")
  std::string name;   // the name inside them ("cyst", "sessile serrated
                      // lesions")
};
std::vector<ParenthesisedName> ParenthesisedNames(
    std::string_view sentence, const intents::Lexicon& lexicon);

// `text` without what is in parentheses ("an enlarged prostate is ...").
std::string WithoutParentheses(std::string_view text);

// "An enlarged prostate (benign prostatic hyperplasia, BPH) is ...": the
// names in the parentheses of a definition's subject, before its verb,
// each of up to four words ("benign prostatic hyperplasia", "bph").
std::vector<std::string> DefinedSubjectsNames(std::string_view sentence);

}  // namespace faqbot::dialogs

#endif  // FAQBOT_DIALOGS_ARTICLE_KNOWLEDGE_H_
