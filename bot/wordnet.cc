#include "bot/wordnet.h"

#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace faqbot::bot {
namespace {

namespace fs = std::filesystem;

// WordNet's lexicographer files whose nouns the engine reads.
constexpr int kNounBody = 8;
constexpr int kNounObject = 17;
constexpr int kNounState = 26;

struct Synset {
  int lexfile = 0;
  std::vector<std::string> lemmas;  // lower case, '_' as spaces
};

// "kidney_stone" -> "kidney stone"; "Addison(a)" -> "addison".
std::string Lemma(std::string_view word) {
  std::string out;
  for (const char c : word) {
    if (c == '(') break;
    out += c == '_' ? ' ' : static_cast<char>(std::tolower(c));
  }
  return out;
}

std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < line.size()) {
    const std::size_t end = std::min(line.find(' ', start), line.size());
    if (end > start) out.push_back(line.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// One data.* line: offset, lexfile, words, and its pointers
// (symbol, offset, pos, source/target).
struct DataLine {
  std::string offset;
  int lexfile = 0;
  std::vector<std::string> words;
  struct Pointer {
    std::string symbol, offset, pos, source_target;
  };
  std::vector<Pointer> pointers;
};

std::optional<DataLine> ParseData(const std::string& line) {
  if (line.empty() || line[0] == ' ') return std::nullopt;
  const auto f = Fields(line.substr(0, line.find(" | ")));
  if (f.size() < 5) return std::nullopt;
  DataLine d;
  d.offset = f[0];
  d.lexfile = std::atoi(f[1].c_str());
  const std::size_t words = std::stoul(f[3], nullptr, 16);
  std::size_t at = 4;
  for (std::size_t i = 0; i < words && at + 1 < f.size(); ++i, at += 2) {
    d.words.push_back(Lemma(f[at]));
  }
  if (at >= f.size()) return d;
  const std::size_t pointers = std::stoul(f[at++]);
  for (std::size_t i = 0; i < pointers && at + 3 < f.size(); ++i, at += 4) {
    d.pointers.push_back({f[at], f[at + 1], f[at + 2], f[at + 3]});
  }
  return d;
}

}  // namespace

Status AddWordNet(const fs::path& dir, intents::Lexicon* lexicon) {
  const auto open = [&](const char* name) { return std::ifstream(dir / name); };
  std::ifstream nouns = open("data.noun"), adjectives = open("data.adj"),
                index = open("index.noun");
  if (!nouns || !adjectives || !index) {
    return std::unexpected(Error::NotFound(
        (dir / "data.noun").string() +
        " (or data.adj, index.noun) cannot be read; scripts/setup installs "
        "wordnet-base"));
  }
  std::unordered_map<std::string, Synset> synsets;  // kept lexfiles only
  std::string line;
  while (std::getline(nouns, line)) {
    const auto d = ParseData(line);
    if (!d || (d->lexfile != kNounBody && d->lexfile != kNounObject &&
               d->lexfile != kNounState)) {
      continue;
    }
    synsets[d->offset] = {d->lexfile, d->words};
  }
  // Adjectives that pertain to one part of the body.
  std::map<std::string, std::set<std::string>> pertains;  // adj -> nouns
  while (std::getline(adjectives, line)) {
    const auto d = ParseData(line);
    if (!d) continue;
    for (const auto& p : d->pointers) {
      const auto it = synsets.find(p.offset);
      if (p.symbol != "\\" || p.pos != "n" || it == synsets.end() ||
          it->second.lexfile != kNounBody || p.source_target.size() != 4) {
        continue;
      }
      const std::size_t source =
          std::stoul(p.source_target.substr(0, 2), nullptr, 16);
      const std::size_t target =
          std::stoul(p.source_target.substr(2), nullptr, 16);
      const auto& nouns_of = it->second.lemmas;
      const std::string& noun =
          nouns_of[target > 0 && target <= nouns_of.size() ? target - 1 : 0];
      for (std::size_t w = 0; w < d->words.size(); ++w) {
        if (source == 0 || source == w + 1) pertains[d->words[w]].insert(noun);
      }
    }
  }
  for (const auto& [adjective, nouns_of] : pertains) {
    const std::string& noun = *nouns_of.begin();
    if (nouns_of.size() != 1 || adjective == noun ||
        adjective.find(' ') != std::string::npos ||
        noun.find(' ') != std::string::npos) {
      continue;  // ambiguous ("cervical": neck or cervix), or a phrase
    }
    lexicon->AddSynonyms(
        noun + ": " + adjective,
        "WordNet 3.0: \"" + adjective + "\" pertains to " + noun);
  }
  // The first sense of each noun, when it is one of the kept synsets.
  while (std::getline(index, line)) {
    if (line.empty() || line[0] == ' ') continue;
    const auto f = Fields(line);
    if (f.size() < 6) continue;
    const std::size_t pointers = std::stoul(f[3]);
    const std::size_t first = 4 + pointers + 2;
    if (first >= f.size()) continue;
    const auto it = synsets.find(f[first]);
    if (it == synsets.end() || it->second.lemmas.size() < 2) continue;
    lexicon->AddNounSense(
        Lemma(f[0]), it->second.lemmas,
        "WordNet 3.0: first sense of \"" + Lemma(f[0]) + "\"");
  }
  return Ok();
}

}  // namespace faqbot::bot
