#include "dialogs/message_reading.h"

#include "intents/message.h"

namespace faqbot::dialogs {

void MessageReading::Remember(const std::string& text,
                              const intents::Signals& signals) {
  signals_.try_emplace(text, &signals);
}

const intents::Signals& MessageReading::Signals(const std::string& text) {
  if (const auto it = signals_.find(text); it != signals_.end()) {
    return *it->second;
  }
  const intents::Signals& read = owned_.emplace_back(matcher_.Match(text));
  signals_.emplace(text, &read);
  return read;
}

const intents::SubjectCheck& MessageReading::Subject(const std::string& text,
                                                     intents::Facet facet) {
  auto key = std::make_pair(text, facet);
  if (const auto it = subjects_.find(key); it != subjects_.end()) {
    return it->second;
  }
  // Words quoted from a report are set aside; without any, the question's
  // own reading serves.
  const std::string without = intents::WithoutPersonalDetails(text);
  intents::SubjectCheck check =
      without == text ? matcher_.CheckSubject(Signals(text).analysis, facet)
                      : matcher_.CheckSubject(without, facet);
  return subjects_.emplace(std::move(key), std::move(check)).first->second;
}

void MessageReading::SetStory(const std::string& story) {
  story_ = &Signals(story);
  story_subject_.reset();
}

const intents::SubjectCheck& MessageReading::StorySubject() {
  if (!story_subject_) {
    story_subject_ = matcher_.CheckSubject(story_->analysis);
  }
  return *story_subject_;
}

}  // namespace faqbot::dialogs
