#include "dialogs/message_reading.h"

#include "intents/message.h"

namespace faqbot::dialogs {

void MessageReading::Remember(std::string_view text,
                              const intents::Signals& signals) {
  for (const auto& [known, _] : signals_) {
    if (known == text) return;
  }
  signals_.emplace_back(text, &signals);
}

const intents::Signals& MessageReading::Signals(std::string_view text) {
  for (const auto& [known, signals] : signals_) {
    if (known == text) return *signals;
  }
  const intents::Signals& read = *owned_.emplace_back(
      std::make_unique<intents::Signals>(matcher_.Match(text)));
  signals_.emplace_back(text, &read);
  return read;
}

const intents::SubjectCheck& MessageReading::Subject(std::string_view text,
                                                     intents::Facet facet) {
  for (const auto& known : subjects_) {
    if (known.facet == facet && known.text == text) return *known.check;
  }
  // Words quoted from a report are set aside; without any, the question's
  // own reading serves.
  // (Only quotes are set aside: without a quote mark, the text is as is.)
  const bool quotes = text.find_first_of("'\"\xE2") != std::string_view::npos;
  const std::string without =
      quotes ? intents::WithoutPersonalDetails(text) : std::string();
  intents::SubjectCheck check =
      !quotes || without == text
          ? matcher_.CheckSubject(Signals(text).analysis, facet)
          : matcher_.CheckSubject(without, facet);
  return *subjects_
              .emplace_back(
                  text, facet,
                  std::make_unique<intents::SubjectCheck>(std::move(check)))
              .check;
}

void MessageReading::SetStory(std::string_view story) {
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
