#include "intents/sizes.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

#include "intents/text.h"

namespace faqbot::intents {
namespace {

bool IsAsciiDigit(char c) {
  return std::isdigit(static_cast<unsigned char>(c));
}

// Numbers ("0.8"), words (lowercased) and single marks, in order.
std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    std::size_t j = i + 1;
    if (IsAsciiDigit(c)) {
      while (j < text.size() &&
             (IsAsciiDigit(text[j]) || (text[j] == '.' && j + 1 < text.size() &&
                                        IsAsciiDigit(text[j + 1])))) {
        ++j;
      }
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      while (j < text.size() &&
             std::isalpha(static_cast<unsigned char>(text[j]))) {
        ++j;
      }
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      i = j;
      continue;
    }
    out.push_back(AsciiLower(std::string(text.substr(i, j - i))));
    i = j;
  }
  return out;
}

double Number(const std::string& token) {
  double value = -1;
  std::from_chars(token.data(), token.data() + token.size(), value);
  return value;
}

// A size at token `i`: its smallest and largest number ("4-5", "5.3 x 3"),
// in millimetres, and the token after its unit; false when none is there.
struct Sized {
  double low = 0, high = 0;
  std::size_t end = 0;
};
bool SizeAt(const std::vector<std::string>& t, std::size_t i,
            const Lexicon& lex, Sized* out) {
  if (t[i].empty() || !IsAsciiDigit(t[i][0])) return false;
  double low = Number(t[i]), high = low;
  std::size_t j = i + 1;
  // "4-5", "4 to 5", "5.3 x 3", "3*3".
  const auto joins = [&](const std::string& token) {
    return token == "-" || token == "*" ||
           lex.Is(token, WordClass::kSizeJoiners);
  };
  while (j + 1 < t.size() && joins(t[j]) && IsAsciiDigit(t[j + 1][0])) {
    const double n = Number(t[j + 1]);
    low = std::min(low, n);
    high = std::max(high, n);
    j += 2;
  }
  if (j >= t.size()) return false;
  double scale = 0;
  if (lex.Is(t[j], WordClass::kMillimetres)) scale = 1;
  if (lex.Is(t[j], WordClass::kCentimetres)) scale = 10;
  if (scale == 0 || low < 0) return false;
  *out = {low * scale, high * scale, j + 1};
  // "6mm x 5mm": one thing's sides, the largest its size.
  Sized next;
  if (out->end + 1 < t.size() && joins(t[out->end]) &&
      SizeAt(t, out->end + 1, lex, &next)) {
    *out = {std::min(out->low, next.low), std::max(out->high, next.high),
            next.end};
  }
  return true;
}

}  // namespace

std::vector<double> SizesIn(std::string_view text, const Lexicon& lexicon) {
  const auto t = Tokens(text);
  std::vector<double> sizes;
  for (std::size_t i = 0; i < t.size(); ++i) {
    Sized s;
    if (!SizeAt(t, i, lexicon, &s)) continue;
    if (std::find(sizes.begin(), sizes.end(), s.high) == sizes.end()) {
      sizes.push_back(s.high);
    }
    i = s.end - 1;
  }
  return sizes;
}

std::vector<SizeRange> SizeRangesIn(std::string_view text,
                                    const Lexicon& lexicon) {
  const auto t = Tokens(text);
  std::vector<SizeRange> ranges;
  for (std::size_t i = 0; i < t.size(); ++i) {
    Sized s;
    if (!SizeAt(t, i, lexicon, &s)) continue;
    // The word of range before it, over hedges: "larger than about".
    std::size_t k = i;
    while (k > 0 && i - k < 3 && lexicon.Is(t[k - 1], WordClass::kSizeHedges)) {
      --k;
    }
    // Or after it, past a stop word: "3 centimetres or more", "5 mm or
    // less" (the size itself in).
    constexpr double kBelowTheLow = 0.001;
    const std::size_t after = s.end + 1;
    const bool past_stop =
        after < t.size() && lexicon.Is(t[s.end], WordClass::kStopwords);
    if (k > 0 && lexicon.Is(t[k - 1], WordClass::kSizeAbove)) {
      ranges.push_back({.above = s.low});
    } else if (k > 0 && lexicon.Is(t[k - 1], WordClass::kSizeBelow)) {
      ranges.push_back({.above = 0, .upto = s.high});
    } else if (past_stop && lexicon.Is(t[after], WordClass::kSizeAbove)) {
      ranges.push_back({.above = s.low - kBelowTheLow});
    } else if (past_stop && lexicon.Is(t[after], WordClass::kSizeBelow)) {
      ranges.push_back({.above = 0, .upto = s.high});
    } else if (s.low < s.high) {
      // "Nodules of 6 to 8 millimetres": the span itself, both ends in.
      ranges.push_back({.above = s.low - kBelowTheLow, .upto = s.high});
    }
    i = s.end - 1;
  }
  return ranges;
}

}  // namespace faqbot::intents
