#include "intents/medical_terms.h"

#include <optional>
#include <string>

namespace faqbot::intents {
namespace {

// Whether `word` or its singular ("cysts", "ovaries") is in the class.
bool Lists(const Lexicon& lexicon, std::string_view word, WordClass cls) {
  if (lexicon.Is(word, cls)) return true;
  if (word.ends_with("ies") &&
      lexicon.Is(std::string(word.substr(0, word.size() - 3)) + "y", cls)) {
    return true;
  }
  if (word.ends_with("es") &&
      lexicon.Is(word.substr(0, word.size() - 2), cls)) {
    return true;
  }
  return word.ends_with('s') &&
         lexicon.Is(word.substr(0, word.size() - 1), cls);
}

bool EndsWithOneOf(std::string_view word, const Lexicon& lexicon,
                   WordClass endings) {
  for (const auto& e : lexicon.Entries(endings)) {
    if (word.size() > e.size() + 2 && word.ends_with(e)) return true;
  }
  return false;
}

// The kind the lexicon's own lists give a word, organs first, or none.
std::optional<TermKind> ListedKind(const WordClasses& bits) {
  if (bits.test(static_cast<std::size_t>(WordClass::kOrgans))) {
    return TermKind::kOrgan;
  }
  if (bits.test(static_cast<std::size_t>(WordClass::kGroups))) {
    return TermKind::kGroup;
  }
  if (bits.test(static_cast<std::size_t>(WordClass::kFindings))) {
    return TermKind::kFinding;
  }
  return std::nullopt;
}

}  // namespace

TermKind ClassifyTerm(std::string_view word, const Lexicon& lexicon) {
  return ClassifyTerm(word, lexicon.Classes(word), lexicon);
}

bool NamesAGroup(std::string_view word, const Lexicon& lexicon) {
  return ListedKind(lexicon.BitsOf(word).classes) == TermKind::kGroup;
}

TermKind ClassifyTerm(const ClassedWords& words, std::size_t i) {
  return ClassifyTerm(words[i], words.Classes(i), words.lexicon());
}

TermKind ClassifyTerm(std::string_view word, const WordClasses& bits,
                      const Lexicon& lexicon) {
  if (const auto kind = ListedKind(bits)) return *kind;
  if (NamesADisease(word, lexicon)) return TermKind::kJargon;
  if (word.size() < 5) return TermKind::kOrdinary;
  if (Lists(lexicon, word, WordClass::kEveryday)) return TermKind::kOrdinary;
  if (!Lists(lexicon, word, WordClass::kMedical)) {
    // Rarer terms neither list has ("angiomyolipoma"): by their ending.
    return word.size() >= 8 &&
                   EndsWithOneOf(word, lexicon, WordClass::kConditionEndings)
               ? TermKind::kJargon
               : TermKind::kOrdinary;
  }
  // Jargon that is not a condition: medicines, professions, and the
  // adjectives of reports ("hyperechoic", "nodular", "parenchymal").
  return EndsWithOneOf(word, lexicon, WordClass::kNotConditionEndings)
             ? TermKind::kOrdinary
             : TermKind::kJargon;
}

bool NamesADisease(std::string_view word, const Lexicon& lexicon) {
  // "Pneumonia", "asthma", "gout", "flu": everyday or short as they may be.
  return word.size() >= 3 && Lists(lexicon, word, WordClass::kDiseases) &&
         !Lists(lexicon, word, WordClass::kNoConditionDiseases);
}

bool IsEverydayWord(std::string_view word, const Lexicon& lexicon) {
  return Lists(lexicon, word, WordClass::kEveryday);
}

bool IsMedicalWord(std::string_view word, const Lexicon& lexicon) {
  return Lists(lexicon, word, WordClass::kMedical);
}

bool MayNameCondition(std::string_view word, const Lexicon& lexicon) {
  return IsMedicalWord(word, lexicon) && !IsEverydayWord(word, lexicon) &&
         !EndsWithOneOf(word, lexicon, WordClass::kNotConditionEndings);
}

bool MedicalVocabularyLoaded(const Lexicon& lexicon) {
  return lexicon.HasWordList(WordClass::kMedical) &&
         lexicon.HasWordList(WordClass::kEveryday);
}

}  // namespace faqbot::intents
