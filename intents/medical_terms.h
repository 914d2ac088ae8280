// Medical terms: which words of a question name a condition, a finding or
// an organ, so that a question about something the article does not cover
// is recognised as such ("Is a hemangioma dangerous?" to an article about
// calcifications) instead of answered with the article's content.
//
// The vocabulary is Debian's hunspell-en-med (about 90,000 English medical
// terms, /usr/share/hunspell/en_med_glut.dic) minus the everyday words of
// Debian's wamerican-small (/usr/share/dict/american-english-small): what
// remains is medical jargon ("hemangioma", "steatosis", "adenoma"). Both
// are read once per process; without them only the hand-made lists below
// work (and a warning says so). The hand-made lists hold what the
// vocabulary cannot tell: everyday words that name findings ("cyst",
// "mass", "shadow") and the names of organs and body parts, which both
// dictionaries list as ordinary English.
#ifndef FAQBOT_INTENTS_MEDICAL_TERMS_H_
#define FAQBOT_INTENTS_MEDICAL_TERMS_H_

#include <string>
#include <string_view>

namespace faqbot::intents {

enum class TermKind {
  kOrdinary,  // an everyday word, or not a condition ("benign", "tired")
  kJargon,    // a medical term from the vocabulary ("hemangioma")
  kFinding,   // an everyday word that names a finding ("cyst", "mass")
  kOrgan,     // an organ or body part ("kidney", "breast", "nasal")
  kGroup,     // a group of patients the article may not cover ("baby")
};

// What kind of word `word` (normalized, lower case) is.
TermKind ClassifyTerm(std::string_view word);

// Whether `word` is in the medical vocabulary at all (the spelling
// corrector never "corrects" such a word into an article word).
bool IsMedicalWord(std::string_view word);

// Whether `word` is everyday English (in the common-words list).
bool IsEverydayWord(std::string_view word);

// Whether the vocabulary files were found (else only the hand lists work).
bool MedicalVocabularyLoaded();

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_MEDICAL_TERMS_H_
