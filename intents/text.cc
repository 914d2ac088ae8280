#include "intents/text.h"

#include <algorithm>
#include <cctype>

namespace faqbot::intents {

std::string_view TrimView(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

std::string AsciiLower(std::string s) {
  for (auto& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::vector<std::string> SplitCommas(std::string_view s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    const std::size_t end = std::min(s.find(',', pos), s.size());
    std::string item = Trim(s.substr(pos, end - pos));
    if (!item.empty()) out.push_back(std::move(item));
    pos = end + 1;
  }
  return out;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

bool IsNumber(std::string_view word, bool allow_separators) {
  // A normalized word keeps a decimal point only between digits ("3.2").
  return !word.empty() && word.front() != '.' &&
         std::all_of(word.begin(), word.end(), [&](char c) {
           return (c >= '0' && c <= '9') || c == '.' ||
                  (allow_separators && c == ',');
         });
}

}  // namespace faqbot::intents
