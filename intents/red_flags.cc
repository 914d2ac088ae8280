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

template <std::size_t N>
bool OneOf(std::string_view word, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), word) != set.end();
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

}  // namespace faqbot::intents
