// Medical terms: which words of a question name a condition, a finding or
// an organ, so that a question about something the article does not cover
// is recognised as such ("Is a hemangioma dangerous?" to an article about
// calcifications) instead of answered with the article's content.
//
// Medical jargon is what the lexicon's medical vocabulary lists
// (hunspell-en-med) and its everyday words do not ("hemangioma",
// "steatosis", "adenoma"), or a rare word with a condition's ending
// ("-oma", "-itis"); the lexicon's own lists hold what a vocabulary cannot
// tell: everyday words that name findings ("cyst", "mass", "shadow"),
// organs and body parts, groups of patients.
#ifndef FAQBOT_INTENTS_MEDICAL_TERMS_H_
#define FAQBOT_INTENTS_MEDICAL_TERMS_H_

#include <cstddef>
#include <string_view>

#include "intents/classed_words.h"
#include "intents/lexicon.h"

namespace faqbot::intents {

enum class TermKind {
  kOrdinary,  // an everyday word, or not a condition ("benign", "tired")
  kJargon,    // a medical term from the vocabulary ("hemangioma")
  kFinding,   // an everyday word that names a finding ("cyst", "mass")
  kOrgan,     // an organ or body part ("kidney", "breast", "nasal")
  kGroup,     // a group of patients the article may not cover ("baby")
};

// What kind of word `word` (normalized, lower case) is.
TermKind ClassifyTerm(std::string_view word, const Lexicon& lexicon);
// The same for word `i` of `words`, whose classes are known.
TermKind ClassifyTerm(const ClassedWords& words, std::size_t i);
// The same for a word whose lexicon classes `bits` are known.
TermKind ClassifyTerm(std::string_view word, const WordClasses& bits,
                      const Lexicon& lexicon);

// Whether ClassifyTerm would say kGroup (a group of patients, not an
// organ), in one lookup.
bool NamesAGroup(std::string_view word, const Lexicon& lexicon);

// Whether `word` (or its singular) is in the medical vocabulary at all
// (the spelling corrector never "corrects" such a word into an article
// word).
bool IsMedicalWord(std::string_view word, const Lexicon& lexicon);

// Whether `word` may name a condition when one is asked after ("could it
// be PCOS?"): a medical word, not an everyday one, without the ending of
// a medicine, a profession or an adjective ("hereditary").
bool MayNameCondition(std::string_view word, const Lexicon& lexicon);

// Whether `word` (or its singular) names a disease (WordNet), not the
// words of disease in general ("cancer", "disease").
bool NamesADisease(std::string_view word, const Lexicon& lexicon);

// Whether `word` (or its singular) is everyday English.
bool IsEverydayWord(std::string_view word, const Lexicon& lexicon);

// Whether both word lists were found (else only the hand lists work).
bool MedicalVocabularyLoaded(const Lexicon& lexicon);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_MEDICAL_TERMS_H_
