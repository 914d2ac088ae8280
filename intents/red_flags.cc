#include "intents/red_flags.h"

#include <algorithm>

#include "intents/message.h"
#include "intents/normalizer.h"
#include "intents/text.h"

namespace faqbot::intents {
namespace {

constexpr std::size_t kNegationWindow = 3;
// A negation that makes a warning sign ("little or no urine") stands this
// close before the sign's other words.
constexpr std::size_t kSignNegationWindow = 3;

bool In(const Lexicon& lexicon, std::string_view word, WordClass cls) {
  return lexicon.Is(word, cls);
}

// "3 years ago", "in 2015", "when I was 12", "as a child", "in childhood",
// "recently".
bool LongAgoAt(const std::vector<std::string>& w, std::size_t i,
               const Lexicon& lexicon) {
  const auto at = [&](std::size_t k) {
    return k < w.size() ? std::string_view(w[k]) : std::string_view();
  };
  if (In(lexicon, w[i], WordClass::kLongAgoUnits) && at(i + 1) == "ago") {
    return true;
  }
  if (w[i] == "in" && at(i + 1).size() == 4 &&
      (at(i + 1).starts_with("19") || at(i + 1).starts_with("20"))) {
    return true;
  }
  if (w[i] == "when" && at(i + 1) == "i" && at(i + 2) == "was") return true;
  if (w[i] == "as" && at(i + 1) == "a" &&
      In(lexicon, at(i + 2), WordClass::kYoung)) {
    return true;
  }
  return lexicon.EntryAt(w, i, WordClass::kLongAgoWords) > 0;
}

std::vector<std::string> Words(std::string_view phrase,
                               const Lexicon& lexicon) {
  return Normalize(phrase, lexicon);
}

}  // namespace

std::string_view TellingName(Telling telling) {
  switch (telling) {
    case Telling::kNow:
      return "now";
    case Telling::kNegated:
      return "negated";
    case Telling::kPast:
      return "past";
    case Telling::kGeneral:
      return "asked in general";
    case Telling::kLasting:
      return "as lasting months or years";
  }
  return "now";
}

bool IsNegated(const std::vector<std::string>& words, std::size_t at,
               const Lexicon& lexicon) {
  // Up to kNegationWindow words before `at`, the nearest first.
  for (std::size_t k = 1; k <= kNegationWindow && k <= at; ++k) {
    const std::string& word = words[at - k];
    if (In(lexicon, word, WordClass::kClauseBreaks)) return false;
    if (In(lexicon, word, WordClass::kNegators)) {
      // "can not stop vomiting": the verb is negated, not the symptom.
      return !(k > 1 &&
               In(lexicon, words[at - k + 1], WordClass::kNegatedVerbs));
    }
  }
  return false;
}

const RedFlagHit* FirstUrgent(const std::vector<RedFlagHit>& hits) {
  for (const auto& hit : hits) {
    if (hit.urgent()) return &hit;
  }
  return nullptr;
}

Status RedFlagSet::Add(std::string name, Urgency urgency,
                       std::string_view pattern, Origin origin,
                       PatternSet::Owner owner) {
  const PhraseAnalyzer words = [this](std::string_view phrase) {
    return Words(phrase, *lexicon_);
  };
  auto regex = CompilePattern(pattern, words, patterns_.cache());
  if (!regex) {
    return std::unexpected(Error::ParseError(origin + ": pattern \"" +
                                             std::string(pattern) +
                                             "\": " + regex.error().message));
  }
  auto index = patterns_.Add(*regex, owner);
  if (!index) {
    return std::unexpected(Error::ParseError(origin + ": pattern \"" +
                                             std::string(pattern) +
                                             "\": " + index.error().message));
  }
  pattern_flag_.push_back(static_cast<int>(flags_.size()));
  flags_.push_back({std::move(name), urgency, std::move(origin), *index, {}});
  return Ok();
}

std::vector<std::string> RedFlagSet::SignTerms(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& flag : flags_) {
    if (flag.name != name) continue;
    for (const auto& group : flag.sign) {
      out.insert(out.end(), group.begin(), group.end());
    }
  }
  return out;
}

std::vector<std::string> RedFlagSet::SignTerms() const {
  std::vector<std::string> out;
  for (const auto& flag : flags_) {
    for (const auto& group : flag.sign) {
      out.insert(out.end(), group.begin(), group.end());
    }
  }
  return out;
}

void RedFlagSet::AddSign(std::string name,
                         std::vector<std::vector<std::string>> groups,
                         Origin origin, bool soon) {
  if (groups.empty()) return;
  // "New high blood pressure": a group of a qualifier must be met.
  std::vector<bool> required;
  for (const auto& group : groups) {
    required.push_back(
        std::any_of(group.begin(), group.end(), [&](const std::string& t) {
          return lexicon_->IsStem(t, WordClass::kSignQualifiers);
        }));
  }
  flags_.push_back({std::move(name), Urgency::kEmergency, std::move(origin), -1,
                    std::move(groups), std::move(required)});
  flags_.back().soon = soon;
}

std::vector<std::vector<std::vector<std::string>>> RedFlagSet::UrgentSigns()
    const {
  std::vector<std::vector<std::vector<std::string>>> out;
  for (const auto& flag : flags_) {
    if (!flag.sign.empty() && !flag.usual && !flag.soon) {
      out.push_back(flag.sign);
    }
  }
  return out;
}

bool RedFlagSet::Usual(std::string_view name) const {
  return std::any_of(flags_.begin(), flags_.end(), [&](const Flag& flag) {
    return flag.usual && flag.name == name;
  });
}

Status RedFlagSet::Compile() { return patterns_.Compile(); }

bool RedFlagSet::ShowsSign(const Flag& flag, const SentenceWords& s,
                           std::size_t* at, int* missing_out) const {
  std::vector<std::size_t> matched;  // where each satisfied group was met
  bool negation = false;
  std::size_t satisfied = 0;
  int missing = -1;  // the first group not met
  for (std::size_t g = 0; g < flag.sign.size(); ++g) {
    const auto& group = flag.sign[g];
    bool met = false;
    for (const auto& term : group) {
      if (term == "no") {
        negation = true;
        continue;
      }
      const auto it = std::find(s.terms.begin(), s.terms.end(), term);
      if (it == s.terms.end()) continue;
      met = true;
      // The word it came from, when a word stems to it ("fever").
      for (std::size_t w = 0; w < s.words.size(); ++w) {
        if (lexicon_->Stem(s.words[w]) == term) matched.push_back(w);
      }
    }
    // "Since this morning ... flashes": a sign told as begun just now is
    // told as new.
    if (flag.required[g] && !met) {
      if (!lexicon_->HasEntry(s.words, WordClass::kOnsetWords)) return false;
      met = true;
    }
    if (!met && missing < 0) missing = static_cast<int>(g);
    satisfied += met;
  }
  if (negation) {
    // Met when a negator stands just before a word of the sign.
    const bool near = std::any_of(matched.begin(), matched.end(), [&](auto w) {
      for (std::size_t k = 1; k <= kSignNegationWindow && k <= w; ++k) {
        if (In(*lexicon_, s.words[w - k], WordClass::kNegators)) return true;
      }
      return false;
    });
    satisfied += near;
  }
  const std::size_t n = flag.sign.size();
  const std::size_t need = n <= 3 ? n : n - 1;
  if (satisfied < need) return false;
  // "A sudden new floater" to "a sudden shower of new floaters": without
  // the very group the article's description lacks, it is that
  // description, the condition's usual course.
  if (satisfied < n && missing >= 0 && missing == flag.described_missing) {
    return false;
  }
  *at = matched.empty() ? 0 : *std::min_element(matched.begin(), matched.end());
  if (missing_out) *missing_out = satisfied < n ? missing : -1;
  return true;
}

std::vector<std::pair<int, std::size_t>> RedFlagSet::Hits(
    const SentenceWords& s) const {
  std::vector<std::pair<int, std::size_t>> out;
  const std::string text = AnalyzedText(s.words);
  for (const int index : patterns_.Match(text)) {
    std::size_t begin = 0, end = 0;
    patterns_.Find(index, text, &begin, &end);
    // The regex starts at the space before the first word: count words.
    const std::size_t at = static_cast<std::size_t>(
        std::count(text.begin(), text.begin() + begin + 1, ' ') - 1);
    out.emplace_back(pattern_flag_[index], at);
  }
  for (std::size_t f = 0; f < flags_.size(); ++f) {
    std::size_t at = 0;
    if (!flags_[f].sign.empty() && ShowsSign(flags_[f], s, &at)) {
      out.emplace_back(static_cast<int>(f), at);
    }
  }
  return out;
}

Telling RedFlagSet::TellingOf(const std::vector<SentenceWords>& sentences,
                              std::size_t sentence, std::size_t at) const {
  const Lexicon& lex = *lexicon_;
  const SentenceWords& s = sentences[sentence];
  const auto& w = s.words;
  if (IsNegated(w, at, lex)) return Telling::kNegated;
  // Asked about, not told: a question that names no one ("can a stone
  // cause a fever?"), or that supposes it ("what if I get a fever?").
  const bool question =
      TrimView(s.text).ends_with('?') || StartsLikeQuestion(w, lex);
  const bool personal = std::any_of(w.begin(), w.end(), [&](const auto& x) {
    return In(lex, x, WordClass::kPersonal);
  });
  const bool supposed = std::any_of(
      w.begin(), w.begin() + std::min(at, w.size()),
      [&](const auto& x) { return In(lex, x, WordClass::kSupposing); });
  // "Can a ganglion cause numbness in my fingers?": what the condition
  // causes, asked of a part of the person ("my" its only personal word).
  const bool asks_what_it_causes =
      question &&
      std::any_of(w.begin(), w.begin() + std::min(at, w.size()),
                  [&](const auto& x) {
                    return In(lex, x, WordClass::kCausingVerbs);
                  }) &&
      std::all_of(w.begin(), w.end(), [&](const auto& x) {
        return !In(lex, x, WordClass::kPersonal) ||
               In(lex, x, WordClass::kDeterminers);
      });
  if (question && (!personal || supposed || asks_what_it_causes)) {
    return Telling::kGeneral;
  }
  if (lex.HasEntry(w, WordClass::kLastingWords)) return Telling::kLasting;
  if (lex.HasEntry(w, WordClass::kNowWords)) return Telling::kNow;
  // What comes back with a cycle is lasting, unless the message tells
  // anything now ("...like bad menstrual cramps. And now the pain...").
  const auto now = [&](const SentenceWords& other) {
    return lex.HasEntry(other.words, WordClass::kNowWords);
  };
  if (lex.HasEntry(w, WordClass::kRecurringWords) &&
      std::none_of(sentences.begin(), sentences.end(), now)) {
    return Telling::kLasting;
  }
  // Long past or over: a past verb, and a time long ago or an end told
  // anywhere in the message ("Fortunately, he recovered").
  const bool past_verb = std::any_of(w.begin(), w.end(), [&](const auto& x) {
    return In(lex, x, WordClass::kPastVerbs);
  });
  if (!past_verb) return Telling::kNow;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (LongAgoAt(w, i, lex)) return Telling::kPast;
  }
  for (const auto& other : sentences) {
    if (lex.HasEntry(other.words, WordClass::kOverWords)) {
      return Telling::kPast;
    }
  }
  return Telling::kNow;
}

void RedFlagSet::MarkUsual(const std::vector<SentenceWords>& description,
                           const std::vector<SentenceWords>& warning_signs) {
  std::vector<bool> told(flags_.size()), warned(flags_.size());
  for (const auto& s : description) {
    if (lexicon_->HasEntry(s.words, WordClass::kUrgentWords)) continue;
    for (const auto& [flag, at] : Hits(s)) told[flag] = true;
  }
  for (const auto& s : warning_signs) {
    for (const auto& [flag, at] : Hits(s)) warned[flag] = true;
  }
  // A sign the description tells but for one group ("a sudden new
  // floater"): a message told without that same group is the description.
  for (auto& flag : flags_) {
    if (flag.sign.size() <= 3) continue;
    for (const auto& s : description) {
      std::size_t at = 0;
      int missing = -1;
      if (!lexicon_->HasEntry(s.words, WordClass::kUrgentWords) &&
          ShowsSign(flag, s, &at, &missing) && missing >= 0) {
        flag.described_missing = missing;
      }
    }
  }
  // A sign of the advice is urgent, unless it is a bare symptom the
  // description tells as usual ("pain", where the article says "patients
  // may feel pain under the right ribs").
  for (std::size_t f = 0; f < flags_.size(); ++f) {
    const bool bare_sign = flags_[f].sign.size() == 1;
    flags_[f].usual =
        told[f] && (flags_[f].sign.empty() ? !warned[f] : bare_sign);
  }
}

std::vector<RedFlagHit> RedFlagSet::Read(
    const std::vector<SentenceWords>& sentences) const {
  std::vector<RedFlagHit> out;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    for (const auto& [index, at] : Hits(sentences[i])) {
      const Flag& flag = flags_[index];
      out.push_back({flag.name, flag.urgency, TellingOf(sentences, i, at),
                     flag.usual, flag.origin, !flag.sign.empty(), flag.soon});
    }
  }
  return out;
}

}  // namespace faqbot::intents
