// Wording: every sentence the bot says that is not the article's own, in
// one place, with English defaults. A pack may override any of it in its
// `wording.txt` (the bot's voice, or a pack in another language):
//
//   # wording.txt: "key = text", one per line; '#' starts a comment line.
//   # {name} is filled in where the key allows it; \n is a line break.
//   welcome = Hi! Ask me anything about "{title}", or pick a topic:
//   disclaimer = This is general information, not medical advice.
//
// Unknown keys, placeholders a key does not fill, and empty texts are
// errors with the file and line. `faqbot inspect` and README list the keys
// (WordingKeys()).
#ifndef FAQBOT_DIALOGS_WORDING_H_
#define FAQBOT_DIALOGS_WORDING_H_

#include <array>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "intents/lexicon.h"
#include "intents/status.h"

namespace faqbot::dialogs {

struct Wording {
  // Shown once per session, on its first reply.
  std::string disclaimer =
      "I share general information from an article; this is not a diagnosis "
      "or medical advice. Please see a doctor about your own situation.";
  // {title}: the article's title.
  std::string welcome =
      "Hello! I answer questions about \"{title}\" from that article. Ask a "
      "question, or pick a topic:";
  std::string greeting = "Hello! Ask me about \"{title}\", or pick a topic:";
  std::string thanks =
      "You're welcome! Glad it helped. Anything else about the article?";
  std::string goodbye =
      "Goodbye, take care! If something worries you, see a doctor.";
  std::string help =
      "I answer questions from the article \"{title}\". Try \"what causes "
      "it?\", \"is it cancer?\", \"what are the symptoms?\" or \"how is it "
      "treated?\". Type a number to pick an option, \"back\" to go back, "
      "\"menu\" for the topics and \"start over\" to begin again.";
  std::string identity =
      "I'm an automated assistant, not a doctor. I answer questions using "
      "the article \"{title}\" and show where each answer comes from.";

  // Navigation.
  std::string menu =
      "Here is what the article covers. Pick a topic or ask a question:";
  std::string back_at_start = "That was the start. Here are the topics:";
  std::string restart =
      "Let's start over. Here is what the article covers; pick a topic or "
      "ask a question:";
  std::string quit = "Goodbye, take care!";
  std::string no_options =
      "There are no options to pick from right now. Here are the topics:";
  // {number}: what was typed.
  std::string no_such_option =
      "There is no option {number}. Pick one of these:";
  std::string article_updated =
      "The article has been updated, so this conversation starts again from "
      "its topics.";

  // What the bot cannot answer.
  std::string fallback_personal =
      "I can't read reports, diagnose or advise on your own case; a doctor "
      "who knows your history can. I can tell you what the article says "
      "about these topics:";
  // {word}: the subject the article never mentions.
  std::string fallback_not_mentioned =
      "Sorry, the article does not cover that (it never mentions \"{word}\"). "
      "Please ask a doctor about it. Here is what the article does cover:";
  std::string fallback_no_match =
      "Sorry, I can't find that in the article. It may not cover it; please "
      "ask a doctor. You can ask about one of these topics:";
  // A neighbouring condition, another organ, a subject the article does
  // not cover. {word}: what was asked about; {title}: the article's title.
  std::string not_covered =
      "This article (\"{title}\") does not cover {word}, so I can't answer "
      "that from it. Please ask a doctor about it.";
  // ...when the message also asks about the article's own subject: what
  // the article says about that follows.
  std::string not_covered_related =
      "Here is what the article says about its own subject:";
  // A library of articles (several packs in one bot; the first pack's
  // wording speaks for the library): an answer from another article than
  // the one the conversation was on. {title}: that article's title.
  std::string library_other_article = "From the article \"{title}\":";
  // No article named, or several: which one the question is about.
  std::string library_which =
      "Which article is your question about? Pick one, or name its subject:";
  // No article of the library mentions the subject asked about. {word}:
  // that subject.
  std::string library_not_covered =
      "None of these articles covers {word}, so I can't answer that from "
      "them. Please ask a doctor about it. You can ask about:";
  // One question of several that the same sentences answer as an earlier
  // one.
  std::string part_same_answer =
      "The same part of the article answers this; see above.";
  // One question of several that the article does not cover.
  std::string part_not_covered = "The article does not cover {word}.";
  // Said with an answer when the message carries a personal report or
  // result (sizes, lab values, a report's words).
  std::string personal_report =
      "I can't interpret your own report or results; a doctor who knows "
      "your case can.";
  // Said with an answer when the message tells of a red-flag symptom long
  // past ("I had jaundice years ago").
  std::string past_red_flag =
      "You mention a warning sign from the past. If it comes back, see a "
      "doctor straight away.";
  // Said with an answer to a question about a warning sign in general
  // ("can an infected stone cause a high fever?").
  std::string general_red_flag =
      "If this is happening to you now, see a doctor straight away.";
  // Said with an answer when a warning sign has lasted months or years.
  std::string lasting_red_flag =
      "You mention a warning sign that has lasted a while: please see a "
      "doctor about it soon, and straight away if it gets worse.";
  // Said with an answer when a warning sign is told that the article
  // describes as part of the condition ("blood in the urine" as a stone
  // passes).
  std::string usual_red_flag =
      "The article describes this as part of the condition; if it is "
      "severe, lasts or gets worse, see a doctor promptly.";
  // Said with an answer when a message shows a sign the article's advice
  // asks to see a doctor soon for, beside others it asks urgent help for
  // ("see a doctor promptly for a lump that grows quickly").
  std::string soon_red_flag =
      "The article advises seeing a doctor promptly for this (not as an "
      "emergency): please book an appointment soon, and get urgent help "
      "if it gets much worse.";
  // What the article does not say, given before the nearest sentences it
  // does say.
  std::string caveat_course =
      "The article does not say whether it can go away on its own.";
  std::string caveat_duration = "The article does not say how long that takes.";
  std::string caveat_heredity =
      "The article does not say whether it runs in families.";
  std::string caveat_frequency =
      "The article does not say how often; ask your doctor for a schedule.";
  std::string caveat_where =
      "The article does not say where to be seen or which specialist to "
      "see.";
  std::string caveat_contagion =
      "The article does not say whether it passes from person to person.";
  std::string caveat_prevention = "The article does not say how to prevent it.";
  std::string caveat_growth =
      "The article does not say whether it grows or changes over time.";
  std::string caveat_recurrence =
      "The article does not say whether it can come back.";
  std::string caveat_diagnosis =
      "The article does not say how it is found or which tests are used.";
  std::string caveat_size = "The article does not say how big it gets.";
  std::string caveat_nearest = "Here is what it does say:";
  // A story's thing asked what its part of the article never says ("My
  // stent hurts. When can I have it out?"). {caveat}: the aspect's caveat.
  std::string aspect_not_told = "{caveat} Please ask your doctor about it.";

  // Asking which one.
  std::string clarify =
      "That could be about more than one part of the article. Which one do "
      "you mean?";
  // {facet}: e.g. "treatment".
  std::string clarify_sections =
      "The article describes {facet} separately for each of these. Which "
      "one do you mean?";
  // {facet}, {topic}: what was asked for and where the article has nothing
  // on it.
  // {facet}, {topic}: the section has no such advice; the article's
  // general advice follows.
  std::string facet_general =
      "The article gives no {facet} advice specific to \"{topic}\". Its "
      "general advice: ";
  std::string facet_not_specific =
      "The article says nothing specific about {facet} for \"{topic}\". Here "
      "is what it says about it: ";
  // {facet}, {topic}: as above, and a section of the article is about
  // that facet ("Treatment options"); it follows.
  std::string facet_section =
      "The article says nothing specific about {facet} for \"{topic}\". Its "
      "section on {facet}: ";

  // Urgent care, before and instead of any article content.
  std::string urgent_emergency =
      "What you describe can be a sign of something serious that needs a "
      "doctor now. Please call your local emergency number or go to the "
      "nearest emergency department. Do not wait for an online answer.";
  std::string urgent_self_harm =
      "I'm really sorry you're feeling this way. You deserve support right "
      "now: please call your local emergency number, or a suicide and "
      "crisis line (988 in the US, 116 123 Samaritans in the UK and "
      "Ireland), or go to the nearest emergency department. If you can, "
      "tell someone near you how you feel.";
  // How plain-text channels mark an urgent reply.
  std::string urgent_label = "URGENT";

  // Operator handoff (bot/handoff.h): asked for a person, and the team
  // is online / already asked / no one is online / too many requests from
  // where this one came from / the desk cannot be reached while an
  // operator holds the conversation; a person joined ({name}:
  // the operator's name), handed back, or no one came in time.
  std::string handoff_requested =
      "I've asked for a person from the team to join this conversation. "
      "While you wait, you can keep asking me.";
  std::string handoff_already =
      "You're already waiting for a person; they'll join here as soon as "
      "they can.";
  std::string handoff_unavailable =
      "No one from the team is available right now, so I can't pass you "
      "on. I can still answer questions about the article.";
  std::string handoff_limited =
      "Several conversations from your connection are already waiting for a "
      "person, so I can't add this one now. Please try again in a few "
      "minutes; I can still answer questions about the article.";
  std::string handoff_unreachable =
      "I can't reach the team right now, so I'll answer you myself until "
      "they're back.";
  // The widget: a conversation it asked to resume is gone (ended, or the
  // server restarted without shared state), and what it shows while the
  // connection is down.
  std::string session_restarted =
      "This is a new conversation: the earlier one could not be picked up "
      "(it ended, or the service restarted). If your last question was not "
      "answered, please ask it again.";
  std::string connection_lost =
      "Connection lost. Reconnecting\u2026 your messages will be sent when "
      "it is back.";
  std::string handoff_joined = "A person has joined the conversation: {name}.";
  std::string handoff_left =
      "{name} has left the conversation. I'm here again if you have "
      "questions about the article.";
  std::string handoff_gave_up =
      "No one from the team could join in time, sorry. I'm still here for "
      "questions about the article.";

  // Where an answer comes from. {number}, {title}.
  std::string source_section = "Source: section {number}, \"{title}\"";
  std::string source_other = "Source: \"{title}\"";

  // Titles the compiler gives nodes that have no heading of their own.
  std::string advice_title = "General advice";
  std::string definition_title = "What it is";
  std::string in_general = "In general";
  // Facet names, as people read them (node ids keep the English names).
  std::string facet_definition = "definition";
  std::string facet_cause = "cause";
  std::string facet_risk = "risk";
  std::string facet_symptoms = "symptoms";
  std::string facet_treatment = "treatment";
  std::string facet_follow_up = "follow-up";
  std::string facet_lifestyle = "lifestyle";

  // The readable name of `facet` ("" for kNone).
  const std::string& FacetLabel(intents::Facet facet) const;
};

// One overridable key: its name, the member it sets, the placeholders it
// may use.
struct WordingKey {
  std::string_view name;
  std::string Wording::*text;
  std::string_view placeholders;  // "title number", "" for none
};
std::span<const WordingKey> WordingKeys();

// Reads a pack's wording.txt (`text`, named `file` in errors) over
// `wording`.
Status ParseWording(std::string_view text, std::string_view file,
                    Wording* wording);

// `text` with each {name} replaced by its value.
std::string Fill(
    std::string_view text,
    std::initializer_list<std::pair<std::string_view, std::string_view>>
        values);

}  // namespace faqbot::dialogs

#endif  // FAQBOT_DIALOGS_WORDING_H_
