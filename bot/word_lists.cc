#include "bot/word_lists.h"

#include "bot/pack_loader.h"
#include "intents/text.h"

namespace faqbot::bot {
namespace {

// Calls `fn` with each line of `text`, without its line break.
template <typename Fn>
void ForEachLine(std::string_view text, Fn&& fn) {
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (line.ends_with('\r')) line.remove_suffix(1);
    fn(line);
    text = nl == std::string_view::npos ? "" : text.substr(nl + 1);
  }
}

// A rule's condition ("[^aeiou]y", ".", "e") as letters; nullopt when a
// class is left open.
std::optional<std::vector<SuffixRule::Letter>> ReadCondition(
    std::string_view s) {
  std::vector<SuffixRule::Letter> letters;
  if (s == ".") return letters;
  for (std::size_t i = 0; i < s.size(); ++i) {
    SuffixRule::Letter letter;
    if (s[i] == '[') {
      const std::size_t close = s.find(']', i);
      if (close == std::string_view::npos) return std::nullopt;
      std::string_view inside = s.substr(i + 1, close - i - 1);
      letter.negated = inside.starts_with('^');
      if (letter.negated) inside.remove_prefix(1);
      letter.allowed = intents::AsciiLower(std::string(inside));
      i = close;
    } else if (s[i] != '.') {
      letter.allowed = intents::AsciiLower(std::string(1, s[i]));
    }
    letters.push_back(std::move(letter));
  }
  return letters;
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

}  // namespace

std::optional<std::string> SuffixRule::Apply(std::string_view word) const {
  if (word.size() < condition.size() || !word.ends_with(strip)) {
    return std::nullopt;
  }
  const std::size_t from = word.size() - condition.size();
  for (std::size_t i = 0; i < condition.size(); ++i) {
    const Letter& letter = condition[i];
    if (letter.allowed.empty()) continue;  // "."
    const bool listed =
        letter.allowed.find(word[from + i]) != std::string::npos;
    if (listed == letter.negated) return std::nullopt;
  }
  return std::string(word.substr(0, word.size() - strip.size())) + add;
}

Result<SuffixRules> ReadSuffixRules(const std::filesystem::path& path) {
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  SuffixRules rules;
  int line_no = 0;
  std::optional<Error> error;
  ForEachLine(*text, [&](std::string_view line) {
    ++line_no;
    const std::vector<std::string_view> f = Fields(line);
    // "SFX N Y 3" opens a flag's rules; "SFX N e ion e" is one of them.
    if (error || f.size() < 5 || f[0] != "SFX" || f[1].size() != 1) return;
    auto condition = ReadCondition(f[4]);
    if (!condition) {
      error =
          Error::ParseError(path.string() + " line " + std::to_string(line_no) +
                            ": a suffix rule's condition is not closed");
      return;
    }
    const auto plain = [](std::string_view s) {
      s = s.substr(0, s.find('/'));  // the flags of the form made
      return s == "0" ? std::string() : intents::AsciiLower(std::string(s));
    };
    rules[f[1][0]].push_back({plain(f[2]), plain(f[3]), *std::move(condition)});
  });
  if (error) return std::unexpected(*error);
  return rules;
}

std::optional<std::vector<std::string>> ReadWordList(
    const std::filesystem::path& path, const SuffixRules* rules) {
  auto text = ReadFile(path);
  if (!text) return std::nullopt;
  std::vector<std::string> words;
  ForEachLine(*text, [&](std::string_view line) {
    if (line.empty() || line[0] == ' ' || line[0] == '\t') return;
    const std::size_t slash = line.find('/');
    const std::string word = intents::AsciiLower(
        std::string(intents::TrimView(line.substr(0, slash))));
    if (word.empty() || word.find(' ') != std::string::npos) return;
    words.push_back(word);
    if (!rules || slash == std::string_view::npos) return;
    for (const char flag : intents::TrimView(line.substr(slash + 1))) {
      const auto it = rules->find(flag);
      if (it == rules->end()) continue;
      for (const SuffixRule& rule : it->second) {
        if (auto form = rule.Apply(word)) words.push_back(*std::move(form));
      }
    }
  });
  return words;
}

}  // namespace faqbot::bot
