// Matcher::CheckSubject: what one question asks about, and whether the
// pack covers it. The question's words, personal details set aside, are
// sorted by medical_terms.h:
//   - a word the pack names as a subject (title, heading, an author's
//     keyword; not an organ, not a facet cue such as "cancer" or
//     "treatment") means the question is about the pack;
//   - an organ, a group of patients ("baby", "pregnancy"), a finding
//     ("cyst", "mass") or a medical term ("hemangioma") that the pack does
//     not name as a subject is uncovered: the pack never uses it, or only
//     in passing.
// Generic words (imaging, "doctor", "report") and ordinary words never
// decide anything: a word the article does not use is not the subject of
// the question because of that alone.
#include <algorithm>
#include <optional>
#include <unordered_set>

#include "intents/classed_words.h"
#include "intents/matcher.h"
#include "intents/medical_terms.h"
#include "intents/message.h"
#include "intents/normalizer.h"
#include "intents/string_map.h"
#include "intents/text.h"

namespace faqbot::intents {
namespace {

// "Is it safe to fly with...", "can I still dive...": the activity asked
// about, or npos.
std::size_t ActivityAsked(const ClassedWords& w) {
  for (std::size_t i = 0; i + 2 < w.size(); ++i) {
    const bool allowed = w.Is(i, WordClass::kAllowed) && w[i + 1] == "to";
    const bool can_i = w[i] == "can" && w[i + 1] == "i";
    if (!allowed && !can_i) continue;
    std::size_t verb = i + 2;
    const bool still = can_i && w[verb] == "still" && verb + 1 < w.size();
    if (still) ++verb;
    // "can I fly with it", "can I still dive"; not "can I prevent it".
    const bool with =
        verb + 2 < w.size() &&
        (w[verb + 1] == "with" || w[verb + 1] == "while" ||
         w[verb + 1] == "if" || w[verb + 2] == "if" || w[verb + 2] == "with");
    if (can_i && !still && !with) continue;
    if (!w.Is(verb, WordClass::kManagementVerbs)) return verb;
  }
  return std::string::npos;
}

// "Should I drink less coffee?", "can I eat eggs": what is eaten or drunk,
// or npos.
std::size_t ConsumptionAsked(const ClassedWords& w) {
  const auto verb = [&](std::size_t i) {
    return w.Is(i, WordClass::kConsumptionVerbs);
  };
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!verb(i)) continue;
    std::size_t j = i + 1;
    while (j < w.size() &&
           (w.Is(j, WordClass::kConsumptionBetween) || verb(j))) {
      ++j;
    }
    if (j < w.size()) return j;
  }
  return std::string::npos;
}

// "Could the nodule be from fatty liver?", "is this lesion...": what a
// yes/no question opens on is what it asks about, unless it causes
// something.
bool OpensTheQuestion(const ClassedWords& w, std::size_t i) {
  if (i == 0 || !w.Is(0, WordClass::kAuxiliaries)) return false;
  for (std::size_t j = 1; j < i; ++j) {
    if (!w.Is(j, WordClass::kDeterminers) &&
        !w.Is(j, WordClass::kPointingBack)) {
      return false;
    }
  }
  // "Can stones in the gallbladder cause polyps?" asks what the opener
  // does to the subject: a cause of it.
  for (std::size_t j = i + 1; j < w.size(); ++j) {
    if (w.Is(j, WordClass::kCausingVerbs)) return false;
  }
  return true;
}

const char* KindName(TermKind kind) {
  switch (kind) {
    case TermKind::kJargon:
      return "medical term";
    case TermKind::kFinding:
      return "finding";
    case TermKind::kOrgan:
      return "organ";
    case TermKind::kGroup:
      return "group of patients";
    case TermKind::kOrdinary:
      break;
  }
  return "word";
}

}  // namespace

struct Matcher::SubjectReading {
  SubjectReading(const Matcher& m, const Analysis& analysis, Facet f)
      : matcher(m),
        lexicon(*m.lexicon_),
        a(analysis),
        w(analysis.words, lexicon),
        facet(f),
        in_phrase(m.WordsOfKnownPhrases(analysis)),
        memo_(analysis.words.size()) {}

  const Matcher& matcher;
  const Lexicon& lexicon;
  const Analysis& a;
  ClassedWords w;  // a.words
  Facet facet;
  SubjectCheck check;
  StringSet named;  // each subject once
  // Words of a phrase read as a term the pack uses (WordsOfKnownPhrases):
  // empty when none is.
  std::vector<bool> in_phrase;

  bool InPhrase(std::size_t i) const {
    return !in_phrase.empty() && in_phrase[i];
  }
  // ClassifyTerm and TermOf of word `i`, each worked out once: the checks
  // ask them of a word and its neighbours again and again.
  TermKind Kind(std::size_t i) {
    Memo& m = memo_[i];
    if (!m.kind) m.kind = ClassifyTerm(w, i);
    return *m.kind;
  }
  const std::string& Term(std::size_t i) {
    Memo& m = memo_[i];
    if (!m.termed) {
      m.term = matcher.TermOf(a.words[i]);
      m.termed = true;
    }
    return m.term;
  }

  void Uncovered(const std::string& word, const std::string& term,
                 bool own_subject, std::string why) {
    if (named.contains(word) || named.contains(term)) return;
    named.insert(word);
    named.insert(term);
    check.uncovered.push_back(word);
    check.decides = check.decides || own_subject;
    if (lexicon.Is(word, WordClass::kPatientStates)) {
      check.patients.push_back(word);
    }
    check.evidence.push_back(word + ": " + std::move(why));
  }

 private:
  struct Memo {
    std::optional<TermKind> kind;
    bool termed = false;
    std::string term;
  };
  std::vector<Memo> memo_;  // one a word
};

// The word at `i` next to an organ the pack never names ("fatty
// pancreas", "splenic hemangioma"), or followed closely by "in/on/of
// [my|the...] <organ>".
bool Matcher::InAnotherOrgan(SubjectReading& r, std::size_t i) const {
  const ClassedWords& w = r.w;
  // An organ the article never names, or names only in passing ("bear
  // gallbladder capsules" in an article on the liver): not in its title,
  // headings or summary ("the wall of the large bowel (colon)").
  const auto elsewhere = [&](std::size_t k) {
    if (r.Kind(k) != TermKind::kOrgan) return false;
    const std::string& term = r.Term(k);
    return !subject_level_terms_.contains(term) && !InSummary(term);
  };
  // The place after "in/on/of": "in my left breast", "of the kidney".
  const auto place_after = [&](std::size_t k) {
    while (k < w.size() && (w.Is(k, WordClass::kDeterminers) ||
                            w.Is(k, WordClass::kPlainPlaces))) {
      ++k;
    }
    return k;
  };
  // "A fatty pancreas": the subject's word set before another organ;
  // "a splenic hemangioma": after one.
  if (i + 1 < w.size() && elsewhere(i + 1)) return true;
  if (i > 0 && elsewhere(i - 1)) return true;
  // "My liver has a small cyst": another organ that has the finding; "my
  // gallbladder wall is calcified": one that is it.
  constexpr std::size_t kHasWithin = 4;
  for (std::size_t k = i >= kHasWithin ? i - kHasWithin : 0; k + 1 < i; ++k) {
    if (!elsewhere(k)) continue;
    if (w.Is(k + 1, WordClass::kHavingVerbs)) return true;
    for (std::size_t j = k + 1; j < i && j <= k + 2; ++j) {
      if (w.Is(j, WordClass::kLinkingVerbs) && i <= j + 2) return true;
    }
  }
  for (std::size_t j = i + 1; j < w.size() && j <= i + 3; ++j) {
    if (!w.Is(j, WordClass::kLocatives)) continue;
    const std::size_t k = place_after(j + 1);
    return k < w.size() && elsewhere(k);
  }
  // "My prostate ultrasound shows calcifications", "a scan of my breast
  // found...": an examination of another organ, in words that name none
  // the pack does, found what it found there.
  bool examined_elsewhere = false;
  for (std::size_t k = 0; k < w.size() && !examined_elsewhere; ++k) {
    if (!w.Is(k, WordClass::kExaminations)) continue;
    const bool before = k > 0 && elsewhere(k - 1);
    bool of = false;  // "a scan of my breast"
    if (k + 2 < w.size() && w.Is(k + 1, WordClass::kLocatives)) {
      const std::size_t place = place_after(k + 2);
      of = place < w.size() && elsewhere(place);
    }
    examined_elsewhere = before || of;
  }
  if (!examined_elsewhere) return false;
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (r.Kind(k) == TermKind::kOrgan && pack_terms_.contains(r.Term(k))) {
      return false;
    }
  }
  return true;
}

SubjectCheck Matcher::CheckSubject(std::string_view question,
                                   Facet facet) const {
  return CheckSubject(
      analyzer_.Analyze(WithoutPersonalDetails(question), /*correct=*/true),
      facet);
}

// "Gall bladder", "gall stone": two words the synonym table read as one
// word written apart are that word here too, so that "bladder" is not
// taken for another organ. False when the words have no such pair.
bool Matcher::JoinSplitWords(const Analysis& a, Analysis* joined) const {
  bool any = false;
  std::vector<std::string> stems;  // of the words, once a pair is tried
  for (const auto& use : a.synonyms) {
    const std::size_t space = use.phrase.find(' ');
    if (space == std::string::npos ||
        use.phrase.find(' ', space + 1) != std::string::npos) {
      continue;
    }
    const std::string_view first(use.phrase.data(), space);
    const std::string_view second =
        std::string_view(use.phrase).substr(space + 1);
    const auto& w = any ? joined->words : a.words;
    if (stems.size() != w.size()) stems = Stems(w);
    for (std::size_t i = 0; i + 1 < w.size(); ++i) {
      if (stems[i] != first || stems[i + 1] != second ||
          TermOf(w[i] + w[i + 1]) != use.canonical) {
        continue;
      }
      if (!any) *joined = a;
      any = true;
      auto& words = joined->words;
      words[i] += words[i + 1];
      words.erase(words.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      stems.clear();
      break;
    }
  }
  return any;
}

std::vector<std::string> Matcher::Stems(
    const std::vector<std::string>& words) const {
  std::vector<std::string> stems;
  stems.reserve(words.size());
  for (const auto& word : words) stems.push_back(analyzer_.CachedStem(word));
  return stems;
}

std::vector<bool> Matcher::WordsOfKnownPhrases(const Analysis& a) const {
  std::vector<bool> in_phrase;  // empty: no such phrase (most messages)
  std::vector<std::string> word_stems;
  for (const auto& use : a.synonyms) {
    if (use.phrase.find(' ') == std::string::npos ||
        !pack_terms_.contains(use.canonical)) {
      continue;
    }
    in_phrase.resize(a.words.size(), false);
    if (word_stems.empty()) word_stems = Stems(a.words);
    std::vector<std::string_view> stems;
    for (std::size_t at = 0; at <= use.phrase.size();) {
      const std::size_t end =
          std::min(use.phrase.find(' ', at), use.phrase.size());
      stems.push_back(std::string_view(use.phrase).substr(at, end - at));
      at = end + 1;
    }
    for (std::size_t i = 0; i + stems.size() <= a.words.size(); ++i) {
      std::size_t n = 0;
      while (n < stems.size() && word_stems[i + n] == stems[n]) ++n;
      if (n < stems.size()) continue;
      std::fill_n(in_phrase.begin() + static_cast<std::ptrdiff_t>(i),
                  stems.size(), true);
    }
  }
  return in_phrase;
}

SubjectCheck Matcher::CheckSubject(const Analysis& question,
                                   Facet facet) const {
  Analysis joined;
  const Analysis& a = JoinSplitWords(question, &joined) ? joined : question;
  SubjectReading r(*this, a, facet);
  r.check.compares = r.w.HasEntry(WordClass::kComparisons);
  // Scope words first: "dosage" is also a medical term, which alone would
  // not decide.
  CheckScopeWords(r);
  for (std::size_t i = 0; i < r.a.words.size(); ++i) {
    if (!r.InPhrase(i)) CheckWord(r, i);
  }
  CheckActivities(r);
  CheckAskedThing(r);
  CheckLabTests(r);
  CheckAskedCause(r);
  CheckAskedCondition(r);
  CheckChild(r);
  CheckConditionNames(r);
  CheckPatientPhrases(r);
  return std::move(r.check);
}

std::vector<std::string> Matcher::SubjectStems() const {
  // CheckWord's way to "the article's subject": a term the pack names as
  // a subject and uses, not an organ, and not a cue or generic word (but
  // for an adjective that names a condition before an organ, "fatty").
  const auto names_subject = [&](const std::string& term) {
    if (!subject_level_terms_.contains(term) || !pack_terms_.contains(term) ||
        lexicon_->IsStem(term, WordClass::kOrgans)) {
      return false;
    }
    return !(IsCueTerm(term) || generic_terms_.contains(term)) ||
           lexicon_->IsStem(term, WordClass::kConditionAdjectives);
  };
  std::vector<std::string> stems = analyzer_.synonyms().WordsRewrittenTo(
      [&](std::string_view term) { return names_subject(std::string(term)); });
  for (const auto& term : subject_level_terms_) {
    if (names_subject(term)) stems.push_back(term);
  }
  return stems;
}

std::string Matcher::TermOf(const std::string& word) const {
  const auto term = [&](std::string stem) {
    const auto* rewrite = analyzer_.synonyms().RewriteOf(stem);
    if (!rewrite) return stem;
    return rewrite->empty() ? word : rewrite->front();
  };
  std::string stem = analyzer_.CachedStem(word);
  std::string plain = term(stem);
  if (pack_terms_.contains(plain)) return plain;
  // "calcification" for the article's "microcalcifications".
  std::string family = analyzer_.FamilyTerm(word);
  if (family == stem) return plain;
  family = term(std::move(family));
  return pack_terms_.contains(family) ? family : plain;
}

// A content word the pack never uses, nor a cue (unless `even_cues`) or
// generic word.
bool Matcher::Unheard(SubjectReading& r, std::size_t i, bool even_cues) const {
  const std::string& word = r.a.words[i];
  const std::string& term = r.Term(i);
  return !pack_terms_.contains(term) && (even_cues || !IsCueTerm(term)) &&
         !generic_terms_.contains(term) && !r.w.Is(i, WordClass::kStopwords) &&
         word.size() >= 3 && !(word.size() > 4 && word.ends_with("ly"));
}

struct Matcher::WordFacts {
  std::string term;
  TermKind kind = TermKind::kOrdinary;
  bool skip = false;     // short, a stopword or a number: names nothing
  bool subject = false;  // the pack names the term as a subject
  bool known = false;    // the pack uses the term
  bool generic_or_cue = false;
  bool condition_adjective = false;  // "fatty", "enlarged"
};

bool Matcher::InSummary(const std::string& term) const {
  return subject_intent_ >= 0 &&
         intents_.at(static_cast<std::size_t>(subject_intent_))
             .keywords.contains(term);
}

// "A microadenoma" to an article on adenomas: a size's prefix on the
// subject's word names the subject ("adenoma"); any other term is itself.
std::string_view Matcher::SubjectForm(std::string_view term) const {
  for (const std::string& prefix :
       lexicon_->Entries(WordClass::kSizePrefixes)) {
    if (term.starts_with(prefix) &&
        subject_level_terms_.contains(term.substr(prefix.size()))) {
      return term.substr(prefix.size());
    }
  }
  return term;
}

Matcher::WordFacts Matcher::FactsOf(SubjectReading& r, std::size_t i) const {
  WordFacts f;
  const std::string& word = r.a.words[i];
  f.skip = word.size() < 3 || r.w.Is(i, WordClass::kStopwords) ||
           std::isdigit(static_cast<unsigned char>(word[0]));
  if (f.skip) return f;
  f.term = r.Term(i);
  f.kind = r.Kind(i);
  f.subject = subject_level_terms_.contains(SubjectForm(f.term));
  f.known = pack_terms_.contains(f.term);
  f.generic_or_cue = generic_terms_.contains(f.term) || IsCueTerm(f.term);
  f.condition_adjective = r.w.Is(i, WordClass::kConditionAdjectives);
  return f;
}

void Matcher::CheckWord(SubjectReading& r, std::size_t i) const {
  const std::string& word = r.a.words[i];
  // "am for sure not pregnant": what a person denies is not the subject.
  if (std::find(r.a.denied.begin(), r.a.denied.end(), word) !=
      r.a.denied.end()) {
    return;
  }
  const WordFacts facts = FactsOf(r, i);
  if (facts.skip) return;
  const std::string term = facts.term;
  TermKind kind = facts.kind;
  const bool subject = facts.subject, known = facts.known;
  // "fatty liver", "enlarged spleen": an everyday word before an organ
  // names a condition, even a word that is also a cue ("fatty food").
  // "Treatment for kidney cancer" asks about the cancer when the article
  // only mentions it; "can it turn into cancer" asks a risk.
  if (i + 1 < r.a.words.size() && facts.condition_adjective &&
      r.Kind(i + 1) == TermKind::kOrgan) {
    kind = TermKind::kFinding;
  } else if (term == "cancer" && !subject && r.facet != Facet::kNone &&
             r.facet != Facet::kRisk && r.facet != Facet::kDefinition) {
    kind = TermKind::kFinding;
  } else if (facts.generic_or_cue && r.check.compares && !known &&
             kind != TermKind::kOrdinary) {
    // "told apart from a tumour": a cue word set beside the subject
    // names a condition, which an article that never uses it lacks.
    kind = TermKind::kFinding;
  } else if (facts.generic_or_cue) {
    // "Recovery after a liver transplant": a cue word, yet a procedure.
    if (!known && AfterAnAfterWord(r, i)) {
      r.Uncovered(word, term, true,
                  "life after a procedure the article never names");
    }
    return;
  }
  // "Exploratory surgery": a word that is only ever an adjective
  // describes; it names a condition only before an organ ("polycystic
  // ovaries"), and the finding it describes decides otherwise.
  if (kind == TermKind::kJargon && !known &&
      r.w.Is(i, WordClass::kAdjectivesOnly) &&
      !(i + 1 < r.a.words.size() && r.Kind(i + 1) == TermKind::kOrgan)) {
    return;
  }
  // "Bartholin cyst", "a chocolate cyst": a medical noun, or an everyday
  // word that is only ever a noun, the article never uses, just before
  // the finding the article is about, names another kind of it
  // (describing words, "follicular", were left above; "water" is also a
  // verb, and may only describe).
  const bool names_a_kind =
      kind == TermKind::kJargon ||
      (kind == TermKind::kOrdinary && r.w.Is(i, WordClass::kNounsOnly) &&
       !r.w.Is(i, WordClass::kUnits));
  if (names_a_kind && !known && i + 1 < r.a.words.size()) {
    const std::string& next = r.a.words[i + 1];
    const WordFacts head = FactsOf(r, i + 1);
    if (head.subject &&
        (head.kind == TermKind::kFinding || head.kind == TermKind::kJargon)) {
      r.Uncovered(word + " " + next, term, true,
                  "a kind of " + next + " the article does not name");
      r.check.other_kind = true;
      return;
    }
  }
  if (known && subject && kind != TermKind::kOrgan &&
      kind != TermKind::kGroup) {
    // "a polyp in my colon" is not the article's polyp.
    if (InAnotherOrgan(r, i)) {
      r.check.elsewhere = true;
      r.check.evidence.push_back(word + ": in another organ");
      return;
    }
    r.check.about_pack = true;
    r.check.names_title =
        r.check.names_title || subject_terms_.contains(SubjectForm(term));
    r.check.evidence.push_back(word + ": the article's subject");
    return;
  }
  CheckUncoveredWord(r, i, term, kind, known);
}

// "After an oophorectomy", "after a liver transplant": word `i` follows
// an after-word ([after-words]), past articles and one organ.
bool Matcher::AfterAnAfterWord(SubjectReading& r, std::size_t i) const {
  std::size_t before = i;
  if (before > 0 && r.Kind(before - 1) == TermKind::kOrgan) --before;
  while (before > 0 && r.w.Is(before - 1, WordClass::kArticles)) --before;
  return before > 0 && r.w.Is(before - 1, WordClass::kAfterWords);
}

// Words the article uses are covered, even in passing ("hydatid disease"
// in its section on parasites); only everyday words for findings ("cyst")
// must be its subject to count as covered.
void Matcher::CheckUncoveredWord(SubjectReading& r, std::size_t i,
                                 const std::string& term, TermKind kind,
                                 bool known) const {
  const std::string& word = r.a.words[i];
  r.check.own_organ = r.check.own_organ || (known && kind == TermKind::kOrgan);
  if (kind == TermKind::kOrdinary || (known && kind != TermKind::kFinding)) {
    return;
  }
  // "Is a Baker's cyst the same as a blood clot?": a finding the article
  // likens something to ("it looks very like a blood clot"), compared
  // with its subject, is the article's to tell apart.
  if (known && kind == TermKind::kFinding && r.check.compares &&
      likened_terms_.contains(term)) {
    r.check.evidence.push_back(word + ": " + KindName(kind) +
                               ", compared with the subject");
    return;
  }
  r.check.other_finding = r.check.other_finding || kind == TermKind::kFinding ||
                          kind == TermKind::kJargon;
  const bool opens =
      !known && (kind == TermKind::kFinding || kind == TermKind::kJargon) &&
      OpensTheQuestion(r.w, i);
  // "Is follow-up required after an oophorectomy?": life after a procedure
  // the article never names.
  const bool after =
      !known && kind == TermKind::kJargon && AfterAnAfterWord(r, i);
  r.Uncovered(
      word, term,
      kind == TermKind::kOrgan || kind == TermKind::kGroup || opens || after,
      std::string(KindName(kind)) +
          (known ? ", only mentioned in passing" : ", not in the article"));
}

void Matcher::CheckAskedCause(SubjectReading& r) const {
  CheckAskedOfTheSubject(r, WordClass::kCausingVerbs,
                         "a cause of the subject the article never names");
  CheckAskedOfTheSubject(r, WordClass::kRemedyWords,
                         "a remedy the article never names");
}

// "Does vaping cause lung nodules?", "is milk thistle good for liver
// cysts?": what a yes/no question puts before a verb of `verbs` and the
// subject, which the article never names.
void Matcher::CheckAskedOfTheSubject(SubjectReading& r, WordClass verbs,
                                     const char* why) const {
  constexpr std::size_t kVerbWithin = 4;
  const auto& w = r.a.words;
  if (w.size() < 4 || !r.w.Is(0, WordClass::kAuxiliaries)) return;
  std::size_t verb = 2;
  while (verb < w.size() && verb <= kVerbWithin && !r.w.Is(verb, verbs)) {
    ++verb;
  }
  if (verb >= w.size() || verb > kVerbWithin) return;
  bool of_subject = false;
  for (std::size_t i = verb + 1; i < w.size() && !of_subject; ++i) {
    of_subject = subject_terms_.contains(r.Term(i));
  }
  if (!of_subject) return;
  // "Can snail fever cause ...": a phrase the article's term is written as.
  const auto unheard = [&](std::size_t i) {
    return !r.InPhrase(i) && Unheard(r, i) &&
           !r.w.Is(i, WordClass::kPointingBack) &&
           !r.w.Is(i, WordClass::kDeterminers);
  };
  for (std::size_t i = 1; i < verb; ++i) {
    if (!unheard(i)) continue;
    std::string name = w[i];  // "milk thistle": the words together
    for (std::size_t j = i + 1; j < verb && unheard(j); ++j) {
      name += " " + w[j];
    }
    r.Uncovered(name, r.Term(i), true, why);
    return;
  }
}

// "What is this tumour marker?": a thing asked what it is, whose word the
// article never uses, is not the article's to explain.
void Matcher::CheckAskedThing(SubjectReading& r) const {
  constexpr std::size_t kLongestName = 3;
  const auto& w = r.a.words;
  if (w.size() < 3 || !r.w.Is(0, WordClass::kThingWords) ||
      !r.w.Is(1, WordClass::kDefinitionVerbs)) {
    return;
  }
  std::size_t from = 2;
  while (from < w.size() && (r.w.Is(from, WordClass::kArticles) ||
                             r.w.Is(from, WordClass::kPointingBack) ||
                             r.w.Is(from, WordClass::kDeterminers))) {
    ++from;
  }
  if (from >= w.size() || w.size() - from > kLongestName) return;
  for (std::size_t i = from; i < w.size(); ++i) {
    if (r.InPhrase(i) || r.w.Is(i, WordClass::kStopwords)) return;
  }
  if (!Unheard(r, w.size() - 1)) return;
  std::string name = w[from];
  for (std::size_t i = from + 1; i < w.size(); ++i) name += " " + w[i];
  r.Uncovered(name, r.Term(w.size() - 1), true,
              "asked what it is, a word the article never uses");
}

// "Is an elevated AFP level a sign of cancer?": a lab test named by its
// short code beside a level or a value, which the article never uses, is
// what the question asks about (not "my ALT is high" in an article that
// speaks of ALT).
void Matcher::CheckLabTests(SubjectReading& r) const {
  const auto& w = r.a.words;
  for (std::size_t at = 0; at < w.size(); ++at) {
    // Most questions have no level or number: one lookup a word.
    if (!r.w.Is(at, WordClass::kLabContext) &&
        !IsNumber(w[at], /*allow_separators=*/true)) {
      continue;
    }
    for (const std::size_t i : {at - 1, at + 1}) {  // at - 1 wraps at 0
      if (i >= w.size() || !IsLabCode(w[i], *lexicon_) ||
          IsEverydayWord(w[i], *lexicon_) || r.w.Is(i, WordClass::kUnits) ||
          r.InPhrase(i) || !Unheard(r, i)) {
        continue;
      }
      r.Uncovered(w[i], r.Term(i), true, "a lab test the article never names");
      r.check.lab_tests.push_back(w[i]);
    }
  }
}

// An activity, food or drink the article never speaks of: "safe to fly
// with it?", "should I drink less coffee?".
void Matcher::CheckActivities(SubjectReading& r) const {
  const auto& w = r.a.words;
  if (const std::size_t at = ActivityAsked(r.w);
      at != std::string::npos && Unheard(r, at)) {
    r.Uncovered(w[at], r.Term(at), true,
                "an activity the article never speaks of");
  }
  if (const std::size_t at = ConsumptionAsked(r.w);
      at != std::string::npos && Unheard(r, at, /*even_cues=*/true)) {
    r.Uncovered(w[at], r.Term(at), true,
                "food or drink the article never speaks of");
  }
  // "How big does it have to be...": sizes are a reader's own numbers,
  // unless the article gives sizes ("larger than 10 millimetres").
  if (gives_sizes_) return;
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    if ((w[i] == "how" && (w[i + 1] == "big" || w[i + 1] == "large")) ||
        (w[i] == "what" && w[i + 1] == "size")) {
      r.Uncovered("size", "size", true, "outside any single article");
    }
  }
}

bool Matcher::GivesSizes() const {
  for (const WordClass unit :
       {WordClass::kMillimetres, WordClass::kCentimetres}) {
    for (const auto& entry : lexicon_->Entries(unit)) {
      if (pack_terms_.contains(TermOf(entry))) return true;
    }
  }
  return false;
}

// "Does this mean I have polycystic ovary syndrome?", "could it be PCOS?":
// a condition asked after [asking-condition] that the pack never names is
// the question's subject, whatever else it names.
void Matcher::CheckAskedCondition(SubjectReading& r) const {
  const Lexicon& lex = *lexicon_;
  const auto& w = r.a.words;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::size_t n = r.w.EntryAt(i, WordClass::kAskingCondition);
    // "Should I have surgery" asks about doing something; the entries that
    // open with an auxiliary ("do I have") were tried a word before.
    if (n == 0 || (i > 0 && r.w.Is(i - 1, WordClass::kAuxiliaries))) {
      continue;
    }
    std::size_t k = i + n;
    while (k < w.size() && r.w.Is(k, WordClass::kArticles)) ++k;
    if (k >= w.size()) return;
    // The condition's name: up to three words before a stop word. One of
    // them is jargon, an everyday word for a finding, a condition's head
    // ("syndrome"), a medical word that may name one ("PCOS") or a word
    // no list knows; the first not a word the pack uses.
    std::string name;
    bool condition = false;
    const WordFacts first = FactsOf(r, k);
    for (std::size_t j = k; j < w.size() && j < k + 3; ++j) {
      if (r.w.Is(j, WordClass::kStopwords)) break;
      const WordFacts f = j == k ? first : FactsOf(r, j);
      const bool unlisted = !lex.Is(w[j], WordClass::kEveryday) &&
                            !IsMedicalWord(w[j], lex) && w[j].size() >= 3;
      // An everyday word for a disease ("he has diabetes") tells another
      // condition the person has beside the subject, not what is asked.
      const bool jargon =
          f.kind == TermKind::kJargon && !IsEverydayWord(w[j], lex);
      if (!f.skip && !f.known && !f.generic_or_cue &&
          (jargon || f.kind == TermKind::kFinding || unlisted ||
           MayNameCondition(w[j], lex) ||
           r.w.Is(j, WordClass::kConditionHeads))) {
        condition = true;
      }
      name += (name.empty() ? "" : " ") + w[j];
    }
    if (!condition || first.skip || first.known) continue;
    r.Uncovered(name, first.term, true, "asked as a condition");
    r.check.decides = true;  // even when named already as a condition
    r.check.asks_condition = true;
    return;
  }
}

// "My 13 year old daughter", "even though he's so young": a child, which
// the scope list names, unless the article speaks of children.
void Matcher::CheckChild(SubjectReading& r) const {
  constexpr int kChildUntil = 18;  // a minor: a child or a teenager
  const auto& w = r.a.words;
  const std::string& child = child_term_;
  if (!scope_terms_.contains(child)) return;
  bool young = r.w.HasEntry(WordClass::kYoungSigns);
  for (std::size_t i = 0; i + 2 < w.size() && !young; ++i) {
    const bool aged = IsNumber(w[i]) && w[i].size() <= 2 &&
                      r.w.Is(i + 1, WordClass::kUnits) && w[i + 2] == "old";
    young = aged && std::stoi(w[i]) < kChildUntil;
  }
  if (young) {
    r.Uncovered("child", child, true, "a child, by age");
    r.check.patients.push_back("child");
  }
}

// "In my eighth week of pregnancy": a phrase of the patient-states list
// says who the patient is now, as "pregnant" does, when its word is one
// the pack does not cover.
void Matcher::CheckPatientPhrases(SubjectReading& r) const {
  const auto& w = r.a.words;
  auto& patients = r.check.patients;
  const auto& uncovered = r.check.uncovered;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::size_t n = r.w.EntryAt(i, WordClass::kPatientStates);
    for (std::size_t j = i; n > 1 && j < i + n; ++j) {
      if (std::find(uncovered.begin(), uncovered.end(), w[j]) !=
              uncovered.end() &&
          std::find(patients.begin(), patients.end(), w[j]) == patients.end()) {
        patients.push_back(w[j]);
      }
    }
  }
}

// Subjects from the built-in scope list (pregnancy, costs, doses...),
// unless the article speaks of them ("a child of an affected parent").
void Matcher::CheckScopeWords(SubjectReading& r) const {
  for (const auto& term : r.a.terms) {
    if (const auto scope = scope_terms_.find(term);
        scope != scope_terms_.end() && !pack_terms_.contains(term) &&
        !r.named.contains(term)) {
      r.Uncovered(scope->second, term, true, "outside any single article");
    }
  }
}

// "Chronic kidney disease" to an article on polycystic kidney disease: a
// condition named by a word before an organ that the article never puts
// there is another condition.
void Matcher::CheckConditionNames(SubjectReading& r) const {
  const auto& w = r.a.words;
  for (std::size_t i = 0; i + 2 < w.size(); ++i) {
    // The rarest condition first: most questions name no condition head.
    if (!r.w.Is(i + 2, WordClass::kConditionHeads) ||
        r.w.Is(i, WordClass::kStopwords) ||
        r.w.Is(i, WordClass::kPlainPlaces) ||
        r.Kind(i + 1) != TermKind::kOrgan ||
        pack_bigrams_.contains(r.Term(i) + " " + r.Term(i + 1)) ||
        IsCueTerm(r.Term(i))) {  // "serious liver disease" asks a risk
      continue;
    }
    const std::string name = w[i] + " " + w[i + 1] + " " + w[i + 2];
    r.Uncovered(name, name, false, "a condition the article does not name");
  }
  // "Bladder infection" to an article on kidney stones: a condition of an
  // organ the article speaks of only in passing (no heading, not its
  // title), in words it never puts together, is another condition.
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    if (!r.w.Is(i + 1, WordClass::kConditionHeads) ||
        r.Kind(i) != TermKind::kOrgan) {
      continue;
    }
    const std::string &organ = r.Term(i), &head = r.Term(i + 1);
    // "Is diverticulosis a sign of colon cancer?": the summary's organ,
    // asked beside the subject, is the article's own.
    if (subject_level_terms_.contains(organ) ||
        (r.check.about_pack && InSummary(organ)) ||
        pack_bigrams_.contains(organ + " " + head) ||
        pack_bigrams_.contains(head + " " + organ)) {
      continue;
    }
    const std::string name = w[i] + " " + w[i + 1];
    r.Uncovered(name, name, true, "a condition of another organ");
  }
}

}  // namespace faqbot::intents
