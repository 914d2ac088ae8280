// MessageReading: one message's questions and story as the matcher reads
// them, each read once however many decisions ask about it.
//
// A long message is matched whole (red flags), its story once, and each
// question by several decisions (does it ask anything, does the article
// cover its subject, which topic); reading every one of those again
// made a 1,000-character message cost milliseconds. Lives for one
// message; not thread-safe (one per Step).
#ifndef FAQBOT_DIALOGS_MESSAGE_READING_H_
#define FAQBOT_DIALOGS_MESSAGE_READING_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "intents/matcher.h"

namespace faqbot::dialogs {

class MessageReading {
 public:
  // `sentences` (may be null) holds the message's sentences as read when
  // it was matched whole; it must outlive this reading.
  explicit MessageReading(const intents::Matcher& matcher,
                          intents::SentenceAnalyses* sentences = nullptr)
      : matcher_(matcher), sentences_(sentences) {}
  MessageReading(const MessageReading&) = delete;
  MessageReading& operator=(const MessageReading&) = delete;

  // Every text given to a reading (the message, its questions, its
  // story) must outlive it: they are remembered by reference.

  // `text` as already matched (the whole message); `signals` must outlive
  // this reading.
  void Remember(std::string_view text, const intents::Signals& signals);

  // Everything `text` says, with spelling corrected, but for red flags:
  // the message's are read whole (Signals::red_flags is empty here).
  const intents::Signals& Signals(std::string_view text);
  // What `text` asks about and whether the article covers it.
  const intents::SubjectCheck& Subject(std::string_view text,
                                       intents::Facet facet);

  // The rest of the message besides its questions; none by default.
  // `questions` are the message's questions: a patient told of in the
  // story ("I am pregnant") that one of them asks about apart ("is it
  // safe while pregnant?") is not the patient of the others.
  void SetStory(std::string_view story,
                const std::vector<std::string>& questions);
  bool has_story() const { return story_ != nullptr; }
  const intents::Signals& story() const { return *story_; }
  const intents::SubjectCheck& StorySubject();
  // The statement whose options a question chooses between
  // (MessageShape::options), read apart; null when there is none.
  void SetOptions(std::string_view options) { options_ = options; }
  const intents::Signals* Options() {
    return options_.empty() ? nullptr : &Signals(options_);
  }

 private:
  const intents::Matcher& matcher_;
  intents::SentenceAnalyses* sentences_;
  // A message has a handful of pieces: short lists, searched in order.
  std::vector<std::pair<std::string_view, const intents::Signals*>> signals_;
  std::vector<std::unique_ptr<intents::Signals>> owned_;
  struct CheckedSubject {
    std::string_view text;
    intents::Facet facet;
    std::unique_ptr<intents::SubjectCheck> check;  // stays where it is
  };
  std::vector<CheckedSubject> subjects_;
  const intents::Signals* story_ = nullptr;
  std::string_view options_;
  const std::vector<std::string>* questions_ = nullptr;
  std::optional<intents::SubjectCheck> story_subject_;
};

}  // namespace faqbot::dialogs

#endif  // FAQBOT_DIALOGS_MESSAGE_READING_H_
