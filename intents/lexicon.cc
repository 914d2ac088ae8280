#include "intents/lexicon.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "intents/string_map.h"

namespace faqbot::intents {
namespace {

using Table = StringMap<std::vector<std::string>>;

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = std::min(text.find(' ', pos), text.size());
    if (end > pos) out.emplace_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

Table MakeTable(
    std::initializer_list<std::pair<std::string_view, std::string_view>> rows) {
  Table table;
  for (const auto& [from, to] : rows) table[std::string(from)] = Words(to);
  return table;
}

const Table& Contractions() {
  static const Table table = MakeTable({
      {"what's", "what is"},
      {"whats", "what is"},
      {"that's", "that is"},
      {"thats", "that is"},
      {"it's", "it is"},
      {"there's", "there is"},
      {"here's", "here is"},
      {"who's", "who is"},
      {"where's", "where is"},
      {"how's", "how is"},
      {"when's", "when is"},
      {"why's", "why is"},
      {"he's", "he is"},
      {"she's", "she is"},
      {"let's", "let us"},
      {"i'm", "i am"},
      {"im", "i am"},
      {"ive", "i have"},
      {"can't", "can not"},
      {"cant", "can not"},
      {"cannot", "can not"},
      {"won't", "will not"},
      {"don't", "do not"},
      {"dont", "do not"},
      {"doesn't", "does not"},
      {"doesnt", "does not"},
      {"didn't", "did not"},
      {"didnt", "did not"},
      {"isn't", "is not"},
      {"isnt", "is not"},
      {"aren't", "are not"},
      {"arent", "are not"},
      {"wasn't", "was not"},
      {"wasnt", "was not"},
      {"weren't", "were not"},
      {"couldn't", "could not"},
      {"couldnt", "could not"},
      {"wouldn't", "would not"},
      {"wouldnt", "would not"},
      {"shouldn't", "should not"},
      {"shouldnt", "should not"},
      {"haven't", "have not"},
      {"havent", "have not"},
      {"hasn't", "has not"},
      {"hasnt", "has not"},
      {"hadn't", "had not"},
      {"mustn't", "must not"},
      {"needn't", "need not"},
      {"ain't", "is not"},
      {"y'all", "you"},
      {"'re", "are"},
      {"'m", "am"},
      {"'ve", "have"},
      {"'ll", "will"},
      {"'d", "would"},
      {"n't", "not"},
  });
  return table;
}

const Table& Rewrites() {
  static const Table table = MakeTable({
      // Chat shorthand.
      {"u", "you"},
      {"ur", "your"},
      {"r", "are"},
      {"pls", "please"},
      {"plz", "please"},
      {"thx", "thanks"},
      {"thnx", "thanks"},
      {"thanx", "thanks"},
      {"ty", "thank you"},
      {"tnx", "thanks"},
      {"wat", "what"},
      {"wht", "what"},
      {"whats", "what is"},
      {"abt", "about"},
      {"bc", "because"},
      {"cuz", "because"},
      {"coz", "because"},
      {"b4", "before"},
      {"w", "with"},
      {"idk", "i do not know"},
      {"hw", "how"},
      {"y", "why"},
      {"dr", "doctor"},
      {"docs", "doctors"},
      {"doc", "doctor"},
      {"meds", "medication"},
      {"tx", "treatment"},
      {"rx", "medication"},
      {"dx", "diagnosis"},
      {"sx", "symptoms"},
      {"ok", "okay"},
      {"k", "okay"},
      {"hiya", "hi"},
      {"ya", "you"},
      {"yah", "you"},
      {"heya", "hey"},
      {"yo", "hey"},
      {"cya", "bye"},
      {"bb", "bye"},
      {"gn", "good night"},
      // British spellings.
      {"tumour", "tumor"},
      {"tumours", "tumors"},
      {"oedema", "edema"},
      {"anaemia", "anemia"},
      {"haemorrhage", "hemorrhage"},
      {"haemoglobin", "hemoglobin"},
      {"oesophagus", "esophagus"},
      {"paediatric", "pediatric"},
      {"paediatrician", "pediatrician"},
      {"foetus", "fetus"},
      {"faeces", "feces"},
      {"diarrhoea", "diarrhea"},
      {"haematoma", "hematoma"},
      {"oestrogen", "estrogen"},
      {"colour", "color"},
      {"colours", "colors"},
      {"behaviour", "behavior"},
      {"centre", "center"},
      {"centres", "centers"},
      {"litre", "liter"},
      {"litres", "liters"},
      {"millimetre", "millimeter"},
      {"millimetres", "millimeters"},
      {"centimetre", "centimeter"},
      {"centimetres", "centimeters"},
      {"fibre", "fiber"},
      {"ageing", "aging"},
      {"analyse", "analyze"},
      {"analysed", "analyzed"},
      {"paralyse", "paralyze"},
      {"programme", "program"},
      {"haem", "hem"},
      {"leukaemia", "leukemia"},
      {"grey", "gray"},
      {"organisation", "organization"},
      {"hospitalisation", "hospitalization"},
      {"immunisation", "immunization"},
      {"specialise", "specialize"},
      {"ischaemia", "ischemia"},
      {"gynaecologist", "gynecologist"},
      {"orthopaedic", "orthopedic"},
      {"labour", "labor"},
      // Number words, so "two" picks choice 2 like "2" does.
      {"one", "1"},
      {"two", "2"},
      {"three", "3"},
      {"four", "4"},
      {"five", "5"},
      {"six", "6"},
      {"seven", "7"},
      {"eight", "8"},
      {"nine", "9"},
      {"ten", "10"},
      {"eleven", "11"},
      {"twelve", "12"},
      {"fifteen", "15"},
      {"twenty", "20"},
      {"fifty", "50"},
  });
  return table;
}

constexpr std::string_view kStopwords[] = {
    "a",           "about",     "above",     "actually",
    "several",  // stems like "severe"
    "after",       "again",     "against",   "ago",         "all",
    "also",        "am",        "an",        "and",         "any",
    "anyone",      "anything",  "are",       "around",      "as",
    "ask",         "asked",     "at",        "be",          "been",
    "before",      "being",     "below",     "between",     "both",
    "but",         "by",        "can",       "could",       "did",
    "do",          "does",      "doing",     "done",        "down",
    "during",      "each",      "else",      "even",        "ever",
    "every",       "few",       "for",       "from",        "further",
    "get",         "gets",      "getting",   "give",        "go",
    "going",       "got",       "had",       "has",         "have",
    "having",      "he",        "her",       "here",        "hers",
    "him",         "his",       "how",       "however",     "i",
    "if",          "in",        "into",      "is",          "it",
    "its",         "itself",    "just",      "know",        "later",
    "let",         "like",      "lot",       "many",        "may",
    "maybe",       "me",        "might",     "more",        "most",
    "much",        "must",      "my",        "myself",      "need",
    "needs",       "new",       "no",        "nor",         "not",
    "now",         "of",        "off",       "often",       "okay",
    "on",          "once",      "one",       "only",        "or",
    "other",       "our",       "out",       "over",        "own",
    "people",      "person",    "please",    "quite",       "rather",
    "really",      "right",     "said",      "same",        "say",
    "says",        "see",       "should",    "so",          "some",
    "someone",     "something", "still",     "such",        "sure",
    "tell",        "than",      "that",      "the",         "their",
    "them",        "then",      "there",     "these",       "they",
    "thing",       "things",    "think",     "this",        "those",
    "though",      "through",   "to",        "too",         "under",
    "until",       "up",        "us",        "use",         "used",
    "using",       "very",      "want",      "wanted",      "was",
    "way",         "we",        "well",      "were",        "what",
    "whatever",    "when",      "where",     "whether",     "which",
    "while",       "who",       "whom",      "why",         "will",
    "with",        "would",     "yes",       "yet",         "you",
    "your",        "yours",     "yourself",  "year",        "years",
    "month",       "months",    "day",       "days",        "week",
    "weeks",       "time",      "times",     "today",       "yesterday",
    "now",         "recently",  "told",      "tells",       "found",
    "find",        "show",      "showed",    "shows",       "saw",
    "come",        "came",      "make",      "made",        "take",
    "took",        "taking",    "taken",     "look",        "looking",
    "looked",      "keep",      "put",       "mean",        "means",
    "meant",       "try",       "trying",    "wonder",      "wondering",
    "hear",        "heard",     "read",      "reading",     "also",
    "again",       "anymore",   "able",      "already",     "always",
    "never",       "sometimes", "usually",   "probably",    "possible",
    "possibly",    "thank",     "thanks",    "hello",       "hi",
    "hey",         "bye",       "oh",        "ah",          "um",
    "hmm",         "reset",     "resets",    "rests",       "rested",
    "later",       "lately",    "good",      "bad",         "big",
    "little",      "lots",      "kind",      "sort",        "type",
    "types",       "part",      "bit",       "stuff",       "mine",
    "whose",       "because",   "since",     "via",         "per",
    "etc",         "okay",      "ok",        "alright",     "guess",
    "feel",        "feels",     "felt",      "seem",        "seems",
    "happen",      "happens",   "happened",  "best",        "better",
    "worse",       "wife",      "husband",   "mother",      "father",
    "mom",         "dad",       "son",       "daughter",    "friend",
    "family",      "anybody",   "somebody",  "everyone",    "everything",
    "nothing",     "nobody",    "x",         "there",       "their",
    "theirs",      "would",     "tomorrow",  "therefore",   "additionally",
    "furthermore", "moreover",  "generally", "speaking",    "follows",
    "following",   "specific",  "analyses",  "details",     "such",
    "within",      "without",   "among",     "across",      "along",
    "upon",        "exactly",   "basically", "anyway",      "lol",
    "dude",        "guys",      "man",       "umm",         "hmm",
    "hey",         "yeah",      "yep",       "nope",        "hm",
    "omg",         "btw",       "seriously", "totally",     "literally",
    "currently",   "advice",    "info",      "information", "kinds",
    "tips",        "question",  "questions",
};

constexpr std::string_view kSynonymGroups[] = {
    // Lay and medical words for the same thing, true of any article. Lay
    // words only one article needs belong in that pack's intents file.
    "cancer: tumor, tumors, cancerous, malignant, malignancy, carcinoma, "
    "neoplasm, oncology",
    "liver: hepatic, livers",
    "liver cancer: hepatocellular carcinoma, hepatoma, hcc, liver tumor",
    "calcification: calcifications, calcified, calcific, calcium deposit, "
    "calcium deposits, calcium spot, calcium spots, calcified spot, "
    "calcium buildup, calcium build up, calcium lump, calcium lumps, "
    "calcinosis",
    "parasite: parasites, parasitic, worm, worms, fluke, flukes, tapeworm, "
    "tapeworms, roundworm, helminth",
    "hepatitis: hep, hep b, hep c, hepatitis b, hepatitis c, hbv, hcv, "
    "liver inflammation, inflamed liver",
    "stone: stones, calculus, calculi",
    "gallstone: gallstones, gall stone, gall stones, gallbladder stone, "
    "gallbladder stones, stone in the gallbladder, stones in the gallbladder",
    "medication: medicine, medicines, medications, pill, pills, drug, drugs, "
    "tablet, tablets, capsule, capsules, remedy, remedies, prescription",
    "surgery: surgical, surgically, operation, operate, operated, operating, "
    "surgeries",
    "removal: remove, removed, removing, take out, cut out, excision",
    "doctor: physician, gp, specialist, clinician",
    "child: children, kid, kids, youngster, youngsters",
    "congenital: born with, from birth, birth defect, since birth",
    "symptom: symptoms, symptomatic",
    "pain: ache, aches, aching, hurt, hurts, hurting, painful, sore, "
    "soreness, cramp, cramps",
    "checkup: check up, check ups, checkups, follow up, follow ups, "
    "followup, re check, recheck",
    "ultrasound: sonogram, sonography, ultrasonography, usg",
    "ct: ct scan, cat scan, computed tomography",
    "diet: food, foods, eat, eating, meal, meals, nutrition",
    "cause: causes, caused, causing, reason, reasons",
    "danger: dangerous, serious, harmful, deadly, fatal, life threatening",
    "worry: worried, worrying, concern, concerned, concerning, anxious, "
    "scared, afraid",
    "spread: spreading, metastasis, metastasize",
    "infection: infected, infections, infect",
    "jaundice: yellow skin, yellowing, yellow eyes",
    "alcohol: drinking, booze, beer, wine, liquor, alcoholic",
    "millimeter: mm, millimeters",
    "centimeter: cm, centimeters",
};

constexpr std::string_view kScopeWords[] = {
    // Organs, body parts and groups of patients are told apart by
    // medical_terms.h; these are the other subjects no single article
    // covers unless it says so.
    "biopsy",      "chemo",      "chemotherapy", "radiation",   "radiotherapy",
    "ablation",    "injection",  "vaccine",      "vaccination", "laser",
    "acupuncture", "dose",       "dosage",       "size",        "survival",
    "survive",     "lifespan",   "percent",      "percentage",  "statistics",
    "mortality",   "odds",       "cost",         "costs",       "price",
    "insurance",   "covid",      "diabetes",     "hiv",         "vitamin",
    "vitamins",    "supplement", "supplements",  "herbal",      "sex",
    "elderly",     "teenager",   "pregnant",     "pregnancy",   "breastfeeding",
    "baby",        "babies",     "infant",       "child",       "children",
    "kid",         "kids",       "toddler",      "newborn",     "dog",
    "cat",         "pet",
};

constexpr std::string_view kGenericWords[] = {
    "ultrasound",
    "ct",
    "scan",
    "scans",
    "imaging",
    "image",
    "report",
    "result",
    "results",
    "test",
    "tests",
    "exam",
    "examination",
    "patient",
    "patients",
    "disease",
    "condition",
    "conditions",
    "medical",
    "health",
    "body",
    "bodily",
    "tissue",
    "tissues",
    "area",
    "areas",
    "case",
    "cases",
    "doctor",
    "common",
    "usually",
    "generally",
    "specific",
    "local",
    "small",
    "change",
    "changes",
    "changed",
    "may",
    "occur",
    "form",
    "cause",
    "found",
    "observed",
    "affect",
    "mri",
    "xray",
    "mammogram",
    "radiologist",
    "sonographer",
    // Saying, not what is said: "the radiologist suggested a follow-up".
    "suggest",
    "suggested",
    "mention",
    "mentioned",
    "advise",
    "advised",
    "recommend",
    "recommended",
    "say",
    "said",
    "tell",
    "told",
    "explain",
    "explained",
    "think",
};

constexpr std::string_view kPersonalAdvice[] = {
    "(read|interpret|review|analyze|analyse|check|look at|go over) "
    "[my|the|this|these] ... (report|result|results|scan|scans|image|images|"
    "film|lab|labs|test|tests|ct|ultrasound)",
    "(diagnose|diagnosis) (me|my)",
    "do i have (cancer|liver cancer|it)",
    "am i (dying|going to die)",
    "how (much|many) ... (should|can|do|must) i take",
    "(prescribe|prescription) (me|for me)",
    // One's own numbers: "are those numbers normal?", "is my ALT of 85 high?"
    "(is|are|were|was) (those|these|my|the|they|that|this|an|a) ... "
    "(number|numbers|level|levels|value|values|result|results|reading|"
    "readings|count|counts|alt|ast|ggt|alp|afp|bilirubin) ... "
    "(normal|high|low|ok|okay|fine|bad|worrying|elevated|raised)",
    "what (do|does) (my|these|those|the) (number|numbers|level|levels|"
    "value|values|result|results|reading|readings) mean",
};

constexpr Cue kCues[] = {
    // Definition: mostly asked, rarely cued in the article itself.
    {Facet::kDefinition, "what [exactly|actually|really|basically] (is|are)",
     0.6},
    // "meaning" stems to "mean": "does it mean I have cancer" asks a risk.
    {Facet::kDefinition, "(define|definition|explain)", 1.0},
    {Facet::kDefinition, "(the|what|whats) meaning", 1.0},
    {Facet::kDefinition, "what (do|does) ... mean", 1.0},
    {Facet::kDefinition, "(refer|refers|referred) to", 1.0},
    {Facet::kDefinition, "(is|are) (called|known as)", 1.0},
    // Cause.
    {Facet::kCause, "cause", 0.8},
    {Facet::kCause, "(why|how come|origin|source|trigger|triggers)", 0.8},
    // "Is it caused by worms?" asks a cause; "how are calcifications caused
    // by stones treated?" asks a treatment, the cause only says which.
    {Facet::kCause,
     "(it|this|that|they|these|those|is|are|was|were|be|what|which) "
     "(because|due to|caused by|result of)",
     1.0},
    {Facet::kCause, "(because|due to|caused by)", 0.8},
    {Facet::kCause, "(lead to|leads to|leading to)", 1.0},
    {Facet::kCause, "(result from|results from|result in|come from|comes from)",
     1.0},
    {Facet::kCause, "how (do|does|did|can) ... (get|develop)", 0.8},
    {Facet::kCause, "(occur|occurs|form|forms|develop|develops|deposit)", 0.6},
    {Facet::kCause, "(builds|build) up", 0.6},
    // Risk.
    {Facet::kRisk, "(cancer|precursor|danger|worry|benign|harmless|risk)", 1.0},
    {Facet::kRisk, "(turn|turns|develop|become|becomes|progress) (into|to)",
     0.8},
    {Facet::kRisk, "(warning sign|warning signs|spread|normal|fine|safe)", 0.8},
    {Facet::kRisk, "(die|deadly|fatal|lethal|life threatening)", 1.0},
    // Symptoms.
    {Facet::kSymptoms, "(symptom|pain|discomfort)", 1.0},
    {Facet::kSymptoms, "(sign|signs)", 0.8},
    {Facet::kSymptoms, "(notice|experience|feel|suffer)", 0.8},
    // Treatment.
    {Facet::kTreatment, "(treat*|therapy|cure|cured|curable|medication)", 1.0},
    {Facet::kTreatment, "(surgery|removal|transplant*|prescribed|prescribe)",
     1.0},
    {Facet::kTreatment, "/\\S*ectomi/", 1.0},
    {Facet::kTreatment, "(go away|goes away|disappear|heal|resolve|get rid of)",
     1.0},
    {Facet::kTreatment, "(take|taking|manage|fix)", 0.6},
    {Facet::kTreatment, "(option|options)", 0.8},
    // The passive predicate is what is asked: "is that how painful cysts
    // are treated?" asks a treatment, whatever "painful" cues.
    {Facet::kTreatment,
     "(is|are|be|being|was|were|get|gets) (treat*|manag*|cure|cured|remov*|"
     "drain*|operat*)",
     1.2},
    {Facet::kFollowUp, "what (can|should) (i|we|be) do", 0.8},
    {Facet::kFollowUp, "(come|go|coming|going) back for", 0.8},
    // Follow-up.
    {Facet::kFollowUp, "(checkup|monitor*|examination|exam|exams|regular*)",
     1.0},
    {Facet::kFollowUp, "(check|checked|repeat|recheck|scheduled|surveillance)",
     0.8},
    {Facet::kFollowUp, "how often", 1.0},
    {Facet::kFollowUp,
     "(see|visit|consult|seek|ask|go to|talk to|call) [a|the|my] doctor", 1.0},
    {Facet::kFollowUp, "(seek|get) ... (medical|attention|evaluation|help)",
     1.0},
    {Facet::kFollowUp, "(evaluation|appointment)", 0.8},
    // Lifestyle.
    {Facet::kLifestyle,
     "(diet|rest|sleep|lifestyle|drinking|drink|alcohol|exercise)", 1.0},
    {Facet::kLifestyle, "(fat|fatty|low fat|avoid|habit|habits)", 0.6},
};

constexpr AspectCue kAspects[] = {
    {Aspect::kCourse,
     "(go|goes|going) away | disappear* | (resolve|resolves) [on] [its|their] "
     "own | revers* | (on|by) (its|itself|their|themselves) own | "
     "(shrink|shrinks|dissolve|dissolves) | heal ... (itself|own)",
     Facet::kFollowUp},
    {Aspect::kDuration,
     "how long | how many (day|days|week|weeks|month|months|year|years) | "
     "recovery time | (recover|recovery) (take|takes|last|lasts) | "
     "how quick* | how fast",
     Facet::kTreatment},
    {Aspect::kHeredity,
     "hereditari* | heredit* | genetic* | inherit* | run in [the|my|our] "
     "famili* | (pass|passed|give) [it] (to|on to) my (child|children|kid|kids"
     "|son|daughter)",
     Facet::kCause},
    {Aspect::kFrequency,
     "how often | how frequent* | how many times | every how many | "
     "how regular* | every ... (day|week|month|year)",
     Facet::kFollowUp},
    {Aspect::kWhere,
     "(go|going|come) to [the|a] (hospital|er|emergency) | which (doctor|"
     "specialist|hospital) | what (kind|type|sort) of doctor | "
     "(gastroenterologist|hepatologist|specialist) or",
     Facet::kFollowUp},
    {Aspect::kContagion,
     "contagi* | infectious | catch it | (spread|pass|passed) [it] to (my|"
     "other|others|people|family|wife|husband|children|kids) | transmit*",
     Facet::kCause},
    {Aspect::kPrevention,
     "prevent* | (stop|keep) it from | avoid (get|getting) it",
     Facet::kLifestyle},
    {Aspect::kGrowth,
     "(get|gets|getting|become|becomes|grow|grows) (bigger|larger) | "
     "increase in size | (change|changes) over (time|the years)",
     Facet::kNone},
};

constexpr SmalltalkPattern kSmalltalk[] = {
    {Smalltalk::kGreeting,
     "(hi|hello|hey|greetings|howdy|good morning|good afternoon|"
     "good evening)"},
    {Smalltalk::kThanks,
     "(thanks|thank you|thank|cheers|appreciate|appreciated|grateful)"},
    {Smalltalk::kGoodbye,
     "(bye|goodbye|good bye|see you|farewell|good night|that is all|"
     "i am done|take care)"},
    {Smalltalk::kHelp,
     "(help|what can you do|what ... (can|do|should) i ask|how does this work|"
     "how do i use|what do you know|options|what topics)"},
    {Smalltalk::kIdentity,
     "(who|what) are you|are you [a|an|the] ... (doctor|human|bot|robot|"
     "person|real|nurse|ai|machine|computer)|are you real|your name|"
     "who (made|built|created) you|"
     "(talking|speaking|chatting) (to|with) (a|an) (bot|human|person|robot|"
     "machine|computer|ai|real person)|is this [a|an] ... "
     "(bot|human|person|doctor|"
     "robot|machine|ai|real doctor|real person)"},
};

}  // namespace

std::string_view FacetName(Facet facet) {
  switch (facet) {
    case Facet::kNone:
      return "about";
    case Facet::kDefinition:
      return "definition";
    case Facet::kCause:
      return "cause";
    case Facet::kRisk:
      return "risk";
    case Facet::kSymptoms:
      return "symptoms";
    case Facet::kTreatment:
      return "treatment";
    case Facet::kFollowUp:
      return "follow-up";
    case Facet::kLifestyle:
      return "lifestyle";
  }
  return "about";
}

std::string_view SmalltalkName(Smalltalk kind) {
  switch (kind) {
    case Smalltalk::kGreeting:
      return "greeting";
    case Smalltalk::kThanks:
      return "thanks";
    case Smalltalk::kGoodbye:
      return "goodbye";
    case Smalltalk::kHelp:
      return "help";
    case Smalltalk::kIdentity:
      return "identity";
  }
  return "greeting";
}

std::span<const Cue> FacetCues() { return kCues; }

const std::vector<std::string>* FindContraction(std::string_view word) {
  const auto& table = Contractions();
  const auto it = table.find(word);
  return it == table.end() ? nullptr : &it->second;
}

const std::vector<std::string>* FindWordRewrite(std::string_view word) {
  const auto& table = Rewrites();
  const auto it = table.find(word);
  return it == table.end() ? nullptr : &it->second;
}

const std::vector<std::string>* FindExpansion(std::string_view word) {
  static const Table table = [] {
    Table merged = Rewrites();
    for (const auto& [from, to] : Contractions()) merged[from] = to;
    return merged;
  }();
  const auto it = table.find(word);
  return it == table.end() ? nullptr : &it->second;
}

bool IsStopword(std::string_view word) {
  static const StringSet set(std::begin(kStopwords), std::end(kStopwords));
  return set.contains(word);
}

std::span<const std::string_view> Stopwords() { return kStopwords; }
std::span<const std::string_view> SynonymGroups() { return kSynonymGroups; }
std::span<const std::string_view> ScopeWords() { return kScopeWords; }
std::span<const AspectCue> AspectCues() { return kAspects; }

std::string_view AspectName(Aspect aspect) {
  switch (aspect) {
    case Aspect::kNone:
      return "none";
    case Aspect::kCourse:
      return "course";
    case Aspect::kDuration:
      return "duration";
    case Aspect::kHeredity:
      return "heredity";
    case Aspect::kFrequency:
      return "frequency";
    case Aspect::kWhere:
      return "where";
    case Aspect::kContagion:
      return "contagion";
    case Aspect::kPrevention:
      return "prevention";
    case Aspect::kGrowth:
      return "growth";
  }
  return "none";
}
std::span<const std::string_view> GenericWords() { return kGenericWords; }
std::span<const std::string_view> PersonalAdvicePatterns() {
  return kPersonalAdvice;
}
std::span<const SmalltalkPattern> SmalltalkPatterns() { return kSmalltalk; }

}  // namespace faqbot::intents
