#include "dialogs/dialog_runner.h"

#include <algorithm>
#include <ranges>

#include "dialogs/navigation.h"
#include "dialogs/the_only_one.h"
#include "intents/medical_terms.h"
#include "intents/message.h"
#include "intents/text.h"

namespace faqbot::dialogs {
namespace {

using intents::Smalltalk;

double Confidence(double score) { return score / (score + 1.0); }

}  // namespace

bool DialogRunner::NamesNothing(const std::vector<intents::Candidate>& cands) {
  return std::none_of(
      cands.begin(), cands.end(),
      [](const intents::Candidate& c) { return c.specific > 0; });
}

std::string_view ReplyKindName(ReplyKind kind) {
  switch (kind) {
    case ReplyKind::kAnswer:
      return "answer";
    case ReplyKind::kClarify:
      return "clarify";
    case ReplyKind::kFallback:
      return "fallback";
    case ReplyKind::kEscalation:
      return "escalation";
    case ReplyKind::kSmalltalk:
      return "smalltalk";
    case ReplyKind::kHandoff:
      return "handoff";
    case ReplyKind::kOperator:
      return "operator";
    case ReplyKind::kHeld:
      return "held";
  }
  return "fallback";
}

std::vector<Choice> DialogRunner::Choices(
    const std::vector<std::string>& ids) const {
  std::vector<Choice> out;
  out.reserve(ids.size());
  for (const auto& id : ids) {
    if (const Node* n = pack_.Find(id)) out.push_back({n->id, n->title});
  }
  return out;
}

Reply DialogRunner::Welcome(DialogState* state) const {
  return Menu(state,
              Fill(pack_.wording.welcome, {{"title", pack_.document.title}}),
              "welcome");
}

Reply DialogRunner::Menu(DialogState* state, std::string text,
                         std::string intent) const {
  Reply r;
  r.kind = ReplyKind::kSmalltalk;
  r.text = std::move(text);
  r.choices = Choices(pack_.section_ids);
  r.intent = std::move(intent);
  r.confidence = 1.0;
  state->choices = pack_.section_ids;
  return r;
}

Reply DialogRunner::Fallback(DialogState* state, std::string text,
                             std::string intent) const {
  Reply r = Menu(state, std::move(text), std::move(intent));
  r.kind = ReplyKind::kFallback;
  r.confidence = 0;
  state->topic.clear();  // an unrelated question ends the topic
  return r;
}

Reply DialogRunner::Answer(DialogState* state, int index, double confidence,
                           std::string intent) const {
  const Node& node = pack_.nodes[index];
  Reply r;
  r.kind = node.asks ? ReplyKind::kClarify : ReplyKind::kAnswer;
  r.text = node.text;
  r.choices = Choices(node.choices);
  r.node = node.id;
  r.intent = intent.empty() ? node.id : std::move(intent);
  r.confidence = confidence;
  r.source = node.source;
  r.source_line = node.source_line;
  state->node = node.id;
  state->choices = node.choices;
  if (node.topic >= 0) state->topic = pack_.topic_node(node.topic).id;
  Remember(state, node.id);
  return r;
}

namespace {

// Whether the history ends in the mark an urgent reply leaves: its last
// node named twice.
bool EndsInUrgentMark(const std::vector<std::string>& h) {
  return h.size() >= 2 && h.back() == h[h.size() - 2];
}

}  // namespace

void DialogRunner::MarkUrgent(DialogState* state) {
  auto& h = state->history;
  if (!h.empty() && h.back() == state->node && !EndsInUrgentMark(h)) {
    h.push_back(state->node);
  }
}

void DialogRunner::Remember(DialogState* state, const std::string& id) {
  auto& h = state->history;
  if (EndsInUrgentMark(h)) h.pop_back();  // ends with the next answer
  if (h.empty() || h.back() != id) {
    h.push_back(id);
    if (h.size() > DialogState::kMaxHistory) h.erase(h.begin());
  }
}

// Whether every node `state` names still exists (a reloaded pack may have
// dropped or renamed some).
bool DialogRunner::StateFits(const DialogState& state) const {
  const auto known = [&](const std::string& id) {
    return id.empty() || pack_.Find(id) != nullptr;
  };
  return known(state.node) && known(state.topic) &&
         std::all_of(state.choices.begin(), state.choices.end(), known) &&
         std::all_of(state.history.begin(), state.history.end(), known);
}

Result<Reply> DialogRunner::Step(DialogState* state, const Input& input,
                                 Trace* trace) const {
  // Ids can only go stale when the pack is replaced: check them then.
  if (state->pack != pack_.generation) {
    if (!StateFits(*state)) return Restarted(state, input, trace);
    state->pack = pack_.generation;
  }
  // A new session starts where the welcome leaves one: with the topics
  // on offer, so "2" picks the second (whether or not a channel showed the
  // greeting).
  if (state->turns == 0 && state->choices.empty() && state->node.empty()) {
    state->choices = pack_.section_ids;
  }
  if (!input.choice.empty()) {
    const auto it = pack_.by_id.find(input.choice);
    if (it == pack_.by_id.end()) {
      return std::unexpected(Error::NotFound(
          "unknown choice id \"" + input.choice +
          "\"; send one of the ids from the last reply's choices"));
    }
    ++state->turns;
    return Answer(state, it->second, 1.0);
  }
  ++state->turns;
  return StepText(state, input.text, trace);
}

// The article changed under this conversation (or its state names a node
// that is gone): start it again and say so.
Result<Reply> DialogRunner::Restarted(DialogState* state, const Input& input,
                                      Trace* trace) const {
  *state = DialogState{};
  state->pack = pack_.generation;
  auto reply = Step(state, input, trace);
  if (reply) reply->notice = pack_.wording.article_updated;
  return reply;
}

DialogRunner::Turn DialogRunner::MakeTurn(const intents::Signals& sig,
                                          Trace& trace) const {
  const auto& cands = sig.candidates;
  Turn t{.sig = sig, .words = sig.analysis.words, .trace = trace};
  // A topic is chosen by score only when words specific to it were used.
  t.best = cands.empty() || cands[0].specific <= 0 ? 0.0 : cands[0].score;
  t.facet = sig.facet_strength() >= 0.6 ? sig.facet() : intents::Facet::kNone;
  t.strong_cue = sig.facet_strength() >= pack_.settings.strong_cue;
  t.on_topic = t.best >= pack_.settings.answer_threshold || t.strong_cue;
  const intents::Aspect aspect = sig.aspect();
  if (aspect != intents::Aspect::kNone &&
      !pack_.aspects[static_cast<int>(aspect)]) {
    t.aspect = aspect;
  }
  return t;
}

Reply DialogRunner::StepText(DialogState* state, const std::string& text,
                             Trace* trace) const {
  Trace local;
  local.keep_steps = false;
  Trace& tr = trace ? *trace : local;
  intents::SentenceAnalyses sentences;  // read once, for its parts too
  tr.signals = pack_.matcher.Read(text, /*correct_spelling=*/true, &sentences);
  const intents::MessageShape shape =
      intents::ReadMessage(text, pack_.lexicon(), &tr.signals.analysis.words);
  // A short message is one question, or a command: read it whole.
  const bool simple = shape.questions.size() <= 1 &&
                      (shape.context.empty() || shape.questions.empty());
  // The message itself is the one question when it is short or asks
  // nothing by the rules of ReadMessage; otherwise its parts answer it.
  const bool whole = simple || shape.questions.empty();
  if (whole || trace) {
    pack_.matcher.Score(text, &tr.signals, /*explain=*/trace != nullptr);
    tr.scored = true;
  } else {
    tr.text = text;  // scored if a part asks (WholeCandidates)
  }
  Turn t = MakeTurn(tr.signals, tr);
  if (auto r = RedFlag(t)) {  // 1
    MarkUrgent(state);
    return std::move(*r);
  }
  if (whole) {
    if (auto r = Navigate(t, state, text)) return std::move(*r);    // 2
    if (auto r = PickChoice(t, state, text)) return std::move(*r);  // 3
    if (auto r = SmallTalk(t, state)) return std::move(*r);         // 4
  }
  MessageReading reading(pack_.matcher, &sentences);
  if (tr.scored) reading.Remember(text, tr.signals);
  if (!simple && !shape.context.empty()) {
    reading.SetStory(shape.context, shape.questions);
    reading.SetOptions(shape.options);
    tr.Note([&] {
      return "story: \"" + shape.context.substr(0, 80) +
             (shape.context.size() > 80 ? "...\"" : "\"");
    });
  }
  for (const auto& p : shape.personal) {
    tr.Note([&] { return "personal: " + p; });
  }
  Reply r = whole ? Question(state, text, reading, tr)
            : shape.questions.size() == 1
                ? Question(state, shape.questions[0], reading, tr)
                : Parts(state, shape.questions, reading, tr);
  // Sizes, ages, a report's words: the bot cannot read those.
  if (r.kind == ReplyKind::kAnswer) {
    const auto note = [&r](const std::string& text) {
      r.caveat += (r.caveat.empty() ? "" : " ") + text;
    };
    if (!shape.personal.empty()) note(pack_.wording.personal_report);
    if (const auto* told = t.sig.told()) {
      tr.Note([&] {
        return "red flag " + told->name + " told " +
               std::string(intents::TellingName(told->telling)) +
               (told->usual  ? ", the article's usual course"
                : told->soon ? ", a sign the advice asks to see a doctor "
                               "soon for"
                             : "");
      });
      note(told->telling == intents::Telling::kPast
               ? pack_.wording.past_red_flag
           : told->telling == intents::Telling::kLasting
               ? pack_.wording.lasting_red_flag
           : told->usual ? pack_.wording.usual_red_flag
           : told->soon  ? pack_.wording.soon_red_flag
                         : pack_.wording.general_red_flag);
    }
  }
  return r;
}

// 1. Red flags, before anything else.
std::optional<Reply> DialogRunner::RedFlag(Turn& t) const {
  const auto* flag = t.sig.urgent();
  if (!flag) return std::nullopt;
  t.trace.Note([&] { return "red flag " + flag->name; });
  Reply r;
  r.kind = ReplyKind::kEscalation;
  r.text = flag->urgency == intents::Urgency::kSelfHarm
               ? pack_.wording.urgent_self_harm
               : pack_.wording.urgent_emergency;
  r.label = pack_.wording.urgent_label;
  r.intent = "redflag." + flag->name;
  r.confidence = 1.0;
  return r;
}

// 2. Navigation: back, menu, start over, quit.
std::optional<Reply> DialogRunner::Navigate(Turn& t, DialogState* state,
                                            const std::string& text) const {
  const Wording& w = pack_.wording;
  switch (Navigation(t.words, pack_.lexicon())) {
    case Nav::kBack: {
      t.trace.Note([&] { return "navigation: back"; });
      if (state->history.size() >= 2) {
        // After an urgent reply (the last node named twice) "back" shows
        // that node again; otherwise the one before it.
        state->history.pop_back();
        const std::string previous = state->history.back();
        state->history.pop_back();
        const auto it = pack_.by_id.find(previous);
        // A state naming a node that is gone, despite its generation (a
        // record edited by hand): restart rather than guess.
        if (it == pack_.by_id.end())
          return *Restarted(state, {text, {}}, &t.trace);
        return Answer(state, it->second, 1.0, "nav.back");
      }
      state->history.clear();
      state->topic.clear();
      return Menu(state, w.back_at_start, "nav.back");
    }
    case Nav::kMenu:
      t.trace.Note([&] { return "navigation: menu"; });
      return Menu(state, w.menu, "nav.menu");
    case Nav::kRestart:
      t.trace.Note([&] { return "navigation: start over"; });
      *state = DialogState{};
      return Menu(state, w.restart, "nav.restart");
    case Nav::kQuit: {
      t.trace.Note([&] { return "navigation: quit"; });
      Reply r;
      r.kind = ReplyKind::kSmalltalk;
      r.text = w.quit;
      r.intent = "nav.quit";
      r.confidence = 1.0;
      return r;
    }
    case Nav::kNone:
      break;
  }
  return std::nullopt;
}

// 3. A choice by number ("2", "the second one") or by its title.
std::optional<Reply> DialogRunner::PickChoice(Turn& t, DialogState* state,
                                              const std::string& text) const {
  if (const int n = ChoiceNumber(t.words, pack_.lexicon()); n != 0) {
    const int count = static_cast<int>(state->choices.size());
    const int pick = n == -1 ? count : n;
    t.trace.Note([&] { return "choice number " + std::to_string(n); });
    if (pick >= 1 && pick <= count) {
      const auto it = pack_.by_id.find(state->choices[pick - 1]);
      if (it == pack_.by_id.end())
        return *Restarted(state, {text, {}}, &t.trace);
      return Answer(state, it->second, 1.0);
    }
    const Wording& w = pack_.wording;
    Reply r = Menu(
        state,
        count == 0 ? w.no_options
                   : Fill(w.no_such_option, {{"number", std::to_string(n)}}),
        "nav.bad-choice");
    if (count > 0) {
      r.choices = Choices(state->choices);
      r.kind = ReplyKind::kClarify;
    }
    return r;
  }
  // Most messages are no title: one lookup says so.
  const std::string typed = intents::JoinWords(t.words);
  if (!pack_.typed_titles.contains(typed)) return std::nullopt;
  for (const auto& id : state->choices) {
    const Node* node = pack_.Find(id);
    if (node && node->typed_title == typed) {
      t.trace.Note([&] { return "choice by title " + id; });
      return Answer(state, pack_.by_id.find(id)->second, 1.0);
    }
  }
  return std::nullopt;
}

// 4. Small talk, when nothing else is asked.
std::optional<Reply> DialogRunner::SmallTalk(Turn& t,
                                             DialogState* state) const {
  if (!t.sig.smalltalk || t.on_topic) return std::nullopt;
  t.trace.Note([&] { return "small talk"; });
  const Wording& w = pack_.wording;
  const std::string& title = pack_.document.title;
  const std::string intent =
      "smalltalk." + std::string(intents::SmalltalkName(*t.sig.smalltalk));
  Reply r;
  r.kind = ReplyKind::kSmalltalk;
  r.intent = intent;
  r.confidence = 1.0;
  switch (*t.sig.smalltalk) {
    case Smalltalk::kGreeting:
      return Menu(state, Fill(w.greeting, {{"title", title}}), intent);
    case Smalltalk::kHelp:
      return Menu(state, Fill(w.help, {{"title", title}}), intent);
    case Smalltalk::kThanks:
      r.text = w.thanks;
      break;
    case Smalltalk::kGoodbye:
      r.text = w.goodbye;
      break;
    case Smalltalk::kIdentity:
      r.text = Fill(w.identity, {{"title", title}});
      break;
  }
  return r;
}

// 5. What no article answers: reading a personal report, and subjects
// the article does not cover (another condition, organ or group of
// patients; the question's own subject decides, not any one word).
std::optional<Reply> DialogRunner::NotAnswerable(
    Turn& t, DialogState* state, const std::string& question,
    MessageReading& reading) const {
  if (t.sig.personal_advice) {
    t.trace.Note([&] { return "personal advice requested"; });
    return Fallback(state, pack_.wording.fallback_personal,
                    "fallback.personal");
  }
  // "My ALT is 120 and AST 80. What does that mean?": a story of nothing
  // but one's own values, asked about by pointing back, asks to read them.
  if (reading.has_story() && HasPronoun(t.words, pack_.lexicon()) &&
      NamesNothing(t.sig.candidates) &&
      intents::TellsOnlyValues(reading.story().analysis.words,
                               pack_.lexicon())) {
    t.trace.Note([&] { return "the story tells only values: read them"; });
    return Fallback(state, pack_.wording.fallback_personal,
                    "fallback.personal");
  }
  if (!t.sig.requests.empty()) {
    t.trace.Note([&] { return "asks for " + t.sig.requests[0]; });
    intents::SubjectCheck asked;
    asked.uncovered = {t.sig.requests[0]};
    return NotCovered(state, asked);
  }
  const intents::SubjectCheck& own = reading.Subject(question, t.facet);
  for (const auto& e : own.evidence) {
    t.trace.Note([&] { return "term " + e; });
  }
  if (auto r = OrganAlone(t, state, own, reading)) return r;
  // With a story, the story's subjects count too (a copy: the reading's
  // check belongs to the question alone).
  std::optional<intents::SubjectCheck> with_story;
  if (reading.has_story()) {
    AddStorySubject(t, reading, &with_story.emplace(own));
  }
  const intents::SubjectCheck& check = with_story ? *with_story : own;
  if (check.uncovered.empty()) return std::nullopt;
  // Another organ or group of patients is the subject whatever else is
  // named; another condition is, unless the question is about the
  // article's subject (and does not set the two side by side).
  if (check.decides || !check.about_pack || check.compares ||
      AsksACauseItNeverNames(t, check)) {
    t.trace.Note([&] { return "not covered: " + check.uncovered[0]; });
    return NotCovered(state, check);
  }
  return std::nullopt;
}

// "Can hepatitis B cause gallstones?": a condition the article never
// names, asked as the subject's cause, sets the two side by side; the
// article's causes do not say it.
bool DialogRunner::AsksACauseItNeverNames(
    const Turn& t, const intents::SubjectCheck& check) const {
  return t.facet == intents::Facet::kCause &&
         std::any_of(check.uncovered.begin(), check.uncovered.end(),
                     [&](const std::string& term) {
                       return intents::NamesADisease(term, pack_.lexicon());
                     });
}

// "My ALT is 80. Is my liver damaged?" to an article on liver cysts: a
// question that names the article's organ but not its subject, nor points
// back to it, and asks with words the article never uses, asks about the
// organ, not the subject.
std::optional<Reply> DialogRunner::OrganAlone(Turn& t, DialogState* state,
                                              const intents::SubjectCheck& own,
                                              MessageReading& reading) const {
  const intents::Lexicon& lex = pack_.lexicon();
  if (!own.own_organ || own.about_pack || !own.uncovered.empty() ||
      HasPronoun(t.words, lex) ||
      (reading.has_story() && reading.StorySubject().about_pack)) {
    return std::nullopt;
  }
  // Words that name a thing: one that is no everyday word ("BRCA") or
  // is only ever a noun ("enzyme"); not "home" or "leave", which ask
  // about the organ in everyday words.
  intents::SubjectCheck asked;
  for (const auto& word : t.sig.analysis.unknown) {
    if (lex.Is(word, intents::WordClass::kNounsOnly) ||
        !intents::IsEverydayWord(word, lex)) {
      asked.uncovered.push_back(word);
    }
  }
  if (asked.uncovered.empty()) return std::nullopt;
  t.trace.Note(
      [&] { return "the organ alone, asked about what the article lacks"; });
  return NotCovered(state, asked);
}

Reply DialogRunner::NotCovered(DialogState* state,
                               const intents::SubjectCheck& check) const {
  // Each word once, though the question and its story both name it.
  std::string words;
  for (auto w = check.uncovered.begin(); w != check.uncovered.end(); ++w) {
    if (std::find(check.uncovered.begin(), w, *w) != w) continue;
    words += (words.empty() ? "" : ", ") + *w;
  }
  std::string text = Fill(pack_.wording.not_covered,
                          {{"word", words}, {"title", pack_.document.title}});
  if (check.about_pack) {
    // It relates the two: say what the article says about its own subject.
    const Node& overview = pack_.topic_node(0);
    text += "\n\n" + pack_.wording.not_covered_related + " " + overview.text;
  }
  Reply r = Fallback(state, std::move(text), "fallback.not-covered");
  r.not_covered = words;
  return r;
}

// 6. The topic: by score (clarify when two sections are close), else the
// current topic for a follow-up, else the article as a whole.
DialogRunner::TopicChoice DialogRunner::ChooseTopic(
    Turn& t, DialogState* state, const intents::Signals* story) const {
  const int told = StoryTopic(story);
  const auto from_story = [&](int topic) {
    if (const int on = StoryAspectTopic(t, story, topic); on >= 0) {
      return TopicChoice{on, 0.6, std::nullopt};
    }
    // "They found ten polyps. Could it be genetic?": the subject alone.
    if (auto on = topic == 0 ? SectionOnTheAspect(t) : std::nullopt) {
      return *on;
    }
    t.trace.Note([&] {
      return "topic " + pack_.topic_node(topic).id + " from the story";
    });
    return TopicChoice{topic, 0.6, std::nullopt, /*from_story=*/true};
  };
  if (auto other = OtherThingTopic(t, story)) return *other;
  if (const int advice = StoryMeasuresTopic(t, story); advice >= 0) {
    return {advice, 0.6, std::nullopt};
  }
  if (const int pointed = PointedTopic(t, story, told); pointed >= 0) {
    return from_story(pointed);
  }
  if (AsksOfTheStorysCase(t, told)) return from_story(told);
  if (const int sized = StorySizeTopic(t, story); sized >= 0) {
    return from_story(sized);
  }
  if (const int met = PassageTopic(t); met >= 0) return {met, 0.7, {}};
  if (t.best >= pack_.settings.answer_threshold) return TopicByScore(t, state);
  // "...heavy periods... Aren't fibroids cancer?": the question names the
  // article's subject and asks of it what the story's section does not
  // tell (its risk, cause or what it is): the article as a whole answers.
  if (told >= 0 && AsksOfTheSubjectItself(t, told)) {
    t.trace.Note(
        [&] { return "the subject itself, asked apart from the story"; });
    return {0, 0.6, std::nullopt};
  }
  // The story names the topic the question leaves out ("...chronic
  // hepatitis... which medicines are used in this situation?").
  if (told >= 0 &&
      (t.facet != intents::Facet::kNone || t.aspect != intents::Aspect::kNone ||
       HasPronoun(t.words, pack_.lexicon()))) {
    return from_story(told);
  }
  if (PointsAtUnknownWords(t, story)) {
    t.trace.Note([&] { return "it points back at words the article lacks"; });
    return {.reply = Fallback(state, pack_.wording.fallback_no_match,
                              "fallback.no-match")};
  }
  // Without a topic word, words the pack does not know are the subject
  // ("what is the capital of France?"), unless the question points back.
  const bool new_subject =
      !t.sig.analysis.unknown.empty() && !HasPronoun(t.words, pack_.lexicon());
  if (const Node* current = pack_.Find(state->topic);
      current && !new_subject &&
      (t.facet != intents::Facet::kNone ||
       HasPronoun(t.words, pack_.lexicon()))) {
    t.trace.Note([&] { return "follow-up on current topic " + state->topic; });
    return {current->topic, 0.7, std::nullopt};
  }
  const intents::Aspect asked = t.sig.aspect();
  if (t.strong_cue || t.best > 0 ||
      (!new_subject && (asked != intents::Aspect::kNone ||
                        (t.facet != intents::Facet::kNone &&
                         (HasPronoun(t.words, pack_.lexicon()) ||
                          t.sig.facet_strength() >= 0.8))))) {
    if (auto on = SectionOnTheAspect(t)) return *on;
    // With no topic named, "it" is the article's subject.
    t.trace.Note([&] { return "the article as a whole"; });
    return {0, t.strong_cue ? 0.6 : Confidence(t.best), std::nullopt};
  }
  // "I have a 4 mm polyp. What do you think?": a question that names nothing
  // the pack knows, after a story that names its topic, asks about that.
  if (told >= 0 && t.sig.analysis.unknown.empty()) return from_story(told);
  t.trace.Note([&] { return "nothing matched"; });
  return {.reply = Fallback(state, pack_.wording.fallback_no_match,
                            "fallback.no-match")};
}

// "My brother has polycystic kidney disease. Is it inherited?": "it" is
// what the story names (section `told`), unless the question names a
// section itself; "My TSH came back low. What does that mean?": a question
// of nothing but pointing back, after a story that meets one section's
// sentence, asks about that section. -1: neither.
int DialogRunner::PointedTopic(const Turn& t, const intents::Signals* story,
                               int told) const {
  const auto& cands = t.sig.candidates;
  if (!HasPronoun(t.words, pack_.lexicon()) ||
      !(cands.empty() || cands[0].naming == 0 || cands[0].intent == 0)) {
    return -1;
  }
  if (told >= 0) return told;
  const int met = StoryPassageTopic(story);
  return met >= 0 && NamesNothing(cands) ? met : -1;
}

// "My Pap smear came back abnormal. What does that mean?": a question that
// names nothing and points back at a story of words the article never
// uses asks about those.
bool DialogRunner::PointsAtUnknownWords(const Turn& t,
                                        const intents::Signals* story) const {
  return t.sig.candidates.empty() && story && story->candidates.empty() &&
         !story->analysis.unknown.empty() &&
         PointsBack(t.words, pack_.lexicon());
}

// Decision 6 when the question's words score: the best topic, a section
// that speaks to the aspect asked, or a choice between close sections.
DialogRunner::TopicChoice DialogRunner::TopicByScore(Turn& t,
                                                     DialogState* state) const {
  if (AsksOfMostOfThem(t)) return {0, Confidence(t.best), std::nullopt};
  const PackSettings& cfg = pack_.settings;
  const auto& cands = t.sig.candidates;
  std::vector<int> close;
  for (const auto& c : cands) {
    if (c.score >= cfg.clarify_ratio * t.best &&
        pack_.topic_node(c.intent).kind == NodeKind::kSection) {
      close.push_back(c.intent);
    }
  }
  if (const int speaks = AspectTopic(t); speaks >= 0) {
    t.trace.Note([&] {
      return "topic " + pack_.topic_node(speaks).id + ": it speaks to " +
             std::string(intents::AspectName(t.sig.aspect()));
    });
    return {speaks, Confidence(t.best), std::nullopt};
  }
  if (pack_.topic_node(cands[0].intent).kind == NodeKind::kSection &&
      close.size() >= 2) {
    // "Can I still have children after a myomectomy?": one of the close
    // sections has the sentence both words meet in.
    if (const int met = PassageAmong(t, close); met >= 0) {
      t.trace.Note([&] {
        return "topic " + pack_.topic_node(met).id +
               ": of the close sections, the sentence the question meets";
      });
      return {met, Confidence(t.best), std::nullopt};
    }
    // "Can it cause high blood pressure?": of the close sections, the one
    // that speaks to the facet asked.
    if (const int on = OnlyOneOnTheFacet(t, close); on >= 0) {
      t.trace.Note([&] {
        return "topic " + pack_.topic_node(on).id +
               ": of the close sections, the one on the facet";
      });
      return {on, Confidence(t.best), std::nullopt};
    }
    if (pack_.lexicon().HasEntry(t.words, intents::WordClass::kComparisons)) {
      return {.reply = Compared(t, state, close, Confidence(t.best))};
    }
    return {.reply = Clarify(t, state, close)};
  }
  t.trace.Note([&] {
    return "topic " + pack_.topic_node(cands[0].intent).id + " by score";
  });
  return {cands[0].intent, Confidence(t.best), std::nullopt};
}

bool DialogRunner::AsksOfTheSubjectItself(const Turn& t, int told) const {
  using intents::Facet;
  const int f = static_cast<int>(t.facet);
  const auto& cands = t.sig.candidates;
  const bool names_subject =
      std::any_of(cands.begin(), cands.end(), [](const intents::Candidate& c) {
        return c.intent == 0 && c.specific > 0;
      });
  return (t.facet == Facet::kRisk || t.facet == Facet::kCause ||
          t.facet == Facet::kDefinition) &&
         names_subject && pack_.topics[told].facets[f] < 0;
}

// "A 4 cm hemangioma was found. Do I need treatment?": a question that
// meets only the heading of the section named for its facet ("Treatment
// options"), none of its sentences, asks it of the case the story tells
// (section `told`), when that section speaks to the facet.
bool DialogRunner::AsksOfTheStorysCase(const Turn& t, int told) const {
  const auto& cands = t.sig.candidates;
  const int f = static_cast<int>(t.facet);
  return told >= 0 && t.facet != intents::Facet::kNone && !cands.empty() &&
         cands[0].intent == pack_.facet_sections[f] &&
         cands[0].intent != told && cands[0].passage <= 0 &&
         pack_.topics[told].facets[f] >= 0;
}

// "My gallstone is 3.5 cm. Does the size matter?": a question about size
// ([size-words]) after a story whose size falls in one section's range
// asks about that section.
int DialogRunner::StorySizeTopic(const Turn& t,
                                 const intents::Signals* story) const {
  if (!story ||
      !pack_.lexicon().HasEntry(t.words, intents::WordClass::kSizeWords)) {
    return -1;
  }
  // Several: the size does not decide.
  return TheOnlyOne(story->candidates, [](const intents::Candidate& c) {
    return c.sized ? c.intent : -1;
  });
}

// Several sections score close: ask which one, offering each section's
// node for the facet asked about.
Reply DialogRunner::Clarify(Turn& t, DialogState* state,
                            const std::vector<int>& close) const {
  t.trace.Note([&] {
    return "clarify: " + std::to_string(close.size()) + " topics score close";
  });
  Reply r;
  r.kind = ReplyKind::kClarify;
  r.text = pack_.wording.clarify;
  r.intent = "clarify";
  r.confidence = Confidence(t.best) / static_cast<double>(close.size());
  state->choices.clear();
  const int f = static_cast<int>(t.facet);
  for (const int i : close) {
    if (static_cast<int>(state->choices.size()) >=
        pack_.settings.max_clarify_choices) {
      break;
    }
    const Topic& tp = pack_.topics[i];
    const int node = t.facet != intents::Facet::kNone && tp.facets[f] >= 0
                         ? tp.facets[f]
                         : tp.node;
    state->choices.push_back(pack_.nodes[node].id);
  }
  r.choices = Choices(state->choices);
  return r;
}

// 7 for the article as a whole: its definition, the section headed for
// the facet, or what it gathers on the facet across sections.
Reply DialogRunner::AnswerOfTheSubject(Turn& t, DialogState* state,
                                       double confidence) const {
  const intents::Facet facet = t.facet;
  const int f = static_cast<int>(facet);
  if (facet == intents::Facet::kDefinition && pack_.definition >= 0) {
    return Answer(state, pack_.definition, confidence);
  }
  // "How do doctors check floaters?": a section headed for the facet
  // ("Eye examination") whose sentences name it nowhere, so that what
  // the article gathers on the facet leaves it out, is the answer.
  if (const int named =
          facet != intents::Facet::kNone ? pack_.facet_sections[f] : -1;
      named >= 0 && pack_.topics[named].facets[f] < 0) {
    t.trace.Note([&] {
      return "the section headed for " + std::string(intents::FacetName(facet));
    });
    return Answer(state, pack_.topics[named].node, confidence);
  }
  if (facet != intents::Facet::kNone && pack_.aggregates[f] >= 0) {
    const Node& all = pack_.nodes[pack_.aggregates[f]];
    Reply r = all.asks ? BroadAnswer(t, state, all, confidence)
                       : Answer(state, pack_.aggregates[f], confidence);
    state->topic.clear();
    return r;
  }
  return Answer(state, pack_.topics[0].node, confidence);
}

// 7. The facet picks the node of the topic.
Reply DialogRunner::AnswerFacet(Turn& t, DialogState* state, int topic,
                                double confidence) const {
  const Topic& tp = pack_.topics[topic];
  const Node& tnode = pack_.nodes[tp.node];
  const intents::Facet facet = t.facet;
  const int f = static_cast<int>(facet);
  if (tnode.kind == NodeKind::kOverview) {
    return AnswerOfTheSubject(t, state, confidence);
  }
  // The section's sentences the question's words meet in (passages.h):
  // a facet's sentences that hold none of them give way to the whole
  // section.
  const std::string* best = BestPassage(t, tp.intent);
  if (facet != intents::Facet::kNone && tp.facets[f] >= 0 &&
      (!best || HoldsAPassage(t, tp.intent, pack_.nodes[tp.facets[f]]))) {
    if (AspectOnlyBeside(t, tp, facet)) {
      t.trace.Note([&] {
        return "the whole section: it speaks to " +
               std::string(intents::AspectName(t.sig.aspect()));
      });
      return Answer(state, tp.node, confidence);
    }
    return Answer(state, tp.facets[f], confidence);
  }
  // Lifestyle and check-ups are mostly advice for everyone: the article's
  // general advice, said to be general (unless the section itself speaks
  // to the question and the advice does not).
  // A section whose heading names the facet is about it as a whole.
  if (facet != intents::Facet::kNone && pack_.facet_sections[f] == topic) {
    return Answer(state, tp.node, confidence);
  }
  // Check-ups depend on the case: a section whose heading names them
  // ("Follow-up colonoscopy") answers before the general advice does
  // (which stays first for lifestyle, advice for everyone).
  const int named =
      facet == intents::Facet::kFollowUp ? pack_.facet_sections[f] : -1;
  const int general = named >= 0 && named != topic ? -1 : GeneralAdvice(facet);
  const Topic* advice =
      general >= 0 ? &pack_.topics[pack_.nodes[general].topic] : nullptr;
  const bool advice_speaks = advice && BestPassage(t, advice->intent);
  if (general >= 0 && (!best || advice_speaks)) {
    t.trace.Note([&] {
      return "no " + std::string(intents::FacetName(facet)) +
             " in the section: the general advice";
    });
    // The advice's sentences on the facet, or all of it when those miss
    // what the question asks.
    const int node =
        advice_speaks && !HoldsAPassage(t, advice->intent, pack_.nodes[general])
            ? advice->node
            : general;
    Reply r = Answer(state, node, confidence);
    r.text = Fill(pack_.wording.facet_general,
                  {{"facet", pack_.wording.FacetLabel(facet)},
                   {"topic", tnode.title}}) +
             r.text;
    return r;
  }
  if (best) {
    if (auto other = OtherConditionAsked(t, state); other) return *other;
    t.trace.Note([&] {
      return "the whole section: it holds \"" + best->substr(0, 60) + "...\"";
    });
    return Answer(state, tp.node, confidence);
  }
  if (facet != intents::Facet::kNone && facet != intents::Facet::kCause &&
      facet != intents::Facet::kRisk && facet != intents::Facet::kDefinition) {
    return NothingOnTheFacet(t, state, topic, confidence);
  }
  return Answer(state, tp.node, confidence);
}

std::optional<Reply> DialogRunner::OtherConditionAsked(
    const Turn& t, DialogState* state) const {
  const intents::Facet facet = t.facet;
  if (facet != intents::Facet::kTreatment &&
      facet != intents::Facet::kLifestyle) {
    return std::nullopt;
  }
  const intents::Matcher& m = pack_.matcher;
  const intents::Lexicon& lex = pack_.lexicon();
  const auto& w = t.words;
  std::string condition;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (m.IsSubjectTerm(m.TermOf(w[i]))) return std::nullopt;  // the subject's
    if (!condition.empty() ||
        intents::ClassifyTerm(w[i], lex) != intents::TermKind::kJargon ||
        !lex.Is(w[i], intents::WordClass::kDiseases)) {
      continue;
    }
    // Named whole: "rheumatoid arthritis".
    const bool qualified = i > 0 && intents::IsMedicalWord(w[i - 1], lex) &&
                           !lex.Is(w[i - 1], intents::WordClass::kStopwords);
    condition = qualified ? w[i - 1] + " " + w[i] : w[i];
  }
  if (condition.empty()) return std::nullopt;
  t.trace.Note([&] {
    return "a condition the section names, asked about as itself: " + condition;
  });
  intents::SubjectCheck check;
  check.uncovered.push_back(condition);
  return NotCovered(state, check);
}

// "Can it come back after surgery?": the section speaks to the aspect
// asked (recurrence) in a sentence beside its facet's ("the ganglion still
// comes back in 1 in 10"), which the whole section then holds.
bool DialogRunner::AspectOnlyBeside(const Turn& t, const Topic& topic,
                                    intents::Facet facet) const {
  const intents::Aspect asked = t.sig.aspect();
  if (asked == intents::Aspect::kNone) return false;
  const auto a = static_cast<std::size_t>(asked);
  return topic.aspects[a] &&
         !topic.facet_aspects[static_cast<std::size_t>(facet)][a];
}

// A question's treatment cue from this on names a treatment ("draining").
constexpr double kTreatmentNamed = 0.8;

// "Are most lung nodules cancer?": a proportion word just before the
// subject's word asks of the subject as a whole, which the summary answers
// when it too says what most (or a few) are.
bool DialogRunner::AsksOfMostOfThem(Turn& t) const {
  if (!pack_.summary_tells_proportions) return false;
  const intents::Lexicon& lex = pack_.lexicon();
  const auto& w = t.words;
  bool asks = false;
  for (std::size_t i = 0; i + 1 < w.size() && !asks; ++i) {
    asks = lex.Is(w[i], intents::WordClass::kProportionWords) &&
           pack_.matcher.IsSubjectTerm(pack_.matcher.TermOf(w[i + 1]));
  }
  if (!asks) return false;
  t.trace.Note([] { return "the article as a whole: asked of most of them"; });
  return true;
}

// The facet asked of a section that has no sentence on it: the section
// whose heading names the facet ("Treatment options") when there is one,
// else the section itself, each said to be so.
Reply DialogRunner::NothingOnTheFacet(Turn& t, DialogState* state, int topic,
                                      double confidence) const {
  const intents::Facet facet = t.facet;
  const Topic& tp = pack_.topics[topic];
  // "How long does it take to form?": a facet only hinted at ("take"),
  // of a section that speaks to the aspect asked (its growth), is no
  // facet asked.
  const intents::Aspect asked = t.sig.aspect();
  if (t.sig.facet_strength() < kTreatmentNamed &&
      asked != intents::Aspect::kNone &&
      tp.aspects[static_cast<std::size_t>(asked)]) {
    return Answer(state, tp.node, confidence);
  }
  const Node& tnode = pack_.nodes[tp.node];
  const int named = pack_.facet_sections[static_cast<int>(facet)];
  // "Does draining it hurt?": how a treatment the question names feels is
  // asked of its section, not of the condition's symptoms.
  const bool of_a_treatment =
      facet == intents::Facet::kSymptoms &&
      t.sig.facets[static_cast<int>(intents::Facet::kTreatment)] >=
          kTreatmentNamed;
  const bool elsewhere = named >= 0 && named != topic && !of_a_treatment;
  if (elsewhere) {
    t.trace.Note([&] {
      return "no " + std::string(intents::FacetName(facet)) +
             " in the section: the section whose heading names it";
    });
  }
  Reply r =
      Answer(state, pack_.topics[elsewhere ? named : topic].node, confidence);
  r.text = Fill(elsewhere ? pack_.wording.facet_section
                          : pack_.wording.facet_not_specific,
                {{"facet", pack_.wording.FacetLabel(facet)},
                 {"topic", tnode.title}}) +
           r.text;
  return r;
}

// "How long does it take to pass a stone?": of the topics the question's
// words reach, the one section whose sentences speak to the aspect asked
// ("can pass within a few weeks"), when the best-scoring one does not.
int DialogRunner::AspectTopic(const Turn& t) const {
  constexpr double kShare = 0.65;  // of the best score, at least
  const intents::Aspect asked = t.sig.aspect();
  const auto& cands = t.sig.candidates;
  if (asked == intents::Aspect::kNone || cands.empty()) return -1;
  const auto a = static_cast<std::size_t>(asked);
  const auto speaks = [&](int topic) {
    return pack_.topics[topic].aspects[a] &&
           pack_.topic_node(topic).kind == NodeKind::kSection;
  };
  if (speaks(cands[0].intent)) return -1;
  // The overview leads on the title's words alone ("can calcifications get
  // bigger?"): the one section that speaks to the aspect, whatever its
  // score.
  const bool overview_leads = cands[0].intent == 0;
  if (overview_leads && pack_.topics[0].aspects[a]) return -1;
  // Two do: the score decides.
  return TheOnlyOne(cands, [&](const intents::Candidate& c) {
    const bool near = overview_leads || c.score >= kShare * t.best;
    return near && speaks(c.intent) ? c.intent : -1;
  });
}

// "Can polyps come back?": a question of no facet that names no section
// asks an aspect of the one section that speaks to it; "how often do I
// need a scan?" (follow-up) is the article's answer across sections.
std::optional<DialogRunner::TopicChoice> DialogRunner::SectionOnTheAspect(
    Turn& t) const {
  const intents::Aspect asked = t.sig.aspect();
  const int on = t.facet == intents::Facet::kNone ? OnlySectionOn(asked) : -1;
  if (on < 0) return std::nullopt;
  t.trace.Note([&] {
    return "topic " + pack_.topic_node(on).id + ": it speaks to " +
           std::string(intents::AspectName(asked));
  });
  return TopicChoice{on, 0.6, std::nullopt};
}

// "My cyst grew from 3 cm to 4 cm. Is that a problem?": what the story
// tells of the subject (growth), when the question names nothing and asks
// no aspect of its own, is asked of the one section that speaks to it,
// unless the story's section `told` does. -1: none.
int DialogRunner::StoryAspectTopic(Turn& t, const intents::Signals* story,
                                   int told) const {
  const intents::Aspect told_of = t.sig.aspect() == intents::Aspect::kNone &&
                                          story &&
                                          NamesNothing(t.sig.candidates)
                                      ? story->aspect()
                                      : intents::Aspect::kNone;
  const int on = OnlySectionOn(told_of);
  if (on < 0 || pack_.topics[told].aspects[static_cast<int>(told_of)]) {
    return -1;
  }
  t.trace.Note([&] {
    return "topic " + pack_.topic_node(on).id + ": the story tells " +
           std::string(intents::AspectName(told_of)) + ", which it speaks to";
  });
  return on;
}

// "My blood test shows low platelets and I have a 12 cm hemangioma. Could
// the two be connected?": a cause question about two things the story
// tells asks of the section that names the one beside the subject
// ("platelets"), the story's section with the most naming words.
std::optional<DialogRunner::TopicChoice> DialogRunner::OtherThingTopic(
    Turn& t, const intents::Signals* story) const {
  if (!story || t.facet != intents::Facet::kCause ||
      !pack_.lexicon().HasEntry(t.words, intents::WordClass::kTwoThings)) {
    return std::nullopt;
  }
  const intents::Candidate* best = nullptr;
  for (const auto& c : story->candidates) {
    if (c.intent != 0 && c.naming > 0 && (!best || c.naming > best->naming)) {
      best = &c;
    }
  }
  if (!best) return std::nullopt;
  t.trace.Note([&] {
    return "topic " + pack_.topic_node(best->intent).id +
           ": the other thing the story relates to the subject";
  });
  return TopicChoice{best->intent, 0.6, std::nullopt};
}

int DialogRunner::OnlyOneOnTheFacet(const Turn& t,
                                    const std::vector<int>& topics) const {
  // "What is the difference between...?" asks of both.
  if (t.facet == intents::Facet::kNone ||
      pack_.lexicon().HasEntry(t.words, intents::WordClass::kComparisons)) {
    return -1;
  }
  const int f = static_cast<int>(t.facet);
  if (const int on =
          TheOnlyOne(topics,
                     [&](int topic) {
                       return pack_.topics[topic].facets[f] >= 0 ? topic : -1;
                     });
      on >= 0) {
    return on;
  }
  // "What are the symptoms of diverticulitis?": beside the section headed
  // for the facet ("Symptoms"), the one the question's other word names
  // and that speaks to the facet.
  const int headed = pack_.facet_sections[f];
  return TheOnlyOne(topics, [&](int topic) {
    return topic != headed && pack_.topics[topic].facets[f] >= 0 ? topic : -1;
  });
}

int DialogRunner::OnlySectionOn(intents::Aspect aspect) const {
  const auto a = static_cast<std::size_t>(aspect);
  if (aspect == intents::Aspect::kNone || pack_.topics[0].aspects[a]) {
    return -1;
  }
  return TheOnlyOne(
      std::views::iota(1, static_cast<int>(pack_.topics.size())), [&](int i) {
        return pack_.topics[i].aspects[a] &&
                       pack_.topic_node(i).kind == NodeKind::kSection
                   ? i
                   : -1;
      });
}

// A passage that decides a topic: this strong, and this much stronger
// than the next (PassageTopic, PassageAmong).
constexpr double kMinPassage = 1.5;
constexpr double kMargin = 1.3;
constexpr double kNearTie = 0.9;  // of the best passage: as good

int DialogRunner::PassageTopic(const Turn& t) const {
  const int met = SentenceMetTopic(t);
  if (met >= 0) {
    t.trace.Note([&] {
      return "topic " + pack_.topic_node(met).id +
             ": the sentence the message's words meet in";
    });
  }
  return met;
}

int DialogRunner::SentenceMetTopic(const Turn& t) const {
  // The title's words make the overview lead many questions ("is milk
  // harmful for kidney stones?"): a section's sentence that the question's
  // own words meet in, clearly more than the overview's, is what it asks.
  if (const int met = PassageTopicOf(t.sig.candidates); met >= 0) return met;
  // "My father had bowel cancer. Should I be screened earlier?": the
  // question's words score a section as high as the overview; the
  // sentence the whole message meets in decides.
  const auto& cands = t.sig.candidates;
  const bool tie = cands.size() >= 2 && cands[0].intent == 0 &&
                   cands[1].score >= cands[0].score;
  if (!tie) return -1;
  const auto& whole = WholeCandidates(t.trace);
  if (whole.empty()) return -1;
  // The whole message scores the tied section first, or meets in its
  // sentence clearly more than in the overview's.
  return whole[0].intent == cands[1].intent ? whole[0].intent
                                            : PassageTopicOf(whole);
}

const std::vector<intents::Candidate>& DialogRunner::WholeCandidates(
    Trace& trace) const {
  if (!trace.scored) {
    pack_.matcher.Score(trace.text, &trace.signals);
    trace.scored = true;
  }
  return trace.signals.candidates;
}

int DialogRunner::PassageTopicOf(
    const std::vector<intents::Candidate>& cands) const {
  if (cands.empty() || cands[0].intent != 0) return -1;
  const intents::Candidate* best = nullptr;
  for (const auto& c : cands) {
    if (c.intent != 0 && (!best || c.passage > best->passage)) best = &c;
  }
  // Two sections' sentences met about as well ("tingling in my hand": the
  // symptoms' "tingling", the surgery's "the hand is rested"): the one
  // the question's words score clearly higher.
  for (const auto& c : cands) {
    if (best && c.intent != 0 && c.passage >= kNearTie * best->passage &&
        c.score >= kMargin * best->score) {
      best = &c;
      break;
    }
  }
  return best && best->passage >= kMinPassage &&
                 best->passage >= kMargin * cands[0].passage
             ? best->intent
             : -1;
}

namespace {

// The candidate of `cands` that `counts` whose passage is kMargin times
// or more every other counted one's, or null.
template <typename Counts>
const intents::Candidate* ClearlyBestPassage(
    const std::vector<intents::Candidate>& cands, Counts counts) {
  const intents::Candidate* best = nullptr;
  for (const auto& c : cands) {
    if (counts(c) && (!best || c.passage > best->passage)) best = &c;
  }
  const bool clear =
      best && std::all_of(cands.begin(), cands.end(), [&](const auto& c) {
        return &c == best || !counts(c) || best->passage >= kMargin * c.passage;
      });
  return clear ? best : nullptr;
}

}  // namespace

int DialogRunner::PassageAmong(const Turn& t,
                               const std::vector<int>& intents) const {
  const intents::Candidate* best =
      ClearlyBestPassage(t.sig.candidates, [&](const intents::Candidate& c) {
        return std::find(intents.begin(), intents.end(), c.intent) !=
               intents.end();
      });
  return best && best->passage >= kMinPassage ? best->intent : -1;
}

const std::string* DialogRunner::BestPassage(const Turn& t, int intent) const {
  for (const auto& hit : t.sig.passages) {  // best first
    if (hit.intent == intent && hit.specific > 0) {
      return &pack_.matcher.passage_text(hit.passage);
    }
  }
  return nullptr;
}

bool DialogRunner::HoldsAPassage(const Turn& t, int intent,
                                 const Node& node) const {
  return std::any_of(
      t.sig.passages.begin(), t.sig.passages.end(), [&](const auto& hit) {
        return hit.intent == intent && hit.specific > 0 &&
               node.text.find(pack_.matcher.passage_text(hit.passage)) !=
                   std::string::npos;
      });
}

// "...eating more vegetables, exercising more and drinking less alcohol.
// Do you think these measures might help?": what a story tells the person
// does for their way of life, asked whether it helps, is asked of the
// article's advice on it (not of the section one of the habits names).
// -1: not so asked.
int DialogRunner::StoryMeasuresTopic(Turn& t,
                                     const intents::Signals* story) const {
  constexpr auto kLifestyle = intents::Facet::kLifestyle;
  const intents::Lexicon& lex = pack_.lexicon();
  if (!story || t.facet != intents::Facet::kNone ||
      story->facet() != kLifestyle ||
      story->facet_strength() < pack_.settings.strong_cue ||
      !PointsBack(t.words, lex) ||
      !lex.HasEntry(t.words, intents::WordClass::kRemedyWords)) {
    return -1;
  }
  const int advice = GeneralAdvice(kLifestyle);
  if (advice < 0) return -1;
  t.facet = kLifestyle;
  t.trace.Note([] { return "the story's habits, asked if they help: advice"; });
  return pack_.nodes[advice].topic;
}

int DialogRunner::GeneralAdvice(intents::Facet facet) const {
  if (facet != intents::Facet::kLifestyle &&
      facet != intents::Facet::kFollowUp) {
    return -1;
  }
  const int f = static_cast<int>(facet);
  for (const Topic& tp : pack_.topics) {
    if (pack_.nodes[tp.node].kind == NodeKind::kAdvice && tp.facets[f] >= 0) {
      return tp.facets[f];
    }
  }
  return -1;
}

int DialogRunner::StoryPassageTopic(const intents::Signals* story) const {
  constexpr double kStrongPassage = 2.0;
  if (!story) return -1;
  const intents::Candidate* best = ClearlyBestPassage(
      story->candidates, [](const intents::Candidate&) { return true; });
  return best && best->intent != 0 && best->specific > 0 &&
                 best->passage >= kStrongPassage
             ? best->intent
             : -1;
}

// The topic a story names: by a heading word, a rare word or a pattern,
// or by many of a section's words ("a dull ache... talked about draining
// it"); -1 for none.
int DialogRunner::StoryTopic(const intents::Signals* story) const {
  constexpr double kManyWords = 2.0;
  if (!story) return -1;
  const auto names = [](const intents::Candidate& c) {
    return c.naming > 0 || c.specific >= kManyWords;
  };
  // The overview leads on the article's subject words alone; a section
  // the story names says more ("...on dialysis... cysts in my kidneys").
  const auto& cands = story->candidates;
  auto best = std::find_if(cands.begin(), cands.end(), [&](const auto& c) {
    return c.intent != 0 && names(c);
  });
  if (best == cands.end()) best = cands.begin();
  return best != cands.end() && names(*best) &&
                 best->score >= pack_.settings.answer_threshold
             ? best->intent
             : -1;
}

// The story's subject, when the question is about it: "My scan shows an
// angiomyolipoma. Is that dangerous?", "I have primary biliary
// cholangitis. Does that cause calcifications?" (pointing back), "I have
// chronic kidney disease. How fast will my kidney function get worse?"
// (naming no subject of its own), "My dad has calcified plaque in his
// arteries. Is that the same as liver calcification?" (set side by side).
// The story's uncovered subject then decides, unless the story also names
// the article's subject outside a comparison and asks after no condition
// of its own ("she said I could have PCOS. Is that right?").
void DialogRunner::AddStorySubject(Turn& t, MessageReading& reading,
                                   intents::SubjectCheck* check) const {
  const intents::SubjectCheck& told = reading.StorySubject();
  // Who the patient is ("I am seven weeks pregnant", "my 13 year old
  // daughter") holds for every question, whatever the story names besides.
  if (!told.patients.empty()) {
    t.trace.Note(
        [&] { return "the patient (in the story): " + told.patients[0]; });
    check->uncovered.insert(check->uncovered.end(), told.patients.begin(),
                            told.patients.end());
    check->decides = true;
    return;
  }
  const bool names_nothing = !check->about_pack && check->uncovered.empty();
  // "that", "it"; not "its" ("can calcification go away on its own?").
  const bool points_back = PointsBack(t.words, pack_.lexicon());
  // "...says splenic calcification. What does calcification mean?": the
  // subject named bare, after a story that put it only in another organ,
  // is the one in that organ.
  const bool bare_subject = check->about_pack && !check->own_organ &&
                            check->uncovered.empty() && told.elsewhere &&
                            !told.about_pack && !told.own_organ;
  if (!points_back && !names_nothing && !bare_subject) return;
  // A story that names only a heading's word beside a finding the pack
  // does not name ("a hepatitis B carrier... found a mass") is about the
  // finding; one that names the title's subject is about the article,
  // unless as a kind the article does not name ("a chocolate cyst").
  const bool about_article = told.about_pack && !told.other_kind &&
                             (told.names_title || !told.other_finding);
  // "A golf-ball-sized bulge...", "my AST is 58": a measure or a lab
  // value told is no subject.
  const intents::Lexicon& lex = pack_.lexicon();
  const auto subject = [&](const std::string& term) {
    return !lex.Is(term, intents::WordClass::kMeasureWords) &&
           std::find(told.lab_tests.begin(), told.lab_tests.end(), term) ==
               told.lab_tests.end();
  };
  if (std::none_of(told.uncovered.begin(), told.uncovered.end(), subject) ||
      (about_article && !told.asks_condition && !check->compares)) {
    return;
  }
  for (const auto& e : told.evidence) {
    t.trace.Note([&] { return "term (in the story) " + e; });
  }
  std::copy_if(told.uncovered.begin(), told.uncovered.end(),
               std::back_inserter(check->uncovered), subject);
  check->decides = true;  // the question's subject: it decides
}

}  // namespace faqbot::dialogs
