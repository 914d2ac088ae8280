// Built-in language knowledge shared by every content pack.
//
// These tables hold what faqbot knows about English and lay medical talk
// before it has read any document: contractions and chat shorthand,
// British spellings, function words, lay-medical synonym groups, the cue
// phrases that mark a sentence or a question as being about treatment,
// symptoms, causes and so on, and words that point outside any single
// article (other organs, pregnancy, doses). A pack's intents file extends
// the synonym groups and red flags; it never needs to repeat these.
#ifndef FAQBOT_INTENTS_LEXICON_H_
#define FAQBOT_INTENTS_LEXICON_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace faqbot::intents {

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

// "treatment", "follow-up", ...: the name used in node ids and output.
std::string_view FacetName(Facet facet);

// A cue: a pattern (see pattern.h) that marks a facet, with a strength.
// Strong cues (1.0) name the facet outright ("treatment", "symptoms"); weak
// ones (< 1) only suggest it ("take", "cause" as a verb).
struct Cue {
  Facet facet;
  std::string_view pattern;
  double weight;
};
std::span<const Cue> FacetCues();

// What a question may ask that articles often touch without saying:
// whether it goes away, how long, whether it runs in families, how often,
// where to be seen, whether it is contagious, how to prevent it, whether
// it grows. When the article has no sentence on the aspect, the bot says
// so (a caveat) and gives the nearest sentences it does have.
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
};
inline constexpr int kAspectCount = 9;
std::string_view AspectName(Aspect aspect);

struct AspectCue {
  Aspect aspect;
  std::string_view pattern;  // pattern language (pattern.h)
  Facet nearest;             // whose sentences come closest to an answer
};
std::span<const AspectCue> AspectCues();

// Expansion of a contraction or of an apostrophe suffix ("'re"), or null.
const std::vector<std::string>* FindContraction(std::string_view word);

// Expansion of chat shorthand, a British spelling or a number word
// ("u" -> "you", "tumour" -> "tumor", "two" -> "2"), or null.
const std::vector<std::string>* FindWordRewrite(std::string_view word);

// For a word without an apostrophe, what it expands to, in one lookup:
// FindContraction's answer, or else FindWordRewrite's, or null.
const std::vector<std::string>* FindExpansion(std::string_view word);

// Function words and everyday words that carry no topic. They are never
// spelling-corrected and never count as unknown content.
bool IsStopword(std::string_view word);
std::span<const std::string_view> Stopwords();

// Synonym groups, canonical term first: "cancer: tumor, malignant, ...".
// Each entry is one group in that form; phrases may have several words.
std::span<const std::string_view> SynonymGroups();

// Words that name a subject no single FAQ article covers unless it
// mentions them: other organs, pregnancy and children, biopsies, doses,
// survival figures, costs. If the article never uses the word, a question
// that does is out of its scope.
std::span<const std::string_view> ScopeWords();

// Words about how a finding was made or who has it (imaging, tests,
// "patient", "area"), which say little about which topic a question is on.
std::span<const std::string_view> GenericWords();

// Patterns for requests the bot must never try to answer from an article:
// reading a personal report, diagnosing, prescribing a dose.
std::span<const std::string_view> PersonalAdvicePatterns();

// Small talk the bot answers itself, whatever the pack.
enum class Smalltalk { kGreeting, kThanks, kGoodbye, kHelp, kIdentity };
std::string_view SmalltalkName(Smalltalk kind);
struct SmalltalkPattern {
  Smalltalk kind;
  std::string_view pattern;
};
std::span<const SmalltalkPattern> SmalltalkPatterns();

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_LEXICON_H_
