// How the questions of one message become one reply: each question goes
// through decisions 5-7 of dialog_runner.h on its own (with the message's
// story for a topic it leaves out), and several make one reply with a
// part each, in the order asked.
#include <algorithm>

#include "dialogs/dialog_runner.h"
#include "dialogs/navigation.h"

namespace faqbot::dialogs {
namespace {

// At most this many questions of one message are answered.
constexpr std::size_t kMaxParts = 3;

intents::Facet NearestFacet(intents::Aspect aspect) {
  for (const auto& cue : intents::AspectCues()) {
    if (cue.aspect == aspect) return cue.nearest;
  }
  return intents::Facet::kNone;
}

ReplyPart ToPart(const Reply& r) {
  return {r.kind,        r.text,   r.node,       r.source,
          r.source_line, r.caveat, r.not_covered};
}

const std::string& CaveatFor(const Wording& w, intents::Aspect aspect) {
  switch (aspect) {
    case intents::Aspect::kCourse:
      return w.caveat_course;
    case intents::Aspect::kDuration:
      return w.caveat_duration;
    case intents::Aspect::kHeredity:
      return w.caveat_heredity;
    case intents::Aspect::kFrequency:
      return w.caveat_frequency;
    case intents::Aspect::kWhere:
      return w.caveat_where;
    case intents::Aspect::kContagion:
      return w.caveat_contagion;
    case intents::Aspect::kPrevention:
      return w.caveat_prevention;
    case intents::Aspect::kGrowth:
    case intents::Aspect::kNone:
      break;
  }
  return w.caveat_growth;
}

}  // namespace

void DialogRunner::AddCaveat(Turn& t, Reply* reply) const {
  if (t.aspect == intents::Aspect::kNone || reply->kind != ReplyKind::kAnswer) {
    return;
  }
  t.trace.steps.push_back("caveat: the article does not speak to " +
                          std::string(intents::AspectName(t.aspect)));
  reply->caveat = CaveatFor(pack_.wording, t.aspect);
}

Reply DialogRunner::Question(DialogState* state, const std::string& question,
                             const intents::Signals* story,
                             Trace& trace) const {
  const intents::Signals sig = pack_.matcher.Match(question);
  Turn t = MakeTurn(sig, trace);
  if (t.facet != intents::Facet::kNone) {
    trace.steps.push_back("facet " + std::string(intents::FacetName(t.facet)) +
                          (sig.facet_strength() >= 0.8
                               ? " (the first clear cue)"
                               : " (the strongest cue)"));
  }
  if (auto r = NotAnswerable(t, state, question, story)) return *r;  // 5
  TopicChoice topic = ChooseTopic(t, state, story);                  // 6
  if (topic.reply) return *std::move(topic.reply);
  // An aspect the article does not speak to, with no facet asked: the
  // nearest sentences it has (follow-up for "how often", cause for "is it
  // hereditary").
  if (t.aspect != intents::Aspect::kNone && t.facet == intents::Facet::kNone) {
    t.facet = NearestFacet(t.aspect);
  }
  Reply r = AnswerFacet(t, state, topic.topic, topic.confidence);  // 7
  AddCaveat(t, &r);
  return r;
}

Reply DialogRunner::Parts(DialogState* state,
                          const std::vector<std::string>& questions,
                          const intents::Signals* story, Trace& trace) const {
  std::vector<ReplyPart> parts;
  std::string uncovered;  // of the previous part
  for (const auto& q : questions) {
    if (parts.size() == kMaxParts) break;
    trace.steps.push_back("question " + std::to_string(parts.size() + 1) +
                          ": \"" + q + "\"");
    // "What is steatosis, and is it reversible?": a question about "it"
    // after one the article does not cover is about that too.
    const intents::Signals own = pack_.matcher.Match(q);
    const bool names_topic =
        !own.candidates.empty() && own.candidates[0].specific > 0;
    if (!uncovered.empty() && !names_topic && HasPronoun(own.analysis.words)) {
      ReplyPart part;
      part.not_covered = uncovered;
      part.text = Fill(pack_.wording.part_not_covered, {{"word", uncovered}});
      parts.push_back(std::move(part));
      continue;
    }
    Reply r = Question(state, q, story, trace);
    if (r.kind == ReplyKind::kFallback && !r.not_covered.empty()) {
      r.text = Fill(pack_.wording.part_not_covered, {{"word", r.not_covered}});
    }
    uncovered = r.not_covered;
    parts.push_back(ToPart(r));
  }
  Reply out;
  out.kind = ReplyKind::kFallback;
  for (const auto& p : parts) {
    out.text += (out.text.empty() ? "" : "\n\n") +
                (p.caveat.empty() ? "" : p.caveat + " ") + p.text;
    if (!p.not_covered.empty()) {
      out.not_covered += (out.not_covered.empty() ? "" : ", ") + p.not_covered;
    }
    if (p.kind != ReplyKind::kFallback && out.kind == ReplyKind::kFallback) {
      out.kind = p.kind;
      out.node = p.node;
      out.intent = p.node;
      out.source = p.source;
      out.source_line = p.source_line;
      out.confidence = 0.7;
    }
  }
  if (out.kind == ReplyKind::kFallback) out.intent = "fallback.not-covered";
  out.choices = Choices(state->choices);
  out.parts = std::move(parts);
  return out;
}

}  // namespace faqbot::dialogs
