// Lexicon: what faqbot knows of one language and of medicine, as data.
//
// Nothing here is written in C++: the words come from lexicon files
// (lexicon/<language>/*.txt, format in lexicon/README.md) that bot/ reads
// and hands over as text, from large maintained word lists (a medical
// vocabulary, everyday words) and from WordNet's relations between words.
// A word is looked up once and answers with all its classes as bits;
// every entry remembers its file and line, so `faqbot explain` can say
// where a piece of knowledge came from.
//
//   Lexicon lex;
//   if (auto s = lex.AddFile("lexicon/en/stopwords.txt", text); !s) ...
//   lex.AddWordList(WordClass::kMedical, "en_med_glut.dic", words);
//   lex.Finish();                       // then const and thread-safe
//   lex.Is("the", WordClass::kStopwords);
//   lex.Cues();                         // facet cues, with their origins
//
// Thread-safety: Add* before Finish(); after it every member is const and
// safe from many threads.
#ifndef FAQBOT_INTENTS_LEXICON_H_
#define FAQBOT_INTENTS_LEXICON_H_

#include <bitset>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "intents/regex_cache.h"
#include "intents/status.h"
#include "intents/stemmer.h"
#include "intents/string_map.h"
#include "intents/word_list.h"

namespace faqbot::intents {

class SpellIndex;

// What a sentence of the article, or a question about it, is about.
enum class Facet {
  kNone,        // general information, or no cue at all
  kDefinition,  // what it is
  kCause,       // why it happens, what leads to it
  kRisk,        // is it dangerous, is it cancer, the outlook
  kSymptoms,    // what a patient notices
  kTreatment,   // medication, surgery, whether treatment is needed
  kFollowUp,    // check-ups, monitoring, when to see a doctor
  kLifestyle,   // diet, rest, drinking
};
inline constexpr int kFacetCount = 8;

// "treatment", "follow-up", ...: the name used in node ids, output and
// lexicon files.
std::string_view FacetName(Facet facet);

// What a question may ask that articles often touch without saying:
// whether it goes away, how long, whether it runs in families, how often,
// where to be seen, whether it is contagious, how to prevent it, whether
// it grows, how it is found, how big it is. When the article has no sentence on
// the aspect, the bot says so (a caveat) and gives the nearest sentences it
// does have.
enum class Aspect {
  kNone,
  kCourse,      // "can it go away on its own?"
  kDuration,    // "how long do I take the tablets?"
  kHeredity,    // "is it hereditary?"
  kFrequency,   // "how often should I repeat the scan?"
  kWhere,       // "should I go to hospital?", "which doctor?"
  kContagion,   // "is it contagious?"
  kPrevention,  // "can I prevent it?"
  kGrowth,      // "will it get bigger?"
  kRecurrence,  // "can it come back after removal?"
  kDiagnosis,   // "how is it diagnosed?", "do I need an MRI?"
  kSize,        // "how big can it get?"
};
inline constexpr int kAspectCount = 12;
std::string_view AspectName(Aspect aspect);

// Small talk the bot answers itself, whatever the pack.
enum class Smalltalk { kGreeting, kThanks, kGoodbye, kHelp, kIdentity };
std::string_view SmalltalkName(Smalltalk kind);

enum class Urgency {
  kEmergency,  // see a doctor or emergency service now
  kSelfHarm,   // crisis support
};

// Classes of words and phrases: one lexicon section each, named as in the
// files ("[stopwords]"). A word may be in many.
enum class WordClass : std::uint8_t {
  kStopwords,            // function words, no topic
  kScope,                // subjects no single article covers unless it says
  kGeneric,              // how a finding was made, who has it
  kFindings,             // everyday words naming a finding ("cyst")
  kOrgans,               // organs and body parts
  kGroups,               // groups of patients ("baby", "pregnant")
  kConditionEndings,     // "-oma", "-itis": a rare word names a condition
  kNotConditionEndings,  // "-statin", "-ic": a medical word that is not
  kConditionAdjectives,  // "fatty" before an organ names a condition
  kConditionHeads,       // "kidney disease": after an organ, a condition
  kPlainPlaces,          // "left kidney": only which one
  kExaminations,         // "prostate ultrasound": looks at one organ
  kCausingVerbs,         // "can it cause itching?": what it leads to
  kToldPhrases,          // "diagnosed with": how a story knows, not asked
  kNounMarkers,          // "no cause is found": a noun, not a verb, after
  kProportionWords,      // "are most nodules cancer?": of them all
  kNegators,             // "no fever"
  kClauseBreaks,         // "but", "and": a negation stops there
  kNegatedVerbs,         // "can not stop vomiting": the verb is negated
  kPastVerbs,            // "had", "was": told as happened
  kLongAgoUnits,         // "years ago"
  kYoung,                // "as a child"
  kLongAgoWords,         // "in childhood"
  kNowWords,             // "now", "again": happening now
  kPersonal,             // "i", "my", "husband": someone a sign is told of
  kSupposing,            // "if": a sign supposed, not told
  kOverWords,            // "recovered", "went away": an end told
  kLastingWords,         // "for months": lasting, not of today
  kRecurringWords,       // "painful periods": comes back, unless told now
  kUrgentWords,          // "emergency", "promptly" in the article
  kUrgentAdvice,         // "see a doctor promptly": the advice's signs
  kSoonAdvice,           // ...of them, for a doctor soon, not urgent help
  kSignFillers,          // "there is", "appears": no part of a sign
  kLinkingVerbs,         // "becomes": "the lump becomes red, hot"
  kCircumstanceWords,    // "after an operation, if ...": when, not a sign
  kAskingCondition,      // "does this mean I have" before a condition
  kYoungSigns,           // "so young": a child is asked about
  kPatientStates,        // "pregnant": who the patient is, told in a story
  kDenials,              // "I rarely drink": what follows is not so
  kNegatingPrefixes,     // "non-alcoholic": the next word is not so
  kUnknowing,            // "I can't seem to find": a denial of knowing
  kWhWords,              // "what", "how"
  kThingWords,           // "what", "which": ask what a thing is
  kAuxiliaries,          // "is", "can": open a yes/no question
  kNotASubject,          // "do more exercise": an instruction
  kOpeners,              // "so", "please": start a sentence, change nothing
  kSocial,               // greetings, thanks, sign-offs
  kIndirectQuestions,    // "want to know"
  kJoiners,              // "and", "or" between two questions
  kUnits,                // "mm", "years" after a number
  kAgeWords,             // "am 45", "aged 60"
  kNotLabNames,          // "than 5": not a lab value
  kReportNouns,          // "scan", "report" ...
  kReportVerbs,          // ... "shows", "says": a personal report
  kComparisons,          // "same as", "difference between"
  kPronouns,             // "it", "that", "its"
  kPointingBack,         // "it", "that": without "its"
  kRelatives,            // "that" opening a clause: "a remedy that can"
  kFirstPerson,          // "i", "my"
  kSecondPerson,         // "you": "could you ..." asks the bot
  kAllowed,              // "safe to", "ok to"
  kManagementVerbs,      // "treat", "wait": managing the finding itself
  kConsumptionVerbs,     // "eat", "drink"
  kConsumptionBetween,   // "less", "more" between the verb and the food
  kLocatives,            // "in", "on": a finding in a place
  kDeterminers,          // "my", "the" before the place
  kDefinitionVerbs,      // "<subject> is/refers to ..."
  kLikenessWords,        // "<subject> can be felt as/like a lump"
  kNearEndings,          // "green-ish": somewhat the word before it
  kReasonWords,          // "biopsied, because ...": the reason for care
  kArticles,             // "a", "an", "the"
  kAbbreviations,        // "e.g", "dr": a full stop that ends no sentence
  kBack,                 // navigation: go back
  kMenu,                 // show the menu
  kMenuWords,            // one word that alone opens the menu
  kRestart,              // start over
  kQuit,                 // end the conversation
  kCommandFiller,        // "go", "please" around a command
  kChoiceFiller,         // "option", "number" around a choice
  kOrdinals,             // "first", "second", in order
  kLast,                 // "last": the last choice
  kWholeEndings,         // "itis": words the stemmer keeps whole
  kPluralEndings,        // "sis ses": stemmed as its plural ("diagnoses")
  kMedical,              // in the medical vocabulary
  kEveryday,             // in the everyday-words list
  kAdjectivesOnly,       // WordNet knows it only as an adjective
  kNounsOnly,            // WordNet knows it only as a noun
  kDiseases,             // WordNet: its first sense is a kind of disease
  kNoConditionDiseases,  // ...but it names no condition ("cancer")
  kSizeWords,            // "size": covered by an article that gives sizes
  kMillimetres,          // "mm": a length unit of 1 mm
  kCentimetres,          // "cm": a length unit of 10 mm
  kSizeAbove,            // "larger", "over" before a size: above it
  kSizeBelow,            // "smaller", "under" before a size: up to it
  kSizeHedges,           // "than", "about" between the two
  kSizeJoiners,          // "4 to 5 cm", "5 x 3 cm": one size's numbers
  kOriginPhrases,        // "come from": what comes from the subject
  kHavingVerbs,          // "my liver has a cyst": the organ that has it
  kSizePrefixes,         // "micro": a microcalcification is a calcification
  kNoNeed,               // "need no treatment": a step is not needed
  kAfterWords,           // "after an oophorectomy": life after a procedure
  kVagueFindings,        // "lump", "mass": one names what the other does
  kSignQualifiers,       // "new" high blood pressure: a sign needs it told
  kTwoThings,            // "the two": a question relating two things told
  kChoosingBetween,      // "which one is better?": of the options just told
  kOnsetWords,           // "since this morning": a sign told as new
  kRemedyWords,          // "is milk thistle good for ...": a remedy asked
  kDiagnosisHeadings,    // a section headed "Tests" tells how it is found
  kMeasureWords,         // "a pea-sized lump": a measure told, no subject
  kLabContext,           // "an elevated AFP level": the code is a lab test
  kCount
};
inline constexpr std::size_t kWordClassCount =
    static_cast<std::size_t>(WordClass::kCount);
using WordClasses = std::bitset<kWordClassCount>;

// The section name of a class ("stopwords").
std::string_view WordClassName(WordClass cls);

// Where one piece of knowledge came from: "lexicon/en/stopwords.txt line
// 7", "en_med_glut.dic", "WordNet 3.0".
using Origin = std::string;

// A facet cue: a pattern (see pattern.h) that marks a facet, with a
// strength. Strong cues (1.0) name the facet outright ("treatment",
// "symptoms"); weak ones (< 1) only suggest it ("take", "cause" as a verb).
struct Cue {
  Facet facet;
  double weight;
  std::string pattern;
  Origin origin;
};

struct AspectCue {
  Aspect aspect;
  Facet nearest;  // whose sentences come closest to an answer
  std::string pattern;
  Origin origin;
};

struct SmalltalkPattern {
  Smalltalk kind;
  std::string pattern;
  Origin origin;
};

struct RedFlag {
  std::string name;  // "vomiting-blood": shown in the reply's intent
  Urgency urgency;
  std::string pattern;
  Origin origin;
};

// A line of a section that is one text ("canonical: alt, alt"; a pattern).
struct LexiconLine {
  std::string text;
  Origin origin;
};

class Lexicon {
 public:
  // `language` is the Snowball stemmer's ("english").
  explicit Lexicon(std::string language = "english");
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // Reads one lexicon file; `name` is how errors and `explain` name it.
  // Errors name the file, the line and what is wrong.
  [[nodiscard]] Status AddFile(std::string_view name, std::string_view text);

  // A large word list (a dictionary): every word (lower case) gets `cls`;
  // `origin` names the list. The words are copied.
  void AddWordList(WordClass cls, const std::vector<std::string_view>& words,
                   const Origin& origin);

  // Whether a word list of `cls` was added (a dictionary that was found).
  bool HasWordList(WordClass cls) const {
    return lists_.test(static_cast<std::size_t>(cls));
  }

  // A synonym group from a maintained source (WordNet), read like a line
  // of [synonyms].
  void AddSynonyms(std::string group, Origin origin) {
    synonyms_.push_back({std::move(group), std::move(origin)});
  }
  // The lemmas of the first sense of the noun `lemma` (WordNet): the
  // other names an article's term may take on.
  void AddNounSense(std::string lemma, std::vector<std::string> lemmas,
                    Origin origin);
  struct Sense {
    std::vector<std::string> lemmas;  // `lemma` among them
    Origin origin;
  };
  // The first sense of a noun (words joined by single spaces), or null.
  const Sense* NounSense(std::string_view lemma) const {
    const auto it = senses_.find(lemma);
    return it == senses_.end() ? nullptr : &it->second;
  }
  // The foods and drinks a substance is in (WordNet: "caffeine" is in
  // coffee and tea), by the words that name each; `lemmas` without the
  // substance itself.
  void AddContainers(std::string substance, std::vector<std::string> foods,
                     Origin origin);
  const Sense* Containers(std::string_view substance) const {
    const auto it = containers_.find(substance);
    return it == containers_.end() ? nullptr : &it->second;
  }

  // Stems the entries (for IsStem) and freezes the lexicon.
  void Finish();

  // Whether `entry` (a normalized word, or a phrase of them joined by
  // single spaces) is in the class.
  bool Is(std::string_view entry, WordClass cls) const {
    const auto c = static_cast<std::size_t>(cls);
    if (lists_.test(c)) return word_lists_[c].contains(entry);
    return BitsOf(entry).classes.test(c);
  }
  // What the lexicon files say of an entry, in one lookup: its classes,
  // and the classes with an entry that starts with it (a word list's
  // classes, such as kMedical, are not among them). For code that asks
  // many classes of the same words (ClassedWords).
  struct EntryBits {
    WordClasses classes;
    WordClasses starts;
  };
  const EntryBits& BitsOf(std::string_view entry) const {
    static const EntryBits kNone;
    const auto it = bits_.find(entry);
    return it == bits_.end() ? kNone : it->second;
  }
  // All its classes from the lexicon files at once (a word list's class,
  // such as kMedical, only through Is()).
  WordClasses Classes(std::string_view entry) const;
  // Whether an entry of the class starts with the word `word` ("same" for
  // "same as"): a cheap test before looking a phrase up.
  bool StartsEntry(std::string_view word, WordClass cls) const {
    return BitsOf(word).starts.test(static_cast<std::size_t>(cls));
  }
  // Whether a stem is the stem of one of the class's words ("deni" for
  // "denies"). Only after Finish().
  bool IsStem(std::string_view stem, WordClass cls) const;
  // The number of words of the longest entry of the class (a phrase of up
  // to four) that starts at `words[i]`, or 0.
  std::size_t EntryAt(const std::vector<std::string>& words, std::size_t i,
                      WordClass cls) const;
  // Whether an entry of the class starts anywhere in `words`.
  bool HasEntry(const std::vector<std::string>& words, WordClass cls) const;

  // Whether some entry of the class has the word `word` in it ("over" for
  // "start over").
  bool InEntry(std::string_view word, WordClass cls) const {
    const auto it = entry_words_.find(word);
    return it != entry_words_.end() &&
           it->second.test(static_cast<std::size_t>(cls));
  }
  // The class's entries in the order the files give them (dictionaries'
  // words are not listed).
  const std::vector<std::string>& Entries(WordClass cls) const {
    return entries_[static_cast<std::size_t>(cls)];
  }
  // Where `entry` was put in `cls`, or "" if it is not.
  Origin OriginOf(std::string_view entry, WordClass cls) const;

  // Contractions ("don't" -> "do not", "'re" -> "are").
  const std::vector<std::string>* Contraction(std::string_view word) const;
  // Chat shorthand, British spellings, number words ("u" -> "you").
  const std::vector<std::string>* Rewrite(std::string_view word) const;
  // Either, in one lookup (a contraction wins).
  const std::vector<std::string>* Expansion(std::string_view word) const;
  // `word` with a British beginning or ending respelled ("haemorrhagic"
  // -> "hemorrhagic"), or "" when it has none ([spelling-parts]).
  std::string Respelled(std::string_view word) const;

  // Synonym groups, "canonical: alternative, ...".
  std::span<const LexiconLine> Synonyms() const { return synonyms_; }
  std::span<const Cue> Cues() const { return cues_; }
  std::span<const AspectCue> AspectCues() const { return aspects_; }
  std::span<const SmalltalkPattern> SmalltalkPatterns() const {
    return smalltalk_;
  }
  std::span<const RedFlag> RedFlags() const { return red_flags_; }
  // Requests no article answers: reading a report, diagnosing, dosing.
  std::span<const LexiconLine> PersonalAdvice() const {
    return personal_advice_;
  }
  // Other requests no article answers, each with what the fallback names
  // ("a recommendation of a doctor or hospital"): [requests].
  struct Request {
    std::string name;
    std::string pattern;
    Origin origin;
  };
  std::span<const Request> Requests() const { return requests_; }

  const Stemmer& stemmer() const { return *stemmer_; }
  // The spelling index of the built-in vocabulary (the words of the scope
  // list, generic words, stop words, small talk, red flags, cues,
  // requests and personal advice), built once by Finish() and shared by
  // every pack's index (SpellIndex::SetBase), so that a library of
  // articles does not hold one copy per article.
  const SpellIndex* BuiltinSpelling() const { return builtin_spelling_.get(); }
  // The texts of the built-in vocabulary every pack's analyzer learns (the
  // scope list, small talk, red flags, personal advice, generic words,
  // cues, aspects, requests), normalized and stemmed once by Finish().
  struct VocabularyText {
    std::string text;
    bool scope = false;  // an entry of the scope list
    std::vector<std::string> words, stems;
  };
  std::span<const VocabularyText> BuiltinVocabulary() const {
    return builtin_vocabulary_;
  }
  // `text` normalized and stemmed as the built-in vocabulary is.
  VocabularyText Vocabulary(std::string_view text) const;
  // Compiled expressions shared by the pattern sets of every pack over
  // this lexicon (regex_cache.h): a cache, so usable through a const
  // lexicon.
  RegexCache* regexes() const { return regexes_.get(); }
  // The stem of a lowercase word: for a word of the everyday list, the
  // one Finish() stemmed it to (no Snowball call for "treated").
  std::string Stem(std::string_view word) const;

 private:
  Status AddLine(std::string_view section, std::string_view line,
                 const Origin& origin);
  // A "head: pattern" line of [cues], [aspects], [smalltalk], [red-flags].
  Status AddPattern(std::string_view section,
                    const std::vector<std::string>& head,
                    const std::string& pattern, const Origin& origin);
  void AddEntry(WordClass cls, std::string entry, const Origin& origin);
  // A line of [spelling-parts]: "haem- = hem" or "-aemia = -emia".
  Status AddSpellingPart(std::string_view line, const Origin& origin);

  std::string language_;
  std::unique_ptr<Stemmer> stemmer_;
  std::unique_ptr<SpellIndex> builtin_spelling_;
  std::vector<VocabularyText> builtin_vocabulary_;
  void BuildBuiltinVocabulary();  // before BuildBuiltinSpelling()
  std::unique_ptr<RegexCache> regexes_ = std::make_unique<RegexCache>();
  void BuildBuiltinSpelling();
  StringMap<EntryBits> bits_;  // every entry and every entry's first word
  WordClasses lists_;  // classes given a word list, which hold their words
  WordList word_lists_[kWordClassCount];
  StringMap<WordClasses> stem_classes_;  // built by Finish()
  std::size_t longest_entry_ = 1;        // in words
  std::size_t longest_entry_chars_ = 0;  // in characters
  static constexpr std::size_t kPhraseBuffer = 256;
  StringMap<WordClasses> entry_words_;  // every word of every entry
  std::vector<std::string> entries_[kWordClassCount];
  struct Placed {
    std::string entry;
    WordClass cls;
    Origin origin;
  };
  std::vector<Placed> origins_;  // for OriginOf: read only by explain
  StringMap<std::vector<std::string>> contractions_, rewrites_, expansions_;
  struct SpellingPart {
    std::string from, to;
    bool ending;
  };
  std::vector<SpellingPart> spelling_parts_;
  // The first two letters of each beginning and the last two of each
  // ending, as LetterPair()s (all set when a part is shorter).
  static std::size_t LetterPair(char a, char b) {
    return static_cast<std::size_t>(static_cast<unsigned char>(a)) << 8 |
           static_cast<unsigned char>(b);
  }
  std::bitset<1 << 16> part_pairs_;
  std::vector<LexiconLine> synonyms_;
  StringMap<Sense> senses_;
  StringMap<Sense> containers_;  // substance -> foods
  std::vector<Cue> cues_;
  std::vector<AspectCue> aspects_;
  std::vector<SmalltalkPattern> smalltalk_;
  std::vector<RedFlag> red_flags_;
  std::vector<LexiconLine> personal_advice_;
  std::vector<Request> requests_;
};

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_LEXICON_H_
