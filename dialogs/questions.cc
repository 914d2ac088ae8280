// How the questions of one message become one reply: each question goes
// through decisions 5-7 of dialog_runner.h on its own (with the message's
// story for a topic it leaves out), and several make one reply with a
// part each, in the order asked.
#include <algorithm>
#include <array>

#include "dialogs/dialog_runner.h"
#include "dialogs/navigation.h"
#include "intents/medical_terms.h"
#include "intents/message.h"
#include "intents/normalizer.h"
#include "intents/sentences.h"
#include "intents/utf8.h"

namespace faqbot::dialogs {
namespace {

// At most this many questions of one message are answered.
constexpr std::size_t kMaxParts = 3;
// A part's question is shown as its heading up to this many bytes.
constexpr std::size_t kQuestionShown = 200;

intents::Facet NearestFacet(intents::Aspect aspect,
                            const intents::Lexicon& lexicon) {
  for (const auto& cue : lexicon.AspectCues()) {
    if (cue.aspect == aspect) return cue.nearest;
  }
  return intents::Facet::kNone;
}

// "baby, pregnant" -> {"baby", "pregnant"}.
std::vector<std::string> Listed(const std::string& list) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < list.size()) {
    const std::size_t comma = std::min(list.find(", ", at), list.size());
    out.push_back(list.substr(at, comma - at));
    at = comma + 2;
  }
  return out;
}

ReplyPart ToPart(const Reply& r) {
  return {r.kind,        r.text,   r.node,        r.source,
          r.source_line, r.caveat, r.not_covered, {}};
}

// Drops from `part` each sentence an earlier part already says (the same
// closing advice under two questions reads as a glitch), unless nothing
// of its own would be left.
void DropRepeatedSentences(const std::vector<ReplyPart>& before,
                           const intents::Lexicon& lexicon, ReplyPart* part) {
  constexpr std::size_t kShortest = 20;  // "Yes." repeats harmlessly
  const std::string_view text = part->text;
  std::string kept;
  std::size_t from = 0;  // the text not yet copied
  bool dropped = false;
  for (const std::string_view sentence :
       intents::SentenceViews(text, lexicon)) {
    const bool said =
        sentence.size() > kShortest &&
        std::any_of(before.begin(), before.end(), [&](const ReplyPart& p) {
          return p.kind != ReplyKind::kFallback &&
                 p.text.find(sentence) != std::string::npos;
        });
    if (!said) continue;
    const auto at = static_cast<std::size_t>(sentence.data() - text.data());
    kept.append(text.substr(from, at - from));
    from = at + sentence.size();
    while (from < text.size() && text[from] == ' ') ++from;
    dropped = true;
  }
  kept.append(text.substr(from));
  while (!kept.empty() && (kept.back() == ' ' || kept.back() == '\n')) {
    kept.pop_back();
  }
  if (dropped && !kept.empty()) part->text = std::move(kept);
}

// Adds `part` after `parts`; the same sentences twice read as a glitch,
// so the same section again points back, a sentence an earlier part said
// is left out, and the same refusal is said once.
void AddPart(ReplyPart part, const Pack& pack, std::vector<ReplyPart>* parts) {
  const auto any = [&](auto&& same) {
    return std::any_of(parts->begin(), parts->end(), same);
  };
  if (part.kind == ReplyKind::kAnswer &&
      any([&](const ReplyPart& p) { return p.node == part.node; })) {
    part.text = pack.wording.part_same_answer;
    part.source.reset();
    part.source_line.clear();
  } else if (part.kind != ReplyKind::kFallback) {
    DropRepeatedSentences(*parts, pack.lexicon(), &part);
  } else if (any([&](const ReplyPart& p) { return p.text == part.text; })) {
    return;
  }
  parts->push_back(std::move(part));
}

// The parts as one reply: its text holds them all (for channels that
// show one message), and it is answered from the first part answered.
Reply JoinParts(const std::vector<ReplyPart>& parts) {
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
  return out;
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
    case intents::Aspect::kRecurrence:
      return w.caveat_recurrence;
    case intents::Aspect::kDiagnosis:
      return w.caveat_diagnosis;
    case intents::Aspect::kSize:
      return w.caveat_size;
    case intents::Aspect::kGrowth:
    case intents::Aspect::kNone:
      break;
  }
  return w.caveat_growth;
}

}  // namespace

void DialogRunner::AddCaveat(Turn& t, Reply* reply) const {
  if (t.aspect == intents::Aspect::kNone ||
      (reply->kind != ReplyKind::kAnswer &&
       reply->kind != ReplyKind::kClarify)) {
    return;
  }
  t.trace.Note([&] {
    return "caveat: the article does not speak to " +
           std::string(intents::AspectName(t.aspect));
  });
  reply->caveat = CaveatFor(pack_.wording, t.aspect);
}

// "My stent hurts. When can I have it out?": a question that asks an
// aspect (how long) of what the story tells, when the story names no
// subject of the article and the section it points to never speaks to
// the aspect, is not answered by that section: the article does not say.
std::optional<Reply> DialogRunner::AspectUntoldOfTheStory(
    Turn& t, const TopicChoice& topic, MessageReading& reading,
    DialogState* state) const {
  const intents::Aspect asked = t.sig.aspect();
  if (!topic.from_story || asked == intents::Aspect::kNone ||
      pack_.topics[topic.topic].aspects[static_cast<int>(asked)] ||
      reading.StorySubject().about_pack || !NamesNothing(t.sig.candidates)) {
    return std::nullopt;
  }
  t.trace.Note([&] {
    return "the story's section never speaks to " +
           std::string(intents::AspectName(asked));
  });
  return Fallback(state,
                  Fill(pack_.wording.aspect_not_told,
                       {{"caveat", CaveatFor(pack_.wording, asked)}}),
                  "fallback.aspect");
}

Reply DialogRunner::Question(DialogState* state, const std::string& question,
                             MessageReading& reading, Trace& trace) const {
  const intents::Signals& sig = reading.Signals(question);
  Turn t = MakeTurn(sig, trace);
  t.told_story = reading.has_story();
  if (t.facet != intents::Facet::kNone) {
    trace.Note([&] {
      return "facet " + std::string(intents::FacetName(t.facet)) +
             (sig.facet_strength() >= 0.8 ? " (the first clear cue)"
                                          : " (the strongest cue)");
    });
  }
  if (auto r = NotAnswerable(t, state, question, reading)) {
    return std::move(*r);  // 5
  }
  // "Which one is better?" asks of the options told just before it, when
  // they name a section.
  const intents::Signals* options = reading.Options();
  if (options && !pack_.lexicon().HasEntry(
                     t.words, intents::WordClass::kChoosingBetween)) {
    options = nullptr;
  }
  if (StoryTopic(options) < 0) options = nullptr;
  TopicChoice topic = ChooseTopic(  // 6
      t, state,
      options               ? options
      : reading.has_story() ? &reading.story()
                            : nullptr);
  if (topic.reply) {
    AddCaveat(t, &*topic.reply);
    return *std::move(topic.reply);
  }
  if (auto untold = AspectUntoldOfTheStory(t, topic, reading, state)) {
    return *std::move(untold);
  }
  // An aspect the article does not speak to, with no facet asked: the
  // nearest sentences it has (follow-up for "how often", cause for "is it
  // hereditary").
  if (t.aspect != intents::Aspect::kNone && t.facet == intents::Facet::kNone) {
    t.facet = NearestFacet(t.aspect, pack_.lexicon());
  }
  // The story chose the section and the question asks a treatment that
  // section has nothing on ("what would make surgery necessary?" after "a
  // 9 mm polyp"): what the article says of treatment across its sections.
  // (Check-ups and lifestyle have the general advice instead, in 7.)
  const int f = static_cast<int>(t.facet);
  // A yes/no question ("do I need treatment?") has its answer in the
  // story's section itself ("usually watched").
  if (topic.from_story && t.facet == intents::Facet::kTreatment &&
      t.sig.aspect() == intents::Aspect::kNone &&
      !intents::AsksYesOrNo(t.sig.analysis.words, pack_.lexicon()) &&
      pack_.facet_sections[f] < 0 &&  // no section named for it (7 uses one)
      pack_.aggregates[f] >= 0 && pack_.topics[topic.topic].facets[f] < 0) {
    t.trace.Note([&] {
      return "no " + std::string(intents::FacetName(t.facet)) +
             " in the story's section: the article's across its sections";
    });
    topic.topic = 0;
  }
  // "What should I do?" after a story that chose a section with no
  // check-up advice of its own: that section says what is done.
  if (topic.from_story && t.facet == intents::Facet::kFollowUp &&
      t.sig.facet_strength() < 1.0 &&
      t.sig.aspect() == intents::Aspect::kNone &&
      pack_.topics[topic.topic].facets[f] < 0 && topic.topic != 0) {
    t.trace.Note([&] { return "what to do: the story's section"; });
    t.facet = intents::Facet::kNone;
  }
  Reply r = AnswerFacet(t, state, topic.topic, topic.confidence);  // 7
  AddCaveat(t, &r);
  return r;
}

// Not a subject of the scope list ("size", "cost", "odds"): those are
// asked of the article's own subject, which the next question may be
// about ("what are the odds it ruptures, and is it fatal?").
bool DialogRunner::NamesAThing(const std::string& uncovered) const {
  const intents::Lexicon& lex = pack_.lexicon();
  for (const auto& word : intents::Normalize(uncovered, lex)) {
    if (lex.Is(word, intents::WordClass::kScope)) return false;
  }
  return true;
}

bool DialogRunner::JoinedToUncovered(const intents::Signals& question,
                                     const std::string& uncovered) const {
  const intents::Lexicon& lex = pack_.lexicon();
  const auto& words = question.analysis.words;
  if (uncovered.empty() || words.empty() ||
      !lex.Is(words[0], intents::WordClass::kJoiners) ||
      !NamesAThing(uncovered)) {
    return false;
  }
  return !pack_.matcher.CheckSubject(question.analysis).about_pack;
}

Reply DialogRunner::Parts(DialogState* state,
                          const std::vector<std::string>& questions,
                          MessageReading& reading, Trace& trace) const {
  std::vector<ReplyPart> parts;
  std::string uncovered;  // of the previous part
  const std::string topic_before = state->topic;
  const auto asking = AskingSomething(questions, reading, trace);
  for (const std::string* asked : asking) {
    const std::string& q = *asked;
    if (parts.size() == kMaxParts) break;
    trace.Note([&] {
      return "question " + std::to_string(parts.size() + 1) + ": \"" + q + "\"";
    });
    // "What is steatosis, and is it reversible?": a question about "it"
    // after one the article does not cover is about that too.
    const intents::Signals& own = reading.Signals(q);
    // After a thing the article lacks ("What is a craniopharyngioma, and
    // is it dangerous?"), the title's words alone name no topic; after a
    // word of the scope list ("the odds it ruptures, and is it fatal?")
    // they name the article's subject.
    const bool names_topic =
        !own.candidates.empty() && own.candidates[0].specific > 0 &&
        (own.candidates[0].intent != 0 || !NamesAThing(uncovered));
    // After a part the bot could not place at all ("What is biliary
    // colic, and how do you treat it?"), "it" is that unknown thing.
    const bool after_fallback =
        !parts.empty() && parts.back().kind == ReplyKind::kFallback;
    // "Is it a bladder infection, and which antibiotic should I take?":
    // a question joined to one about another condition asks about that
    // condition too, unless it names the article's subject itself.
    const bool joined_to_uncovered =
        after_fallback && JoinedToUncovered(own, uncovered);
    if (joined_to_uncovered ||
        (after_fallback && !names_topic &&
         HasPronoun(own.analysis.words, pack_.lexicon()))) {
      const std::string word = uncovered.empty() ? "that" : uncovered;
      ReplyPart part;
      part.question = intents::Clipped(q, kQuestionShown);
      part.not_covered = uncovered;
      part.text = Fill(pack_.wording.part_not_covered, {{"word", word}});
      AddPart(std::move(part), pack_, &parts);
      continue;
    }
    // Sibling questions: only one that points back ("how is it treated?")
    // takes the topic of the one before; the others start from where the
    // conversation stood.
    if (!HasPronoun(own.analysis.words, pack_.lexicon()))
      state->topic = topic_before;
    Reply r = Question(state, q, reading, trace);
    if (r.kind == ReplyKind::kFallback && !r.not_covered.empty()) {
      r.text = Fill(pack_.wording.part_not_covered, {{"word", r.not_covered}});
    }
    uncovered = r.not_covered;
    ReplyPart part = ToPart(r);
    part.question = intents::Clipped(q, kQuestionShown);
    AddPart(std::move(part), pack_, &parts);
  }
  if (reading.has_story()) {
    SameGroupThroughout(reading.story(), asking, &parts, trace);
  }
  Reply out = JoinParts(parts);
  out.choices = Choices(state->choices);
  out.parts = std::move(parts);
  return out;
}

// Each of `all`'s offered sections whose sentences the question meets,
// with its best sentence's score (its facet words count: "removed" is
// what a removal question meets), as (score, node index).
std::vector<std::pair<double, int>> DialogRunner::SectionsMet(
    const Turn& t, const Node& all) const {
  std::vector<std::pair<double, int>> ranked;
  for (const auto& id : all.choices) {
    const auto it = pack_.by_id.find(id);
    if (it == pack_.by_id.end()) continue;
    const int intent = pack_.topics[pack_.nodes[it->second].topic].intent;
    for (const auto& hit : t.sig.passages) {  // best first
      if (hit.intent == intent) {
        ranked.emplace_back(hit.score, it->second);
        break;
      }
    }
  }
  return ranked;
}

bool DialogRunner::SaysNone(const std::string& text) const {
  return pack_.lexicon().HasEntry(intents::Normalize(text, pack_.lexicon()),
                                  intents::WordClass::kNoNeed);
}

// "Do all fibroids need to be removed?": a part that says the facet is not
// needed ("they need no treatment") is the answer's "no", first; before it
// the summary, when it says so ("most are small and need no treatment").
void DialogRunner::NoFirst(std::vector<std::pair<double, int>>* ranked) const {
  std::stable_partition(ranked->begin(), ranked->end(), [&](const auto& r) {
    return SaysNone(pack_.nodes[r.second].text);
  });
  if (const int summary = pack_.topics[0].node;
      SaysNone(pack_.nodes[summary].text)) {
    ranked->insert(ranked->begin(), {0.0, summary});
  }
}

// "What is the difference between a microadenoma and a macroadenoma?":
// the close sections set side by side are each part of the answer.
Reply DialogRunner::Compared(Turn& t, DialogState* state,
                             const std::vector<int>& close,
                             double confidence) const {
  t.trace.Note([&] {
    return "compared: " + std::to_string(close.size()) + " close sections";
  });
  std::array<int, kMaxParts> nodes{};
  std::size_t n = 0;
  for (const int i : close) {
    if (n == kMaxParts) break;
    nodes[n++] = pack_.topics[i].node;
  }
  Reply out = PartsReply(state, std::span(nodes.data(), n), confidence);
  out.kind = ReplyKind::kAnswer;
  out.node = out.intent = out.parts.front().node;
  Remember(state, out.node);
  state->node = out.node;
  return out;
}

// The nodes' answers as the parts of one reply, its source the first's
// (its kind and node are the caller's); one step back from it leads where
// the conversation stood before.
Reply DialogRunner::PartsReply(DialogState* state, std::span<const int> nodes,
                               double confidence) const {
  const std::vector<std::string> history = state->history;
  Reply out;
  for (const int node : nodes) {
    const Reply r = Answer(state, node, confidence);
    out.parts.push_back(ToPart(r));
    out.text += (out.text.empty() ? "" : "\n\n") + r.text;
  }
  state->history = history;
  const ReplyPart& first = out.parts.front();
  out.source = first.source;
  out.source_line = first.source_line;
  out.confidence = confidence;
  return out;
}

Reply DialogRunner::BroadAnswer(Turn& t, DialogState* state, const Node& all,
                                double confidence) const {
  std::vector<std::pair<double, int>> ranked = SectionsMet(t, all);
  // A question that names nothing besides the subject and the facet ("how
  // is it treated?") still asks which case: the sections' answers come
  // with the choice of all of them. A yes/no question ("will my ovary
  // need to be removed?") has its answer in those parts, and so has one
  // after the asker's story (which is what the choice would ask): when
  // none of their sentences meets the question, in the article's order.
  const bool names_more =
      !ranked.empty() &&
      std::any_of(t.sig.passages.begin(), t.sig.passages.end(),
                  [](const auto& hit) { return hit.specific > 0; });
  const bool yes_or_no =
      intents::AsksYesOrNo(t.sig.analysis.words, pack_.lexicon());
  // Lifestyle and check-ups are mostly advice for everyone: the closing
  // advice on them answers ("how should I sleep?"), no choice to make.
  const int advice = GeneralAdvice(all.facet);
  const bool answers = names_more || t.told_story || yes_or_no || advice >= 0;
  // A yes/no question ("does it need to be removed?") is answered by every
  // section's part, those its words meet first: one section that speaks
  // of removal is not the whole answer.
  if ((ranked.empty() && answers) || yes_or_no) {
    for (const auto& id : all.choices) {
      const auto it = pack_.by_id.find(id);
      if (it == pack_.by_id.end() ||
          std::any_of(ranked.begin(), ranked.end(),
                      [&](const auto& r) { return r.second == it->second; })) {
        continue;
      }
      ranked.emplace_back(0.0, it->second);
    }
  }
  if (ranked.empty()) return Answer(state, pack_.by_id.at(all.id), confidence);
  std::stable_sort(
      ranked.begin(), ranked.end(),
      [](const auto& a, const auto& b) { return a.first > b.first; });
  if (yes_or_no) NoFirst(&ranked);
  if (ranked.size() > kMaxParts) ranked.resize(kMaxParts);
  t.trace.Note([&] {
    return "answered across " + std::to_string(ranked.size()) + " sections" +
           (names_more ? " whose sentences the question meets" : "");
  });
  // An answer on them opens with that advice ("no herbal supplements
  // without asking a doctor").
  if (advice >= 0) {
    if (ranked.size() == kMaxParts) ranked.pop_back();
    ranked.insert(ranked.begin(), {0.0, advice});
  }
  std::array<int, kMaxParts> nodes{};  // at most kMaxParts, as cut above
  std::size_t n = 0;
  for (const auto& [score, node] : ranked) nodes[n++] = node;
  Reply out = PartsReply(state, std::span(nodes.data(), n), confidence);
  out.kind = answers ? ReplyKind::kAnswer : ReplyKind::kClarify;
  out.node = answers ? out.parts.front().node : all.id;
  out.intent = all.id;
  if (!answers) out.text = all.text + "\n\n" + out.text;
  Remember(state, out.node);
  state->choices = all.choices;
  state->node = out.node;
  out.choices = Choices(state->choices);
  return out;
}

std::vector<const std::string*> DialogRunner::AskingSomething(
    const std::vector<std::string>& questions, MessageReading& reading,
    Trace& trace) const {
  std::vector<const std::string*> asking;
  for (const auto& q : questions) {
    const intents::Signals& sig = reading.Signals(q);
    const bool asks =
        (!sig.candidates.empty() && sig.candidates[0].specific > 0) ||
        sig.facet() != intents::Facet::kNone ||
        sig.aspect() != intents::Aspect::kNone ||
        !reading.Subject(q, intents::Facet::kNone).uncovered.empty();
    if (asks) {
      asking.push_back(&q);
    } else {
      trace.Note(
          [&] { return "\"" + q + "\" asks nothing the others do not"; });
    }
  }
  if (asking.empty()) {
    for (const auto& q : questions) asking.push_back(&q);
  }
  return asking;
}

// "My wife is pregnant... a calcification in the baby's liver. Is this
// dangerous for the baby, and will it need treatment after birth?": when
// the story tells of a group of patients the article does not cover and
// one part says so, a part that points back ("it") and is not about the
// writer ("me", "my own") is about that patient too.
void DialogRunner::SameGroupThroughout(
    const intents::Signals& story,
    const std::vector<const std::string*>& questions,
    std::vector<ReplyPart>* parts, Trace& trace) const {
  const auto group = [&](const std::string& word) {
    return intents::NamesAGroup(word, pack_.lexicon());
  };
  if (std::none_of(story.analysis.words.begin(), story.analysis.words.end(),
                   group)) {
    return;
  }
  std::string word;
  for (const auto& p : *parts) {
    for (const auto& w : Listed(p.not_covered)) {
      if (word.empty() && group(w)) word = w;
    }
  }
  if (word.empty()) return;
  for (std::size_t i = 0; i < parts->size() && i < questions.size(); ++i) {
    ReplyPart& p = (*parts)[i];
    const intents::Lexicon& lex = pack_.lexicon();
    const auto words = intents::Normalize(*questions[i], lex);
    const auto has = [&](intents::WordClass cls) {
      return std::any_of(words.begin(), words.end(),
                         [&](const auto& w) { return lex.Is(w, cls); });
    };
    if (p.kind == ReplyKind::kFallback ||
        !has(intents::WordClass::kPointingBack) ||
        has(intents::WordClass::kFirstPerson)) {
      continue;
    }
    trace.Note([&] { return "part " + p.node + " is about " + word + " too"; });
    p = ReplyPart{};
    p.not_covered = word;
    p.text = Fill(pack_.wording.part_not_covered, {{"word", word}});
  }
}

}  // namespace faqbot::dialogs
