// The lexicon files' reader. The section names below are the files'
// vocabulary (lexicon/README.md); the words are all in the files.
#include "intents/lexicon.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <stdexcept>

#include "intents/normalizer.h"
#include "intents/speller.h"
#include "intents/text.h"

namespace faqbot::intents {
namespace {

// not words: the lexicon's section names, in WordClass order.
constexpr std::string_view kClassNames[] = {
    "stopwords",
    "scope",
    "generic",
    "findings",
    "organs",
    "groups",
    "condition-endings",
    "not-condition-endings",
    "condition-adjectives",
    "condition-heads",
    "plain-places",
    "examinations",
    "causing-verbs",
    "told-phrases",
    "noun-markers",
    "proportion-words",
    "negators",
    "clause-breaks",
    "negated-verbs",
    "past-verbs",
    "long-ago-units",
    "young",
    "long-ago-words",
    "now-words",
    "personal",
    "supposing",
    "over-words",
    "lasting-words",
    "recurring-words",
    "urgent-words",
    "urgent-advice",
    "soon-advice",
    "sign-fillers",
    "linking-verbs",
    "circumstance-words",
    "asking-condition",
    "young-signs",
    "patient-states",
    "denials",
    "negating-prefixes",
    "unknowing",
    "wh-words",
    "thing-words",
    "auxiliaries",
    "not-a-subject",
    "openers",
    "social",
    "indirect-questions",
    "joiners",
    "units",
    "age-words",
    "not-lab-names",
    "report-nouns",
    "report-verbs",
    "comparisons",
    "pronouns",
    "pointing-back",
    "relatives",
    "first-person",
    "second-person",
    "allowed",
    "management-verbs",
    "consumption-verbs",
    "consumption-between",
    "locatives",
    "determiners",
    "definition-verbs",
    "likeness-words",
    "near-endings",
    "reason-words",
    "articles",
    "abbreviations",
    "back",
    "menu",
    "menu-words",
    "restart",
    "quit",
    "command-filler",
    "choice-filler",
    "ordinals",
    "last",
    "whole-endings",
    "plural-endings",
    "medical",
    "everyday",
    "adjectives-only",
    "nouns-only",
    "diseases",
    "no-condition-diseases",
    "size-words",
    "millimetres",
    "centimetres",
    "size-above",
    "size-below",
    "size-hedges",
    "size-joiners",
    "origin-phrases",
    "having-verbs",
    "size-prefixes",
    "no-need",
    "after-words",
    "vague-findings",
    "sign-qualifiers",
    "two-things",
    "choosing-between",
    "onset-words",
    "remedy-words",
    "diagnosis-headings",
    "measure-words",
    "lab-context",
};
static_assert(std::size(kClassNames) == kWordClassCount);

constexpr std::string_view kFacetNames[] = {
    "about",    "definition", "cause",     "risk",
    "symptoms", "treatment",  "follow-up", "lifestyle"};
static_assert(std::size(kFacetNames) == kFacetCount);

// not words: names of aspects in files and traces.
constexpr std::string_view kAspectNames[] = {
    "none",      "course",     "duration", "heredity",   "frequency", "where",
    "contagion", "prevention", "growth",   "recurrence", "diagnosis", "size"};
static_assert(std::size(kAspectNames) == kAspectCount);

constexpr std::string_view kSmalltalkNames[] = {"greeting", "thanks", "goodbye",
                                                "help", "identity"};

template <typename E, std::size_t N>
std::optional<E> Named(const std::string_view (&names)[N],
                       std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

// Lower-cased, with single spaces between words.
std::string Canonical(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// "head: rest" -> {head words, rest}; nullopt without a colon.
std::optional<std::pair<std::vector<std::string>, std::string>> SplitHead(
    std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::vector<std::string> head;
  const std::string words = Canonical(line.substr(0, colon));
  std::size_t start = 0;
  while (start < words.size()) {
    const std::size_t end = std::min(words.find(' ', start), words.size());
    head.push_back(words.substr(start, end - start));
    start = end + 1;
  }
  return std::pair{head, Trim(line.substr(colon + 1))};
}

Status Bad(const Origin& origin, const std::string& what) {
  return std::unexpected(Error::ParseError(origin + ": " + what));
}

}  // namespace

std::string_view FacetName(Facet facet) {
  return kFacetNames[static_cast<int>(facet)];
}
std::string_view AspectName(Aspect aspect) {
  return kAspectNames[static_cast<int>(aspect)];
}
std::string_view SmalltalkName(Smalltalk kind) {
  return kSmalltalkNames[static_cast<int>(kind)];
}
std::string_view WordClassName(WordClass cls) {
  return kClassNames[static_cast<std::size_t>(cls)];
}

Lexicon::Lexicon(std::string language)
    : language_(std::move(language)),
      stemmer_(std::make_unique<Stemmer>(language_)) {}
Lexicon::~Lexicon() = default;

Status Lexicon::AddFile(std::string_view name, std::string_view text) {
  std::string section;
  int line_no = 0;
  for (std::string_view rest = text; !rest.empty();) {
    const std::size_t nl = rest.find('\n');
    std::string_view line = TrimView(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? "" : rest.substr(nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const Origin origin =
        std::string(name) + " line " + std::to_string(line_no);
    if (line.front() == '[') {
      if (line.back() != ']') return Bad(origin, "a section ends with ']'");
      section = Canonical(line.substr(1, line.size() - 2));
      continue;
    }
    if (section.empty()) {
      return Bad(origin, "an entry before the first [section]");
    }
    if (auto s = AddLine(section, line, origin); !s) return s;
  }
  return Ok();
}

void Lexicon::AddEntry(WordClass cls, std::string entry, const Origin& origin) {
  if (entry.empty()) return;
  const auto index = static_cast<std::size_t>(cls);
  WordClasses& bits = bits_[entry].classes;
  if (bits.test(index)) return;
  bits.set(index);
  bits_[entry.substr(0, entry.find(' '))].starts.set(index);
  longest_entry_ = std::max<std::size_t>(
      longest_entry_, 1 + std::count(entry.begin(), entry.end(), ' '));
  longest_entry_chars_ = std::max(longest_entry_chars_, entry.size());
  for (std::size_t start = 0; start < entry.size();) {
    const std::size_t end = std::min(entry.find(' ', start), entry.size());
    entry_words_[std::string_view(entry).substr(start, end - start)].set(index);
    start = end + 1;
  }
  entries_[index].push_back(entry);
  origins_.push_back({std::move(entry), cls, origin});
}

Status Lexicon::AddLine(std::string_view section, std::string_view line,
                        const Origin& origin) {
  if (const auto cls = Named<WordClass>(kClassNames, section)) {
    for (auto& item : SplitCommas(line)) {
      std::string entry = Canonical(item);
      if (*cls == WordClass::kPluralEndings &&
          std::count(entry.begin(), entry.end(), ' ') != 1) {
        return Bad(origin, "expected \"<ending> <plural ending>\" (sis ses)");
      }
      AddEntry(*cls, std::move(entry), origin);
    }
    return Ok();
  }
  if (section == "contractions" || section == "rewrites") {
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) {
      return Bad(origin, "expected \"written = what it means\"");
    }
    std::vector<std::string> to;
    const std::string right = Canonical(Trim(line.substr(eq + 1)));
    for (std::size_t start = 0; start < right.size();) {
      const std::size_t end = std::min(right.find(' ', start), right.size());
      to.push_back(right.substr(start, end - start));
      start = end + 1;
    }
    auto& table = section == "contractions" ? contractions_ : rewrites_;
    table[Canonical(Trim(line.substr(0, eq)))] = std::move(to);
    return Ok();
  }
  if (section == "spelling-parts") return AddSpellingPart(line, origin);
  if (section == "synonyms") {
    if (line.find(':') == std::string_view::npos) {
      return Bad(origin, "expected \"canonical: alternative, ...\"");
    }
    synonyms_.push_back({std::string(line), origin});
    return Ok();
  }
  if (section == "personal-advice") {
    personal_advice_.push_back({std::string(line), origin});
    return Ok();
  }
  if (section == "requests") {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return Bad(origin, "expected \"what is not covered: pattern\"");
    }
    requests_.push_back(
        {Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)), origin});
    return Ok();
  }
  if (section != "cues" && section != "aspects" && section != "smalltalk" &&
      section != "red-flags") {
    return Bad(origin, "unknown section [" + std::string(section) +
                           "] (lexicon/README.md lists them)");
  }
  const auto parts = SplitHead(line);
  if (!parts) return Bad(origin, "expected \"name: pattern\"");
  if (parts->second.empty()) return Bad(origin, "no pattern after ':'");
  return AddPattern(section, parts->first, parts->second, origin);
}

Status Lexicon::AddPattern(std::string_view section,
                           const std::vector<std::string>& head,
                           const std::string& pattern, const Origin& origin) {
  if (section == "cues") {
    const auto facet =
        head.size() == 2 ? Named<Facet>(kFacetNames, head[0]) : std::nullopt;
    double weight = 0;
    if (facet) {
      const auto [end, ec] = std::from_chars(
          head[1].data(), head[1].data() + head[1].size(), weight);
      if (ec != std::errc() || end != head[1].data() + head[1].size()) {
        return Bad(origin, "\"" + head[1] + "\" is not a weight");
      }
    }
    if (!facet || *facet == Facet::kNone) {
      return Bad(origin,
                 "expected \"facet weight: pattern\" (facets: definition, "
                 "cause, risk, symptoms, treatment, follow-up, lifestyle)");
    }
    cues_.push_back({*facet, weight, pattern, origin});
    return Ok();
  }
  if (section == "aspects") {
    const auto aspect =
        head.size() == 2 ? Named<Aspect>(kAspectNames, head[0]) : std::nullopt;
    const auto nearest =
        head.size() == 2
            ? (head[1] == "none" ? std::optional(Facet::kNone)
                                 : Named<Facet>(kFacetNames, head[1]))
            : std::nullopt;
    if (!aspect || *aspect == Aspect::kNone || !nearest) {
      return Bad(origin,
                 "expected \"aspect nearest-facet: pattern\" (aspects: course, "
                 "duration, heredity, frequency, where, contagion, "
                 "prevention, growth, recurrence, diagnosis, size)");
    }
    aspects_.push_back({*aspect, *nearest, pattern, origin});
    return Ok();
  }
  if (section == "smalltalk") {
    const auto kind = head.size() == 1
                          ? Named<Smalltalk>(kSmalltalkNames, head[0])
                          : std::nullopt;
    if (!kind) {
      return Bad(origin,
                 "expected \"kind: pattern\" (kinds: greeting, thanks, "
                 "goodbye, help, identity)");
    }
    smalltalk_.push_back({*kind, pattern, origin});
    return Ok();
  }
  if (section == "red-flags") {
    if (head.empty() || head.size() > 2 ||
        (head.size() == 2 && head[1] != "self-harm")) {
      return Bad(origin,
                 "expected \"name: pattern\" or \"name self-harm: "
                 "pattern\"");
    }
    red_flags_.push_back(
        {head[0], head.size() == 2 ? Urgency::kSelfHarm : Urgency::kEmergency,
         pattern, origin});
    return Ok();
  }
  throw std::logic_error("Lexicon::AddPattern: no section " +
                         std::string(section));
}

void Lexicon::AddWordList(WordClass cls,
                          const std::vector<std::string_view>& words,
                          const Origin& origin) {
  const auto index = static_cast<std::size_t>(cls);
  word_lists_[index] = WordList(words);
  lists_.set(index);
  origins_.push_back({"", cls, origin});
}

void Lexicon::AddNounSense(std::string lemma, std::vector<std::string> lemmas,
                           Origin origin) {
  senses_.try_emplace(lemma, Sense{std::move(lemmas), std::move(origin)});
}

void Lexicon::AddContainers(std::string substance,
                            std::vector<std::string> foods, Origin origin) {
  containers_.try_emplace(substance,
                          Sense{std::move(foods), std::move(origin)});
}

void Lexicon::Finish() {
  std::vector<std::pair<std::string, std::string>> plural_endings;
  for (const auto& entry : Entries(WordClass::kPluralEndings)) {
    const std::size_t space = entry.find(' ');
    if (space == std::string::npos) continue;  // refused when read
    plural_endings.emplace_back(entry.substr(0, space),
                                entry.substr(space + 1));
  }
  stemmer_ = std::make_unique<Stemmer>(
      language_, Entries(WordClass::kWholeEndings), std::move(plural_endings));
  // The words of everyday questions, stemmed once here: packs and
  // libraries stem a message's words that their articles never use.
  word_lists_[static_cast<std::size_t>(WordClass::kEveryday)].SetValues(
      [&](std::string_view word) { return stemmer_->Stem(word); });
  for (const auto& placed : origins_) {
    if (placed.entry.empty() || placed.entry.find(' ') != std::string::npos) {
      continue;
    }
    stem_classes_[Stem(placed.entry)].set(static_cast<std::size_t>(placed.cls));
  }
  expansions_ = rewrites_;
  for (const auto& [from, to] : contractions_) expansions_[from] = to;
  BuildBuiltinVocabulary();
  BuildBuiltinSpelling();
}

std::string Lexicon::Stem(std::string_view word) const {
  const auto& everyday =
      word_lists_[static_cast<std::size_t>(WordClass::kEveryday)];
  if (const auto stem = everyday.ValueOf(word)) return std::string(*stem);
  return stemmer_->Stem(word);
}

Lexicon::VocabularyText Lexicon::Vocabulary(std::string_view text) const {
  VocabularyText v{std::string(text), false, Normalize(text, *this), {}};
  for (const auto& word : v.words) v.stems.push_back(Stem(word));
  return v;
}

void Lexicon::BuildBuiltinVocabulary() {
  const auto add = [&](std::string_view text, bool scope = false) {
    builtin_vocabulary_.push_back(Vocabulary(text));
    builtin_vocabulary_.back().scope = scope;
  };
  for (const auto& word : Entries(WordClass::kScope)) add(word, true);
  for (const auto& st : smalltalk_) add(st.pattern);
  for (const auto& flag : red_flags_) add(flag.pattern);
  for (const auto& line : PersonalAdvice()) add(line.text);
  for (const auto& word : Entries(WordClass::kGeneric)) add(word);
  for (const auto& cue : cues_) add(cue.pattern);
  for (const auto& cue : aspects_) add(cue.pattern);
  for (const auto& request : requests_) add(request.pattern);
}

// The built-in vocabulary's words, the stop words and the lexicon's
// synonym groups' words.
void Lexicon::BuildBuiltinSpelling() {
  builtin_spelling_ = std::make_unique<SpellIndex>();
  const auto add = [&](std::string_view text) {
    for (const auto& word : Normalize(text, *this))
      builtin_spelling_->Add(word);
  };
  for (const auto& text : builtin_vocabulary_) {
    for (const auto& word : text.words) builtin_spelling_->Add(word);
  }
  for (const auto& entry : Entries(WordClass::kStopwords)) add(entry);
  // Every pack's synonym table starts with the lexicon's groups (WordNet's
  // among them): their words are every pack's vocabulary.
  for (const auto& group : synonyms_) add(group.text);
}

WordClasses Lexicon::Classes(std::string_view entry) const {
  return BitsOf(entry).classes;
}

std::size_t Lexicon::EntryAt(const std::vector<std::string>& words,
                             std::size_t i, WordClass cls) const {
  if (i >= words.size() || !StartsEntry(words[i], cls)) return 0;
  std::size_t longest = 0;
  // The phrase grows word by word, no longer than the longest entry: on
  // the stack, as messages ask this of most of their words.
  std::array<char, kPhraseBuffer> phrase;
  std::size_t size = 0;
  for (std::size_t n = 0; n < longest_entry_ && i + n < words.size(); ++n) {
    const std::string& word = words[i + n];
    const std::size_t grown = size + (n > 0 ? 1 : 0) + word.size();
    if (grown > longest_entry_chars_ || grown > phrase.size()) break;
    if (n > 0) phrase[size++] = ' ';
    std::copy(word.begin(), word.end(), phrase.begin() + size);
    size = grown;
    if (Is(std::string_view(phrase.data(), size), cls)) longest = n + 1;
  }
  return longest;
}

bool Lexicon::HasEntry(const std::vector<std::string>& words,
                       WordClass cls) const {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (EntryAt(words, i, cls) > 0) return true;
  }
  return false;
}

bool Lexicon::IsStem(std::string_view stem, WordClass cls) const {
  const auto it = stem_classes_.find(stem);
  return it != stem_classes_.end() &&
         it->second.test(static_cast<std::size_t>(cls));
}

Status Lexicon::AddSpellingPart(std::string_view line, const Origin& origin) {
  const std::size_t eq = line.find('=');
  const std::string from =
      Canonical(Trim(line.substr(0, std::min(eq, line.size()))));
  const std::string to =
      eq == std::string_view::npos ? "" : Canonical(Trim(line.substr(eq + 1)));
  const bool ending = from.starts_with('-') && to.starts_with('-');
  const bool beginning = from.ends_with('-') && !to.starts_with('-');
  if (!ending && !beginning) {
    return Bad(origin,
               "expected \"beginning- = respelled\" or \"-ending = "
               "-respelled\"");
  }
  spelling_parts_.push_back(
      ending ? SpellingPart{from.substr(1), to.substr(1), true}
             : SpellingPart{from.substr(0, from.size() - 1), to, false});
  const std::string& part = spelling_parts_.back().from;
  if (part.size() < 2) {
    part_pairs_.set();  // every word may have it
  } else {
    part_pairs_.set(ending ? LetterPair(part[part.size() - 2], part.back())
                           : LetterPair(part[0], part[1]));
  }
  return Ok();
}

std::string Lexicon::Respelled(std::string_view word) const {
  // Most words neither begin nor end with a part's first or last two
  // letters: one test instead of comparing every part.
  if (word.size() < 2 ||
      (!part_pairs_.test(LetterPair(word[0], word[1])) &&
       !part_pairs_.test(LetterPair(word[word.size() - 2], word.back())))) {
    return "";
  }
  for (const auto& part : spelling_parts_) {
    if (word.size() <= part.from.size()) continue;
    if (part.ending && word.ends_with(part.from)) {
      return std::string(word.substr(0, word.size() - part.from.size())) +
             part.to;
    }
    if (!part.ending && word.starts_with(part.from)) {
      return part.to + std::string(word.substr(part.from.size()));
    }
  }
  return "";
}

Origin Lexicon::OriginOf(std::string_view entry, WordClass cls) const {
  if (!Is(entry, cls)) return "";
  for (const auto& placed : origins_) {
    if (placed.cls == cls && (placed.entry == entry || placed.entry.empty())) {
      return placed.origin;
    }
  }
  return "";
}

namespace {
const std::vector<std::string>* Find(
    const StringMap<std::vector<std::string>>& table, std::string_view word) {
  const auto it = table.find(word);
  return it == table.end() ? nullptr : &it->second;
}
}  // namespace

const std::vector<std::string>* Lexicon::Contraction(
    std::string_view word) const {
  return Find(contractions_, word);
}
const std::vector<std::string>* Lexicon::Rewrite(std::string_view word) const {
  return Find(rewrites_, word);
}
const std::vector<std::string>* Lexicon::Expansion(
    std::string_view word) const {
  return Find(expansions_, word);
}

}  // namespace faqbot::intents
