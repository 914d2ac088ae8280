// Matcher: everything one message tells the engine, from one RE2::Set pass.
//
// A pack registers intents (one per topic of its dialog tree) with
// keywords and patterns, optional extra red flags, then calls Compile().
// The lexicon's facet cues, small talk, red flags and personal-advice
// patterns are added to the same set, so Match() reads a message once:
//
//   Matcher m(lexicon);
//   int intent = m.AddIntent("parasitic-infection");
//   m.AddKeywords(intent, "Parasitic infection", 3.0, "section 2 heading");
//   if (auto s = m.Compile(); !s) ... report s.error().message ...
//   Signals sig = m.Match("can worms cause it?");
//   sig.candidates[0].intent == intent; sig.facets[kCause] > 0
//
// Keyword weights are scaled by how specific a term is across intents
// (inverse document frequency), so words every topic shares count little.
// Thread-safety: after Compile(), Match() is const and thread-safe.
#ifndef FAQBOT_INTENTS_MATCHER_H_
#define FAQBOT_INTENTS_MATCHER_H_

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "intents/analyzer.h"
#include "intents/lexicon.h"
#include "intents/passages.h"
#include "intents/pattern.h"
#include "intents/red_flags.h"
#include "intents/sizes.h"
#include "intents/status.h"
#include "intents/string_map.h"

namespace faqbot::intents {

enum class TermKind;  // medical_terms.h

struct Candidate {
  int intent = -1;
  double score = 0;
  // The part of `score` from words specific to this intent (not generic,
  // not facet cues, not the pack's subject) and from patterns. A topic
  // named by generic words alone is no topic.
  double specific = 0;
  // The part of `specific` from words that name the intent (a heading
  // word, an author's keyword) and from patterns: "hepatitis", not a word
  // its text happens to use ("suggested").
  double naming = 0;
  // The best BM25 score of one of the intent's passages (its sentences)
  // for the message, from words that name something.
  double passage = 0;
  // A size the message tells falls in a range one of its sentences gives.
  bool sized = false;
  std::vector<std::string> evidence;  // with `explain`: "keyword parasit +3.5"
};

struct Signals {
  Analysis analysis;
  std::vector<Candidate> candidates;         // score > 0, best first
  std::vector<PassageHit> passages;          // the article's best sentences
  std::array<double, kFacetCount> facets{};  // strongest cue per facet
  // Where each facet's first cue starts in analysis.text, to break ties
  // (npos: no cue, or no other facet has one).
  std::array<std::size_t, kFacetCount> facet_at;
  std::array<bool, kAspectCount> aspects{};  // what else the message asks
  std::vector<std::string> cue_evidence;     // with `explain` only
  std::optional<Smalltalk> smalltalk;
  std::vector<RedFlagHit> red_flags;  // negated ones too, for explain
  bool personal_advice = false;       // asks to read a report, diagnose...
  // What the message asks that no article answers, as the lexicon's
  // [requests] name it ("a recommendation of a doctor or hospital").
  std::vector<std::string> requests;
  std::vector<std::string> out_of_scope;  // subjects the pack never names

  // The first red flag that needs urgent care now, or null.
  const RedFlagHit* urgent() const;
  // The first red flag told otherwise than now (long past, in general, or
  // as the article's usual course), not negated, or null.
  const RedFlagHit* told() const;
  Signals() { facet_at.fill(std::string::npos); }

  // The facet the message asks about, kNone when there is none: the
  // strongest cue, and of equally strong ones the first, since the main
  // clause comes first ("what tablets treat calcification caused by
  // worms?" asks for treatment).
  Facet facet() const;
  // The first aspect asked (kNone for none).
  Aspect aspect() const;
  double facet_strength() const;
};

// What a question asks about, against what the pack covers (see
// medical_terms.h for how words are told apart).
struct SubjectCheck {
  // Words naming a subject the pack does not cover: a condition or finding
  // it never names as a subject, another organ, a group of patients.
  std::vector<std::string> uncovered;
  // One of them is the subject whatever else is named: an organ, a group
  // of patients, a condition asked after ("does this mean I have X?").
  bool decides = false;
  bool about_pack = false;      // the question names the pack's own subject
  bool compares = false;        // "the same as", "the difference between"
  bool asks_condition = false;  // "does this mean I have X?" of one not named
  // The pack's subject named only in another organ ("splenic
  // calcification"), and whether an organ the pack names is named at all.
  bool elsewhere = false;
  bool own_organ = false;
  // A word of the title's subject is named (not only a heading's), and a
  // finding or medical term the pack does not name as a subject is.
  bool names_title = false;
  bool other_finding = false;
  // A kind of the pack's finding the pack does not name ("a chocolate
  // cyst"): the finding named so is not the pack's.
  bool other_kind = false;
  // Of `uncovered`, what tells who the patient is ("pregnant", a child by
  // age): told in a story, it is the subject of every question after.
  std::vector<std::string> patients;
  // Of `uncovered`, lab tests named by their code ("AFP level"): asked,
  // the subject; told in a story ("my AST is 58"), one's own values.
  std::vector<std::string> lab_tests;
  std::vector<std::string> evidence;  // for `faqbot explain`
};

// The analyses of one message's sentences, kept while the message is
// read: its questions and its story are its own sentences again, and
// Match() given this reads each sentence once. A message has a handful:
// a list searched in order. Only spelling-corrected readings are kept.
class SentenceAnalyses {
 public:
  const Analysis* Find(std::string_view sentence) const {
    for (const auto& [text, analysis] : known_) {
      if (text == sentence) return &analysis;
    }
    return nullptr;
  }
  // The analysis as kept (until the next Add).
  const Analysis& Add(std::string_view sentence, Analysis analysis) {
    return known_.emplace_back(std::string(sentence), std::move(analysis))
        .second;
  }

 private:
  std::vector<std::pair<std::string, Analysis>> known_;
};

class Matcher {
 public:
  // The lexicon's synonym groups, then the pack's (`synonyms`, built over
  // the same lexicon), rewrite words.
  explicit Matcher(std::shared_ptr<const Lexicon> lexicon);
  // `corrects_spelling` false: for matching trusted text only (the
  // article's own sentences, to find their facets).
  Matcher(std::shared_ptr<const Lexicon> lexicon, SynonymTable synonyms,
          bool corrects_spelling = true);
  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  ~Matcher();

  int AddIntent(std::string name);

  // Adds the terms of `text` as keywords of `intent` with `weight` (kept
  // at its maximum when a term is added twice). `origin` says where they
  // came from, for `faqbot inspect`.
  void AddKeywords(int intent, std::string_view text, double weight,
                   std::string origin);
  // Another name of the subject (`intent`, the summary) the article gives
  // ("a nodule is a lump"): a keyword of it weighed as the title's words
  // are there, at most kSubjectWordWeight.
  void AddSubjectName(int intent, std::string_view text, std::string origin);

  // Adds a pattern (see pattern.h) that adds `weight` to `intent` when it
  // matches. Errors say what is wrong with the pattern.
  Status AddPattern(int intent, std::string_view pattern, double weight,
                    std::string origin);

  // A red flag: a pattern over the message's words (red_flags.h).
  Status AddRedFlag(std::string name, std::string_view pattern,
                    std::string origin);
  // A warning sign the article names in its advice ("vomiting that stops
  // you keeping fluids down"): shown by a sentence with most of its words
  // (after stems and synonyms); `soon` when the advice asks for a doctor
  // soon for it rather than urgent help (red_flags.h).
  void AddWarningSign(std::string name, std::string_view text,
                      std::string origin, bool soon = false);
  // What the article likens something to ("it looks very like a blood
  // clot"): a finding it names so, compared with the subject in a
  // question ("is it the same as a blood clot?"), is the article's to
  // tell apart.
  void AddLikened(std::string_view text);
  // After Compile(): the article's own sentences, and its warning signs,
  // tell which red flags are its condition's usual course (red_flags.h).
  void MarkUsualCourse(const std::vector<std::string>& description,
                       const std::vector<std::string>& warning_signs);

  // For a library, which asks red flags of every article without running
  // each (library.h): the red flags of this pack's own (the advice's
  // signs; an author's patterns say only that there are some).
  const RedFlagSet& red_flags() const { return red_flags_; }
  // Only the red flags of Match(text) (spelling corrected): what another
  // article of a library asks of a message it does not answer.
  std::vector<RedFlagHit> RedFlags(std::string_view text) const;
  bool has_author_red_flags() const { return author_red_flags_ > 0; }

  // A sentence of the article that `intent` answers with: ranked for each
  // message (passages.h), its score joins the intent's.
  void AddPassage(int intent, std::string_view sentence);

  // A heading of the article: a cue word inside the message's mention of
  // it ("what causes *alcohol-related fatty liver*?", "*small stones
  // without symptoms*") names the section, not what is asked about it.
  void AddHeading(std::string_view heading);
  // The size ranges `text` states ("larger than 10 millimetres", "6 to 8
  // millimetres") count for `intent` when a message gives a size they
  // hold (AddPassage does this for a sentence).
  void AddSizeRanges(int intent, std::string_view text);
  // Whether a passage of `intent` gives a size range (AddSizeRanges).
  bool GivesSizesIn(int intent) const;

  // Declares the terms of `text` (an article's title) the subject of the
  // whole pack: they count fully for `intent` only, and as generic words
  // for every other intent, since every part of the article is about them.
  void SetSubject(int intent, std::string_view text);

  // Builds the set. Call once, after the last Add*.
  Status Compile();

  // Everything `text` says. `correct_spelling` is false when matching the
  // pack's own sentences (to find their facets). `explain` fills the
  // evidence strings (for `faqbot explain`); without it matching allocates
  // no text. With `sentences`, a sentence read before (a question of the
  // message read whole) is not analysed again, and one of a text of
  // several sentences is kept there.
  Signals Match(std::string_view text, bool correct_spelling = true,
                bool explain = false,
                SentenceAnalyses* sentences = nullptr) const;
  // Match in two steps, for a caller that may not need the scores: what
  // `text` says of itself (its words, red flags, denials), then, once,
  // what it scores (candidates, facets, aspects, small talk, requests).
  // `red_flags` false: a part of a message whose red flags were read
  // whole (they are not read again).
  Signals Read(std::string_view text, bool correct_spelling = true,
               SentenceAnalyses* sentences = nullptr,
               bool red_flags = true) const;
  void Score(std::string_view text, Signals* sig, bool explain = false) const;

  const Analyzer& analyzer() const { return analyzer_; }
  const std::string& passage_text(int passage) const {
    return passages_.text(passage);
  }
  const Lexicon& lexicon() const { return *lexicon_; }
  const std::shared_ptr<const Lexicon>& shared_lexicon() const {
    return lexicon_;
  }
  std::size_t intent_count() const { return intents_.size(); }
  const std::string& intent_name(int i) const { return intents_[i].name; }

  // What `question` (one question, personal details allowed) asks about,
  // and whether the pack covers it; `facet` is what it asks, when known
  // ("treatment for kidney cancer" asks about cancer; "can it turn into
  // cancer" asks a risk). Const and thread-safe after Compile().
  SubjectCheck CheckSubject(std::string_view question,
                            Facet facet = Facet::kNone) const;
  // The same, for a question already analysed (with spelling corrected and
  // without quoted report words).
  SubjectCheck CheckSubject(const Analysis& question,
                            Facet facet = Facet::kNone) const;

  // Every stem a message's word may have for CheckSubject to find it
  // names the pack's subject: the subject terms and the words the pack's
  // synonyms rewrite to one. For an index over many packs (a library):
  // a message with none of them names no subject of this pack.
  std::vector<std::string> SubjectStems() const;

  // The terms of the findings that words of `text` end in ("gallstones"
  // names "stone"): a title's or heading's compound word names that
  // finding too.
  std::vector<std::string> CompoundHeads(std::string_view text) const;
  // What the pack talks about (its article's and intents' terms), and a
  // word's term as it reads it (stem, then synonyms): for a library's
  // index of what any article mentions.
  const StringSet& Terms() const { return pack_terms_; }
  std::string TermOf(const std::string& word) const;
  // Whether `term` is one of the subject's (the title's, or a name the
  // article gives it: AddSubjectName).
  bool IsSubjectTerm(const std::string& term) const {
    return subject_terms_.contains(term) || subject_names_.contains(term);
  }

  // For inspect: the keyword terms of an intent with their final weights,
  // and its patterns as written.
  struct KeywordInfo {
    std::string term;
    double weight;
    std::string origin;
    bool names = false;    // added at kNamingWeight or more: a heading word
    bool rare = false;     // not everyday English ("Bosniak", "dialysis")
    bool negated = false;  // after a heading's negator: "without surgery"
  };
  std::vector<KeywordInfo> Keywords(int intent) const;
  std::vector<std::string> Patterns(int intent) const;

  // Weight multiplier for generic words (imaging, "patient", "area"):
  // they describe how something was found, not what it is.
  static constexpr double kGenericWordFactor = 0.3;
  // The most a title word counts for the summary.
  static constexpr double kSubjectWordWeight = 1.2;
  // Keywords added with at least this weight name their intent (a
  // heading): a facet cue word there ("Gallbladder cancer") is not damped.
  static constexpr double kNamingWeight = 3.0;
  // Keywords added with at least this weight are subjects of the pack (a
  // heading, the title, an author's keyword), not passing mentions.
  static constexpr double kSubjectWeight = 2.0;
  // What a size in the message adds to an intent whose sentence's range
  // holds it: as much as a word that names it.
  static constexpr double kSizeWeight = 2.0;
  // Passages ranked per message.
  static constexpr std::size_t kPassagesRanked = 8;
  // Postings kept per term (see Compile()).
  static constexpr std::size_t kMaxPostings = 16;

 private:
  // Parts of CheckSubject (subject_check.cc).
  struct SubjectReading;
  struct WordFacts;
  // What the subject check needs to know of a word.
  WordFacts FactsOf(SubjectReading& r, std::size_t i) const;
  bool JoinSplitWords(const Analysis& a, Analysis* joined) const;
  // Analyzer::CachedStem of each word.
  std::vector<std::string> Stems(const std::vector<std::string>& words) const;
  // Which of `a`'s words are part of a phrase the synonym table read as
  // one term the pack uses ("racing heart" for the article's
  // "heartbeat"): they name that term, not each a subject of its own.
  // Empty when no word is.
  std::vector<bool> WordsOfKnownPhrases(const Analysis& a) const;
  void CheckWord(SubjectReading& r, std::size_t i) const;
  bool AfterAnAfterWord(SubjectReading& r, std::size_t i) const;
  std::string_view SubjectForm(std::string_view term) const;
  // Whether the summary (the subject's intent) uses `term`.
  bool InSummary(const std::string& term) const;
  void CheckUncoveredWord(SubjectReading& r, std::size_t i,
                          const std::string& term, TermKind kind,
                          bool known) const;
  void CheckActivities(SubjectReading& r) const;
  void CheckAskedThing(SubjectReading& r) const;
  void CheckLabTests(SubjectReading& r) const;
  // "Does vaping cause lung nodules?": a cause asked of the subject that
  // the article never names.
  void CheckAskedCause(SubjectReading& r) const;
  void CheckAskedOfTheSubject(SubjectReading& r, WordClass verbs,
                              const char* why) const;
  void CheckScopeWords(SubjectReading& r) const;
  void CheckAskedCondition(SubjectReading& r) const;
  void CheckChild(SubjectReading& r) const;
  void CheckPatientPhrases(SubjectReading& r) const;
  void CheckConditionNames(SubjectReading& r) const;
  // A content word the pack never uses; `even_cues`: also a facet cue's
  // word ("beer", an alcohol, to an article that never speaks of it).
  bool Unheard(SubjectReading& r, std::size_t i, bool even_cues = false) const;
  bool InAnotherOrgan(SubjectReading& r, std::size_t i) const;

  enum class Kind {
    kIntent,
    kCue,
    kSmalltalk,
    kPersonalAdvice,
    kAspect,
    kRequest
  };
  struct Tag {
    Kind kind;
    int target;  // intent, facet, smalltalk kind or red flag index
    double weight;
    std::string origin;
    std::string source;  // the pattern as written
  };
  struct Intent {
    std::string name;
    std::unordered_map<std::string, KeywordInfo> keywords;  // by term
  };

  void AddCompoundHeads(std::string_view text);
  Status AddTagged(Tag tag);
  Status AddBuiltins();
  // `text` read sentence by sentence (words and terms of each); `whole`,
  // if not null, gets the analysis of all of `text`.
  std::vector<SentenceWords> ReadSentences(
      std::string_view text, bool correct_spelling, Analysis* whole = nullptr,
      SentenceAnalyses* known = nullptr) const;
  void BuildPostings();
  void SetAsideDenials(const std::vector<SentenceWords>& sentences,
                       Analysis* a) const;
  void SetAsideToldPhrases(const std::vector<SentenceWords>& sentences,
                           Analysis* a) const;
  void RemoveTermsOnce(const std::string& span, Analysis* a) const;
  void ScoreKeywords(Signals* sig, bool explain) const;
  void ScorePassages(Signals* sig, bool explain) const;
  // A size in the message counts for the intents whose sentences give a
  // range that holds it (sizes.h).
  void ScoreSizes(std::string_view text, Signals* sig, bool explain) const;
  void ApplyPatterns(Signals* sig, bool explain) const;
  void AskedConsequence(Signals* sig, bool explain) const;
  bool GivesSizes() const;  // the article names a length unit (at Compile)
  // Where each facet's first cue starts, when two facets have cues (the
  // first one asked wins a tie; one facet alone needs no position).
  void LocateCues(const std::vector<int>& cues, Signals* sig) const;
  // The cues of `cues` (pattern indexes) outside the message's mentions
  // of a heading (AddHeading): two or more of its terms in a row, one of
  // them no cue word.
  std::vector<int> CuesOutsideHeadings(const std::vector<int>& cues,
                                       const Signals& sig) const;
  // Which of the message's terms are part of a heading's mention.
  std::vector<bool> HeadingMentions(
      const std::vector<std::string>& terms) const;

  std::shared_ptr<const Lexicon> lexicon_;
  Analyzer analyzer_;
  std::vector<Intent> intents_;
  RedFlagSet red_flags_{lexicon_.get()};
  int author_red_flags_ = 0;  // AddRedFlag's
  PassageIndex passages_;
  PatternSet set_{lexicon_ ? lexicon_->regexes() : nullptr};
  std::vector<Tag> tags_;  // by pattern index
  // term -> (intent, weight after idf), built by Compile().
  struct Posting {
    int intent;
    double weight;
    bool damped;   // generic, cue or subject word for this intent
    bool names;    // a word that names the intent (see Candidate::naming)
    bool negated;  // counts only for a negated word of the message
  };
  StringMap<std::vector<Posting>> postings_;
  StringSet pack_terms_;     // what the pack talks about
  StringSet likened_terms_;  // AddLikened's
  StringSet subject_terms_;
  StringSet subject_names_;   // AddSubjectName's terms
  bool gives_sizes_ = false;  // GivesSizes, once compiled
  // Terms the pack names as subjects: its title, headings and the
  // author's keywords (added at kSubjectWeight or more).
  StringSet subject_level_terms_;
  StringSet cue_terms_;                             // built by Compile()
  StringSet pack_bigrams_;                          // "polycyst kidney"
  std::vector<std::vector<std::string>> headings_;  // their terms
  struct SizedPassage {
    int intent;
    SizeRange range;
    std::string sentence;
  };
  std::vector<SizedPassage> sized_;        // passages that give a size range
  std::vector<std::string> cue_prefixes_;  // "treat" of "treat*"
  // A word of a facet cue ("treatment", "regularly"): it says what is
  // asked, not about what.
  static constexpr std::size_t kCuePrefixHead = 3;  // a prefix's shortest
  StringSet cue_prefix_heads_;  // each cue prefix's first kCuePrefixHead
  bool IsCueTerm(const std::string& term) const;
  StringSet generic_terms_;  // built by Compile()
  int subject_intent_ = -1;
  // Scope terms the pack never uses -> the word to name in the fallback.
  StringMap<std::string> scope_terms_;
  std::string child_term_;  // TermOf("child"), for CheckChild
  bool compiled_ = false;
};

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_MATCHER_H_
