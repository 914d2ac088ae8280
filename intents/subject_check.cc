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
#include <unordered_set>

#include "intents/lexicon.h"
#include "intents/matcher.h"
#include "intents/medical_terms.h"
#include "intents/message.h"
#include "intents/normalizer.h"
#include "intents/stemmer.h"
#include "intents/text.h"

namespace faqbot::intents {
namespace {

bool Compares(const std::vector<std::string>& words) {
  const std::string s = " " + JoinWords(words) + " ";
  for (const char* phrase :
       {" same as ", " same thing as ", " difference between ",
        " different from ", " versus ", " vs ", " compared to ",
        " compared with ", " turn into ", " turns into ", " become a ",
        " mistaken for ", " related to a ", " the same "}) {
    if (s.find(phrase) != std::string::npos) return true;
  }
  return false;
}

// Everyday words that, before an organ, name a condition of it.
bool IsConditionAdjective(std::string_view word) {
  for (const char* adjective :
       {"fatty", "enlarged", "swollen", "scarred", "shrunken", "shrinking",
        "hardened", "overactive", "underactive", "lazy", "leaky"}) {
    if (word == adjective) return true;
  }
  return false;
}

// Verbs that ask how to manage the finding itself, not an activity.
bool IsManagementVerb(std::string_view verb) {
  for (const char* v :
       {"leave",  "wait",     "ignore", "delay", "postpone", "skip",
        "stop",   "continue", "keep",   "watch", "live",     "have",
        "do",     "go",       "take",   "get",   "be",       "treat",
        "remove", "operate",  "worry"}) {
    if (verb == v) return true;
  }
  return false;
}

// "Is it safe to fly with...", "can I still dive...": the activity asked
// about, or npos.
std::size_t ActivityAsked(const std::vector<std::string>& w) {
  for (std::size_t i = 0; i + 2 < w.size(); ++i) {
    const bool allowed = (w[i] == "safe" || w[i] == "ok" || w[i] == "okay" ||
                          w[i] == "fine" || w[i] == "allowed") &&
                         w[i + 1] == "to";
    const bool can_i = w[i] == "can" && w[i + 1] == "i";
    if (!allowed && !can_i) continue;
    std::size_t verb = i + 2;
    const bool still = can_i && w[verb] == "still" && verb + 1 < w.size();
    if (still) ++verb;
    // "can I fly with it", "can I still dive"; not "can I prevent it".
    const bool with = verb + 1 < w.size() &&
                      (w[verb + 1] == "with" || w[verb + 1] == "while");
    if (can_i && !still && !with) continue;
    if (!IsManagementVerb(w[verb])) return verb;
  }
  return std::string::npos;
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

SubjectCheck Matcher::CheckSubject(std::string_view question) const {
  SubjectCheck check;
  const Analysis a =
      analyzer_.Analyze(WithoutPersonalDetails(question), /*correct=*/true);
  check.compares = Compares(a.words);
  std::unordered_set<std::string> named;
  for (std::size_t i = 0; i < a.words.size(); ++i) {
    const std::string& word = a.words[i];
    if (word.size() < 3 || IsStopword(word) ||
        std::isdigit(static_cast<unsigned char>(word[0]))) {
      continue;
    }
    std::vector<std::string> terms = {Stem(word)};
    analyzer_.synonyms().Apply(&terms, nullptr);
    const std::string& term = terms.empty() ? word : terms.front();
    TermKind kind = ClassifyTerm(word);
    // "fatty liver", "enlarged spleen": an everyday word before an organ
    // names a condition, even a word that is also a cue ("fatty food").
    if (i + 1 < a.words.size() && IsConditionAdjective(word) &&
        ClassifyTerm(a.words[i + 1]) == TermKind::kOrgan) {
      kind = TermKind::kFinding;
    } else if (generic_terms_.contains(term) || IsCueTerm(term)) {
      continue;
    }
    const bool known = pack_terms_.contains(term);
    const bool subject = subject_level_terms_.contains(term);
    if (known && subject && kind != TermKind::kOrgan &&
        kind != TermKind::kGroup) {
      check.about_pack = true;
      check.evidence.push_back(word + ": the article's subject");
      continue;
    }
    // Words the article uses are covered, even in passing ("hydatid
    // disease" in its section on parasites); only everyday words for
    // findings ("cyst") must be its subject to count as covered.
    if (kind == TermKind::kOrdinary || (known && kind != TermKind::kFinding)) {
      continue;
    }
    if (named.contains(word) || named.contains(term)) continue;
    named.insert(word);
    named.insert(term);
    check.uncovered.push_back(word);
    check.organ_or_group = check.organ_or_group || kind == TermKind::kOrgan ||
                           kind == TermKind::kGroup;
    check.evidence.push_back(
        word + ": " + KindName(kind) +
        (known ? ", only mentioned in passing" : ", not in the article"));
  }
  // An activity the article never speaks of ("safe to fly with it?").
  if (const std::size_t at = ActivityAsked(a.words); at != std::string::npos) {
    std::vector<std::string> terms = {Stem(a.words[at])};
    analyzer_.synonyms().Apply(&terms, nullptr);
    const std::string& term = terms.empty() ? a.words[at] : terms.front();
    if (!pack_terms_.contains(term) && !IsCueTerm(term) &&
        !generic_terms_.contains(term) && !IsStopword(a.words[at]) &&
        named.insert(a.words[at]).second) {
      check.uncovered.push_back(a.words[at]);
      check.organ_or_group = true;  // a subject of its own
      check.evidence.push_back(a.words[at] +
                               ": an activity the article "
                               "never speaks of");
    }
  }
  // "How big does it have to be...": sizes are a reader's own numbers.
  const std::string joined = " " + JoinWords(a.words) + " ";
  for (const char* phrase : {" how big ", " how large ", " what size "}) {
    if (joined.find(phrase) != std::string::npos &&
        named.insert("size").second) {
      check.uncovered.push_back("size");
      check.organ_or_group = true;
      check.evidence.push_back("size: outside any single article");
    }
  }
  // Subjects from the built-in scope list (pregnancy, costs, doses...),
  // unless the article speaks of them ("a child of an affected parent").
  for (const auto& term : a.terms) {
    if (const auto scope = scope_terms_.find(term);
        scope != scope_terms_.end() && !pack_terms_.contains(term) &&
        !named.contains(term) && named.insert(scope->second).second) {
      check.uncovered.push_back(scope->second);
      check.organ_or_group = true;  // a subject of its own, whatever else
      check.evidence.push_back(scope->second + ": outside any single article");
    }
  }
  return check;
}

}  // namespace faqbot::intents
