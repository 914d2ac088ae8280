#include "intents/analyzer.h"

#include <algorithm>

#include "intents/medical_terms.h"
#include "intents/normalizer.h"
#include "intents/text.h"

namespace faqbot::intents {
Analyzer::Analyzer(const Lexicon& lexicon, SynonymTable synonyms,
                   bool corrects_spelling)
    : lexicon_(&lexicon),
      synonyms_(std::move(synonyms)),
      spelling_(corrects_spelling) {
  if (corrects_spelling) spelling_.SetBase(lexicon.BuiltinSpelling());
  for (const auto& word : synonyms_.words()) spelling_.Add(word);
  for (const auto& word : lexicon.Entries(WordClass::kStopwords)) {
    spelling_.Add(word);
  }
}

std::vector<std::string> Analyzer::Normalize(std::string_view text) const {
  return intents::Normalize(text, *lexicon_);
}

void Analyzer::AddVocabulary(std::string_view text, int weight) {
  Learn(lexicon_->Vocabulary(text), weight);
}

std::vector<std::string> Analyzer::AddVocabulary(
    const Lexicon::VocabularyText& text) {
  return Learn(text, 1);
}

std::vector<std::string> Analyzer::Learn(const Lexicon::VocabularyText& text,
                                         int weight) {
  for (std::size_t i = 0; i < text.words.size(); ++i) {
    spelling_.Add(text.words[i], weight);
    stems_.try_emplace(text.words[i], WordInfo{text.stems[i], false});
  }
  std::vector<std::string> terms = text.stems;
  synonyms_.Apply(&terms, nullptr);
  for (const auto& term : terms) known_terms_[term] += weight;
  return terms;
}

std::string Analyzer::CachedStem(std::string_view word) const {
  const auto it = stems_.find(word);
  return it != stems_.end() ? it->second.stem : lexicon_->Stem(word);
}

std::string Analyzer::FamilyTerm(std::string_view word) const {
  std::string stem = CachedStem(word);
  if (KnowsTerm(stem)) return stem;
  std::string related = RelatedTerm(stem);
  return related.empty() ? stem : related;
}

std::vector<std::string> Analyzer::Terms(std::string_view text) const {
  std::vector<std::string> terms;
  for (const auto& word : Normalize(text)) terms.push_back(CachedStem(word));
  synonyms_.Apply(&terms, nullptr);
  return terms;
}

void Analyzer::Freeze() {
  for (auto& [word, info] : stems_) {
    info.known = KnowsTerm(info.stem);
    info.synonym = synonyms_.StartsPhrase(info.stem);
  }
  sorted_terms_.clear();
  for (const auto& [term, uses] : known_terms_) sorted_terms_.push_back(term);
  std::sort(sorted_terms_.begin(), sorted_terms_.end());
}

std::string Analyzer::RelatedTerm(const std::string& stem) const {
  // Short stems relate too loosely ("polyp", "polyposis"); so do forms far
  // apart in length.
  constexpr std::size_t kMinShared = 6, kMaxExtra = 5;
  // A longer form that adds a word of its own is a compound, not a form
  // of the same word ("breast" and "breastfeed").
  const auto compound = [&](std::string_view extra) {
    return extra.size() >= 3 && IsEverydayWord(extra, *lexicon_);
  };
  // Before Freeze() the vocabulary is still being added: nothing relates.
  if (sorted_terms_.empty()) return "";
  // "Prostatitis" is no form of "prostate": a word the stemmer keeps whole
  // ([whole-endings], an inflammation) names a condition of its own.
  for (const auto& ending : lexicon_->Entries(WordClass::kWholeEndings)) {
    if (stem.ends_with(ending)) return "";
  }
  if (std::string near = WithoutNearEnding(stem); !near.empty()) return near;
  if (stem.size() < kMinShared) return "";
  if (std::string sized = SizePrefixed(stem); !sized.empty()) return sized;
  for (std::size_t len = stem.size() - 1;
       len >= kMinShared && stem.size() - len <= kMaxExtra; --len) {
    if (KnowsTerm(std::string_view(stem).substr(0, len)) &&
        !compound(std::string_view(stem).substr(len))) {
      return stem.substr(0, len);
    }
  }
  const auto it =
      std::lower_bound(sorted_terms_.begin(), sorted_terms_.end(), stem);
  if (it != sorted_terms_.end() && it->starts_with(stem) &&
      it->size() - stem.size() <= kMaxExtra &&
      !compound(std::string_view(*it).substr(stem.size()))) {
    return *it;
  }
  return "";
}

// "Greenish" is the article's "green", "reddish" its "red": an ending
// that says "somewhat" ([near-endings]) off a known term.
std::string Analyzer::WithoutNearEnding(const std::string& stem) const {
  constexpr std::size_t kMinLeft = 3;
  for (const std::string& ending : lexicon_->Entries(WordClass::kNearEndings)) {
    if (stem.size() < ending.size() + kMinLeft || !stem.ends_with(ending)) {
      continue;
    }
    std::string left = stem.substr(0, stem.size() - ending.size());
    if (KnowsTerm(left)) return left;
    // "redd"-ish: a doubled last letter.
    if (left.size() > kMinLeft && left.back() == left[left.size() - 2] &&
        KnowsTerm(std::string_view(left).substr(0, left.size() - 1))) {
      left.pop_back();
      return left;
    }
  }
  return "";
}

std::string Analyzer::SizePrefixed(const std::string& stem) const {
  for (const std::string& prefix :
       lexicon_->Entries(WordClass::kSizePrefixes)) {
    if (std::string with = prefix + stem; KnowsTerm(with)) return with;
    if (stem.starts_with(prefix) &&
        KnowsTerm(std::string_view(stem).substr(prefix.size()))) {
      return stem.substr(prefix.size());
    }
  }
  return "";
}

// What one message word becomes: the work for a word the pack does not
// know (stemming, the word family, spelling correction).
struct Analyzer::WordOutcome {
  std::string term;
  std::string corrected;  // the corrected word, or ""
  bool related = false;   // `term` is the pack's form of the word family
  bool unknown = false;
};

Analyzer::WordOutcome Analyzer::Outcome(const std::string& word,
                                        bool correct_spelling) const {
  WordOutcome out;
  out.term = CachedStem(word);
  // Like spelling, fitting a person's words to the pack's is for
  // messages, not for the pack's own sentences.
  if (correct_spelling && !KnowsTerm(out.term)) {
    if (std::string related = RelatedTerm(out.term); !related.empty()) {
      out.term = std::move(related);
      out.related = true;
      return out;
    }
  }
  // A word whose stem the pack uses ("treated" for "treatment") is
  // spelled right, whatever the vocabulary's exact forms are.
  // A real medical term is not a typo ("hemangioma" must not become an
  // article word).
  const std::string* spelled = &word;
  if (correct_spelling && !KnowsTerm(out.term) &&
      !IsMedicalWord(word, *lexicon_) && !IsEverydayWord(word, *lexicon_)) {
    if (auto fixed = spelling_.Correct(word)) {
      out.corrected = std::move(*fixed);
      out.term = CachedStem(out.corrected);
      spelled = &out.corrected;
    }
  }
  out.unknown = !IsNumber(*spelled) &&
                !lexicon_->Is(*spelled, WordClass::kStopwords) &&
                spelled->size() > 2 && !spelling_.Contains(*spelled) &&
                !KnowsTerm(out.term);
  return out;
}

Analysis Analyzer::Analyze(std::string_view text, bool correct_spelling) const {
  Analysis a;
  a.words = Normalize(text);
  a.terms.reserve(a.words.size());
  bool synonyms = false;  // whether a term may start a synonym phrase
  for (auto& word : a.words) {
    // One lookup for words the pack knows: the common case.
    if (const auto it = stems_.find(word);
        it != stems_.end() && it->second.known) {
      a.terms.push_back(it->second.stem);
      synonyms = synonyms || it->second.synonym;
      continue;
    }
    const WordOutcome out = Outcome(word, correct_spelling);
    if (out.related) a.related.push_back({word, out.term});
    if (!out.corrected.empty()) {
      a.corrections.push_back({word, out.corrected});
      word = out.corrected;
    }
    if (out.unknown) a.unknown.push_back(word);
    a.terms.push_back(out.term);
    synonyms = synonyms || synonyms_.StartsPhrase(out.term);
  }
  if (synonyms) {
    synonyms_.Apply(&a.terms, &a.synonyms);
    // "calcified" became "calcification": the article may say it with a
    // size prefix ("microcalcifications").
    for (auto& term : a.terms) {
      if (KnowsTerm(term)) continue;
      if (std::string sized = SizePrefixed(term); !sized.empty()) {
        a.related.push_back({term, sized});
        term = std::move(sized);
      }
    }
  }
  a.text = AnalyzedText(a.terms);
  return a;
}

}  // namespace faqbot::intents
