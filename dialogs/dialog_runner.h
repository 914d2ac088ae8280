// DialogRunner: moves one session through a pack's dialog tree.
//
// Pure logic, no I/O: Step() takes the session's DialogState and one
// input (text or a pressed choice) and returns the Reply, updating the
// state. A message is first read whole (intents/message.h): its question
// sentences, its story (context), its personal details. The order of
// decisions, for every message in every state:
//   1. red flags (escalation), anywhere in the message, before anything;
//   2. navigation: back, menu, start over, quit (short messages);
//   3. a choice by number ("2", "the second one") or by its title;
//   4. small talk, when the message asks nothing about the article;
//   then for each question (up to three, in the order asked):
//   5. requests no article can answer (read my report), and subjects the
//      article does not cover: another condition, another organ, a group
//      of patients (fallback naming it);
//   6. the best topic by score (clarify when two are close), else the
//      topic of the story, else the current topic for follow-ups ("how is
//      that treated?"), else the article as a whole for general questions
//      ("what are the symptoms?");
//   7. the facet the question asks about picks the node; nothing ->
//      fallback; an aspect the article does not speak to ("is it
//      hereditary?") adds a caveat to the nearest answer.
// Several questions make one reply with parts; personal details (sizes,
// report words) add a line that the bot cannot read a personal report.
// StepText() reads like this list: one function per decision. Every word
// a person reads comes from the pack's Wording (wording.h).
#ifndef FAQBOT_DIALOGS_DIALOG_RUNNER_H_
#define FAQBOT_DIALOGS_DIALOG_RUNNER_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dialogs/dialog_tree.h"
#include "dialogs/message_reading.h"
#include "dialogs/reply.h"
#include "intents/status.h"

namespace faqbot::dialogs {

// Per-session dialog state. Plain data (node ids, not pointers), so it can
// be stored anywhere and survives a pack reload.
struct DialogState {
  std::string node;                  // last node answered, "" for none
  std::string topic;                 // topic follow-ups refer to, "" none
  std::vector<std::string> choices;  // ids offered by the last reply
  std::vector<std::string> history;  // answered nodes, oldest first
  int turns = 0;
  uint64_t pack = 0;  // Pack::generation the ids above were checked against
  // In a library (bot.h): the article (Pack::name) the ids above belong
  // to; "" in a one-article bot.
  std::string article;

  static constexpr std::size_t kMaxHistory = 20;
};

struct Input {
  std::string text;    // what the user typed, or
  std::string choice;  // the id of a pressed choice button
};

// Why a message went where it did, for `faqbot explain`.
struct Trace {
  intents::Signals signals;  // of the whole message
  // A message of several questions is answered from its parts: the whole
  // message's scores (candidates, facets) are worked out only when a part
  // asks for them (DialogRunner::WholeCandidates), or for `explain`.
  // Until then `scored` is false and `text` holds the message.
  bool scored = false;
  std::string text;
  std::vector<std::string> steps;
  // False for the runner's own trace, which no one reads: steps are then
  // not even written (`Note` takes a function that writes one).
  bool keep_steps = true;
  template <typename WriteStep>
  void Note(WriteStep&& write) {
    if (keep_steps) steps.emplace_back(write());
  }
};

class DialogRunner {
 public:
  // `*pack` must outlive the runner.
  explicit DialogRunner(const Pack* pack) : pack_(*pack) {}

  // The greeting and menu a new session starts with.
  Reply Welcome(DialogState* state) const;

  // One turn. Fails only for a choice id that names no node of the pack,
  // and then leaves `state` as it was.
  // `trace` may be null.
  [[nodiscard]] Result<Reply> Step(DialogState* state, const Input& input,
                                   Trace* trace = nullptr) const;

  // `text` as the first message of a new conversation: what tools that
  // put questions to a pack (check, transcripts) see.
  [[nodiscard]] Result<Reply> AskNew(const std::string& text) const {
    DialogState state;
    return Step(&state, {text, ""});
  }

 private:
  // What one message says, read once and shared by the decisions.
  struct Turn {
    const intents::Signals& sig;
    const std::vector<std::string>& words;
    intents::Aspect aspect{};  // asked, and not in the article
    double best = 0;           // the best topic's score, if specific
    intents::Facet facet{};    // the facet asked about, or kNone
    bool strong_cue = false;   // a facet cue strong on its own
    bool on_topic = false;     // asks something of the article
    bool told_story = false;   // the message tells the asker's case
    Trace& trace;
  };

  bool StateFits(const DialogState& state) const;
  Result<Reply> Restarted(DialogState* state, const Input& input,
                          Trace* trace) const;
  Reply StepText(DialogState* state, const std::string& text,
                 Trace* trace) const;
  Turn MakeTurn(const intents::Signals& sig, Trace& trace) const;

  // Decisions 5-7 for one question; the reading's story (if any) is what
  // the rest of the message said, for the topic when the question names
  // none.
  Reply Question(DialogState* state, const std::string& question,
                 MessageReading& reading, Trace& trace) const;
  // Several questions: one part each, in one reply.
  Reply Parts(DialogState* state, const std::vector<std::string>& questions,
              MessageReading& reading, Trace& trace) const;

  // The decisions, in order; each answers or passes (nullopt).
  // The state is left as it is: the list on screen stays what "2" picks.
  std::optional<Reply> RedFlag(Turn& t) const;
  std::optional<Reply> Navigate(Turn& t, DialogState* state,
                                const std::string& text) const;
  std::optional<Reply> PickChoice(Turn& t, DialogState* state,
                                  const std::string& text) const;
  std::optional<Reply> SmallTalk(Turn& t, DialogState* state) const;
  std::optional<Reply> NotAnswerable(Turn& t, DialogState* state,
                                     const std::string& question,
                                     MessageReading& reading) const;
  void AddStorySubject(Turn& t, MessageReading& reading,
                       intents::SubjectCheck* check) const;
  // A condition the article never names asked as the subject's cause.
  bool AsksACauseItNeverNames(const Turn& t,
                              const intents::SubjectCheck& check) const;
  // "How is rheumatoid arthritis treated?" of a Baker's cyst article that
  // names it only among the causes: a condition (a disease word) asked for
  // its treatment or lifestyle, in a question that does not name the
  // subject, from a section with no sentence on that facet: not covered.
  std::optional<Reply> OtherConditionAsked(const Turn& t,
                                           DialogState* state) const;
  Reply NotCovered(DialogState* state,
                   const intents::SubjectCheck& check) const;
  // Decision 6: the topic (an index into Pack::topics) and the confidence,
  // or a reply that asks which one (clarify) or gives up (fallback).
  struct TopicChoice {
    int topic = -1;
    double confidence = 0;
    std::optional<Reply> reply;
    bool from_story = false;  // the story named it, not the question
  };
  TopicChoice TopicByScore(Turn& t, DialogState* state) const;
  std::vector<std::pair<double, int>> SectionsMet(const Turn& t,
                                                  const Node& all) const;
  TopicChoice ChooseTopic(Turn& t, DialogState* state,
                          const intents::Signals* story) const;
  // Of several questions, those that ask something on their own ("I'm
  // trying to understand what it could be" does not, beside others), or
  // all of them when none does; pointers into `questions`.
  std::vector<const std::string*> AskingSomething(
      const std::vector<std::string>& questions, MessageReading& reading,
      Trace& trace) const;
  void SameGroupThroughout(const intents::Signals& story,
                           const std::vector<const std::string*>& questions,
                           std::vector<ReplyPart>* parts, Trace& trace) const;
  int PointedTopic(const Turn& t, const intents::Signals* story,
                   int told) const;
  bool PointsAtUnknownWords(const Turn& t, const intents::Signals* story) const;
  int StorySizeTopic(const Turn& t, const intents::Signals* story) const;
  bool AsksOfTheStorysCase(const Turn& t, int told) const;
  int StoryTopic(const intents::Signals* story) const;
  // The topic (not the overview) whose sentence the question's own words
  // meet in, when the overview leads by the title's words alone; or -1.
  Reply NothingOnTheFacet(Turn& t, DialogState* state, int topic,
                          double confidence) const;
  int PassageTopic(const Turn& t) const;  // noted in the trace
  int SentenceMetTopic(const Turn& t) const;
  // The whole message's candidates, scored the first time they are asked.
  const std::vector<intents::Candidate>& WholeCandidates(Trace& trace) const;
  int PassageTopicOf(const std::vector<intents::Candidate>& cands) const;
  // Whether a node's text says a step is not needed ("they need no
  // treatment": the lexicon's [no-need]).
  bool SaysNone(const std::string& text) const;
  // A yes/no answer's parts (score, node) with those saying "none needed"
  // first, after the summary when it says so.
  void NoFirst(std::vector<std::pair<double, int>>* ranked) const;
  // The section whose sentence the story's words meet in clearly best
  // (with a word of its own), or -1.
  int StoryPassageTopic(const intents::Signals* story) const;
  // Whether the question names the article's subject and asks of it a
  // facet (risk, cause, definition) the story's section `told` has no
  // sentence on.
  bool AsksOfTheSubjectItself(const Turn& t, int told) const;
  // Of `intents` (sections that score close), the one whose sentence the
  // question's words meet in clearly best, or -1.
  int PassageAmong(const Turn& t, const std::vector<int>& intents) const;
  int AspectTopic(const Turn& t) const;
  // The one section that speaks to `aspect` when the overview does not,
  // or -1.
  int OnlySectionOn(intents::Aspect aspect) const;
  std::optional<TopicChoice> OtherThingTopic(
      Turn& t, const intents::Signals* story) const;
  // Of `topics`, the one that has sentences on the facet asked, or -1.
  int OnlyOneOnTheFacet(const Turn& t, const std::vector<int>& topics) const;
  std::optional<TopicChoice> SectionOnTheAspect(Turn& t) const;
  int StoryAspectTopic(Turn& t, const intents::Signals* story, int told) const;
  // An aspect asked of what the story tells, which its section never
  // speaks to: the article does not say (a fallback), or nothing.
  std::optional<Reply> AspectUntoldOfTheStory(Turn& t, const TopicChoice& topic,
                                              MessageReading& reading,
                                              DialogState* state) const;
  // The advice, when the question asks whether the story's habits help.
  int StoryMeasuresTopic(Turn& t, const intents::Signals* story) const;
  std::optional<Reply> OrganAlone(Turn& t, DialogState* state,
                                  const intents::SubjectCheck& own,
                                  MessageReading& reading) const;
  // The sentence of `intent`'s topic that the question's words meet in
  // most (a passage that names something), or null.
  const std::string* BestPassage(const Turn& t, int intent) const;
  // Whether `node`'s text holds one of those sentences of `intent`.
  bool HoldsAPassage(const Turn& t, int intent, const Node& node) const;
  // Whether the question asks what most of the subject's cases are, and
  // the summary says (AsksOfMostOfThem in dialog_runner.cc).
  bool AsksOfMostOfThem(Turn& t) const;
  // Whether the aspect asked is spoken to in `topic` but not in its
  // sentences on `facet`.
  bool AspectOnlyBeside(const Turn& t, const Topic& topic,
                        intents::Facet facet) const;
  // The closing advice's node for `facet` when the facet is mostly advice
  // for everyone (lifestyle, check-ups), or -1.
  int GeneralAdvice(intents::Facet facet) const;
  // An aspect asked that the article does not speak to: its caveat, and
  // the nearest facet when the question gave none.
  void AddCaveat(Turn& t, Reply* reply) const;
  Reply Compared(Turn& t, DialogState* state, const std::vector<int>& close,
                 double confidence) const;
  // The nodes' answers as the parts of one reply (questions.cc).
  Reply PartsReply(DialogState* state, std::span<const int> nodes,
                   double confidence) const;
  Reply Clarify(Turn& t, DialogState* state,
                const std::vector<int>& close) const;
  Reply AnswerOfTheSubject(Turn& t, DialogState* state,
                           double confidence) const;
  Reply AnswerFacet(Turn& t, DialogState* state, int topic,
                    double confidence) const;
  // A question the article answers across sections ("do ovarian cysts
  // need to be removed?"): the sections of `all` (an aggregate that asks)
  // whose sentences the question's words meet, one part each with its
  // source, best first; a clarify when none does.
  Reply BroadAnswer(Turn& t, DialogState* state, const Node& all,
                    double confidence) const;
  // Whether `question` (one of several) starts with a joiner ("and which
  // antibiotic ...") after a part refused for `uncovered`, a condition
  // (not a scope word such as "size"), and does not name the article's
  // subject: it asks about that condition too.
  bool NamesAThing(const std::string& uncovered) const;
  bool JoinedToUncovered(const intents::Signals& question,
                         const std::string& uncovered) const;

  // Adds `id` to the history (once, at most kMaxHistory kept).
  static void Remember(DialogState* state, const std::string& id);
  // After an urgent reply, the answer on screen before it is where "back"
  // leads (its list stays what a number picks from): the history names it
  // twice, a mark the next Remember ends.
  static void MarkUrgent(DialogState* state);
  // Whether no word of the message is specific to one topic.
  static bool NamesNothing(const std::vector<intents::Candidate>& cands);
  Reply Answer(DialogState* state, int node, double confidence,
               std::string intent = "") const;
  Reply Menu(DialogState* state, std::string text, std::string intent) const;
  Reply Fallback(DialogState* state, std::string text,
                 std::string intent) const;
  std::vector<Choice> Choices(const std::vector<std::string>& ids) const;

  const Pack& pack_;
};

}  // namespace faqbot::dialogs

#endif  // FAQBOT_DIALOGS_DIALOG_RUNNER_H_
