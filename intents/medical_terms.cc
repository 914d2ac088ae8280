#include "intents/medical_terms.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_set>

#include "intents/string_map.h"
#include "intents/word_memo.h"

namespace faqbot::intents {
namespace {

constexpr char kMedicalDictionary[] = "/usr/share/hunspell/en_med_glut.dic";
constexpr char kCommonWords[] = "/usr/share/dict/american-english-small";

using WordSet = StringSet;

// A hunspell .dic ("word/FLAGS" per line after a header) or a plain word
// list, lower-cased. Missing file: empty.
WordSet ReadWords(const char* path) {
  WordSet words;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ' || line[0] == '\t') continue;
    std::string word = line.substr(0, line.find('/'));
    while (!word.empty() && (word.back() == '\r' || word.back() == ' ')) {
      word.pop_back();
    }
    for (char& c : word) c = static_cast<char>(std::tolower(c));
    if (word.find(' ') == std::string::npos && !word.empty()) {
      words.insert(std::move(word));
    }
  }
  return words;
}

struct Vocabulary {
  WordSet medical;
  WordSet common;
};

const Vocabulary& Words() {
  static const Vocabulary* v = [] {
    auto* out = new Vocabulary;
    const char* medical = std::getenv("FAQBOT_MEDICAL_DICTIONARY");
    const char* common = std::getenv("FAQBOT_COMMON_WORDS");
    out->medical = ReadWords(medical ? medical : kMedicalDictionary);
    out->common = ReadWords(common ? common : kCommonWords);
    if (out->medical.empty() || out->common.empty()) {
      std::cerr << "faqbot: medical vocabulary not found ("
                << kMedicalDictionary << ", " << kCommonWords
                << "; scripts/setup installs hunspell-en-med and "
                   "wamerican-small): neighbouring conditions are recognised "
                   "by the built-in lists only\n";
    }
    return out;
  }();
  return *v;
}

// The forms of `word` a dictionary may list: itself and its singular.
bool Lists(const WordSet& set, const std::string& word) {
  if (set.contains(word)) return true;
  if (word.ends_with("ies") &&
      set.contains(word.substr(0, word.size() - 3) + "y")) {
    return true;
  }
  if (word.ends_with("es") && set.contains(word.substr(0, word.size() - 2))) {
    return true;
  }
  return word.ends_with('s') && set.contains(word.substr(0, word.size() - 1));
}

bool EndsWithAny(std::string_view word,
                 std::initializer_list<std::string_view> endings) {
  for (const auto e : endings) {
    if (word.size() > e.size() + 2 && word.ends_with(e)) return true;
  }
  return false;
}

// Everyday words that name a finding: the vocabulary lists them as
// ordinary English, but a question about one is a question about another
// condition.
const WordSet& Findings() {
  static const WordSet k = {
      "cyst",       "cysts",    "mass",     "masses",    "lesion",
      "lesions",    "shadow",   "shadows",  "lump",      "lumps",
      "tumor",      "tumors",   "tumour",   "tumours",   "growth",
      "growths",    "polyp",    "polyps",   "abscess",   "abscesses",
      "ulcer",      "ulcers",   "plaque",   "plaques",   "sludge",
      "thickening", "nodule",   "nodules",  "hernia",    "hernias",
      "scar",       "scarring", "blockage", "clot",      "clots",
      "porcelain",  "stone",    "stones",   "gallstone", "gallstones",
      "calculus",   "calculi"};
  return k;
}

// Organs and body parts: which one a question is about decides whether
// the article covers it.
const WordSet& Organs() {
  static const WordSet k = {
      "liver",      "hepatic",   "gallbladder", "kidney",     "kidneys",
      "renal",      "breast",    "breasts",     "lung",       "lungs",
      "pulmonary",  "brain",     "heart",       "cardiac",    "thyroid",
      "prostate",   "pancreas",  "pancreatic",  "spleen",     "splenic",
      "ovary",      "ovaries",   "ovarian",     "uterus",     "uterine",
      "womb",       "cervix",    "testicle",    "testicles",  "bone",
      "bones",      "joint",     "joints",      "artery",     "arteries",
      "arterial",   "aorta",     "colon",       "colonic",    "bowel",
      "bowels",     "intestine", "intestines",  "intestinal", "esophagus",
      "oesophagus", "stomach",   "gastric",     "throat",     "nose",
      "nasal",      "sinus",     "sinuses",     "skin",       "eye",
      "eyes",       "ear",       "ears",        "teeth",      "tooth",
      "knee",       "shoulder",  "spine",       "muscle",     "muscles",
      "tendon",     "bladder",   "appendix",    "rectum",     "anus",
      "vein",       "veins",     "lymph"};
  return k;
}

// Patients an article may not cover: babies, children, pregnancy; and
// animals.
const WordSet& Groups() {
  static const WordSet k = {
      "baby",  "babies",   "infant", "infants",  "newborn",   "newborns",
      "fetus", "foetus",   "unborn", "pregnant", "pregnancy", "breastfeeding",
      "child", "children", "kid",    "kids",     "toddler",   "toddlers",
      "dog",   "dogs",     "cat",    "cats",     "pet",       "pets"};
  return k;
}

}  // namespace

namespace {

TermKind Classify(const std::string& word) {
  if (Organs().contains(word)) return TermKind::kOrgan;
  if (Groups().contains(word)) return TermKind::kGroup;
  if (Findings().contains(word)) return TermKind::kFinding;
  const Vocabulary& v = Words();
  if (word.size() < 5 || Lists(v.common, word)) return TermKind::kOrdinary;
  if (!Lists(v.medical, word)) {
    // Rarer terms neither list has ("angiomyolipoma"): by their ending.
    return word.size() >= 8 &&
                   EndsWithAny(word,
                               {"oma", "omas", "itis", "osis", "oses", "emia",
                                "aemia", "pathy", "plasia", "iasis", "ectasia",
                                "ocele", "algia", "megaly", "trophy"})
               ? TermKind::kJargon
               : TermKind::kOrdinary;
  }
  // Jargon that is not a condition: medicines, professions, and the
  // adjectives of reports ("hyperechoic", "nodular", "parenchymal").
  if (EndsWithAny(word, {"statin",  "formin", "pine",    "farin",    "azole",
                         "vir",     "mab",    "olol",    "pril",     "sartan",
                         "cillin",  "mycin",  "cycline", "oxacin",   "tidine",
                         "dronate", "zepam",  "ologist", "ologists", "grapher",
                         "iatrist", "ician",  "ic",      "al",       "ous",
                         "ed",      "ive",    "ar",      "ary",      "ing",
                         "ly",      "ent",    "ant",     "ile",      "oid"})) {
    return TermKind::kOrdinary;
  }
  return TermKind::kJargon;
}

}  // namespace

TermKind ClassifyTerm(std::string_view word) {
  // The word lists are large tables; the words one thread meets are few
  // and come back often, so each is classified once per thread (the lists
  // never change once read: one owner).
  constexpr std::uint64_t kWordLists = 1;
  thread_local WordMemo<TermKind> memo;
  return memo.Get(kWordLists, word,
                  [&] { return Classify(std::string(word)); });
}

bool IsEverydayWord(std::string_view word) {
  return Lists(Words().common, std::string(word));
}

bool IsMedicalWord(std::string_view word) {
  return Lists(Words().medical, std::string(word));
}

bool MedicalVocabularyLoaded() {
  return !Words().medical.empty() && !Words().common.empty();
}

}  // namespace faqbot::intents
