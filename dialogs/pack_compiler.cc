// Compiles a Document and an IntentsFile into a Pack (see dialog_tree.h).
//
// Sentences are sorted into facets by the built-in cue phrases (lexicon.h)
// so "how is that treated?" gets a section's treatment sentences. The
// first sentence of a section (or of the summary) is a definition when it
// reads "<short subject> is/are/refers to ..."; when that subject is the
// article's own subject (its words all appear in the title), it also
// answers "what is <subject>?" for the whole article.
#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "dialogs/article_knowledge.h"
#include "dialogs/dialog_tree.h"
#include "dialogs/intents_file.h"
#include "intents/lexicon.h"
#include "intents/medical_terms.h"
#include "intents/normalizer.h"
#include "intents/sentences.h"
#include "intents/string_map.h"
#include "intents/text.h"
#include "intents/utf8.h"

namespace faqbot::dialogs {
namespace {

using intents::Matcher;

constexpr std::size_t kAggregateLimit = 600;  // chars listed before asking
constexpr std::size_t kMaxSlug = 40;
constexpr double kHeadingWeight = 3.0;
constexpr double kTextWeight = 1.0;
constexpr double kAuthorWeight = 2.0;
constexpr double kWeakCue = 0.6;   // tags a sentence with no clearer cue
constexpr double kClearCue = 0.8;  // tags a sentence whatever else it has

// "Parasitic infection" -> "parasitic-infection": folded letters and
// digits, words joined by '-', cut at a word boundary.
std::string Slug(std::string_view text) {
  std::string folded;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto cp = intents::DecodeUtf8(text, &pos);
    folded += cp ? intents::FoldCodePoint(*cp) : " ";
  }
  std::string slug;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = start;
    while (end < folded.size() &&
           std::isalnum(static_cast<unsigned char>(folded[end]))) {
      ++end;
    }
    if (end > start) {
      const std::string word = folded.substr(start, end - start);
      if (slug.size() + word.size() + 1 > kMaxSlug && !slug.empty()) break;
      if (!slug.empty()) slug += '-';
      slug += word;
    }
    start = end + 1;
  }
  return slug.empty() ? "section" : slug;
}

std::string Capitalized(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(out[0]));
  return out;
}

std::string JoinSentences(const std::vector<std::string>& sentences) {
  std::string out;
  for (const auto& s : sentences) {
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

// FNV-1a over what a session's state refers to: every node's id, text and
// choices. The same files compile to the same hash in every process and
// after every restart, so instances that share sessions agree on whether
// a session's ids were checked against this pack.
uint64_t ContentHash(const Pack& pack) {
  uint64_t h = 14695981039346656037ull;
  const auto mix = [&](std::string_view text) {
    for (const char c : text) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    h ^= 0xff;  // a separator no UTF-8 text contains
    h *= 1099511628211ull;
  };
  for (const Node& node : pack.nodes) {
    mix(node.id);
    mix(node.text);
    for (const auto& choice : node.choices) mix(choice);
  }
  return h == 0 ? 1 : h;  // 0 is a new session's "checked against nothing"
}

// A sentence with the facets it speaks to.
struct Sentence {
  std::string text;
  std::vector<Facet> facets;
  bool defines_subject = false;  // a definition of the article's subject
  bool names_causes = false;     // a clear cause cue ("may result from")
  // The finding a definition of the subject calls it ("gallbladder polyps
  // are small growths": "growths"), or "".
  std::string called;
  std::array<bool, intents::kAspectCount> aspects{};
};

// The aspects some of the sentences speak to.
std::array<bool, intents::kAspectCount> AspectsOf(
    const std::vector<Sentence>& sentences) {
  std::array<bool, intents::kAspectCount> out{};
  for (const auto& s : sentences) {
    for (int a = 1; a < intents::kAspectCount; ++a) {
      out[a] = out[a] || s.aspects[a];
    }
  }
  return out;
}

class Compiler {
 public:
  Compiler(std::string name, Document doc, const IntentsFile& file,
           std::shared_ptr<const intents::Lexicon> lexicon, Wording wording)
      : file_(file), lexicon_(std::move(lexicon)) {
    pack_ = std::make_shared<Pack>(lexicon_);
    pack_->wording = std::move(wording);
    pack_->name = std::move(name);
    pack_->document = std::move(doc);
    pack_->aggregates.fill(-1);
    pack_->facet_sections.fill(-1);
  }

  Result<std::shared_ptr<const Pack>> Run() {
    const intents::Lexicon& lex = *lexicon_;
    intents::SynonymTable synonyms;
    if (auto s = synonyms.AddLexiconGroups(lex); !s) {
      return std::unexpected(s.error());
    }
    const Document& article = pack_->document;
    std::string all_text = article.title + "\n" + article.summary + "\n";
    for (const auto& section : article.sections) {
      all_text += section.heading + "\n" + section.body + "\n";
    }
    // The article's own knowledge of its terms' names (article_knowledge.h).
    const auto all_words = intents::Normalize(all_text, lex);
    for (const auto& found :
         {OtherNames(all_words, lex), ContainerNames(all_words, lex),
          Initialisms(all_words, lex)}) {
      for (const auto& names : found) {
        (void)synonyms.AddGroup(names.group, lex, names.origin);
      }
    }
    for (const auto& line : file_.synonyms) {
      if (auto s = synonyms.AddGroup(
              line.text, lex, "intents.txt line " + std::to_string(line.line));
          !s) {
        return Fail(line.line, s.error().message);
      }
    }
    cues_ = std::make_unique<Matcher>(lexicon_, synonyms,
                                      /*corrects_spelling=*/false);
    if (auto s = cues_->Compile(); !s) return std::unexpected(s.error());
    pack_->matcher = Matcher(lexicon_, std::move(synonyms));
    for (const auto& t : cues_->analyzer().Terms(pack_->document.title)) {
      if (!lex.Is(t, intents::WordClass::kStopwords)) title_terms_.insert(t);
    }
    for (auto& t : cues_->CompoundHeads(pack_->document.title)) {
      title_terms_.insert(std::move(t));  // "stone" of "gallstones"
    }

    const Document& doc = pack_->document;
    AddTopic(NodeKind::kOverview, "overview", doc.title, {0, doc.title},
             doc.summary, /*title_weight=*/kHeadingWeight);
    for (const auto& section : doc.sections) {
      AddTopic(
          NodeKind::kSection,
          section.id.empty() ? UniqueId(Slug(section.heading)) : section.id,
          section.heading, {section.number, section.heading}, section.body,
          kHeadingWeight);
    }
    if (!doc.advice.empty()) {
      const std::string& advice = pack_->wording.advice_title;
      AddTopic(NodeKind::kAdvice, "advice", advice,
               {static_cast<int>(doc.sections.size()) + 1, advice}, doc.advice,
               0);
    }
    AddDefinition();
    AddAggregates();
    LinkChoices();
    if (auto s = AddAuthorIntents(); !s) return std::unexpected(s.error());
    std::vector<std::string> signs;
    for (const auto& sign : AdviceSigns(pack_->document.advice, *lexicon_)) {
      pack_->matcher.AddWarningSign(
          Slug(sign.text), sign.text,
          "the article's advice: \"" + sign.text + "\"", sign.soon);
      signs.push_back(sign.text);
    }
    if (auto s = ApplySettings(); !s) return std::unexpected(s.error());
    ReadSections();
    if (auto s = pack_->matcher.Compile(); !s) {
      return std::unexpected(
          Error::ParseError(file_.name + ": " + s.error().message));
    }
    std::vector<std::string> description = {pack_->document.summary};
    for (const auto& section : pack_->document.sections) {
      description.push_back(section.body);
    }
    pack_->matcher.MarkUsualCourse(description, signs);
    pack_->generation = ContentHash(*pack_);
    return std::shared_ptr<const Pack>(std::move(pack_));
  }

 private:
  std::unexpected<Error> Fail(int line, const std::string& what) const {
    return std::unexpected(Error::ParseError(
        file_.name + " line " + std::to_string(line) + ": " + what));
  }

  // What each section is about besides its sentences' facets, once every
  // section is in: a heading that names a facet ("Treatment options"; not
  // "Small stones without symptoms"); a heading that tells how the
  // condition is found ("Tests", "Eye examination", "Nodules that need a
  // biopsy"), whatever its sentences say it with; sentences that give a
  // size ("6 to 8 millimetres"), which speak to how big it is.
  void ReadSections() {
    const auto speaks = [&](Topic& topic, intents::Aspect aspect) {
      const auto a = static_cast<std::size_t>(aspect);
      topic.aspects[a] = pack_->aspects[a] = true;
    };
    for (std::size_t i = 1; i < pack_->topics.size(); ++i) {
      Topic& topic = pack_->topics[i];
      const Node& node = pack_->nodes[topic.node];
      if (node.kind != NodeKind::kSection) continue;
      const intents::Signals heading = cues_->Match(node.title);
      if (lexicon_->HasEntry(heading.analysis.words,
                             intents::WordClass::kDiagnosisHeadings) ||
          heading.aspects[static_cast<int>(intents::Aspect::kDiagnosis)]) {
        speaks(topic, intents::Aspect::kDiagnosis);
      }
      if (pack_->matcher.GivesSizesIn(topic.intent)) {
        speaks(topic, intents::Aspect::kSize);
      }
      if (lexicon_->HasEntry(heading.analysis.words,
                             intents::WordClass::kNegators)) {
        continue;
      }
      for (std::size_t f = 0; f < kFacetCount; ++f) {
        if (pack_->facet_sections[f] < 0 &&
            heading.facets[f] >= pack_->settings.strong_cue) {
          pack_->facet_sections[f] = static_cast<int>(i);
        }
      }
    }
  }

  std::string UniqueId(std::string id) {
    std::string unique = id;
    // A derived id never takes one an author gave another section.
    const auto taken = [&](const std::string& candidate) {
      return std::ranges::find(kReservedNodeIds, candidate) !=
                 std::end(kReservedNodeIds) ||
             pack_->by_id.contains(candidate) ||
             std::any_of(pack_->document.sections.begin(),
                         pack_->document.sections.end(),
                         [&](const Section& s) { return s.id == candidate; });
    };
    for (int n = 2; taken(unique); ++n) {
      unique = id + "-" + std::to_string(n);
    }
    return unique;
  }

  int AddNode(Node node) {
    node.typed_title =
        intents::JoinWords(intents::Normalize(node.title, *lexicon_));
    pack_->typed_titles.insert(node.typed_title);
    const Wording& w = pack_->wording;
    node.source_line =
        node.source.section > 0
            ? Fill(w.source_section,
                   {{"number", std::to_string(node.source.section)},
                    {"title", node.source.title}})
            : Fill(w.source_other, {{"title", node.source.title}});
    const int index = static_cast<int>(pack_->nodes.size());
    pack_->by_id[node.id] = index;
    pack_->nodes.push_back(std::move(node));
    return index;
  }

  std::vector<Sentence> Classify(const std::string& paragraph) {
    std::vector<Sentence> out;
    bool first = true;
    for (auto& text : SplitSentences(paragraph, *lexicon_)) {
      Sentence s{std::move(text), {}, false, {}};
      const auto sig = cues_->Match(s.text, /*correct_spelling=*/false);
      // The sentence's words, for the readings below.
      const std::vector<std::string> words =
          intents::Normalize(s.text, *lexicon_);
      s.aspects = sig.aspects;
      for (int a = 1; a < intents::kAspectCount; ++a) {
        pack_->aspects[a] = pack_->aspects[a] || sig.aspects[a];
      }
      // "They often cause no symptoms", "it causes sudden pain": what the
      // condition causes is a symptom, not a cause of it.
      const double cause = sig.facets[static_cast<int>(Facet::kCause)];
      // "Alpha blockers relax ... and can cause dizziness": nor what a
      // treatment causes, the subject named after it neither.
      const bool side_effect =
          sig.facets[static_cast<int>(Facet::kTreatment)] >= kClearCue &&
          CausesSomethingElse(words);
      const bool tells_symptoms =
          (cause < 1.0 &&
           (sig.facets[static_cast<int>(Facet::kSymptoms)] >= 1.0 ||
            TellsWhatTheSubjectCauses(words) || side_effect)) ||
          ComesFromTheSubject(words);
      const bool gives_a_reason = GivesAReason(words);
      for (int f = 1; f < kFacetCount; ++f) {
        if (f == static_cast<int>(Facet::kDefinition)) continue;
        if (f == static_cast<int>(Facet::kCause) &&
            (tells_symptoms || gives_a_reason)) {
          continue;
        }
        if (sig.facets[f] >= kClearCue) {
          s.facets.push_back(static_cast<Facet>(f));
        }
      }
      if (s.facets.empty() && sig.facet() != Facet::kDefinition &&
          !(sig.facet() == Facet::kCause &&
            (tells_symptoms || gives_a_reason)) &&
          sig.facet_strength() >= kWeakCue) {
        s.facets.push_back(sig.facet());
      }
      // "They are watched with a scan every one to two years", "dozens of
      // cysts are usually inherited": a sentence of no facet that tells how
      // often or whether it runs in families tells that aspect's nearest
      // facet (follow-up, cause).
      if (s.facets.empty()) {
        for (const auto& cue : lexicon_->AspectCues()) {
          if ((cue.aspect == intents::Aspect::kFrequency ||
               cue.aspect == intents::Aspect::kHeredity) &&
              sig.aspects[static_cast<int>(cue.aspect)]) {
            s.facets.push_back(cue.nearest);
            break;
          }
        }
      }
      // "See a doctor promptly ... after an operation, if the wound leaks":
      // a list of warning signs tells when to get help, not a treatment.
      if (!WarningSigns(s.text, *lexicon_).empty()) {
        std::erase(s.facets, Facet::kTreatment);
      }
      s.names_causes = cause >= 1.0;
      // "An enlarged prostate (BPH) is ...": the subject's other names in
      // parentheses do not push its verb out of reach.
      if (first) {
        ClassifyDefinition(
            &s, intents::Normalize(WithoutParentheses(s.text), *lexicon_),
            sig.facets);
      }
      if (s.called.empty()) s.called = CalledLike(words);
      first = false;
      out.push_back(std::move(s));
    }
    return out;
  }

  // "It is sampled with a core needle biopsy, because a few are cancer",
  // "you can live well without a gallbladder, because bile then flows...":
  // what follows "because" ([reason-words]) after care, or after words
  // that name neither the subject nor point back to it, gives the reason
  // for something else, not a cause of the condition.
  bool GivesAReason(const std::vector<std::string>& words) const {
    bool examined = false;  // a test before it: "sampled with a biopsy"
    bool subject = false;   // "stones form because...", "they form..."
    // Care told in `text` (a test in it, `examined`, counts), and no cause.
    const auto care = [&](const std::string& text, bool examined) {
      const auto sig = cues_->Match(text, /*correct_spelling=*/false);
      return sig.facets[static_cast<int>(Facet::kCause)] < kClearCue &&
             (examined ||
              sig.facets[static_cast<int>(Facet::kTreatment)] >= kClearCue ||
              sig.facets[static_cast<int>(Facet::kFollowUp)] >= kClearCue);
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
      const std::string& word = words[i];
      if (lexicon_->Is(word, intents::WordClass::kReasonWords)) {
        if (!subject) return true;
        const auto at = words.begin() + static_cast<std::ptrdiff_t>(i);
        // "..., which is why it is drained": care after it too.
        return care(intents::JoinWords({words.begin(), at}), examined) ||
               care(intents::JoinWords({at + 1, words.end()}), false);
      }
      examined =
          examined || lexicon_->Is(word, intents::WordClass::kExaminations);
      subject = subject || NamesSubject(word) ||
                lexicon_->Is(word, intents::WordClass::kPointingBack);
    }
    return false;
  }

  // "Most fibroids cause no trouble", "a fibroid whose blood supply fails
  // can cause sudden pain": a causing verb after the subject's word tells
  // what the subject leads to, not what causes it ("no cause is found",
  // a noun, does not).
  bool TellsWhatTheSubjectCauses(const std::vector<std::string>& words) const {
    bool subject = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (subject && CausingVerbAt(words, i)) return true;
      subject = subject || NamesSubject(words[i]);
    }
    return false;
  }

  // Whether `words[i]` is a causing verb: "cause", not the noun after
  // [noun-markers] ("no cause is found", "the underlying cause").
  bool CausingVerbAt(const std::vector<std::string>& words,
                     std::size_t i) const {
    using intents::WordClass;
    return lexicon_->Is(words[i], WordClass::kCausingVerbs) &&
           (i == 0 || !lexicon_->Is(words[i - 1], WordClass::kNounMarkers));
  }

  // "...can cause dizziness": a causing verb with neither the subject's
  // word nor a word pointing back after it tells what something else
  // causes ("obesity can cause it", "worms cause calcification" tell a
  // cause).
  bool CausesSomethingElse(const std::vector<std::string>& words) const {
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!CausingVerbAt(words, i)) continue;
      return std::none_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                          words.end(), [&](const std::string& w) {
                            return NamesSubject(w) ||
                                   lexicon_->Is(
                                       w, intents::WordClass::kPointingBack);
                          });
    }
    return false;
  }

  // "When the symptoms clearly come from it": what comes from the subject
  // ([origin-phrases] before a pronoun or the subject's word) is what it
  // causes, however clear the cue.
  bool ComesFromTheSubject(const std::vector<std::string>& words) const {
    using intents::WordClass;
    for (std::size_t i = 0; i < words.size(); ++i) {
      const std::size_t n =
          lexicon_->EntryAt(words, i, WordClass::kOriginPhrases);
      if (n == 0) continue;
      std::size_t next = i + n;
      while (next < words.size() &&
             lexicon_->Is(words[next], WordClass::kArticles)) {
        ++next;
      }
      if (next < words.size() &&
          (lexicon_->Is(words[next], WordClass::kPointingBack) ||
           NamesSubject(words[next]))) {
        return true;
      }
    }
    return false;
  }

  // A word of the title's subject, not its organ ("cysts", not "liver").
  bool NamesSubject(const std::string& word) const {
    const auto terms = cues_->analyzer().Terms(word);
    return terms.size() == 1 && title_terms_.contains(terms[0]) &&
           !lexicon_->Is(word, intents::WordClass::kOrgans);
  }

  // "<subject of up to five words> is/are/refers to/means ...".
  void ClassifyDefinition(Sentence* s, const std::vector<std::string>& words,
                          const std::array<double, kFacetCount>& cues) {
    const intents::Lexicon& lex = *lexicon_;
    using intents::WordClass;
    std::size_t verb = 0;
    while (verb < words.size() && verb <= 5 &&
           !lex.Is(words[verb], WordClass::kDefinitionVerbs)) {
      ++verb;
    }
    bool defines = verb > 0 && verb <= 5 && verb < words.size();
    std::string subject;
    for (std::size_t i = 0; defines && i < verb; ++i) {
      if (lex.Is(words[i], WordClass::kArticles)) continue;
      if (lex.Is(words[i], WordClass::kStopwords)) defines = false;
      subject += words[i] + " ";
    }
    if (!defines && cues[static_cast<int>(Facet::kDefinition)] < 1.0) {
      return;
    }
    s->facets.insert(s->facets.begin(), Facet::kDefinition);
    if (!defines) return;
    const auto terms = cues_->analyzer().Terms(subject);
    s->defines_subject =
        !terms.empty() &&
        std::all_of(terms.begin(), terms.end(), [&](const std::string& t) {
          return title_terms_.contains(t);
        });
    // "... are small growths that project from ...": the first word for a
    // finding among the few after the verb is what the subject is called.
    constexpr std::size_t kCalledWithin = 4;
    for (std::size_t i = verb + 1;
         s->defines_subject && i < words.size() && i <= verb + kCalledWithin;
         ++i) {
      if (intents::ClassifyTerm(words[i], lex) == intents::TermKind::kFinding) {
        s->called = words[i];
        break;
      }
    }
  }

  // "A cyst can be felt as a smooth, movable lump", "polyps show up as
  // small spots": a sentence that opens with the subject and says how it
  // is felt or seen ([likeness-words] "as", "like", within a few words)
  // calls it by the first finding after that word, as a definition does.
  std::string CalledLike(const std::vector<std::string>& words) const {
    const intents::Lexicon& lex = *lexicon_;
    std::size_t i = 0;
    while (i < words.size() &&
           lex.Is(words[i], intents::WordClass::kArticles)) {
      ++i;
    }
    const std::size_t start = i;
    while (i < words.size() && i < start + 3) {
      const auto terms = cues_->analyzer().Terms(words[i]);
      if (terms.size() != 1 || !title_terms_.contains(terms[0])) break;
      ++i;
    }
    if (i == start) return "";
    constexpr std::size_t kWithin = 4;
    std::size_t like = i;
    while (like < words.size() && like <= i + kWithin &&
           !lex.Is(words[like], intents::WordClass::kLikenessWords)) {
      ++like;
    }
    if (like >= words.size() || like > i + kWithin || like == i ||
        words[like - 1] == "such") {
      return "";
    }
    for (std::size_t j = like + 1; j < words.size() && j <= like + kWithin;
         ++j) {
      if (intents::ClassifyTerm(words[j], lex) == intents::TermKind::kFinding) {
        return words[j];
      }
    }
    return "";
  }

  void AddTopic(NodeKind kind, std::string id, const std::string& title,
                Source source, const std::string& body, double title_weight) {
    std::vector<Sentence> sentences = Classify(body);
    // A closing "as follows:" sentence introduces the list; it is not an
    // answer on its own.
    std::vector<std::string> shown;
    for (const auto& s : sentences) {
      if (!(kind == NodeKind::kOverview && s.text.ends_with(':'))) {
        shown.push_back(s.text);
      }
    }
    Topic topic;
    topic.facets.fill(-1);
    topic.aspects = AspectsOf(sentences);
    // A section's answer starts with its heading, so the reader knows
    // which part of the article it is; the overview is the title's answer.
    std::string text = JoinSentences(shown);
    if (kind != NodeKind::kOverview) text = title + ": " + text;
    Node node{id,
              title,
              {},
              kind,
              Facet::kNone,
              static_cast<int>(pack_->topics.size()),
              std::move(text),
              {},
              false,
              source,
              {}};  // source_line: written by AddNode
    topic.node = AddNode(std::move(node));
    if (kind == NodeKind::kSection) pack_->section_ids.push_back(id);

    topic.intent = pack_->matcher.AddIntent(id);
    if (kind == NodeKind::kOverview) {
      pack_->matcher.SetSubject(topic.intent, title);
    }
    if (kind == NodeKind::kSection) {
      pack_->matcher.AddHeading(title);
      pack_->matcher.AddSizeRanges(topic.intent, title);
    }
    if (title_weight > 0) {
      pack_->matcher.AddKeywords(
          topic.intent, title, title_weight,
          kind == NodeKind::kOverview ? "title" : "heading");
    }
    pack_->matcher.AddKeywords(
        topic.intent, body, kTextWeight,
        kind == NodeKind::kOverview ? "summary" : "text");
    AddSubjectNames(kind, topic.intent, sentences);
    AddParenthesisedNames(topic.intent, sentences);
    for (const auto& s : sentences) {
      for (const auto& thing : LikenedThings(s.text, *lexicon_)) {
        pack_->matcher.AddLikened(thing);
      }
    }
    for (const auto& sentence : shown) {
      pack_->matcher.AddPassage(topic.intent, sentence);
    }
    AddFacetNodes(kind, id, title, source, sentences, &topic);
    pack_->topics.push_back(topic);
  }

  // What a definition calls the subject names it too: "a growth in my
  // gallbladder" asks about the polyps; so do the names in parentheses
  // after the summary's subject ("BPH"). `intent` is the topic's.
  void AddSubjectNames(NodeKind kind, int intent,
                       const std::vector<Sentence>& sentences) {
    for (const auto& s : sentences) {
      // "An enlarged prostate (benign prostatic hyperplasia, BPH) is ...":
      // the subject's other names in the summary's definition.
      if (kind == NodeKind::kOverview && s.defines_subject) {
        for (const auto& name : DefinedSubjectsNames(s.text)) {
          pack_->matcher.AddSubjectName(
              intent, name,
              "the article's definition, in parentheses: \"" + s.text + "\"");
        }
      }
      if (s.called.empty()) continue;
      const int subject =
          kind == NodeKind::kOverview ? intent : pack_->topics[0].intent;
      const std::string origin = "the article's definition: \"" + s.text + "\"";
      const auto add = [&](const std::string& word) {
        pack_->matcher.AddSubjectName(subject, word, origin);
      };
      add(s.called);
      // "A lump": "a mass", "a growth" name it too ([vague-findings]).
      if (lexicon_->Is(s.called, intents::WordClass::kVagueFindings)) {
        for (const auto& word :
             lexicon_->Entries(intents::WordClass::kVagueFindings)) {
          add(word);
        }
      }
    }
  }

  // "A fluid-filled nodule (a cyst)" in a section on small nodules: a kind
  // of the subject the article names in parentheses names the subject
  // there ("a cyst full of fluid, can it be drained?").
  void AddParenthesisedNames(int intent,
                             const std::vector<Sentence>& sentences) {
    for (const auto& s : sentences) {
      for (const auto& [named, name] : ParenthesisedNames(s.text, *lexicon_)) {
        const auto terms = cues_->analyzer().Terms(named);
        if (terms.size() != 1 || !title_terms_.contains(terms[0])) continue;
        pack_->matcher.AddKeywords(
            intent, name, kAuthorWeight,
            "the article's name in parentheses: \"" + s.text + "\"");
      }
    }
  }

  // The topic's sentences on each facet: a node per facet for a section,
  // and the material of the article's all.<facet> answers.
  void AddFacetNodes(NodeKind kind, const std::string& id,
                     const std::string& title, const Source& source,
                     const std::vector<Sentence>& sentences, Topic* topic) {
    if (kind == NodeKind::kOverview) {
      summary_names_causes_ =
          std::any_of(sentences.begin(), sentences.end(),
                      [](const Sentence& s) { return s.names_causes; });
      pack_->summary_tells_proportions = std::any_of(
          sentences.begin(), sentences.end(), [&](const Sentence& s) {
            return lexicon_->HasEntry(intents::Normalize(s.text, *lexicon_),
                                      intents::WordClass::kProportionWords);
          });
    }
    const int topic_index = static_cast<int>(pack_->topics.size());
    for (int f = 1; f < kFacetCount; ++f) {
      const Facet facet = static_cast<Facet>(f);
      std::vector<std::string> picked;
      for (const auto& s : sentences) {
        if (std::find(s.facets.begin(), s.facets.end(), facet) !=
            s.facets.end()) {
          picked.push_back(s.text);
          for (int a = 1; a < intents::kAspectCount; ++a) {
            topic->facet_aspects[f][a] =
                topic->facet_aspects[f][a] || s.aspects[a];
          }
        }
        if (facet == Facet::kDefinition && s.defines_subject) {
          subject_definitions_.push_back(s.text);
        }
      }
      facet_sentences_[f].push_back({topic_index, picked});
      if (picked.empty() || kind == NodeKind::kOverview) continue;
      const std::string& label = pack_->wording.FacetLabel(facet);
      Node fnode{id + "." + std::string(intents::FacetName(facet)),
                 title + ": " + label,
                 {},
                 NodeKind::kFacet,
                 facet,
                 topic_index,
                 title + " (" + label + "): " + JoinSentences(picked),
                 {},
                 false,
                 source,
                 {}};
      topic->facets[f] = AddNode(std::move(fnode));
    }
  }

  // overview.definition: what the subject is, then the summary.
  void AddDefinition() {
    const Node& overview = pack_->topic_node(0);
    std::vector<std::string> parts;
    for (const auto& s : subject_definitions_) {
      if (overview.text.find(s) == std::string::npos) parts.push_back(s);
    }
    if (parts.empty()) return;
    parts.push_back(overview.text);
    Node node{"overview.definition",
              pack_->wording.definition_title,
              {},
              NodeKind::kFacet,
              Facet::kDefinition,
              0,
              JoinSentences(parts),
              {},
              false,
              overview.source,
              {}};
    const int index = AddNode(std::move(node));
    pack_->definition = index;
    pack_->topics[0].facets[static_cast<int>(Facet::kDefinition)] = index;
  }

  void AddAggregates() {
    for (const Facet facet :
         {Facet::kCause, Facet::kSymptoms, Facet::kTreatment, Facet::kFollowUp,
          Facet::kLifestyle}) {
      const int f = static_cast<int>(facet);
      // A summary that names the causes ("they may result from A, B and
      // C") answers "what causes it?" itself, its sections being those
      // causes; otherwise the causes are gathered from the sections.
      if (facet == Facet::kCause && summary_names_causes_) continue;
      std::string listed;
      std::string general;
      std::vector<std::string> sections;
      std::size_t total = 0;
      Source first_source;
      bool any = false;
      for (const auto& [topic_index, sentences] : facet_sentences_[f]) {
        if (sentences.empty()) continue;
        const Topic& topic = pack_->topics[topic_index];
        const Node& tnode = pack_->nodes[topic.node];
        if (!any) first_source = tnode.source;
        any = true;
        const std::string text = JoinSentences(sentences);
        total += text.size();
        const std::string label = tnode.kind == NodeKind::kOverview
                                      ? pack_->wording.in_general
                                      : tnode.title;
        listed += (listed.empty() ? "" : "\n") + label + ": " + text;
        if (tnode.kind == NodeKind::kSection) {
          sections.push_back(pack_->nodes[topic.facets[f]].id);
        } else {
          general += (general.empty() ? "" : " ") + text;
        }
      }
      if (!any) continue;
      const std::string& label = pack_->wording.FacetLabel(facet);
      Node node{"all." + std::string(intents::FacetName(facet)),
                Capitalized(label),
                {},
                NodeKind::kAggregate,
                facet,
                -1,
                listed,
                {},
                false,
                first_source,
                {}};
      if (total > kAggregateLimit && sections.size() > 1) {
        node.asks = true;
        node.text = (general.empty() ? "" : general + "\n") +
                    Fill(pack_->wording.clarify_sections, {{"facet", label}});
        node.choices = sections;
      } else {
        node.choices = pack_->section_ids;  // where to read on, as after
                                            // the summary
      }
      pack_->aggregates[f] = AddNode(std::move(node));
    }
  }

  void LinkChoices() {
    for (std::size_t t = 0; t < pack_->topics.size(); ++t) {
      const Topic& topic = pack_->topics[t];
      Node& node = pack_->nodes[topic.node];
      if (node.kind == NodeKind::kOverview) {
        node.choices = pack_->section_ids;
        if (pack_->definition >= 0) {
          pack_->nodes[pack_->definition].choices = pack_->section_ids;
        }
        continue;
      }
      std::vector<std::string> facets;
      for (int f = 1; f < kFacetCount; ++f) {
        if (topic.facets[f] >= 0)
          facets.push_back(pack_->nodes[topic.facets[f]].id);
      }
      node.choices = facets;
      for (int f = 1; f < kFacetCount; ++f) {
        if (topic.facets[f] < 0) continue;
        Node& fnode = pack_->nodes[topic.facets[f]];
        for (const auto& id : facets) {
          if (id != fnode.id) fnode.choices.push_back(id);
        }
      }
    }
  }

  Status AddAuthorIntents() {
    Matcher& m = pack_->matcher;
    for (const auto& n : file_.nodes) {
      const Node* node = pack_->Find(n.node);
      if (!node) {
        return Fail(n.line, "no node \"" + n.node +
                                "\" in this pack; `faqbot inspect` lists the "
                                "node ids");
      }
      if (node->kind == NodeKind::kFacet ||
          node->kind == NodeKind::kAggregate) {
        return Fail(n.line,
                    "\"" + n.node +
                        "\" is a facet; put keywords on its topic (" +
                        (node->topic >= 0 ? pack_->topic_node(node->topic).id
                                          : std::string("a section")) +
                        "): facets are found by cue words");
      }
      const int intent = pack_->topics[node->topic].intent;
      for (const auto& k : n.keywords) {
        m.AddKeywords(intent, k.text, kAuthorWeight,
                      file_.name + " line " + std::to_string(k.line));
      }
      for (const auto& p : n.patterns) {
        if (auto s =
                m.AddPattern(intent, p.text, kAuthorWeight,
                             file_.name + " line " + std::to_string(p.line));
            !s) {
          return std::unexpected(s.error());
        }
      }
    }
    for (const auto& flag : file_.red_flags) {
      if (auto s = m.AddRedFlag(
              flag.name, flag.pattern.text,
              file_.name + " line " + std::to_string(flag.pattern.line));
          !s) {
        return std::unexpected(s.error());
      }
    }
    return Ok();
  }

  Status ApplySettings() {
    PackSettings& s = pack_->settings;
    for (const auto& setting : file_.settings) {
      double value = 0;
      try {
        std::size_t used = 0;
        value = std::stod(setting.value, &used);
        if (used != setting.value.size()) throw std::invalid_argument("");
      } catch (const std::exception&) {
        return Fail(setting.line, "setting \"" + setting.key +
                                      "\" needs a number, not \"" +
                                      setting.value + "\"");
      }
      if (setting.key == "answer threshold") {
        s.answer_threshold = value;
      } else if (setting.key == "clarify ratio") {
        if (value <= 0 || value > 1) {
          return Fail(setting.line, "clarify ratio must be in (0, 1]");
        }
        s.clarify_ratio = value;
      } else if (setting.key == "strong cue") {
        s.strong_cue = value;
      } else if (setting.key == "max clarify choices") {
        if (value < 2)
          return Fail(setting.line, "max clarify choices must be at least 2");
        s.max_clarify_choices = static_cast<int>(value);
      } else {
        return Fail(setting.line,
                    "unknown setting \"" + setting.key +
                        "\"; known: answer threshold, clarify ratio, strong "
                        "cue, max clarify choices");
      }
    }
    return Ok();
  }

  const IntentsFile& file_;
  std::shared_ptr<const intents::Lexicon> lexicon_;
  std::shared_ptr<Pack> pack_;
  std::unique_ptr<Matcher> cues_;
  std::unordered_set<std::string> title_terms_;
  std::vector<std::string> subject_definitions_;
  // Per facet: (topic index, that topic's sentences on the facet).
  std::array<std::vector<std::pair<int, std::vector<std::string>>>, kFacetCount>
      facet_sentences_;
  bool summary_names_causes_ = false;
};

}  // namespace

Result<std::shared_ptr<const Pack>> CompilePack(
    std::string name, Document document, const IntentsFile& intents,
    std::shared_ptr<const intents::Lexicon> lexicon, Wording wording) {
  return Compiler(std::move(name), std::move(document), intents,
                  std::move(lexicon), std::move(wording))
      .Run();
}

}  // namespace faqbot::dialogs
