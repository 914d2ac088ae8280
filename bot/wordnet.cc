// WordNet's data files are read a line at a time into one reused buffer
// and parsed in place (string_views): of data.noun's 82,000 synsets only
// the few thousand of the kept lexicographer files are parsed at all, and
// no 15 MB buffer is allocated (on a virtual machine, fresh pages are
// most of the cost).
#include "bot/wordnet.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "intents/string_map.h"

namespace faqbot::bot {
namespace {

namespace fs = std::filesystem;

// WordNet's lexicographer files whose nouns the engine reads.
constexpr int kNounBody = 8;
constexpr int kNounFood = 13;
constexpr int kNounObject = 17;
constexpr int kNounState = 26;
constexpr int kNounSubstance = 27;

// The files whose nouns' other names an article's terms take on (foods
// and substances are read for what contains what).
bool NamesTerms(int lexfile) {
  return lexfile == kNounBody || lexfile == kNounObject ||
         lexfile == kNounState;
}

struct Synset {
  int lexfile = 0;
  std::vector<std::string> lemmas;     // lower case, '_' as spaces
  std::vector<std::string> hypernyms;  // offsets ('@' and '@i' pointers)
  std::vector<std::string> in;         // what a substance is in ('#s'), offsets
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

// The next space-separated field of `rest`, consumed.
std::string_view Field(std::string_view* rest) {
  std::size_t start = 0;
  while (start < rest->size() && (*rest)[start] == ' ') ++start;
  std::size_t end = rest->find(' ', start);
  if (end == std::string_view::npos) end = rest->size();
  const std::string_view field = rest->substr(start, end - start);
  rest->remove_prefix(end);
  return field;
}

std::size_t Number(std::string_view field, int base = 10) {
  std::size_t n = 0;
  std::from_chars(field.data(), field.data() + field.size(), n, base);
  return n;
}

// Calls `each` with every line of `file` that is no license header.
template <typename Each>
void ForEachEntry(std::ifstream& file, Each&& each) {
  std::string line;
  while (std::getline(file, line)) {
    if (!line.empty() && line[0] != ' ') each(std::string_view(line));
  }
}

// One data.* line: its words, then (through `pointer`) its pointers.
struct DataLine {
  std::string_view offset;
  int lexfile = 0;
  std::vector<std::string> words;
  std::string_view rest;  // from the pointer count on
};

DataLine ParseData(std::string_view line) {
  DataLine d;
  line = line.substr(0, line.find(" | "));
  d.offset = Field(&line);
  d.lexfile = static_cast<int>(Number(Field(&line)));
  Field(&line);  // part of speech
  const std::size_t words = Number(Field(&line), 16);
  for (std::size_t i = 0; i < words && !line.empty(); ++i) {
    d.words.push_back(Lemma(Field(&line)));
    Field(&line);  // lex id
  }
  d.rest = line;
  return d;
}

// data.noun's synsets of the kept lexicographer files, by offset.
intents::StringMap<Synset> ReadNouns(std::ifstream& text) {
  intents::StringMap<Synset> synsets;
  ForEachEntry(text, [&](std::string_view line) {
    // "offset lexfile ...": skip other files before parsing anything.
    const int lexfile = static_cast<int>(Number(line.substr(9, 2)));
    if (!NamesTerms(lexfile) && lexfile != kNounFood &&
        lexfile != kNounSubstance) {
      return;
    }
    DataLine d = ParseData(line);
    Synset synset{d.lexfile, std::move(d.words), {}};
    const std::size_t pointers = Number(Field(&d.rest));
    for (std::size_t i = 0; i < pointers; ++i) {
      const auto symbol = Field(&d.rest), offset = Field(&d.rest),
                 pos = Field(&d.rest);
      Field(&d.rest);  // source/target
      if ((symbol == "@" || symbol == "@i") && pos == "n") {
        synset.hypernyms.emplace_back(offset);
      } else if (symbol == "#s" && pos == "n") {
        synset.in.emplace_back(offset);
      }
    }
    synsets[d.offset] = std::move(synset);
  });
  return synsets;
}

// Whether the synset at `offset` is `ancestor` or a kind of it (through
// hypernyms among the kept synsets).
bool KindOf(const intents::StringMap<Synset>& synsets, std::string_view offset,
            std::string_view ancestor, int depth = 0) {
  constexpr int kDeepest = 20;
  if (offset == ancestor) return true;
  const auto it = synsets.find(offset);
  if (it == synsets.end() || depth > kDeepest) return false;
  return std::any_of(it->second.hypernyms.begin(), it->second.hypernyms.end(),
                     [&](const std::string& up) {
                       return KindOf(synsets, up, ancestor, depth + 1);
                     });
}

// Whether one of the synsets at `offsets` (space-separated) is a part of
// the body.
bool InBody(const intents::StringMap<Synset>& synsets,
            std::string_view offsets) {
  while (!offsets.empty()) {
    const auto it = synsets.find(Field(&offsets));
    if (it != synsets.end() && it->second.lexfile == kNounBody) return true;
  }
  return false;
}

// The lemmas of index.verb and the irregular forms of verb.exc
// ("thought", "felt"), to tell a verb ("trembles") from a noun.
intents::StringSet VerbLemmas(std::ifstream& index, std::ifstream& exceptions) {
  intents::StringSet verbs;
  ForEachEntry(
      index, [&](std::string_view line) { verbs.insert(Lemma(Field(&line))); });
  ForEachEntry(exceptions, [&](std::string_view line) {
    verbs.insert(Lemma(Field(&line)));
  });
  return verbs;
}

// Adjectives that pertain to one part of the body (pointer '\').
std::map<std::string, std::set<std::string>> Pertainyms(
    std::ifstream& text, const intents::StringMap<Synset>& synsets) {
  std::map<std::string, std::set<std::string>> pertains;  // adj -> nouns
  ForEachEntry(text, [&](std::string_view line) {
    if (line.find(" \\ ") == std::string_view::npos) return;
    DataLine d = ParseData(line);
    const std::size_t pointers = Number(Field(&d.rest));
    for (std::size_t i = 0; i < pointers; ++i) {
      const auto symbol = Field(&d.rest), offset = Field(&d.rest),
                 pos = Field(&d.rest), source_target = Field(&d.rest);
      const auto it = synsets.find(offset);
      if (symbol != "\\" || pos != "n" || it == synsets.end() ||
          it->second.lexfile != kNounBody || source_target.size() != 4) {
        continue;
      }
      const std::size_t source = Number(source_target.substr(0, 2), 16);
      const std::size_t target = Number(source_target.substr(2), 16);
      const auto& nouns = it->second.lemmas;
      const std::string& noun =
          nouns[target > 0 && target <= nouns.size() ? target - 1 : 0];
      for (std::size_t w = 0; w < d.words.size(); ++w) {
        if (source == 0 || source == w + 1) pertains[d.words[w]].insert(noun);
      }
    }
  });
  return pertains;
}

// One-word adjectives that are no noun ("exploratory", "chronic"): a
// question's word of this kind describes, it names no subject. Returns
// every one-word adjective.
intents::StringSet AddAdjectivesOnly(std::ifstream& index,
                                     const intents::StringSet& noun_lemmas,
                                     intents::Lexicon* lexicon) {
  intents::StringSet adjectives;
  std::vector<std::string> words;
  ForEachEntry(index, [&](std::string_view line) {
    std::string lemma = Lemma(Field(&line));
    if (lemma.find(' ') != std::string::npos) return;
    if (!noun_lemmas.contains(lemma)) words.push_back(lemma);
    adjectives.insert(std::move(lemma));
  });
  const std::vector<std::string_view> views(words.begin(), words.end());
  lexicon->AddWordList(intents::WordClass::kAdjectivesOnly, views,
                       "WordNet 3.0 index.adj");
  return adjectives;
}

// One-word nouns that are no adjective, no verb and no part of the body
// ("chocolate", "strawberry"): before a finding's word they name a kind of
// it ("a chocolate cyst"), where "water" or "side" may only describe and
// "tract" ("a urinary tract stone") says where it is.
void AddNounsOnly(const intents::StringSet& noun_lemmas,
                  const intents::StringSet& adjectives,
                  const intents::StringSet& verbs,
                  const intents::StringSet& body_parts,
                  intents::Lexicon* lexicon) {
  std::vector<std::string_view> words;
  for (const auto& lemma : noun_lemmas) {
    if (lemma.find(' ') == std::string::npos && !adjectives.contains(lemma) &&
        !verbs.contains(lemma) && !body_parts.contains(lemma)) {
      words.push_back(lemma);
    }
  }
  lexicon->AddWordList(intents::WordClass::kNounsOnly, words,
                       "WordNet 3.0 index.noun");
}

// One-word nouns whose first sense is a kind of one of `kinds`' nouns
// ("pneumonia" of "disease") and no verb ("trembles"), into `cls`: every
// "class: noun" line of that class adds to it.
void AddKinds(
    intents::WordClass cls, const std::vector<WordNetKind>& kinds,
    const std::vector<std::pair<std::string, std::string>>& first_senses,
    const intents::StringMap<Synset>& synsets, const intents::StringSet& verbs,
    intents::Lexicon* lexicon) {
  std::vector<std::string_view> roots;  // offsets
  std::string nouns;
  for (const auto& kind : kinds) {
    if (kind.cls != cls) continue;
    const auto root = std::find_if(
        first_senses.begin(), first_senses.end(),
        [&](const auto& sense) { return sense.first == kind.noun; });
    if (root == first_senses.end()) continue;
    roots.push_back(root->second);
    nouns += (nouns.empty() ? "\"" : ", \"") + kind.noun + "\"";
  }
  if (roots.empty()) return;
  std::vector<std::string_view> words;
  for (const auto& [lemma, offset] : first_senses) {
    const bool verb =
        verbs.contains(lemma) ||
        (lemma.ends_with('s') &&
         verbs.contains(std::string_view(lemma).substr(0, lemma.size() - 1)));
    if (!verb && std::any_of(roots.begin(), roots.end(), [&](auto root) {
          return KindOf(synsets, offset, root);
        })) {
      words.push_back(lemma);
    }
  }
  lexicon->AddWordList(cls, words, "WordNet 3.0: a kind of " + nouns);
}

// For each substance (first sense) in foods or drinks ("caffeine": its
// '#s' pointers, coffee and tea), the one-word names of those whose first
// sense is that food ("coffee", not "java", whose first sense is the
// island).
void AddContainers(
    const std::vector<std::pair<std::string, std::string>>& substances,
    const intents::StringMap<std::string>& first_food,
    const intents::StringMap<Synset>& synsets, intents::Lexicon* lexicon) {
  for (const auto& [name, offset] : substances) {
    std::vector<std::string> foods;
    for (const auto& food : synsets.find(offset)->second.in) {
      const auto it = synsets.find(food);
      if (it == synsets.end() || it->second.lexfile != kNounFood) continue;
      for (const auto& lemma : it->second.lemmas) {
        const auto first = first_food.find(lemma);
        if (first != first_food.end() && first->second == food) {
          foods.push_back(lemma);
        }
      }
    }
    if (foods.empty()) continue;
    std::string listed;
    for (const auto& f : foods) listed += (listed.empty() ? "" : ", ") + f;
    lexicon->AddContainers(
        name, std::move(foods),
        "WordNet 3.0: \"" + name + "\" is a substance of " + listed);
  }
}

}  // namespace

Status AddWordNet(const fs::path& dir, const std::vector<WordNetKind>& kinds,
                  intents::Lexicon* lexicon) {
  std::ifstream nouns(dir / "data.noun"), adjectives(dir / "data.adj"),
      index(dir / "index.noun"), adjective_index(dir / "index.adj"),
      verb_index(dir / "index.verb"), verb_forms(dir / "verb.exc");
  if (!nouns || !adjectives || !index || !adjective_index || !verb_index) {
    return std::unexpected(Error::NotFound(
        (dir / "data.noun").string() +
        " (or data.adj, index.noun, index.adj, index.verb) cannot be read; "
        "scripts/setup installs wordnet-base"));
  }
  const auto synsets = ReadNouns(nouns);
  for (const auto& [adjective, of] : Pertainyms(adjectives, synsets)) {
    const std::string& noun = *of.begin();
    if (of.size() != 1 || adjective == noun ||
        adjective.find(' ') != std::string::npos ||
        noun.find(' ') != std::string::npos) {
      continue;  // ambiguous ("cervical": neck or cervix), or a phrase
    }
    lexicon->AddSynonyms(
        noun + ": " + adjective,
        "WordNet 3.0: \"" + adjective + "\" pertains to " + noun);
  }
  // The first sense of each noun ("lemma pos synsets pointers [symbols]
  // senses tagged offsets..."), when it is one of the kept synsets.
  intents::StringSet noun_lemmas, body_parts;
  std::vector<std::pair<std::string, std::string>> first_senses;  // one word
  // One-word foods and substances by their first sense.
  intents::StringMap<std::string> first_food;
  std::vector<std::pair<std::string, std::string>> substances;
  ForEachEntry(index, [&](std::string_view line) {
    const std::string_view lemma = Field(&line);
    noun_lemmas.insert(Lemma(lemma));
    Field(&line);  // part of speech
    Field(&line);  // synset count
    const std::size_t pointers = Number(Field(&line));
    for (std::size_t i = 0; i < pointers + 2; ++i) Field(&line);
    const std::string_view offset = Field(&line);
    const std::string name = Lemma(lemma);
    const bool one_word = name.find(' ') == std::string::npos;
    if (one_word && (InBody(synsets, offset) || InBody(synsets, line))) {
      body_parts.insert(name);  // "tract": one of its senses
    }
    const auto it = synsets.find(offset);
    if (it == synsets.end()) return;
    if (one_word && it->second.lexfile == kNounFood) {
      first_food.try_emplace(name, std::string(offset));
    } else if (one_word && it->second.lexfile == kNounSubstance) {
      substances.emplace_back(name, offset);
    }
    if (!NamesTerms(it->second.lexfile)) return;
    if (one_word) first_senses.emplace_back(name, offset);
    if (it->second.lemmas.size() < 2) return;
    lexicon->AddNounSense(name, it->second.lemmas,
                          "WordNet 3.0: first sense of \"" + name + "\"");
  });
  AddContainers(substances, first_food, synsets, lexicon);
  const intents::StringSet adjective_lemmas =
      AddAdjectivesOnly(adjective_index, noun_lemmas, lexicon);
  const intents::StringSet verbs = VerbLemmas(verb_index, verb_forms);
  AddNounsOnly(noun_lemmas, adjective_lemmas, verbs, body_parts, lexicon);
  std::vector<intents::WordClass> classes;
  for (const auto& kind : kinds) {
    if (std::find(classes.begin(), classes.end(), kind.cls) != classes.end()) {
      continue;
    }
    classes.push_back(kind.cls);
    AddKinds(kind.cls, kinds, first_senses, synsets, verbs, lexicon);
  }
  return Ok();
}

}  // namespace faqbot::bot
