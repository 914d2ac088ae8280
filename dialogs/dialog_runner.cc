#include "dialogs/dialog_runner.h"

#include <algorithm>
#include <unordered_set>

#include "intents/lexicon.h"
#include "intents/normalizer.h"
#include "intents/text.h"

namespace faqbot::dialogs {
namespace {

using intents::Smalltalk;

enum class Nav { kNone, kBack, kMenu, kRestart, kQuit };

Nav Navigation(const std::vector<std::string>& words) {
  static const std::unordered_set<std::string> kBack = {
      "back", "go back", "previous", "back please", "go back please"};
  static const std::unordered_set<std::string> kMenu = {
      "menu",     "main menu", "show menu",   "show me the menu",
      "the menu", "topics",    "show topics", "list topics",
      "home"};
  static const std::unordered_set<std::string> kRestart = {
      "start over",       "restart", "start again",
      "begin again",      "reset",   "start from the beginning",
      "new conversation", "clear"};
  static const std::unordered_set<std::string> kQuit = {"quit", "exit", "stop",
                                                        "end"};
  // "back to the menu", "go to the main menu please": filler aside, the
  // message is one command word.
  static const std::unordered_set<std::string> kFiller = {
      "back", "to",   "the",    "go", "show", "me",  "please", "main",
      "open", "take", "return", "a",  "can",  "you", "i",      "want"};
  std::string core;
  for (const auto& w : words) {
    if (!kFiller.contains(w)) core += (core.empty() ? "" : " ") + w;
  }
  if (core == "menu" || core == "topics" || core == "home") return Nav::kMenu;
  const std::string s = intents::JoinWords(words);
  if (kBack.contains(s)) return Nav::kBack;
  if (kMenu.contains(s)) return Nav::kMenu;
  if (kRestart.contains(s)) return Nav::kRestart;
  if (kQuit.contains(s)) return Nav::kQuit;
  return Nav::kNone;
}

// "2", "option 2", "the second one", "#2" -> 2; 0 when not a pick.
int ChoiceNumber(const std::vector<std::string>& words) {
  static const std::unordered_set<std::string> kFiller = {
      "the",  "option", "number", "choice", "no",    "pick", "select",
      "i",    "want",   "please", "item",   "topic", "nd",   "st",
      "rd",   "th",     "go",     "for",    "with",  "let",  "us",
      "take", "choose", "answer", "s",      "say"};
  static const std::vector<std::string> kOrdinals = {
      "first", "second",  "third",  "fourth", "fifth",
      "sixth", "seventh", "eighth", "ninth",  "tenth"};
  int number = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (kFiller.contains(w)) continue;
    int n = 0;
    if (const auto it = std::find(kOrdinals.begin(), kOrdinals.end(), w);
        it != kOrdinals.end()) {
      n = static_cast<int>(it - kOrdinals.begin()) + 1;
    } else if (!w.empty() && w.size() <= 2 &&
               std::all_of(w.begin(), w.end(),
                           [](char c) { return c >= '0' && c <= '9'; })) {
      n = std::stoi(w);
    } else if (w == "last") {
      n = -1;
    } else {
      return 0;
    }
    // "the second one": the "one" (normalized to 1) after an ordinal.
    if (number != 0 && n == 1) continue;
    if (number != 0) return 0;
    number = n;
  }
  return number;
}

bool HasPronoun(const std::vector<std::string>& words) {
  static const std::unordered_set<std::string> kPronouns = {
      "it", "that", "this", "they", "them", "those", "these", "its"};
  return std::any_of(words.begin(), words.end(),
                     [](const auto& w) { return kPronouns.contains(w); });
}

double Confidence(double score) { return score / (score + 1.0); }

}  // namespace

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
  }
  return "fallback";
}

std::vector<Choice> DialogRunner::Choices(
    const std::vector<std::string>& ids) const {
  std::vector<Choice> out;
  for (const auto& id : ids) {
    if (const Node* n = pack_.Find(id)) out.push_back({n->id, n->title});
  }
  return out;
}

Reply DialogRunner::Welcome(DialogState* state) const {
  return Menu(state,
              "Hello! I answer questions about \"" + pack_.document.title +
                  "\" from that article. Ask a question, or pick a topic:",
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
  state->node = node.id;
  state->choices = node.choices;
  if (node.topic >= 0) state->topic = pack_.topic_node(node.topic).id;
  if (state->history.empty() || state->history.back() != node.id) {
    state->history.push_back(node.id);
    if (state->history.size() > DialogState::kMaxHistory) {
      state->history.erase(state->history.begin());
    }
  }
  return r;
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
  if (reply) {
    reply->notice =
        "The article has been updated, so this conversation starts "
        "again from its topics.";
  }
  return reply;
}

Reply DialogRunner::StepText(DialogState* state, const std::string& text,
                             Trace* trace) const {
  Trace local;
  Trace& t = trace ? *trace : local;
  t.signals = pack_.matcher.Match(text, /*correct_spelling=*/true,
                                  /*explain=*/trace != nullptr);
  const intents::Signals& sig = t.signals;
  const auto& words = sig.analysis.words;
  const PackSettings& cfg = pack_.settings;

  // 1. Red flags, before anything else.
  if (const auto* flag = sig.urgent()) {
    t.steps.push_back("red flag " + flag->name);
    Reply r;
    r.kind = ReplyKind::kEscalation;
    r.text = std::string(intents::UrgentAdvice(flag->urgency));
    r.intent = "redflag." + flag->name;
    r.confidence = 1.0;
    state->choices.clear();
    return r;
  }

  // 2. Navigation.
  switch (Navigation(words)) {
    case Nav::kBack: {
      t.steps.push_back("navigation: back");
      if (state->history.size() >= 2) {
        state->history.pop_back();
        const std::string previous = state->history.back();
        state->history.pop_back();
        const auto it = pack_.by_id.find(previous);
        // A state naming a node that is gone, despite its generation (a
        // record edited by hand): restart rather than guess.
        if (it == pack_.by_id.end()) return *Restarted(state, {text}, trace);
        return Answer(state, it->second, 1.0, "nav.back");
      }
      state->history.clear();
      state->topic.clear();
      return Menu(state,
                  "That was the start. Here are the topics:", "nav.back");
    }
    case Nav::kMenu:
      t.steps.push_back("navigation: menu");
      return Menu(state,
                  "Here is what the article covers. Pick a topic or "
                  "ask a question:",
                  "nav.menu");
    case Nav::kRestart:
      t.steps.push_back("navigation: start over");
      *state = DialogState{};
      return Menu(state,
                  "Let's start over. Here is what the article covers; "
                  "pick a topic or ask a question:",
                  "nav.restart");
    case Nav::kQuit: {
      t.steps.push_back("navigation: quit");
      Reply r;
      r.kind = ReplyKind::kSmalltalk;
      r.text = "Goodbye, take care!";
      r.intent = "nav.quit";
      r.confidence = 1.0;
      return r;
    }
    case Nav::kNone:
      break;
  }

  // 3. A choice by number or by title.
  if (const int n = ChoiceNumber(words); n != 0) {
    const int count = static_cast<int>(state->choices.size());
    const int pick = n == -1 ? count : n;
    t.steps.push_back("choice number " + std::to_string(n));
    if (pick >= 1 && pick <= count) {
      const auto it = pack_.by_id.find(state->choices[pick - 1]);
      if (it == pack_.by_id.end()) return *Restarted(state, {text}, trace);
      return Answer(state, it->second, 1.0);
    }
    Reply r = Menu(state,
                   count == 0 ? "There are no options to pick from right now. "
                                "Here are the topics:"
                              : "There is no option " + std::to_string(n) +
                                    ". Pick one of these:",
                   "nav.bad-choice");
    if (count > 0) {
      r.choices = Choices(state->choices);
      r.kind = ReplyKind::kClarify;
    }
    return r;
  }
  const std::string typed = intents::JoinWords(words);
  for (const auto& id : state->choices) {
    const Node* node = pack_.Find(id);
    if (node && node->typed_title == typed) {
      t.steps.push_back("choice by title " + id);
      return Answer(state, pack_.by_id.find(id)->second, 1.0);
    }
  }

  const auto& cands = sig.candidates;
  // A topic is chosen by score only when words specific to it were used.
  const double best =
      cands.empty() || cands[0].specific <= 0 ? 0.0 : cands[0].score;
  const Facet facet = sig.facet_strength() >= 0.6 ? sig.facet() : Facet::kNone;
  const bool strong_cue = sig.facet_strength() >= cfg.strong_cue;
  const bool on_topic = best >= cfg.answer_threshold || strong_cue;

  // 4. Small talk, when nothing else is asked.
  if (sig.smalltalk && !on_topic) {
    t.steps.push_back("small talk");
    const std::string& title = pack_.document.title;
    Reply r;
    r.kind = ReplyKind::kSmalltalk;
    r.intent =
        "smalltalk." + std::string(intents::SmalltalkName(*sig.smalltalk));
    r.confidence = 1.0;
    switch (*sig.smalltalk) {
      case Smalltalk::kGreeting:
        r = Menu(state,
                 "Hello! Ask me about \"" + title + "\", or pick a topic:",
                 r.intent);
        break;
      case Smalltalk::kThanks:
        r.text =
            "You're welcome! Glad it helped. Anything else about the "
            "article?";
        break;
      case Smalltalk::kGoodbye:
        r.text = "Goodbye, take care! If something worries you, see a doctor.";
        break;
      case Smalltalk::kHelp:
        r = Menu(state,
                 "I answer questions from the article \"" + title +
                     "\". Try \"what causes it?\", \"is it cancer?\", \"what "
                     "are the symptoms?\" or \"how is it treated?\". Type a "
                     "number to pick an option, \"back\" to go back, \"menu\" "
                     "for the topics and \"start over\" to begin again.",
                 r.intent);
        break;
      case Smalltalk::kIdentity:
        r.text =
            "I'm an automated assistant, not a doctor. I answer "
            "questions using the article \"" +
            title + "\" and show where each answer comes from.";
        break;
    }
    return r;
  }

  // 5. What no article answers.
  if (sig.personal_advice) {
    t.steps.push_back("personal advice requested");
    return Fallback(state,
                    "I can't read reports, diagnose or advise on your own "
                    "case; a doctor who knows your history can. I can tell "
                    "you what the article says about these topics:",
                    "fallback.personal");
  }
  if (!sig.out_of_scope.empty()) {
    t.steps.push_back("subject not in the article: " + sig.out_of_scope[0]);
    return Fallback(state,
                    "Sorry, the article does not cover that (it never "
                    "mentions \"" +
                        sig.out_of_scope[0] +
                        "\"). Please ask a doctor about it. Here is what the "
                        "article does cover:",
                    "fallback.not-covered");
  }

  // 6. The topic.
  int topic = -1;
  double confidence = 0;
  if (best >= cfg.answer_threshold) {
    std::vector<int> close;
    for (const auto& c : cands) {
      if (c.score >= cfg.clarify_ratio * best &&
          pack_.topic_node(c.intent).kind == NodeKind::kSection) {
        close.push_back(c.intent);
      }
    }
    const bool best_is_section =
        pack_.topic_node(cands[0].intent).kind == NodeKind::kSection;
    if (best_is_section && close.size() >= 2) {
      t.steps.push_back("clarify: " + std::to_string(close.size()) +
                        " topics score close");
      Reply r;
      r.kind = ReplyKind::kClarify;
      r.text =
          "That could be about more than one part of the article. "
          "Which one do you mean?";
      r.intent = "clarify";
      r.confidence = Confidence(best) / static_cast<double>(close.size());
      state->choices.clear();
      for (const int i : close) {
        if (static_cast<int>(state->choices.size()) >=
            cfg.max_clarify_choices) {
          break;
        }
        const Topic& tp = pack_.topics[i];
        const int f = static_cast<int>(facet);
        const int node =
            facet != Facet::kNone && tp.facets[f] >= 0 ? tp.facets[f] : tp.node;
        state->choices.push_back(pack_.nodes[node].id);
      }
      r.choices = Choices(state->choices);
      return r;
    }
    topic = cands[0].intent;
    confidence = Confidence(best);
    t.steps.push_back("topic " + pack_.topic_node(topic).id + " by score");
  } else if (const Node* current = pack_.Find(state->topic);
             current && sig.analysis.unknown.empty() &&
             (facet != Facet::kNone || HasPronoun(words))) {
    topic = current->topic;
    confidence = 0.7;
    t.steps.push_back("follow-up on current topic " + state->topic);
  } else if (strong_cue || best > 0 ||
             (facet != Facet::kNone && sig.analysis.unknown.empty() &&
              (HasPronoun(words) || sig.facet_strength() >= 0.8))) {
    // With no topic named, "it" is the article's subject.
    topic = 0;
    confidence = strong_cue ? 0.6 : Confidence(best);
    t.steps.push_back("the article as a whole");
  } else {
    t.steps.push_back("nothing matched");
    return Fallback(state,
                    "Sorry, I can't find that in the article. It may not "
                    "cover it; please ask a doctor. You can ask about one of "
                    "these topics:",
                    "fallback.no-match");
  }

  // 7. The facet picks the node.
  const Topic& tp = pack_.topics[topic];
  const Node& tnode = pack_.nodes[tp.node];
  const int f = static_cast<int>(facet);
  if (facet != Facet::kNone)
    t.steps.push_back("facet " + std::string(intents::FacetName(facet)));
  if (tnode.kind == NodeKind::kOverview) {
    if (facet == Facet::kDefinition && pack_.definition >= 0) {
      return Answer(state, pack_.definition, confidence);
    }
    if (facet != Facet::kNone && pack_.aggregates[f] >= 0) {
      Reply r = Answer(state, pack_.aggregates[f], confidence);
      state->topic.clear();
      return r;
    }
    return Answer(state, tp.node, confidence);
  }
  if (facet != Facet::kNone && tp.facets[f] >= 0) {
    return Answer(state, tp.facets[f], confidence);
  }
  if (facet != Facet::kNone && facet != Facet::kCause &&
      facet != Facet::kRisk && facet != Facet::kDefinition) {
    Reply r = Answer(state, tp.node, confidence);
    r.text = "The article says nothing specific about " +
             std::string(intents::FacetName(facet)) + " for \"" + tnode.title +
             "\". Here is what it says about it: " + r.text;
    return r;
  }
  return Answer(state, tp.node, confidence);
}

}  // namespace faqbot::dialogs
