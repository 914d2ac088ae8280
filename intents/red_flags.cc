#include "intents/red_flags.h"

#include <algorithm>
#include <array>

namespace faqbot::intents {
namespace {

constexpr RedFlag kRedFlags[] = {
    {"vomiting-blood",
     "(vomit*|throw up|throwing up|threw up|puke|puking|cough* up|spit* up) "
     "... blood|blood ... vomit*|hematemesis",
     Urgency::kEmergency},
    {"black-stools",
     "(black|tarry|bloody) ... (stool*|poo*|feces|bowel movement*)|"
     "(stool*|poo*|feces) ... (black|tarry|bloody)|"
     "blood in [my|the] (stool*|poo*|feces)|melena",
     Urgency::kEmergency},
    {"severe-pain",
     "(sever*|extrem*|unbearabl*|excruciat*|terribl*|worst|intens*|agoniz*|"
     "agonis*|really bad|very bad) ... pain|"
     "(very|extremely|terribly) painful|"
     "pain ... (sever*|extrem*|unbearabl*|excruciat*|terribl*|agoniz*|"
     "agonis*|killing me)",
     Urgency::kEmergency},
    {"fever-with-pain",
     "(high|very high|burning) fever|fever ... ... pain|pain ... ... fever|"
     "fever ... chill*|rigors",
     Urgency::kEmergency},
    {"jaundice",
     "jaundic*|(skin|eye|eyes|white of my eyes) ... (yellow*|orange)|"
     "(yellow*|orange) ... (skin|eye|eyes)|icterus",
     Urgency::kEmergency},
    {"fainting",
     "faint*|(pass|passed|passing) out|blacked out|black out|collaps*|"
     "unconscious|lost consciousness|lose consciousness",
     Urgency::kEmergency},
    {"confusion",
     "(sudden*|very|sever*|new) confus*|disorient*|delirious|delirium|"
     "confus* ... (drows*|sleepy|fever)",
     Urgency::kEmergency},
    {"chest-pain", "chest ... (pain|tight*|pressure)", Urgency::kEmergency},
    {"blood-in-urine",
     "blood in [my|the] (urine|pee|wee)|(bloody|red|pink) (urine|pee)|"
     "(pee|peeing|urinat*|wee|weeing) ... blood|hematuria|haematuria",
     Urgency::kEmergency},
    {"breathing",
     "(can not|hard to|difficult* [to]|difficulty|trouble|struggl*|short of|"
     "shortness of|unable to) ... breath*|breathless*|gasping",
     Urgency::kEmergency},
    {"heavy-bleeding",
     "(heavy|heavily|severe|lot of) ... bleed*|"
     "bleed* (heavily|a lot)|hemorrhage",
     Urgency::kEmergency},
    {"self-harm",
     "suicid*|kill* myself|end my life|ending my life|take my own life|"
     "want to die|wanna die|self harm|pain myself|harm* myself|"
     "no reason to live|better off dead|do not want to live",
     Urgency::kSelfHarm},
};

constexpr std::array<std::string_view, 8> kNegators = {
    "no", "not", "never", "without", "deni", "nor", "none", "neither"};
constexpr std::array<std::string_view, 6> kClauseBreaks = {
    "but", "and", "howev", "though", "although", "yet"};
// A negator right before one of these negates the verb, not the symptom:
// "can not stop vomiting blood".
constexpr std::array<std::string_view, 4> kNegatedVerbs = {"stop", "help",
                                                           "quit", "control"};
constexpr int kNegationWindow = 3;

// Told as long past: a past verb just before the symptom, a marker of long
// ago near it, and no word saying it is happening now. The analyzed text
// holds stems, so these are stems too.
constexpr std::array<std::string_view, 7> kPastVerbs = {
    "had", "was", "were", "got", "turn", "went", "suffer"};
constexpr std::array<std::string_view, 3> kLongUnits = {"year", "month",
                                                        "decad"};
constexpr std::array<std::string_view, 7> kYoung = {
    "child", "kid", "babi", "teenag", "teen", "boy", "girl"};
constexpr std::array<std::string_view, 11> kNowWords = {
    "now",    "again",     "still", "today", "tonight", "current",
    "recent", "yesterday", "wors",  "get",   "sinc"};
constexpr int kPastVerbWindow = 4;
constexpr int kLongAgoWindow = 10;

template <std::size_t N>
bool OneOf(std::string_view word, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

// "3 years ago", "many months ago", "in 2015", "when I was 12", "as a child".
bool LongAgoAt(const std::vector<std::string_view>& w, std::size_t i) {
  const auto at = [&](std::size_t k) {
    return k < w.size() ? w[k] : std::string_view();
  };
  if (OneOf(w[i], kLongUnits) && at(i + 1) == "ago") return true;
  if (w[i] == "in" && at(i + 1).size() == 4 &&
      (at(i + 1).starts_with("19") || at(i + 1).starts_with("20"))) {
    return true;
  }
  if (w[i] == "when" && at(i + 1) == "i" && at(i + 2) == "was") return true;
  if (w[i] == "as" && at(i + 1) == "a" && OneOf(at(i + 2), kYoung)) return true;
  return w[i] == "childhood" || w[i] == "infanc";
}

}  // namespace

std::span<const RedFlag> BuiltinRedFlags() { return kRedFlags; }

bool IsNegated(std::string_view analyzed, std::size_t begin) {
  // Walk back over up to kNegationWindow words before `begin`.
  std::vector<std::string_view> before;
  std::size_t end = std::min(begin, analyzed.size());
  while (before.size() < kNegationWindow) {
    while (end > 0 && analyzed[end - 1] == ' ') --end;
    if (end == 0) break;
    std::size_t start = analyzed.rfind(' ', end - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    before.push_back(analyzed.substr(start, end - start));
    end = start;
  }
  // before[0] is the word right before the match.
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (OneOf(before[i], kClauseBreaks)) return false;
    if (OneOf(before[i], kNegators)) {
      const bool verb_negated = i > 0 && OneOf(before[i - 1], kNegatedVerbs);
      return !verb_negated;
    }
  }
  return false;
}

bool IsLongAgo(std::string_view analyzed, std::size_t begin, std::size_t end) {
  begin = std::min(begin, analyzed.size());
  end = std::clamp(end, begin, analyzed.size());
  const auto before = SplitWords(analyzed.substr(0, begin));
  const auto match = SplitWords(analyzed.substr(begin, end - begin));
  const auto after = SplitWords(analyzed.substr(end));
  bool past_verb = false;
  for (std::size_t k = 0; k < before.size() && k < kPastVerbWindow; ++k) {
    const std::string_view word = before[before.size() - 1 - k];
    if (OneOf(word, kClauseBreaks)) break;
    past_verb = past_verb || OneOf(word, kPastVerbs);
  }
  if (!past_verb) return false;
  // The words around the match, as one window: before, match, after.
  std::vector<std::string_view> window;
  const std::size_t from =
      before.size() > kLongAgoWindow ? before.size() - kLongAgoWindow : 0;
  window.insert(window.end(), before.begin() + from, before.end());
  window.insert(window.end(), match.begin(), match.end());
  window.insert(
      window.end(), after.begin(),
      after.begin() + std::min<std::size_t>(after.size(), kLongAgoWindow));
  bool long_ago = false;
  for (std::size_t i = 0; i < window.size(); ++i) {
    if (OneOf(window[i], kNowWords)) return false;
    long_ago = long_ago || LongAgoAt(window, i);
  }
  return long_ago;
}

}  // namespace faqbot::intents
