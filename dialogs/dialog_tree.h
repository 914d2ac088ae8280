// The dialog tree of a pack: topics, their facets, and doc-level answers.
//
// A compiled article becomes these nodes (ids as `faqbot inspect` shows):
//   overview                 title question + summary; offers the sections
//   overview.definition      what the article's subject is (when it says)
//   <section-slug>           one per numbered section: its whole text
//   <section-slug>.<facet>   the section's sentences about one facet:
//                            cause, risk, symptoms, treatment, follow-up,
//                            lifestyle, definition
//   advice, advice.<facet>   the closing advice
//   all.<facet>              a facet across the article: every sentence on
//                            it when short, else a choice of sections
// Every node keeps its source and answers in the article's own sentences.
#ifndef FAQBOT_DIALOGS_DIALOG_TREE_H_
#define FAQBOT_DIALOGS_DIALOG_TREE_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "dialogs/document.h"
#include "dialogs/reply.h"
#include "dialogs/wording.h"
#include "intents/matcher.h"
#include "intents/string_map.h"

namespace faqbot::dialogs {

using intents::Facet;
using intents::kFacetCount;

enum class NodeKind {
  kOverview,   // the title question and summary
  kSection,    // a numbered section
  kAdvice,     // the closing advice
  kFacet,      // part of a topic (one of the three above)
  kAggregate,  // one facet across the whole article
};

struct Node {
  std::string id;
  std::string title;        // short, for menus and choices
  std::string typed_title;  // the title normalized, to match typed text
  NodeKind kind = NodeKind::kSection;
  Facet facet = Facet::kNone;
  int topic = -1;    // index into Pack::topics, -1 for aggregates
  std::string text;  // the answer, built from the article's sentences
  std::vector<std::string> choices;  // node ids offered after answering
  bool asks = false;  // an aggregate that asks the user to pick a section
  Source source;
  std::string source_line;  // the source as a line, in the pack's wording
};

// A topic is a node the matcher can route to: the overview, a section or
// the advice, with its facet nodes.
struct Topic {
  int node = -1;                          // index into Pack::nodes
  std::array<int, kFacetCount> facets{};  // node index per facet, -1 none
  int intent = -1;                        // matcher intent
  // Which aspects (intents::Aspect) a sentence of this topic speaks to
  // ("pass within a few weeks": how long).
  std::array<bool, intents::kAspectCount> aspects{};
  // The same for the sentences of each facet's node (facet_aspects[f]).
  std::array<std::array<bool, intents::kAspectCount>, kFacetCount>
      facet_aspects{};
};

// Thresholds for routing; the intents file's [settings] may change them.
struct PackSettings {
  // A topic needs at least this keyword/pattern score to be chosen.
  double answer_threshold = 1.0;
  // The runner asks which one is meant when the second-best topic scores
  // at least this fraction of the best.
  double clarify_ratio = 0.8;
  // Facet cues at least this strong count on their own ("treatment?").
  double strong_cue = 1.0;
  // At most this many choices in a clarify reply.
  int max_clarify_choices = 4;
};

struct Pack {
  // The matcher is the compiler's to build; until then it knows nothing.
  explicit Pack(std::shared_ptr<const intents::Lexicon> lexicon)
      : matcher(std::move(lexicon), {}, /*corrects_spelling=*/false) {}

  // A hash of the compiled content: the same for the same files in every
  // process, different when a node changed, so a session can tell that
  // the pack changed under it (hot reload, a restart with an edited
  // article, another instance) without checking each id it holds.
  uint64_t generation = 0;
  std::string name;  // folder name, e.g. "liver-calcification"
  Document document;
  std::vector<Node> nodes;
  intents::StringMap<int> by_id;
  // Every node's typed_title: a message naming no title picks no choice.
  intents::StringSet typed_titles;
  std::vector<Topic> topics;  // [0] overview, sections..., advice (if any)
  std::array<int, kFacetCount> aggregates{};  // all.<facet> node, or -1
  // Per facet, the section topic whose heading names it ("Treatment
  // options"; not "Stones without symptoms"), or -1.
  std::array<int, kFacetCount> facet_sections{};
  int definition = -1;  // overview.definition, or -1
  // Which aspects (intents::Aspect) some sentence of the article speaks
  // to; the others get a caveat when asked.
  std::array<bool, intents::kAspectCount> aspects{};
  // Whether the summary says what most or a few of its cases are
  // ([proportion-words]: "most are benign, a few are cancer").
  bool summary_tells_proportions = false;
  intents::Matcher matcher;
  PackSettings settings;
  Wording wording;  // every sentence the bot says besides the article's
  std::vector<std::string> section_ids;  // node ids of sections, in order

  const Node* Find(const std::string& id) const {
    const auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : &nodes[it->second];
  }
  const Node& topic_node(int topic) const { return nodes[topics[topic].node]; }
  // The language the pack is read in (the matcher's).
  const intents::Lexicon& lexicon() const { return matcher.lexicon(); }
};

// Compiles an article and its intents file into a pack that reads
// messages with `lexicon` and speaks with `wording`. Errors name the file
// and line (bad pattern, unknown node id in the intents file, ...).
[[nodiscard]] Result<std::shared_ptr<const Pack>> CompilePack(
    std::string name, Document document, const struct IntentsFile& intents,
    std::shared_ptr<const intents::Lexicon> lexicon, Wording wording = {});

}  // namespace faqbot::dialogs

#endif  // FAQBOT_DIALOGS_DIALOG_TREE_H_
