// Red flags: messages that need urgent care, not an FAQ answer.
//
// A pack's red flags come from three places: the lexicon's list
// (lexicon/en/red-flags.txt: vomiting blood, black stools, severe pain,
// high fever with pain, yellow skin or eyes, blood in the urine, fainting,
// sudden confusion, chest pain, trouble breathing, sight lost or doubled of
// a sudden, vomiting that will not stop, no urine, a swelling belly,
// thoughts of self-harm), the author's
// intents file, and the warning signs the article's own closing advice
// names ("see a doctor promptly for severe pain, fever or chills, ...").
//
// Patterns are matched against a message's words as written (normalized,
// not stemmed: "severe" is not "several"), sentence by sentence, and each
// hit says how it was told:
//   - now: urgent care, before anything else;
//   - negated ("no fever", "I don't have jaundice"): nothing;
//   - past: long ago or over ("I had jaundice years ago", "I recently had
//     a very painful stone", "it cleared up"): an answer, with a line to
//     seek help if it comes back;
//   - general: asked about, not told of anyone ("can an infected stone
//     cause a high fever?"): an answer, with the same line;
//   - lasting: going on for months or years ("like something swollen in
//     my abdomen for the last year"): an answer, with a line to see a
//     doctor soon, and straight away if it gets worse.
// A sign the article itself describes as its condition's usual course
// ("blood in the urine" while a kidney stone passes) and does not list
// among its warning signs is not urgent on its own either.
#ifndef FAQBOT_INTENTS_RED_FLAGS_H_
#define FAQBOT_INTENTS_RED_FLAGS_H_

#include <string>
#include <string_view>
#include <vector>

#include "intents/lexicon.h"
#include "intents/pattern.h"
#include "intents/status.h"

namespace faqbot::intents {

enum class Telling {
  kNow,      // happening to someone now
  kNegated,  // "no fever"
  kPast,     // long past, or over
  kGeneral,  // asked about in general
  kLasting,  // going on for months or years, not of today
};
std::string_view TellingName(Telling telling);

struct RedFlagHit {
  std::string name;
  Urgency urgency = Urgency::kEmergency;
  Telling telling = Telling::kNow;
  bool usual = false;  // the article tells it as its condition's course
  Origin origin;       // where the red flag was defined
  bool sign = false;   // one of the article's own warning signs (advice)
  bool soon = false;   // the advice asks for a doctor soon for it
  bool urgent() const { return telling == Telling::kNow && !usual && !soon; }
};

// The first of `hits` that is urgent now, or null.
const RedFlagHit* FirstUrgent(const std::vector<RedFlagHit>& hits);

// One sentence of a message as read: the sentence as written, its words
// (normalized, spelling corrected) and its terms (stems, synonyms).
struct SentenceWords {
  std::string_view text;
  std::vector<std::string> words;
  std::vector<std::string> terms;
};

// The red flags of one pack. Call order: Add()/AddSign() any number of
// times, Compile() once, MarkUsual() at most once; then Read() from many
// threads (const).
class RedFlagSet {
 public:
  explicit RedFlagSet(const Lexicon* lexicon) : lexicon_(lexicon) {}

  // A pattern over words (pattern.h). Errors name `origin`. The
  // lexicon's flags are `owner` kLexicon (one set shared by every pack).
  Status Add(std::string name, Urgency urgency, std::string_view pattern,
             Origin origin, PatternSet::Owner owner = PatternSet::Owner::kPack);
  // A warning sign of the article's advice as groups of terms, each group
  // alternatives ("fever or chills" is one group); "no" stands for a
  // negation ("little or no urine"). A sentence shows the sign when it
  // has a term of every group (of all but one, from four groups on).
  // `soon`: the advice asks for a doctor soon for it, not urgent help (a
  // message that shows it now is answered, with a line saying so).
  void AddSign(std::string name, std::vector<std::vector<std::string>> groups,
               Origin origin, bool soon = false);
  Status Compile();

  // The article's own sentences: a flag one of them tells (without
  // urgent words: "emergency", "promptly") is the condition's usual
  // course, unless one of `warning_signs` (the advice's list) shows it.
  void MarkUsual(const std::vector<SentenceWords>& description,
                 const std::vector<SentenceWords>& warning_signs);

  // Every hit in a message's sentences, negated ones too.
  std::vector<RedFlagHit> Read(
      const std::vector<SentenceWords>& sentences) const;

  std::size_t size() const { return flags_.size(); }

  // For an index over many packs (a library): the advice's signs that
  // can make a message urgent (not the condition's usual course), each as
  // its groups of terms; and whether flag `name` is the usual course.
  std::vector<std::vector<std::vector<std::string>>> UrgentSigns() const;
  bool Usual(std::string_view name) const;
  // The terms of sign `name` (every group's; none when `name` is not one
  // of the advice's signs), and of all the advice's signs.
  std::vector<std::string> SignTerms(std::string_view name) const;
  std::vector<std::string> SignTerms() const;

 private:
  struct Flag {
    std::string name;
    Urgency urgency;
    Origin origin;
    int pattern = -1;                            // index in patterns_
    std::vector<std::vector<std::string>> sign;  // or the advice's terms
    std::vector<bool> required;  // per group: a qualifier's, always needed
    bool usual = false;
    bool soon = false;           // AddSign's
    int described_missing = -1;  // the group the description tells without
  };
  // Flags (by index) the sentence shows, with where each match starts
  // (a word index).
  std::vector<std::pair<int, std::size_t>> Hits(const SentenceWords& s) const;
  // Whether `s` shows the advice's sign `flag`, where (`at`), and which
  // group it shows it without (`missing_out`, when given: -1 for none).
  bool ShowsSign(const Flag& flag, const SentenceWords& s, std::size_t* at,
                 int* missing_out = nullptr) const;
  Telling TellingOf(const std::vector<SentenceWords>& sentences,
                    std::size_t sentence, std::size_t at) const;

  const Lexicon* lexicon_;
  std::vector<Flag> flags_;
  PatternSet patterns_{lexicon_ ? lexicon_->regexes() : nullptr};
  std::vector<int> pattern_flag_;  // pattern index -> flag index
};

// True when the match starting at word `at` of `words` is governed by a
// negation in the words just before it, within the same clause: "no
// fever", "not vomiting blood", "do not have jaundice". "can not stop
// vomiting" is not a negation of the vomiting.
bool IsNegated(const std::vector<std::string>& words, std::size_t at,
               const Lexicon& lexicon);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_RED_FLAGS_H_
