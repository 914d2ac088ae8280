#include "intents/message.h"

#include <algorithm>
#include <cctype>
#include <list>

#include "intents/normalizer.h"
#include "intents/sentences.h"
#include "intents/text.h"

namespace faqbot::intents {
namespace {

// "I would like to know", "I was wondering whether", "tell me".
bool AsksIndirectly(const std::vector<std::string>& w, const Lexicon& lexicon) {
  return lexicon.HasEntry(w, WordClass::kIndirectQuestions);
}

// Index of the first word after openers and greetings.
std::size_t FirstWord(const std::vector<std::string>& w,
                      const Lexicon& lexicon) {
  std::size_t i = 0;
  while (i < w.size() && lexicon.Is(w[i], WordClass::kOpeners)) ++i;
  return i;
}

// Whether `w` (a clause's words) opens like a question.
bool OpensLikeQuestion(const std::vector<std::string>& w,
                       const Lexicon& lexicon) {
  const std::size_t i = FirstWord(w, lexicon);
  if (i >= w.size()) return false;
  if (lexicon.Is(w[i], WordClass::kWhWords)) return true;
  if (!lexicon.Is(w[i], WordClass::kAuxiliaries) || i + 1 >= w.size()) {
    return false;
  }
  // "do more exercise" is an instruction, "do i need" a question.
  return !lexicon.Is(w[i + 1], WordClass::kNotASubject);
}

bool IsSocial(const std::vector<std::string>& w, std::string_view raw,
              const Lexicon& lexicon) {
  if (w.empty()) return true;
  std::size_t unknown = 0;  // counted up to two: enough to decide
  for (std::size_t i = 0; i < w.size() && unknown < 2; ++i) {
    unknown += !lexicon.Is(w[i], WordClass::kSocial);
  }
  // A sign-off may end with the writer's name ("Many thanks, Anna").
  const bool named =
      unknown == 1 && !raw.empty() &&
      std::isupper(static_cast<unsigned char>(raw[raw.find_last_of(' ') + 1]));
  return unknown == 0 || (named && w.size() > 1);
}

// Splits a question sentence where another question starts: at ", and",
// " and", ";", ", or", ", but" or a plain comma followed by a question
// word. Returns the pieces in order.
std::vector<std::string_view> SplitClauses(std::string_view sentence,
                                           const Lexicon& lexicon) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    const char c = sentence[i];
    std::size_t next = std::string_view::npos;
    if (c == ',' || c == ';') {
      next = i + 1;
    } else if (c == ' ') {
      for (const char* joiner : {" and ", " or ", " but "}) {
        if (sentence.substr(i).starts_with(joiner)) {
          next = i + std::string_view(joiner).size() - 1;
        }
      }
    }
    if (next == std::string_view::npos) continue;
    std::string_view rest = sentence.substr(next);
    // Skip a joiner after a comma (", and is it ...").
    std::vector<std::string> lead = Normalize(rest.substr(0, 40), lexicon);
    while (!lead.empty() && lexicon.Is(lead.front(), WordClass::kJoiners)) {
      lead.erase(lead.begin());
    }
    if (lead.empty() || !OpensLikeQuestion(lead, lexicon)) continue;
    // "I have no symptoms, is that normal?": a question about the clause
    // before it stays with it.
    if (c == ',' && lead.size() >= 2 &&
        lexicon.Is(lead[0], WordClass::kAuxiliaries) &&
        (lead[1] == "that" || lead[1] == "this")) {
      continue;
    }
    pieces.push_back(TrimView(sentence.substr(start, i - start)));
    start = next;
    i = next;
  }
  pieces.push_back(TrimView(sentence.substr(start)));
  std::erase_if(pieces, [](std::string_view p) { return p.empty(); });
  return pieces;
}

// Measurements, ages and lab values in `words` (normalized), as the
// phrases a person wrote.
void FindPersonalDetails(const std::vector<std::string>& w,
                         const Lexicon& lexicon,
                         std::vector<std::string>* out) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!IsNumber(w[i], /*allow_separators=*/true)) continue;
    const bool unit =
        i + 1 < w.size() && lexicon.Is(w[i + 1], WordClass::kUnits);
    const bool age = i >= 2 && (lexicon.Is(w[i - 1], WordClass::kAgeWords) ||
                                (w[i - 2] == "i" && w[i - 1] == "is"));
    // A lab value: a short code before a number ("alt 85", "afp 12").
    const bool lab = i >= 1 && IsLabCode(w[i - 1], lexicon);
    if (unit) {
      out->push_back(w[i] + " " + w[i + 1]);
    } else if (age || lab) {
      out->push_back((i >= 1 ? w[i - 1] + " " : "") + w[i]);
    }
  }
}

// Words a person quotes from a report: 'like this' or "like this".
void FindQuotes(std::string_view text, std::vector<std::string>* out) {
  for (const char* quote : {"'", "\"", "\xE2\x80\x98", "\xE2\x80\x9C"}) {
    const std::string_view q(quote);
    const std::string_view close = q == "\xE2\x80\x98"   ? "\xE2\x80\x99"
                                   : q == "\xE2\x80\x9C" ? "\xE2\x80\x9D"
                                                         : q;
    std::size_t at = 0;
    while ((at = text.find(q, at)) != std::string_view::npos) {
      // An apostrophe inside a word ("don't", "baby's") is no quote.
      if (q == "'" && at > 0 &&
          std::isalpha(static_cast<unsigned char>(text[at - 1]))) {
        ++at;
        continue;
      }
      const std::size_t end = text.find(close, at + q.size());
      if (end == std::string_view::npos) break;
      const std::string_view inside =
          text.substr(at + q.size(), end - at - q.size());
      if (inside.find(' ') != std::string_view::npos && inside.size() < 200) {
        out->push_back("'" + std::string(inside) + "'");
      }
      at = end + close.size();
    }
  }
}

// "my report says", "the scan showed", "the radiologist wrote": the
// message quotes a personal report.
bool MentionsReport(const std::vector<std::string>& w, const Lexicon& lexicon) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!lexicon.Is(w[i], WordClass::kReportNouns)) continue;
    for (std::size_t j = i + 1; j < w.size() && j <= i + 3; ++j) {
      if (lexicon.Is(w[j], WordClass::kReportVerbs)) return true;
    }
  }
  return false;
}

// "Which one is better?": a short question that chooses between options
// and names none of them.
bool ChoosesBetween(const std::vector<std::string>& w, const Lexicon& lexicon) {
  constexpr std::size_t kMostWords = 8;
  return w.size() <= kMostWords &&
         lexicon.HasEntry(w, WordClass::kChoosingBetween);
}

}  // namespace

bool IsLabCode(const std::string& word, const Lexicon& lexicon) {
  return word.size() >= 2 && word.size() <= 5 &&
         std::all_of(word.begin(), word.end(),
                     [](char c) { return std::isalpha(c); }) &&
         !lexicon.Is(word, WordClass::kAuxiliaries) &&
         !lexicon.Is(word, WordClass::kStopwords) &&
         !lexicon.Is(word, WordClass::kNotLabNames);
}

MessageShape ReadMessage(std::string_view text, const Lexicon& lexicon,
                         const std::vector<std::string>* words_given) {
  MessageShape shape;
  // Each piece's words, normalized once: a message has a handful of
  // sentences and clauses (a short one is one sentence and one clause,
  // whose words are given).
  const std::string_view whole = TrimView(text);
  // (A list: words handed out stay where they are, and an unused list
  // allocates nothing.)
  std::list<std::pair<std::string_view, std::vector<std::string>>> normalized;
  const auto words_of =
      [&](std::string_view s) -> const std::vector<std::string>& {
    if (words_given && s == whole) return *words_given;
    for (const auto& [piece, words] : normalized) {
      if (piece == s) return words;
    }
    return normalized.emplace_back(s, Normalize(s, lexicon)).second;
  };
  const auto add_context = [&shape](std::string_view piece) {
    if (!shape.context.empty()) shape.context += ' ';
    shape.context += piece;
  };
  std::string_view told;  // the statement just before
  for (const std::string_view sentence : SentenceViews(text, lexicon)) {
    const auto& words = words_of(sentence);
    if (IsSocial(words, sentence, lexicon)) {
      shape.social.emplace_back(sentence);
      continue;
    }
    const bool question = sentence.ends_with('?') ||
                          OpensLikeQuestion(words, lexicon) ||
                          AsksIndirectly(words, lexicon);
    if (!question) {
      add_context(sentence);
      told = sentence;
      continue;
    }
    if (!told.empty() && ChoosesBetween(words, lexicon)) {
      const auto& options = words_of(told);
      if (std::find(options.begin(), options.end(), "or") != options.end()) {
        shape.options = told;
      }
    }
    // "a gastroenterologist or a surgeon?" after a question: a short
    // fragment that asks nothing on its own belongs to that question.
    if (!shape.questions.empty() && !OpensLikeQuestion(words, lexicon) &&
        !AsksIndirectly(words, lexicon) && words.size() <= 6) {
      (shape.questions.back() += ' ') += sentence;
      continue;
    }
    const auto pieces = SplitClauses(sentence, lexicon);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      const auto& piece_words = words_of(pieces[i]);
      const bool asks = OpensLikeQuestion(piece_words, lexicon) ||
                        AsksIndirectly(piece_words, lexicon) ||
                        (i + 1 == pieces.size() && i == 0);
      if (asks) {
        shape.questions.emplace_back(pieces[i]);
      } else {
        add_context(pieces[i]);
      }
    }
  }
  FindQuotes(text, &shape.personal);
  const auto& words = words_of(whole);
  FindPersonalDetails(words, lexicon, &shape.personal);
  if (MentionsReport(words, lexicon)) {
    shape.personal.push_back("a report of one's own");
  }
  return shape;
}

bool StartsLikeQuestion(const std::vector<std::string>& words,
                        const Lexicon& lexicon) {
  return OpensLikeQuestion(words, lexicon);
}

bool AsksYesOrNo(const std::vector<std::string>& words,
                 const Lexicon& lexicon) {
  // "Could you discuss ...?" asks the bot for something, not yes or no.
  const std::size_t i = FirstWord(words, lexicon);
  return i + 1 < words.size() && !lexicon.Is(words[i], WordClass::kWhWords) &&
         !lexicon.Is(words[i + 1], WordClass::kSecondPerson) &&
         OpensLikeQuestion(words, lexicon);
}

bool QuotesAReport(std::string_view text) {
  std::vector<std::string> quotes;
  FindQuotes(text, &quotes);
  return !quotes.empty();
}

bool TellsOnlyValues(const std::vector<std::string>& w,
                     const Lexicon& lexicon) {
  const auto number = [&](std::size_t i) {
    return i < w.size() && IsNumber(w[i], /*allow_separators=*/true);
  };
  bool values = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (number(i)) {
      values = true;
      continue;
    }
    if (lexicon.Is(w[i], WordClass::kStopwords) ||
        lexicon.Is(w[i], WordClass::kDeterminers) ||
        lexicon.Is(w[i], WordClass::kAuxiliaries) ||
        lexicon.Is(w[i], WordClass::kUnits)) {
      continue;
    }
    // "alt 120", "ast is 80", "afp was 17".
    const bool code =
        IsLabCode(w[i], lexicon) &&
        (number(i + 1) ||
         (number(i + 2) && lexicon.Is(w[i + 1], WordClass::kAuxiliaries)));
    if (!code) return false;
  }
  return values;
}

std::string WithoutPersonalDetails(std::string_view text) {
  std::vector<std::string> quotes;
  FindQuotes(text, &quotes);
  std::string out(text);
  for (const auto& q : quotes) {
    const std::string inner = q.substr(1, q.size() - 2);
    if (const auto at = out.find(inner); at != std::string::npos) {
      out.replace(at, inner.size(), std::string(inner.size(), ' '));
    }
  }
  return out;
}

}  // namespace faqbot::intents
