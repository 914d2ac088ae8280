#include "bot/tools/inspect.h"

#include <iomanip>

#include "bot/bot.h"
#include "intents/utf8.h"

namespace faqbot::bot {
namespace {

std::string_view KindName(dialogs::NodeKind kind) {
  switch (kind) {
    case dialogs::NodeKind::kOverview:
      return "overview";
    case dialogs::NodeKind::kSection:
      return "section";
    case dialogs::NodeKind::kAdvice:
      return "advice";
    case dialogs::NodeKind::kFacet:
      return "facet";
    case dialogs::NodeKind::kAggregate:
      return "whole article";
  }
  return "";
}

}  // namespace

void PrintTree(const dialogs::Pack& pack, std::ostream& out) {
  out << "pack " << pack.name << ": \"" << pack.document.title << "\"\n"
      << pack.nodes.size() << " nodes, " << pack.topics.size() << " topics, "
      << pack.document.sections.size() << " sections\n";
  for (const auto& topic : pack.topics) {
    const auto& node = pack.nodes[topic.node];
    out << "\n"
        << node.id << "  [" << KindName(node.kind) << ", section "
        << node.source.section << ": " << node.source.title << "]\n"
        << "  title: " << node.title << "\n"
        << "  text: " << intents::Clipped(node.text, 160) << "\n";
    out << "  keywords:";
    int shown = 0;
    for (const auto& kw : pack.matcher.Keywords(topic.intent)) {
      if (shown++ == 16) {
        out << " ...";
        break;
      }
      out << " " << kw.term << "=" << std::fixed << std::setprecision(2)
          << kw.weight << "(" << kw.origin << ")";
    }
    out << "\n";
    for (const auto& p : pack.matcher.Patterns(topic.intent)) {
      out << "  pattern: " << p << "\n";
    }
    for (int f = 1; f < dialogs::kFacetCount; ++f) {
      if (topic.facets[f] < 0) continue;
      const auto& fn = pack.nodes[topic.facets[f]];
      out << "  " << fn.id << "  [facet " << intents::FacetName(fn.facet)
          << "]: " << intents::Clipped(fn.text, 120) << "\n";
    }
  }
  out << "\nwhole-article answers:\n";
  for (const auto& node : pack.nodes) {
    if (node.kind != dialogs::NodeKind::kAggregate) continue;
    out << "  " << node.id << (node.asks ? "  (asks which section)" : "")
        << ": " << intents::Clipped(node.text, 120) << "\n";
  }
}

void PrintLibrary(const dialogs::Library& library, std::ostream& out) {
  out << "library of " << library.size() << " articles; a question goes to "
      << "the article whose subject words it uses:\n";
  for (const auto& pack : library.packs()) {
    out << "  " << pack->name << ": \"" << pack->document.title << "\"\n"
        << "    subject words:";
    for (const auto& stem : pack->matcher.SubjectStems()) out << " " << stem;
    out << "\n";
  }
  for (const auto& pack : library.packs()) {
    out << "\n";
    PrintTree(*pack, out);
  }
}

namespace {

// Says `before` in session "explain" of `bot`, one line each: where it went.
void SayBefore(Bot& bot, const std::vector<Message>& before,
               std::ostream& out) {
  for (Message earlier : before) {
    earlier.channel = "explain";
    auto r = bot.Handle("explain", earlier);
    const std::string said =
        earlier.choice.empty()
            ? "\"" + intents::Clipped(earlier.text, 100) + "\""
            : "(pressed " + earlier.choice + ")";
    out << "before: " << said << " -> "
        << (r ? (r->node.empty() ? std::string(dialogs::ReplyKindName(r->kind))
                                 : r->node)
              : "error: " + r.error().message)
        << "\n";
  }
}

}  // namespace

// The message's words as the bot reads them: normalized, corrected,
// related to the pack's forms, synonyms, denied and unknown words.
void PrintAnalysis(const intents::Analysis& a, std::ostream& out) {
  out << "words:";
  for (const auto& w : a.words) out << " " << w;
  out << "\nterms:" << a.text << "\n";
  for (const auto& c : a.corrections) {
    out << "corrected: " << c.from << " -> " << c.to << "\n";
  }
  for (const auto& r : a.related) {
    out << "related: " << r.from << " -> " << r.to << " (the pack's form)\n";
  }
  for (const auto& s : a.synonyms) {
    out << "synonym: " << s.phrase << " -> " << s.canonical;
    if (!s.origin.empty()) out << " (" << s.origin << ")";
    out << "\n";
  }
  if (!a.denied.empty()) {
    out << "denied (not used to choose the section):";
    for (const auto& w : a.denied) out << " " << w;
    out << "\n";
  }
  if (!a.unknown.empty()) {
    out << "unknown words:";
    for (const auto& w : a.unknown) out << " " << w;
    out << "\n";
  }
}

void PrintExplanation(std::shared_ptr<const dialogs::Pack> pack,
                      std::string_view text, std::ostream& out,
                      const std::vector<Message>& before) {
  Bot bot(std::move(pack));
  PrintExplanation(bot, text, out, before);
}

void PrintExplanation(Bot& bot, std::string_view text, std::ostream& out,
                      const std::vector<Message>& before) {
  SayBefore(bot, before, out);
  dialogs::Trace trace;
  auto reply = bot.Handle(
      "explain", {.text = std::string(text), .channel = "explain"}, &trace);
  if (!reply) {
    out << "error: " << reply.error().message << "\n";
    return;
  }
  const auto& sig = trace.signals;
  PrintAnalysis(sig.analysis, out);
  // The article that answered (a library's, else the pack).
  const auto library = bot.library();
  const int article = library ? library->IndexOf(reply->article) : -1;
  const auto pack = article >= 0 ? library->packs()[article] : bot.pack();
  for (const auto& rf : sig.red_flags) {
    out << "red flag: " << rf.name << " (told "
        << intents::TellingName(rf.telling)
        << (rf.usual ? "; the article's usual course" : "")
        << (rf.urgent() ? "; urgent" : "; not urgent") << "; from " << rf.origin
        << ")\n";
  }
  for (const auto& w : sig.out_of_scope) {
    out << "not in the article: " << w << "\n";
  }
  for (const auto& c : sig.cue_evidence) out << "cue: " << c << "\n";
  out << "candidates:\n";
  int shown = 0;
  for (const auto& c : sig.candidates) {
    if (shown++ == 5) break;
    out << "  " << std::fixed << std::setprecision(2) << c.score << "  "
        << pack->matcher.intent_name(c.intent) << " :";
    for (const auto& e : c.evidence) out << " " << e << ";";
    out << "\n";
  }
  // One decision per line: the question sentences found, the context set
  // aside, each term and whether the article covers it, why each facet.
  out << "decision:\n";
  if (!reply->article.empty()) {
    out << "  article: " << reply->article << " (\"" << reply->article_title
        << "\")" << (reply->notice.empty() ? "" : ", " + reply->notice) << "\n";
  }
  for (const auto& s : trace.steps) out << "  " << s << "\n";
  out << "reply: " << dialogs::ReplyKindName(reply->kind) << " "
      << (reply->node.empty() ? "(no node)" : reply->node) << " confidence "
      << std::setprecision(2) << reply->confidence << "\n";
  if (!reply->caveat.empty()) out << "  caveat: " << reply->caveat << "\n";
  if (!reply->not_covered.empty()) {
    out << "  not covered: " << reply->not_covered << "\n";
  }
  if (reply->parts.empty()) {
    out << "  " << intents::Clipped(reply->text, 200) << "\n";
    return;
  }
  for (const auto& p : reply->parts) {
    out << "  part: " << dialogs::ReplyKindName(p.kind) << " "
        << (p.node.empty() ? "(no node)" : p.node) << "\n";
    if (!p.caveat.empty()) out << "    caveat: " << p.caveat << "\n";
    out << "    " << intents::Clipped(p.text, 160) << "\n";
  }
}

}  // namespace faqbot::bot
