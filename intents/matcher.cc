#include "intents/matcher.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include "intents/denials.h"
#include "intents/medical_terms.h"
#include "intents/normalizer.h"
#include "intents/sentences.h"
#include "intents/stemmer.h"
#include "intents/text.h"

namespace faqbot::intents {
namespace {

std::string Format(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// Whether `term` is a stopword or the stem of one ("doe" for "does").
bool IsStopTerm(const std::string& term, const Lexicon& lexicon) {
  return lexicon.Is(term, WordClass::kStopwords) ||
         lexicon.IsStem(term, WordClass::kStopwords);
}

// The candidate for `intent`, added when the message first touches it.
// Sparse: only intents the message touches (a handful), so the cost does
// not grow with the number of intents in the pack.
Candidate& CandidateFor(Signals* sig, int intent) {
  auto& cands = sig->candidates;
  for (auto& c : cands) {
    if (c.intent == intent) return c;
  }
  return cands.emplace_back(Candidate{.intent = intent});
}

// `from`'s elements after `to`'s: moved when `from` is an rvalue.
template <typename Vector, typename From>
void Append(Vector& to, From&& from) {
  if constexpr (std::is_rvalue_reference_v<From&&>) {
    to.insert(to.end(), std::make_move_iterator(from.begin()),
              std::make_move_iterator(from.end()));
  } else {
    to.insert(to.end(), from.begin(), from.end());
  }
}

// A sentence's analysis added to its text's (`a` moved from or copied).
template <typename A>
void AppendAnalysis(Analysis* whole, A&& a) {
  Append(whole->words, std::forward<A>(a).words);
  Append(whole->corrections, std::forward<A>(a).corrections);
  Append(whole->synonyms, std::forward<A>(a).synonyms);
  Append(whole->related, std::forward<A>(a).related);
  Append(whole->terms, std::forward<A>(a).terms);
  Append(whole->unknown, std::forward<A>(a).unknown);
}

SynonymTable LexiconSynonyms(const Lexicon& lexicon) {
  SynonymTable table;
  if (auto s = table.AddLexiconGroups(lexicon); !s) {
    throw std::logic_error(s.error().message);
  }
  return table;
}

}  // namespace

const RedFlagHit* Signals::urgent() const { return FirstUrgent(red_flags); }

const RedFlagHit* Signals::told() const {
  for (const auto& hit : red_flags) {
    if (!hit.urgent() && hit.telling != Telling::kNegated) return &hit;
  }
  return nullptr;
}

Facet Signals::facet() const {
  int best = 0;  // the strongest cue; of equally strong ones, the first
  for (int f = 1; f < kFacetCount; ++f) {
    if (facets[f] > facets[best] + 0.05 ||
        (facets[f] >= facets[best] - 0.05 && facets[f] > 0 &&
         facet_at[f] < facet_at[best])) {
      best = f;
    }
  }
  return static_cast<Facet>(best);
}

Aspect Signals::aspect() const {
  // "How long does it take to form?" asks how fast it grows.
  if (aspects[static_cast<int>(Aspect::kGrowth)] &&
      aspects[static_cast<int>(Aspect::kDuration)]) {
    return Aspect::kGrowth;
  }
  for (int a = 1; a < kAspectCount; ++a) {
    if (aspects[a]) return static_cast<Aspect>(a);
  }
  return Aspect::kNone;
}

double Signals::facet_strength() const {
  return facets[static_cast<int>(facet())];
}

Matcher::Matcher(std::shared_ptr<const Lexicon> lexicon)
    : Matcher(lexicon, LexiconSynonyms(*lexicon)) {}
Matcher::Matcher(std::shared_ptr<const Lexicon> lexicon, SynonymTable synonyms,
                 bool corrects_spelling)
    : lexicon_(std::move(lexicon)),
      analyzer_(*lexicon_, std::move(synonyms), corrects_spelling) {}

std::vector<SentenceWords> Matcher::ReadSentences(
    std::string_view text, bool correct_spelling, Analysis* whole,
    SentenceAnalyses* known) const {
  std::vector<SentenceWords> out;
  if (!correct_spelling) known = nullptr;
  const std::vector<std::string_view> sentences =
      SentenceViews(text, *lexicon_);
  for (const std::string_view sentence : sentences) {
    const Analysis* read = known ? known->Find(sentence) : nullptr;
    Analysis analysis;
    if (!read) {
      analysis = analyzer_.Analyze(sentence, correct_spelling);
      // A text of one sentence is a question read once: not worth keeping.
      read = known && sentences.size() > 1
                 ? &known->Add(sentence, std::move(analysis))
                 : &analysis;
    }
    out.push_back({sentence, read->words, read->terms});
    if (!whole) continue;
    // The whole text's analysis is its sentences' (no synonym spans a
    // sentence's end): each word is read once. A sentence read here is
    // moved into it; one kept is copied.
    if (read == &analysis && whole->words.empty() && whole->terms.empty()) {
      *whole = std::move(analysis);  // the first sentence: nothing to add to
    } else if (read == &analysis) {
      AppendAnalysis(whole, std::move(analysis));
    } else {
      AppendAnalysis(whole, *read);
    }
  }
  if (whole) whole->text = AnalyzedText(whole->terms);
  return out;
}

Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;
Matcher::~Matcher() = default;

int Matcher::AddIntent(std::string name) {
  intents_.push_back({std::move(name), {}});
  return static_cast<int>(intents_.size()) - 1;
}

void Matcher::AddKeywords(int intent, std::string_view text, double weight,
                          std::string origin) {
  analyzer_.AddVocabulary(text);
  // A rare word of the text names its intent as a heading word does:
  // "Bosniak", "dialysis", "tolvaptan"; not "suggested" (see BuildPostings).
  StringSet rare;
  if (MedicalVocabularyLoaded(*lexicon_)) {
    for (const auto& word : analyzer_.Normalize(text)) {
      if (word.size() >= 5 && !IsNumber(word) &&
          !IsEverydayWord(word, *lexicon_)) {
        for (auto& t : analyzer_.Terms(word)) rare.insert(std::move(t));
      }
    }
  }
  const std::vector<std::string> terms = analyzer_.Terms(text);
  for (std::size_t i = 0; i + 1 < terms.size(); ++i) {
    pack_bigrams_.insert(terms[i] + " " + terms[i + 1]);
  }
  if (weight >= kSubjectWeight) AddCompoundHeads(text);
  // "Treatment without surgery": a heading's words after a negator name
  // the section only for a message that negates them too.
  bool negated = false;
  for (const auto& term : terms) {
    negated = negated || (weight >= kNamingWeight &&
                          lexicon_->Is(term, WordClass::kNegators));
    // A number is a size, an age or a count, which a person's own message
    // carries as context ("it measures 12 mm"); it names no topic.
    if (term.size() < 2 || IsStopTerm(term, *lexicon_) || IsNumber(term)) {
      continue;
    }
    pack_terms_.insert(term);
    if (weight >= kSubjectWeight) subject_level_terms_.insert(term);
    auto& kw = intents_.at(intent).keywords;
    const KeywordInfo info{
        term,   weight, origin, weight >= kNamingWeight, rare.contains(term),
        negated};
    auto [it, inserted] = kw.try_emplace(term, info);
    if (!inserted && weight > it->second.weight) it->second = info;
  }
}

std::vector<std::string> Matcher::CompoundHeads(std::string_view text) const {
  constexpr std::size_t kMinPrefix = 3;  // "gall"; not "nodules" in "modules"
  std::vector<std::string> heads;
  for (const auto& word : analyzer_.Normalize(text)) {
    for (const auto& finding : lexicon_->Entries(WordClass::kFindings)) {
      if (word.size() < finding.size() + kMinPrefix ||
          !word.ends_with(finding) ||
          lexicon_->Is(word.substr(0, word.size() - finding.size()),
                       WordClass::kStopwords)) {
        continue;
      }
      for (auto& term : analyzer_.Terms(finding)) {
        heads.push_back(std::move(term));
      }
    }
  }
  return heads;
}

// "Gallstones" in a title or heading: a word ending in a finding's word
// names that finding too, so "my stones" asks about the subject.
void Matcher::AddCompoundHeads(std::string_view text) {
  for (auto& term : CompoundHeads(text)) {
    pack_terms_.insert(term);
    subject_level_terms_.insert(std::move(term));
  }
}

Status Matcher::AddTagged(Tag tag) {
  const PhraseAnalyzer analyze = [this](std::string_view phrase) {
    return analyzer_.Terms(phrase);
  };
  auto regex = CompilePattern(tag.source, analyze, set_.cache());
  if (!regex) {
    return std::unexpected(Error::ParseError(tag.origin + ": pattern \"" +
                                             tag.source +
                                             "\": " + regex.error().message));
  }
  // Only an intent's pattern is the pack's; the rest are the lexicon's.
  auto index =
      set_.Add(*regex, tag.kind == Kind::kIntent ? PatternSet::Owner::kPack
                                                 : PatternSet::Owner::kLexicon);
  if (!index) {
    return std::unexpected(Error::ParseError(tag.origin + ": pattern \"" +
                                             tag.source +
                                             "\": " + index.error().message));
  }
  tags_.push_back(std::move(tag));
  return Ok();
}

Status Matcher::AddPattern(int intent, std::string_view pattern, double weight,
                           std::string origin) {
  analyzer_.AddVocabulary(pattern);
  for (const auto& term : analyzer_.Terms(pattern)) pack_terms_.insert(term);
  return AddTagged(
      {Kind::kIntent, intent, weight, std::move(origin), std::string(pattern)});
}

Status Matcher::AddRedFlag(std::string name, std::string_view pattern,
                           std::string origin) {
  analyzer_.AddVocabulary(pattern);
  ++author_red_flags_;
  return red_flags_.Add(std::move(name), Urgency::kEmergency, pattern,
                        std::move(origin));
}

void Matcher::AddWarningSign(std::string name, std::string_view text,
                             std::string origin, bool soon) {
  // Groups of alternatives: "fever or chills" is one group, "yellowing of
  // the skin or eyes" two ({yellow}, {skin, eye}); a negation is "no".
  std::vector<std::vector<std::string>> groups;
  bool join = false;
  for (const auto& word : analyzer_.Normalize(text)) {
    if (word == "or") {
      join = !groups.empty();
      continue;
    }
    std::string term;
    if (lexicon_->Is(word, WordClass::kNegators)) {
      term = "no";
    } else if (lexicon_->Is(word, WordClass::kSignQualifiers) ||
               (!lexicon_->Is(word, WordClass::kStopwords) &&
                !lexicon_->Is(word, WordClass::kSignFillers) &&
                !lexicon_->Is(word, WordClass::kLinkingVerbs) &&
                !IsNumber(word))) {
      const auto terms = analyzer_.Terms(word);
      if (terms.size() != 1) continue;
      term = terms[0];
    } else {
      continue;
    }
    if (join) {
      groups.back().push_back(std::move(term));
    } else {
      groups.push_back({std::move(term)});
    }
    join = false;
  }
  analyzer_.AddVocabulary(text);
  red_flags_.AddSign(std::move(name), std::move(groups), std::move(origin),
                     soon);
}

void Matcher::AddLikened(std::string_view text) {
  for (auto& term : analyzer_.Terms(text)) {
    likened_terms_.insert(std::move(term));
  }
}

void Matcher::MarkUsualCourse(const std::vector<std::string>& description,
                              const std::vector<std::string>& warning_signs) {
  const auto read = [&](const std::vector<std::string>& texts) {
    std::vector<SentenceWords> out;
    for (const auto& text : texts) {
      auto sentences = ReadSentences(text, /*correct_spelling=*/false);
      for (auto& s : sentences) {
        s.text = {};  // the texts are the caller's
        out.push_back(std::move(s));
      }
    }
    return out;
  };
  red_flags_.MarkUsual(read(description), read(warning_signs));
}

void Matcher::AddPassage(int intent, std::string_view sentence) {
  std::vector<std::string> terms;
  for (auto& term : analyzer_.Terms(sentence)) {
    if (term.size() >= 2 && !IsStopTerm(term, *lexicon_) && !IsNumber(term)) {
      terms.push_back(std::move(term));
    }
  }
  passages_.Add(intent, std::move(terms), std::string(sentence));
  // The subject's own bounds ("a spot up to 3 centimetres across") are
  // no case of it.
  if (intent != subject_intent_) AddSizeRanges(intent, sentence);
}

void Matcher::AddSizeRanges(int intent, std::string_view text) {
  for (const SizeRange& range : SizeRangesIn(text, *lexicon_)) {
    sized_.push_back({intent, range, std::string(text)});
  }
}

bool Matcher::GivesSizesIn(int intent) const {
  return std::any_of(sized_.begin(), sized_.end(),
                     [&](const SizedPassage& p) { return p.intent == intent; });
}

void Matcher::SetSubject(int intent, std::string_view text) {
  subject_intent_ = intent;
  for (auto& term : analyzer_.Terms(text)) {
    if (!IsStopTerm(term, *lexicon_)) subject_terms_.insert(std::move(term));
  }
}

void Matcher::AddSubjectName(int intent, std::string_view text,
                             std::string origin) {
  AddKeywords(intent, text, kSubjectWeight, std::move(origin));
  for (auto& term : analyzer_.Terms(text)) {
    if (!IsStopTerm(term, *lexicon_)) subject_names_.insert(std::move(term));
  }
}

Status Matcher::Compile() {
  if (compiled_) throw std::logic_error("Matcher::Compile called twice");
  compiled_ = true;
  gives_sizes_ = GivesSizes();
  if (auto s = AddBuiltins(); !s) return s;
  if (auto s = set_.Compile(); !s) return s;
  if (auto s = red_flags_.Compile(); !s) return s;
  analyzer_.Freeze();
  BuildPostings();
  child_term_ = TermOf("child");
  passages_.Build();
  return Ok();
}

// Built-in knowledge shares the set with the pack's patterns, and its
// words are vocabulary: "fever" must never be "corrected" into some word
// of the article.
Status Matcher::AddBuiltins() {
  const Lexicon& lex = *lexicon_;
  for (const auto& vocabulary : lex.BuiltinVocabulary()) {
    const auto terms = analyzer_.AddVocabulary(vocabulary);
    // Subjects from the scope list that the pack never names; "size" is
    // named by an article that gives sizes ("stones over 3 centimetres").
    if (!vocabulary.scope ||
        (gives_sizes_ && lex.Is(vocabulary.text, WordClass::kSizeWords))) {
      continue;
    }
    for (const auto& term : terms) {
      if (!pack_terms_.contains(term)) {
        scope_terms_.try_emplace(term, vocabulary.text);
      }
    }
  }
  for (const auto& cue : lex.Cues()) {
    if (auto s = AddTagged({Kind::kCue, static_cast<int>(cue.facet), cue.weight,
                            cue.origin, cue.pattern});
        !s) {
      return s;
    }
  }
  for (const auto& cue : lex.AspectCues()) {
    if (auto s = AddTagged({Kind::kAspect, static_cast<int>(cue.aspect), 1.0,
                            cue.origin, cue.pattern});
        !s) {
      return s;
    }
  }
  for (const auto& st : lex.SmalltalkPatterns()) {
    if (auto s = AddTagged({Kind::kSmalltalk, static_cast<int>(st.kind), 1.0,
                            st.origin, st.pattern});
        !s) {
      return s;
    }
  }
  for (const auto& flag : lex.RedFlags()) {
    if (auto s = red_flags_.Add(flag.name, flag.urgency, flag.pattern,
                                flag.origin, PatternSet::Owner::kLexicon);
        !s) {
      return s;
    }
  }
  for (std::size_t i = 0; i < lex.Requests().size(); ++i) {
    const auto& request = lex.Requests()[i];
    if (auto s = AddTagged({Kind::kRequest, static_cast<int>(i), 1.0,
                            request.origin, request.pattern});
        !s) {
      return s;
    }
  }
  for (const auto& line : lex.PersonalAdvice()) {
    if (auto s =
            AddTagged({Kind::kPersonalAdvice, 0, 1.0, line.origin, line.text});
        !s) {
      return s;
    }
  }
  return Ok();
}

// Keyword weights: inverse document frequency over intents. Generic
// words and the words of facet cues ("treatment", "regular", "diet") say
// what is asked, not which topic it is about, so they count less.
void Matcher::BuildPostings() {
  StringSet& generic = generic_terms_;
  for (const auto& word : lexicon_->Entries(WordClass::kGeneric)) {
    for (const auto& t : analyzer_.Terms(word)) generic.insert(t);
  }
  for (const auto& cue : lexicon_->Cues()) {
    for (const auto& t : analyzer_.Terms(cue.pattern)) cue_terms_.insert(t);
    // "treat*" covers "treatment", "treated"...: keep the prefix.
    std::string_view rest = cue.pattern;
    while (!rest.empty()) {
      const std::size_t star = rest.find('*');
      if (star == std::string_view::npos) break;
      std::size_t start = star;
      while (start > 0 &&
             std::isalpha(static_cast<unsigned char>(rest[start - 1]))) {
        --start;
      }
      if (star - start >= kCuePrefixHead) {
        cue_prefixes_.emplace_back(rest.substr(start, star - start));
        cue_prefix_heads_.insert(rest.substr(start, kCuePrefixHead));
      }
      rest.remove_prefix(star + 1);
    }
  }
  std::unordered_map<std::string, int> df;
  for (const auto& intent : intents_) {
    for (const auto& [term, _] : intent.keywords) ++df[term];
  }
  const double n = static_cast<double>(intents_.size());
  for (std::size_t i = 0; i < intents_.size(); ++i) {
    for (auto& [term, kw] : intents_[i].keywords) {
      const double idf = std::log((n + 1.0) / (df[term] + 0.5));
      // A section's heading word names it even when generic ("Small
      // hemangiomas" against "Large hemangiomas"); the title's do not.
      const bool heading = kw.names && kw.origin == "heading";
      const bool damped = (generic.contains(term) && !heading) ||
                          (IsCueTerm(term) && !kw.names) ||
                          (static_cast<int>(i) != subject_intent_ &&
                           subject_terms_.contains(term));
      kw.weight *= std::max(idf, 0.0) * (damped ? kGenericWordFactor : 1.0);
      // The title's own words in the summary: however rare in the
      // sections ("breast" where they all say "cyst"), they name the
      // subject every message is about more than the summary's topic.
      if (static_cast<int>(i) == subject_intent_ &&
          (subject_terms_.contains(term) || subject_names_.contains(term))) {
        kw.weight = std::min(kw.weight, kSubjectWordWeight);
      }
      const bool names = kw.names || (kw.rare && !IsCueTerm(term));
      postings_[term].push_back(
          {static_cast<int>(i), kw.weight, damped, names, kw.negated});
    }
  }
  // A term shared by very many intents names none of them; keeping only
  // its heaviest postings bounds the cost of a message whatever the size
  // of the pack (packs of up to kMaxPostings intents are unaffected).
  for (auto& [term, postings] : postings_) {
    if (postings.size() <= kMaxPostings) continue;
    std::partial_sort(postings.begin(), postings.begin() + kMaxPostings,
                      postings.end(), [](const Posting& a, const Posting& b) {
                        return a.weight != b.weight ? a.weight > b.weight
                                                    : a.intent < b.intent;
                      });
    postings.resize(kMaxPostings);
  }
}

bool Matcher::IsCueTerm(const std::string& term) const {
  if (cue_terms_.contains(term)) return true;
  // Most terms share no prefix's first letters: one lookup rules them out.
  if (term.size() < kCuePrefixHead ||
      !cue_prefix_heads_.contains(
          std::string_view(term).substr(0, kCuePrefixHead))) {
    return false;
  }
  return std::any_of(cue_prefixes_.begin(), cue_prefixes_.end(),
                     [&](const std::string& p) { return term.starts_with(p); });
}

std::vector<RedFlagHit> Matcher::RedFlags(std::string_view text) const {
  if (!compiled_) throw std::logic_error("Matcher::RedFlags before Compile");
  Analysis analysis;
  return red_flags_.Read(
      ReadSentences(text, /*correct_spelling=*/true, &analysis));
}

Signals Matcher::Match(std::string_view text, bool correct_spelling,
                       bool explain, SentenceAnalyses* known) const {
  Signals sig = Read(text, correct_spelling, known);
  Score(text, &sig, explain);
  return sig;
}

Signals Matcher::Read(std::string_view text, bool correct_spelling,
                      SentenceAnalyses* known, bool red_flags) const {
  if (!compiled_) throw std::logic_error("Matcher::Read before Compile");
  Signals sig;
  std::vector<SentenceWords> sentences =
      ReadSentences(text, correct_spelling, &sig.analysis, known);
  if (red_flags) sig.red_flags = red_flags_.Read(sentences);
  SetAsideDenials(sentences, &sig.analysis);
  SetAsideToldPhrases(sentences, &sig.analysis);
  return sig;
}

void Matcher::Score(std::string_view text, Signals* sig, bool explain) const {
  if (!compiled_) throw std::logic_error("Matcher::Score before Compile");
  ScoreKeywords(sig, explain);
  ApplyPatterns(sig, explain);
  ScorePassages(sig, explain);
  ScoreSizes(text, sig, explain);
  // Best first; equal scores go to the sentence the words meet in better
  // ("how much fibre should I eat?": the advice's "eat plenty of fibre",
  // not "a diet low in fibre"), then keep the intents' order (the
  // overview first).
  std::sort(sig->candidates.begin(), sig->candidates.end(),
            [](const Candidate& a, const Candidate& b) {
              if (a.score != b.score) return a.score > b.score;
              if (a.passage != b.passage) return a.passage > b.passage;
              return a.intent < b.intent;
            });
}

// Each term of a denied span leaves the message's terms once (the same
// word asked elsewhere in the message stays).
void Matcher::SetAsideDenials(const std::vector<SentenceWords>& sentences,
                              Analysis* a) const {
  // "No symptoms" read as one term ("without symptoms", a heading's
  // words): a property told, not a denial.
  std::string negated_phrases;
  for (const auto& use : a->synonyms) {
    const std::string_view first =
        std::string_view(use.phrase).substr(0, use.phrase.find(' '));
    if (first.size() < use.phrase.size() &&
        lexicon_->Is(first, WordClass::kNegators)) {
      negated_phrases += " " + use.phrase + " ";
    }
  }
  const auto in_negated_phrase = [&](const std::string& word) {
    return !negated_phrases.empty() &&
           negated_phrases.find(" " + analyzer_.CachedStem(word) + " ") !=
               std::string::npos;
  };
  for (const auto& s : sentences) {
    for (const auto& [first, last] :
         DeniedSpans(s.words, *lexicon_, IsStatement(s.text))) {
      if (std::all_of(s.words.begin() + static_cast<std::ptrdiff_t>(first),
                      s.words.begin() + static_cast<std::ptrdiff_t>(last),
                      in_negated_phrase)) {
        continue;
      }
      std::string span;
      for (std::size_t i = first; i < last; ++i) {
        span += (span.empty() ? "" : " ") + s.words[i];
        a->denied.push_back(s.words[i]);
      }
      RemoveTermsOnce(span, a);
    }
  }
  if (!a->denied.empty()) a->text = AnalyzedText(a->terms);
}

// "I was diagnosed with a hemangioma": in a sentence that tells, the
// content words of a [told-phrases] entry say how the person knows, not
// what they ask ("how is it diagnosed?" keeps them).
void Matcher::SetAsideToldPhrases(const std::vector<SentenceWords>& sentences,
                                  Analysis* a) const {
  bool removed = false;
  for (const auto& s : sentences) {
    if (!IsStatement(s.text)) continue;
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const std::size_t n =
          lexicon_->EntryAt(s.words, i, WordClass::kToldPhrases);
      for (std::size_t k = i; k < i + n; ++k) {
        if (lexicon_->Is(s.words[k], WordClass::kStopwords)) continue;
        RemoveTermsOnce(s.words[k], a);
        removed = true;
      }
      if (n > 0) i += n - 1;
    }
  }
  if (removed) a->text = AnalyzedText(a->terms);
}

// Each term of `span` leaves `a`'s terms once.
void Matcher::RemoveTermsOnce(const std::string& span, Analysis* a) const {
  for (const auto& term :
       analyzer_.Analyze(span, /*correct_spelling=*/false).terms) {
    const auto it = std::find(a->terms.begin(), a->terms.end(), term);
    if (it != a->terms.end()) a->terms.erase(it);
  }
}

void Matcher::ScoreKeywords(Signals* sig, bool explain) const {
  const auto& terms = sig->analysis.terms;
  FirstTimes first(terms);  // each term counts once
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const std::string& term = terms[i];
    if (!first(i)) continue;
    if (const auto scope = scope_terms_.find(term);
        scope != scope_terms_.end()) {
      sig->out_of_scope.push_back(scope->second);
    }
    const auto it = postings_.find(term);
    if (it == postings_.end()) continue;
    // Whether the message negates the term (asked only of a heading's
    // word, "without surgery": most terms have none). A heading's negated
    // word counts only negated, its other words only not ("I have no
    // symptoms" is not "Large cysts that cause symptoms"), but for the
    // subject's ("aren't fibroids cancer?").
    int negation = -1;  // looked up once, when a posting asks
    const auto negated = [&] {
      const auto negator = [&](std::size_t back) {
        return i >= back && lexicon_->Is(terms[i - back], WordClass::kNegators);
      };
      if (negation < 0) negation = negator(1) || negator(2) ? 1 : 0;
      return negation == 1;
    };
    for (const auto& p : it->second) {
      if (p.weight <= 0 || (p.negated ? !negated()
                                      : p.names && negated() &&
                                            !subject_terms_.contains(term))) {
        continue;
      }
      Candidate& c = CandidateFor(sig, p.intent);
      c.score += p.weight;
      if (!p.damped) c.specific += p.weight;
      if (!p.damped && p.names) c.naming += p.weight;
      if (explain) {
        c.evidence.push_back("keyword " + term + " +" + Format(p.weight) +
                             (p.damped ? " (generic)" : ""));
      }
    }
  }
}

void Matcher::ScoreSizes(std::string_view text, Signals* sig,
                         bool explain) const {
  if (sized_.empty()) return;
  // The largest size told: what grew to it ("4 mm three years ago, 12 mm
  // now"), the biggest of several, decides.
  const std::vector<double> sizes = SizesIn(text, *lexicon_);
  if (sizes.empty()) return;
  const double mm = *std::max_element(sizes.begin(), sizes.end());
  std::vector<int> counted;  // each intent once
  for (const SizedPassage& p : sized_) {
    if (!p.range.Holds(mm) ||
        std::find(counted.begin(), counted.end(), p.intent) != counted.end()) {
      continue;
    }
    counted.push_back(p.intent);
    Candidate& c = CandidateFor(sig, p.intent);
    c.score += kSizeWeight;
    c.specific += kSizeWeight;
    c.sized = true;
    if (explain) {
      c.evidence.push_back("size " + Format(mm) + " mm in \"" +
                           p.sentence.substr(0, 48) + "...\" +" +
                           Format(kSizeWeight));
    }
  }
}

void Matcher::ScorePassages(Signals* sig, bool explain) const {
  // Words that say something of a sentence: not generic, not a facet cue,
  // not the pack's own subject (which every sentence is about), and not a
  // word that names the sentence's own topic (its heading's, an author's
  // keyword): those chose the topic, not the sentence.
  // Rank asks of one term for each of its passages in turn: the term's own
  // part of the answer is worked out once.
  // (Two pointers captured: std::function keeps them without allocating.)
  struct {
    const std::string* term = nullptr;
    bool plain = false;
  } last;
  const auto says = [this, &last](const std::string& term, int intent) {
    if (&term != last.term) {
      last.term = &term;
      last.plain = !generic_terms_.contains(term) && !IsCueTerm(term) &&
                   !subject_terms_.contains(term);
    }
    if (!last.plain) return false;
    const auto& keywords = intents_[intent].keywords;
    const auto it = keywords.find(term);
    return it == keywords.end() || !it->second.names;
  };
  sig->passages = passages_.Rank(sig->analysis.terms, kPassagesRanked, says);
  for (auto& c : sig->candidates) {
    for (const auto& hit : sig->passages) {  // best first
      if (hit.intent != c.intent) continue;
      c.passage = hit.specific;
      if (explain) {
        c.evidence.push_back("passage \"" +
                             passages_.text(hit.passage).substr(0, 48) +
                             "...\" " + Format(hit.specific));
      }
      break;
    }
  }
}

void Matcher::ApplyPatterns(Signals* sig, bool explain) const {
  const std::string& analyzed = sig->analysis.text;
  std::vector<int> hits;
  set_.Match(analyzed, &hits);
  std::vector<int> cues;  // the facet cues among the hits
  for (const int index : hits) {
    const Tag& tag = tags_[index];
    switch (tag.kind) {
      case Kind::kIntent: {
        Candidate& c = CandidateFor(sig, tag.target);
        c.score += tag.weight;
        c.specific += tag.weight;
        c.naming += tag.weight;
        if (explain) {
          c.evidence.push_back("pattern \"" + tag.source + "\" +" +
                               Format(tag.weight));
        }
        break;
      }
      case Kind::kCue:
        cues.push_back(index);
        break;
      case Kind::kSmalltalk: {
        // "ok thanks bye" is a goodbye; "hi, who are you" asks who.
        constexpr int kRank[] = {/*greeting*/ 0, /*thanks*/ 2, /*goodbye*/ 3,
                                 /*help*/ 1, /*identity*/ 4};
        if (!sig->smalltalk ||
            kRank[static_cast<int>(*sig->smalltalk)] < kRank[tag.target]) {
          sig->smalltalk = static_cast<Smalltalk>(tag.target);
        }
        break;
      }
      case Kind::kRequest:
        sig->requests.push_back(lexicon_->Requests()[tag.target].name);
        break;
      case Kind::kPersonalAdvice:
        sig->personal_advice = true;
        break;
      case Kind::kAspect:
        sig->aspects[tag.target] = true;
        break;
    }
  }
  const std::vector<int> counted = CuesOutsideHeadings(cues, *sig);
  for (const int index : cues) {
    const Tag& tag = tags_[index];
    const bool counts =
        std::find(counted.begin(), counted.end(), index) != counted.end();
    if (counts) {
      double& strength = sig->facets[tag.target];
      strength = std::max(strength, tag.weight);
    }
    if (explain) {
      sig->cue_evidence.push_back(
          std::string(FacetName(static_cast<Facet>(tag.target))) + " \"" +
          tag.source + "\" " + Format(tag.weight) + " (" + tag.origin + ")" +
          (counts ? "" : " not counted: part of a heading named"));
    }
  }
  LocateCues(counted, sig);
  AskedConsequence(sig, explain);
}

// "Can calcification cause itching?", "could it give me pain?": a yes/no
// question whose subject causes something asks what it leads to (its
// symptoms), not what causes it; only where no clear cue names a facet.
void Matcher::AskedConsequence(Signals* sig, bool explain) const {
  constexpr double kWeight = 0.9;  // above the weak cue "cause" (0.8)
  const Lexicon& lex = *lexicon_;
  const auto& w = sig->analysis.words;
  if (w.size() < 4 || !lex.Is(w[0], WordClass::kAuxiliaries) ||
      *std::max_element(sig->facets.begin(), sig->facets.end()) >= 1.0 ||
      std::none_of(w.begin(), w.end(), [&](const std::string& word) {
        return lex.Is(word, WordClass::kCausingVerbs);
      })) {
    return;
  }
  const auto subject = [&](const std::string& word) {
    const std::string term = TermOf(word);
    return subject_level_terms_.contains(term) &&
           !lex.IsStem(term, WordClass::kOrgans);
  };
  bool named = false;
  for (std::size_t i = 1; i + 1 < w.size(); ++i) {
    named = named || subject(w[i]) || lex.Is(w[i], WordClass::kPointingBack);
    if (!named || !lex.Is(w[i], WordClass::kCausingVerbs)) continue;
    // "Can worms cause liver calcification?" asks a cause.
    const auto rest = w.begin() + static_cast<std::ptrdiff_t>(i) + 1;
    if (std::any_of(rest, w.end(), subject)) return;
    std::size_t k = i + 1;
    while (k < w.size() && (lex.Is(w[k], WordClass::kStopwords) ||
                            lex.Is(w[k], WordClass::kDeterminers))) {
      ++k;
    }
    if (k == w.size()) return;
    const auto symptoms = static_cast<std::size_t>(Facet::kSymptoms);
    sig->facets[symptoms] = std::max(sig->facets[symptoms], kWeight);
    if (explain) {
      sig->cue_evidence.push_back("symptoms \"" + w[i] + " " + w[k] +
                                  "\" 0.90 (what the subject leads to)");
    }
    return;
  }
}

void Matcher::AddHeading(std::string_view heading) {
  auto terms = analyzer_.Terms(heading);
  if (terms.size() >= 2) headings_.push_back(std::move(terms));
}

std::vector<bool> Matcher::HeadingMentions(
    const std::vector<std::string>& terms) const {
  // The whole heading, in order: part of one ("liver cancer" of
  // "Precursor to liver cancer") may be just what is asked.
  std::vector<bool> in(terms.size(), false);
  for (const auto& heading : headings_) {
    const bool plain =
        std::any_of(heading.begin(), heading.end(),
                    [&](const auto& t) { return !IsCueTerm(t); });
    if (!plain || heading.size() > terms.size()) continue;
    for (std::size_t i = 0; i + heading.size() <= terms.size(); ++i) {
      if (std::equal(heading.begin(), heading.end(), terms.begin() + i)) {
        std::fill(in.begin() + i, in.begin() + i + heading.size(), true);
      }
    }
  }
  return in;
}

std::vector<int> Matcher::CuesOutsideHeadings(const std::vector<int>& cues,
                                              const Signals& sig) const {
  const auto& terms = sig.analysis.terms;
  // Most messages name no heading whole: no allocation for them.
  const bool may =
      std::any_of(headings_.begin(), headings_.end(), [&](const auto& heading) {
        return std::find(terms.begin(), terms.end(), heading.front()) !=
               terms.end();
      });
  if (cues.empty() || !may) return cues;
  const std::vector<bool> in = HeadingMentions(terms);
  if (std::find(in.begin(), in.end(), true) == in.end()) return cues;
  // Where each term starts in the analysed text (" t1 t2 ... ").
  std::vector<std::size_t> starts;
  for (std::size_t i = 0, at = 1; i < terms.size(); ++i) {
    starts.push_back(at);
    at += terms[i].size() + 1;
  }
  std::vector<int> out;
  for (const int index : cues) {
    std::size_t begin = 0, end = 0;
    set_.Find(index, sig.analysis.text, &begin, &end);
    bool inside = end > begin;
    for (std::size_t i = 0; inside && i < terms.size(); ++i) {
      const std::size_t term_end = starts[i] + terms[i].size();
      if (starts[i] < end && term_end > begin) inside = in[i];
    }
    if (!inside) out.push_back(index);
  }
  return out;
}

void Matcher::LocateCues(const std::vector<int>& cues, Signals* sig) const {
  const bool several = std::any_of(cues.begin(), cues.end(), [&](int index) {
    return tags_[index].target != tags_[cues.front()].target;
  });
  if (!several) return;
  for (const int index : cues) {
    std::size_t begin = 0, end = 0;
    set_.Find(index, sig->analysis.text, &begin, &end);
    std::size_t& at = sig->facet_at[tags_[index].target];
    at = std::min(at, begin);
  }
}

std::vector<Matcher::KeywordInfo> Matcher::Keywords(int intent) const {
  std::vector<KeywordInfo> out;
  for (const auto& [_, kw] : intents_.at(intent).keywords) out.push_back(kw);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
  });
  return out;
}

std::vector<std::string> Matcher::Patterns(int intent) const {
  std::vector<std::string> out;
  for (const auto& tag : tags_) {
    if (tag.kind == Kind::kIntent && tag.target == intent) {
      out.push_back(tag.source + "  (" + tag.origin + ")");
    }
  }
  return out;
}

}  // namespace faqbot::intents
