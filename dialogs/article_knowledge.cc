#include "dialogs/article_knowledge.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "intents/medical_terms.h"
#include "intents/normalizer.h"
#include "intents/sentences.h"
#include "intents/text.h"

namespace faqbot::dialogs {
namespace {

using intents::TrimView;
using intents::WordClass;

// `text` without a leading "or "/"and " (and the list's "for "/"if " said
// again: "or for fever") and a trailing full stop.
std::string_view Bare(std::string_view text) {
  text = TrimView(text);
  while (!text.empty() && (text.back() == '.' || text.back() == ';')) {
    text.remove_suffix(1);
  }
  for (std::string_view joiner : {"or ", "and ", "for ", "if "}) {
    if (text.starts_with(joiner)) text.remove_prefix(joiner.size());
  }
  return TrimView(text);
}

// Past an aside between commas just after `at` ("seek urgent help, the
// same day, for ..."): where the aside ends, else `at`.
std::size_t PastAside(const std::string& sentence, std::size_t at) {
  constexpr std::size_t kLongestAside = 24;
  if (sentence.compare(at, 2, ", ") != 0) return at;
  const std::size_t end = sentence.find(',', at + 2);
  return end != std::string::npos && end - at <= kLongestAside ? end + 1 : at;
}

// Where the list of signs starts in `sentence` (lower case), or npos: the
// " for " or " if " after the sentence's first urgent-advice phrase ("seek
// urgent help for ..., and see a doctor promptly for ...": the first).
// `soon`, when given, tells whether that phrase asks for a doctor soon
// ([soon-advice]: "see a doctor promptly") rather than urgent help.
std::size_t ListStart(const std::string& sentence,
                      const intents::Lexicon& lexicon, bool* soon = nullptr) {
  std::size_t first = std::string::npos;
  for (const auto& phrase : lexicon.Entries(WordClass::kUrgentAdvice)) {
    for (std::size_t at = sentence.find(phrase); at < first;
         at = sentence.find(phrase, at + 1)) {
      const std::size_t after = PastAside(sentence, at + phrase.size());
      for (std::string_view word : {" for ", " if "}) {
        if (sentence.compare(after, word.size(), word) == 0 &&
            after + word.size() < first) {
          first = after + word.size();
          if (soon) *soon = lexicon.Is(phrase, WordClass::kSoonAdvice);
        }
      }
    }
  }
  return first;
}

// "the lump becomes red" -> "the lump becomes ": a sign told as a linking
// verb and one word, up to that word; "" for any other sign.
std::string HeadBeforeOneWord(std::string_view sign,
                              const intents::Lexicon& lexicon) {
  const std::size_t last = sign.rfind(' ');
  if (last == std::string_view::npos) return "";
  const std::string_view head = sign.substr(0, last);
  const std::size_t verb = head.rfind(' ');
  const std::string_view linking =
      verb == std::string_view::npos ? head : head.substr(verb + 1);
  return lexicon.Is(linking, WordClass::kLinkingVerbs)
             ? std::string(sign.substr(0, last + 1))
             : "";
}

// "hot and swollen", "cold or weak": a few words with no linking verb, no
// determiner and no word only a noun, which say more of the sign before.
bool SaysMoreOfTheSame(const std::vector<std::string>& words,
                       const intents::Lexicon& lexicon) {
  constexpr std::size_t kMostWords = 3;
  return words.size() <= kMostWords &&
         !lexicon.HasEntry(words, WordClass::kLinkingVerbs) &&
         std::none_of(words.begin(), words.end(), [&](const std::string& w) {
           return lexicon.Is(w, WordClass::kDeterminers) ||
                  lexicon.Is(w, WordClass::kArticles) ||
                  (lexicon.Is(w, WordClass::kNounsOnly) &&
                   !lexicon.Is(w, WordClass::kJoiners));  // "or": OR
         });
}

// "a sudden": an article and words WordNet knows only as adjectives.
bool DescribesOnly(const std::vector<std::string>& words,
                   const intents::Lexicon& lexicon) {
  bool describes = false;
  for (const auto& w : words) {
    if (lexicon.Is(w, WordClass::kArticles)) continue;
    if (!lexicon.Is(w, WordClass::kAdjectivesOnly)) return false;
    describes = true;
  }
  return describes;
}

}  // namespace

std::vector<std::string> WarningSigns(std::string_view advice,
                                      const intents::Lexicon& lexicon) {
  std::vector<std::string> out;
  for (auto& sign : AdviceSigns(advice, lexicon)) {
    out.push_back(std::move(sign.text));
  }
  return out;
}

std::vector<WarningSign> AdviceSigns(std::string_view advice,
                                     const intents::Lexicon& lexicon) {
  std::vector<WarningSign> signs;
  for (const std::string_view sentence :
       intents::SentenceViews(advice, lexicon)) {
    const std::string lower = intents::AsciiLower(std::string(sentence));
    bool soon = false;
    const std::size_t start = ListStart(lower, lexicon, &soon);
    if (start == std::string::npos) continue;
    std::vector<std::string_view> items;
    std::string_view rest = std::string_view(lower).substr(start);
    while (!rest.empty()) {
      const std::size_t comma = std::min(rest.find(','), rest.size());
      items.push_back(rest.substr(0, comma));
      rest.remove_prefix(std::min(comma + 1, rest.size()));
    }
    if (items.empty()) continue;
    // "black stools or confusion": the list's own last "or".
    const std::string_view last = TrimView(items.back());
    if (!last.starts_with("or ") && !last.starts_with("and ")) {
      const std::size_t joiner = last.rfind(" or ");
      if (joiner != std::string_view::npos) {
        items.back() = last.substr(0, joiner);
        items.push_back(last.substr(joiner + 4));
      }
    }
    std::string when;     // "after an operation": for the next sign
    std::string told_as;  // "the lump becomes": the last sign's head
    std::string carried;  // "a sudden,": the next sign's first words
    for (auto item : items) {
      // "and seek urgent help for yellow skin": a second phrase starts a
      // list of its own, and is no part of the sign.
      if (const std::size_t next = ListStart(std::string(item), lexicon, &soon);
          next != std::string::npos) {
        item.remove_prefix(next);
        told_as.clear();
      }
      const std::string_view bare = Bare(item);
      const auto words = intents::Normalize(bare, lexicon);
      if (words.empty() ||
          (words.size() == 1 && lexicon.Is(words[0], WordClass::kJoiners))) {
        continue;
      }
      if (lexicon.Is(words[0], WordClass::kCircumstanceWords)) {
        when = std::string(bare);
        continue;
      }
      // "a sudden, very severe headache": describing words alone are the
      // start of the next sign.
      if (DescribesOnly(words, lexicon)) {
        carried += std::string(bare) + " ";
        continue;
      }
      std::string sign = std::exchange(carried, "") + std::string(bare);
      if (!told_as.empty() && SaysMoreOfTheSame(words, lexicon)) {
        sign = told_as + sign;  // "hot and swollen": of the same lump
      } else {
        told_as = HeadBeforeOneWord(sign, lexicon);
      }
      if (!when.empty()) sign += " " + std::exchange(when, "");
      signs.push_back({std::move(sign), soon});
    }
  }
  // Signs for a doctor soon are so only beside signs for urgent help: an
  // advice that lists one kind of sign lists its emergencies.
  if (std::all_of(signs.begin(), signs.end(),
                  [](const WarningSign& s) { return s.soon; })) {
    for (auto& sign : signs) sign.soon = false;
  }
  return signs;
}

std::vector<TermSynonyms> OtherNames(const std::vector<std::string>& words,
                                     const intents::Lexicon& lexicon) {
  const auto plain = [&](const std::string& w) {
    return lexicon.Is(w, WordClass::kStopwords) || intents::IsNumber(w);
  };
  const auto everyday = [&](std::string_view w) {
    return lexicon.Is(w, WordClass::kEveryday);
  };
  // The article's own words, to find its other names in it.
  const std::string said = " " + intents::JoinWords(words) + " ";
  const auto in_text = [&](const std::string& lemma) {
    return said.find(" " + lemma + " ") != std::string::npos ||
           said.find(" " + lemma + "s ") != std::string::npos;
  };
  std::vector<TermSynonyms> out;
  intents::StringSet seen;  // each phrase once
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string phrase;
    for (std::size_t n = 1; n <= 3 && i + n <= words.size(); ++n) {
      if (plain(words[i + n - 1])) break;
      phrase += (n > 1 ? " " : "") + words[i + n - 1];
      // A single everyday word has too many senses to trust the first.
      if (n == 1 && everyday(phrase)) continue;
      // The phrase, or with its last word singular ("kidney stones").
      const auto* sense = lexicon.NounSense(phrase);
      if (!sense && phrase.ends_with('s')) {
        sense = lexicon.NounSense(phrase.substr(0, phrase.size() - 1));
      }
      if (!sense || !seen.insert(phrase).second) continue;
      std::string others;
      bool named = false;  // the article uses another name itself
      for (const auto& lemma : sense->lemmas) {
        if (lemma == phrase || lemma + "s" == phrase) continue;
        named = named || in_text(lemma);
        if (lemma.find(' ') == std::string::npos && everyday(lemma)) continue;
        others += (others.empty() ? "" : ", ") + lemma;
      }
      if (!others.empty() && !named) {
        out.push_back({phrase + ": " + others, sense->origin});
      }
    }
  }
  return out;
}

std::vector<TermSynonyms> ContainerNames(const std::vector<std::string>& words,
                                         const intents::Lexicon& lexicon) {
  const intents::StringSet said(words.begin(), words.end());
  std::vector<TermSynonyms> out;
  intents::StringSet seen;
  for (const auto& word : words) {
    const auto* foods = lexicon.Containers(word);
    if (!foods || !seen.insert(word).second) continue;
    std::string others;
    for (const auto& food : foods->lemmas) {
      if (said.contains(food) || said.contains(food + "s")) continue;
      others += (others.empty() ? "" : ", ") + food;
    }
    if (!others.empty()) out.push_back({word + ": " + others, foods->origin});
  }
  return out;
}

std::vector<std::string> LikenedThings(std::string_view sentence,
                                       const intents::Lexicon& lexicon) {
  constexpr std::size_t kLongest = 3;
  const auto words = intents::Normalize(sentence, lexicon);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!lexicon.Is(words[i], WordClass::kLikenessWords)) continue;
    std::size_t j = i + 1;
    if (j < words.size() && lexicon.Is(words[j], WordClass::kArticles)) ++j;
    std::string thing;
    for (std::size_t n = 0; j < words.size() && n < kLongest; ++j, ++n) {
      if (lexicon.Is(words[j], WordClass::kStopwords)) break;
      thing += (thing.empty() ? "" : " ") + words[j];
    }
    if (!thing.empty()) out.push_back(std::move(thing));
  }
  return out;
}

std::vector<TermSynonyms> Initialisms(const std::vector<std::string>& words,
                                      const intents::Lexicon& lexicon) {
  constexpr std::size_t kFewest = 3, kMost = 4;
  const auto plain = [&](const std::string& w) {
    return w.empty() || lexicon.Is(w, WordClass::kStopwords) ||
           intents::IsNumber(w) ||
           !std::isalpha(static_cast<unsigned char>(w[0]));
  };
  std::vector<TermSynonyms> out;
  intents::StringSet seen;  // each initialism once
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string phrase, initials;
    for (std::size_t n = 1; n <= kMost && i + n <= words.size(); ++n) {
      const std::string& w = words[i + n - 1];
      if (plain(w)) break;
      phrase += (n > 1 ? " " : "") + w;
      initials += w[0];
      if (n < kFewest || lexicon.Is(initials, WordClass::kEveryday) ||
          lexicon.Is(initials, WordClass::kMedical) ||
          lexicon.Is(initials, WordClass::kStopwords) ||
          seen.contains(initials)) {
        continue;
      }
      seen.insert(initials);
      out.push_back({phrase + ": " + initials,
                     "the initials of the article's \"" + phrase + "\""});
    }
  }
  return out;
}

std::vector<ParenthesisedName> ParenthesisedNames(
    std::string_view sentence, const intents::Lexicon& lexicon) {
  std::vector<ParenthesisedName> out;
  for (std::size_t open = sentence.find('('); open != std::string_view::npos;
       open = sentence.find('(', open + 1)) {
    const std::size_t close = sentence.find(')', open);
    if (close == std::string_view::npos) break;
    const auto inside = intents::Normalize(
        sentence.substr(open + 1, close - open - 1), lexicon);
    const auto before = intents::Normalize(sentence.substr(0, open), lexicon);
    // A finding, after an article and two describing words at most: "(a
    // cyst)", "(sessile serrated lesions)"; not "(hypoechoic)" or
    // "(lobectomy)".
    constexpr std::size_t kMostWords = 3;
    std::size_t first = 0;
    if (!inside.empty() && lexicon.Is(inside[0], WordClass::kArticles)) {
      first = 1;
    }
    const bool plain_words = std::none_of(
        inside.begin() + static_cast<std::ptrdiff_t>(first), inside.end(),
        [&](const std::string& w) {
          return lexicon.Is(w, WordClass::kStopwords) || intents::IsNumber(w);
        });
    if (before.empty() || inside.size() <= first ||
        inside.size() > first + kMostWords || !plain_words ||
        intents::ClassifyTerm(inside.back(), lexicon) !=
            intents::TermKind::kFinding) {
      continue;
    }
    std::string name;
    for (std::size_t i = first; i < inside.size(); ++i) {
      name += (name.empty() ? "" : " ") + inside[i];
    }
    out.push_back({before.back(), std::move(name)});
  }
  return out;
}

std::string WithoutParentheses(std::string_view text) {
  std::string out;
  int depth = 0;
  for (const char c : text) {
    if (c == '(') ++depth;
    if (depth == 0) out += c;
    if (c == ')' && depth > 0) --depth;
  }
  return out;
}

std::vector<std::string> DefinedSubjectsNames(std::string_view sentence) {
  // The subject is a few words: the parentheses open soon, before the
  // definition's verb, and hold a short list.
  constexpr std::size_t kOpensWithin = 40, kMostWords = 4;
  const std::size_t open = sentence.find('(');
  const std::size_t close = sentence.find(')', open);
  if (open == std::string_view::npos || open > kOpensWithin ||
      close == std::string_view::npos) {
    return {};
  }
  std::vector<std::string> names;
  std::string_view inside = sentence.substr(open + 1, close - open - 1);
  while (!inside.empty()) {
    const std::size_t comma = std::min(inside.find(','), inside.size());
    const std::string_view name = TrimView(inside.substr(0, comma));
    inside.remove_prefix(std::min(comma + 1, inside.size()));
    const auto words =
        static_cast<std::size_t>(std::count(name.begin(), name.end(), ' ')) + 1;
    if (!name.empty() && words <= kMostWords) names.emplace_back(name);
  }
  return names;
}

}  // namespace faqbot::dialogs
