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
  // The message's red flags were read whole, before its parts.
  auto signals = std::make_unique<intents::Signals>(matcher_.Read(
      text, /*correct_spelling=*/true, sentences_, /*red_flags=*/false));
  matcher_.Score(text, signals.get());
  const intents::Signals& read = *owned_.emplace_back(std::move(signals));
  signals_.emplace_back(text, &read);
  return read;
}

const intents::SubjectCheck& MessageReading::Subject(std::string_view text,
                                                     intents::Facet facet) {
  for (const auto& known : subjects_) {
    if (known.facet == facet && known.text == text) return *known.check;
  }
  // Words quoted from a report are set aside (CheckSubject of the text
  // does that); without any, the question's own reading serves.
  intents::SubjectCheck check =
      intents::QuotesAReport(text)
          ? matcher_.CheckSubject(text, facet)
          : matcher_.CheckSubject(Signals(text).analysis, facet);
  return *subjects_
              .emplace_back(
                  text, facet,
                  std::make_unique<intents::SubjectCheck>(std::move(check)))
              .check;
}

void MessageReading::SetStory(std::string_view story,
                              const std::vector<std::string>& questions) {
  story_ = &Signals(story);
  story_subject_.reset();
  questions_ = &questions;
}

const intents::SubjectCheck& MessageReading::StorySubject() {
  if (!story_subject_) {
    story_subject_ = matcher_.CheckSubject(story_->analysis);
    auto& patients = story_subject_->patients;
    for (const auto& q : *questions_) {
      if (patients.empty()) break;
      // A question of its own about a group of patients ("is it safe
      // during pregnancy?") asks about them apart.
      if (matcher_.CheckSubject(Signals(q).analysis).decides) {
        patients.clear();
      }
    }
  }
  return *story_subject_;
}

}  // namespace faqbot::dialogs
