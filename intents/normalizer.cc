#include "intents/normalizer.h"

#include <cstddef>
#include <string_view>

#include "intents/lexicon.h"
#include "intents/utf8.h"

namespace faqbot::intents {
namespace {

// not words: Latin-1 Supplement letters U+00C0..U+00FF, folded to
// lowercase ASCII.
constexpr std::string_view kLatin1[64] = {
    "a", "a", "a", "a", "a",  "a",  "ae", "c", "e", "e", "e",  "e", "i",
    "i", "i", "i", "d", "n",  "o",  "o",  "o", "o", "o", " ",  "o", "u",
    "u", "u", "u", "y", "th", "ss", "a",  "a", "a", "a", "a",  "a", "ae",
    "c", "e", "e", "e", "e",  "i",  "i",  "i", "i", "d", "n",  "o", "o",
    "o", "o", "o", " ", "o",  "u",  "u",  "u", "u", "y", "th", "y"};

// Latin Extended-A U+0100..U+017F: the base letter of each code point.
constexpr std::string_view kLatinExtA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
    "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

// Cyrillic and Greek lowercase letters that look like Latin ones, so that
// "vоmiting" typed with a Cyrillic "о" still reads as "vomiting".
char HomoglyphOf(char32_t cp) {
  switch (cp) {
    case 0x0430:
    case 0x0410:
      return 'a';
    case 0x0435:
    case 0x0415:
      return 'e';
    case 0x043E:
    case 0x041E:
    case 0x03BF:
    case 0x039F:
      return 'o';
    case 0x0440:
    case 0x0420:
    case 0x03C1:
      return 'p';
    case 0x0441:
    case 0x0421:
      return 'c';
    case 0x0443:
      return 'y';
    case 0x0445:
    case 0x0425:
    case 0x03C7:
      return 'x';
    case 0x0456:
    case 0x0406:
    case 0x03B9:
      return 'i';
    case 0x0455:
      return 's';
    case 0x0458:
      return 'j';
    case 0x043A:
    case 0x041A:
    case 0x03BA:
      return 'k';
    case 0x043C:
    case 0x041C:
      return 'm';
    case 0x043D:
    case 0x041D:
      return 'h';
    case 0x0442:
    case 0x0422:
    case 0x03C4:
      return 't';
    case 0x0432:
    case 0x0412:
    case 0x03B2:
      return 'b';
    case 0x03BD:
      return 'v';
    case 0x03C5:
      return 'u';
    default:
      return 0;
  }
}

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Calls `emit` with each word of folded text, in place. Apostrophes stay
// inside words for the contraction rules (not at either end), and decimal
// points inside numbers ("3.2"); digits and letters that touch are split
// ("10mm").
template <typename Emit>
void ForEachWord(std::string_view folded, Emit&& emit) {
  std::size_t start = 0, end = 0;  // the word so far: [start, end)
  const auto flush = [&] {
    std::size_t last = end;
    while (last > start && folded[last - 1] == '\'') --last;
    if (last > start) emit(folded.substr(start, last - start));
    start = end;
  };
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (c == '\'') {
      if (end > start) {
        end = i + 1;
      } else {
        start = end = i + 1;  // not at the start of a word
      }
    } else if (c == '.' && end == i && end > start) {
      end = i + 1;  // a decimal point (Fold keeps no other '.'): "3.2"
    } else if (IsWordChar(c)) {
      const char before = end > start ? folded[end - 1] : ' ';
      if (end > start && before != '\'' &&
          (IsDigit(before) || before == '.') != IsDigit(c) &&
          static_cast<unsigned char>(c) < 0x80) {
        flush();
      }
      if (end == start) start = i;
      end = i + 1;
    } else {
      flush();
      start = end = i + 1;
    }
  }
  flush();
}

// Appends the expansion of one word: contractions, shorthand, spellings,
// number words. Possessive "'s" is dropped unless the table says otherwise.
void ExpandWord(std::string_view word, const Lexicon& lexicon,
                std::vector<std::string>* out) {
  const std::size_t apos = word.find('\'');
  if (apos == std::string_view::npos) {  // most words: one lookup
    if (const auto* expansion = lexicon.Expansion(word)) {
      out->insert(out->end(), expansion->begin(), expansion->end());
    } else if (std::string respelled = lexicon.Respelled(word);
               !respelled.empty()) {
      out->push_back(std::move(respelled));
    } else {
      out->emplace_back(word);
    }
    return;
  }
  if (const auto* expansion = lexicon.Contraction(word)) {
    out->insert(out->end(), expansion->begin(), expansion->end());
    return;
  }
  const std::string_view stem = word.substr(0, apos);
  const std::string_view tail = word.substr(apos + 1);
  std::string joined;
  if (tail == "s") {
    joined = stem;  // possessive or "is" after a noun: the noun carries it
  } else if (const auto* suffix =
                 lexicon.Contraction("'" + std::string(tail))) {
    out->emplace_back(stem);
    out->insert(out->end(), suffix->begin(), suffix->end());
    return;
  } else {
    joined = std::string(stem) + std::string(tail);
  }
  if (const auto* rewrite = lexicon.Rewrite(joined)) {
    out->insert(out->end(), rewrite->begin(), rewrite->end());
    return;
  }
  out->push_back(std::move(joined));
}

}  // namespace

std::string FoldCodePoint(char32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') return std::string(1, c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'') {
      return std::string(1, c);
    }
    return c == '`' ? "'" : " ";  // "don`t"
  }
  if (cp >= 0xFF01 && cp <= 0xFF5E) return FoldCodePoint(cp - 0xFF01 + 0x21);
  if (cp >= 0xC0 && cp <= 0xFF) return std::string(kLatin1[cp - 0xC0]);
  if (cp >= 0x100 && cp <= 0x17F) {
    return std::string(1, kLatinExtA[cp - 0x100]);
  }
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x00B4:
      return "'";
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0x200E:
    case 0x200F:
    case 0x00AD:
    case 0xFE0F:
    case 0xFE0E:
      return "";
    default:
      break;
  }
  if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
    return "";  // bidi embeddings and isolates
  }
  if (cp >= 0x0300 && cp <= 0x036F) return "";  // combining accents
  if (const char c = HomoglyphOf(cp)) return std::string(1, c);
  // Letters of other scripts stay; punctuation, symbols and emoji break.
  const bool letter = (cp >= 0x0370 && cp <= 0x1FFF) ||
                      (cp >= 0x3040 && cp <= 0x9FFF) ||
                      (cp >= 0xAC00 && cp <= 0xD7AF);
  if (letter) {
    std::string out;
    AppendUtf8(cp, &out);
    return out;
  }
  return " ";
}

namespace {

// `text` folded: ASCII lower case, other scripts kept, a decimal point
// between digits kept, other punctuation, symbols and emoji as spaces.
std::string Fold(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Plain ASCII, most of every message, folded in place.
    // (FoldCodePoint's rules: letters lower-cased, a backtick is an
    // apostrophe, other punctuation breaks words.)
    if (const char c = text[pos]; static_cast<unsigned char>(c) < 0x80) {
      const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        c == '\'' ||
                        (c == '.' && pos > 0 && IsDigit(text[pos - 1]) &&
                         pos + 1 < text.size() && IsDigit(text[pos + 1]));
      folded += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                : keep               ? c
                : c == '`'           ? '\''
                                     : ' ';
      ++pos;
      continue;
    }
    const auto cp = DecodeUtf8(text, &pos);
    folded += cp ? FoldCodePoint(*cp) : " ";
  }
  return folded;
}

}  // namespace

std::vector<std::string> Normalize(std::string_view text,
                                   const Lexicon& lexicon) {
  const std::string folded = Fold(text);
  std::vector<std::string> words;
  words.reserve(folded.size() / 4 + 1);
  ForEachWord(folded,
              [&](std::string_view w) { ExpandWord(w, lexicon, &words); });
  return words;
}

std::vector<std::string> FoldWords(std::string_view text) {
  const std::string folded = Fold(text);
  std::vector<std::string> words;
  ForEachWord(folded, [&](std::string_view w) { words.emplace_back(w); });
  return words;
}

}  // namespace faqbot::intents
