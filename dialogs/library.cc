#include "dialogs/library.h"

#include <algorithm>
#include <string>

#include "intents/message.h"

namespace faqbot::dialogs {

Library::Library(std::vector<std::shared_ptr<const Pack>> packs)
    : packs_(std::move(packs)) {
  for (const auto& pack : packs_) {
    // The title's content words ("kidney stone danger", not "are").
    auto terms = pack->matcher.analyzer().Terms(pack->document.title);
    const intents::Lexicon& lex = pack->lexicon();
    std::erase_if(terms, [&](const std::string& t) {
      using intents::WordClass;
      return lex.IsStem(t, WordClass::kStopwords) ||
             lex.IsStem(t, WordClass::kWhWords) ||
             lex.IsStem(t, WordClass::kAuxiliaries);
    });
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    // Of those, what names the article's subject, not where it is
    // ("hemangioma", not "liver").
    std::vector<std::string> subjects;
    std::copy_if(terms.begin(), terms.end(), std::back_inserter(subjects),
                 [&](const std::string& t) {
                   return !lex.IsStem(t, intents::WordClass::kOrgans);
                 });
    title_terms_.push_back(std::move(terms));
    title_subjects_.push_back(std::move(subjects));
  }
}

int Library::Echoing(std::string_view text,
                     const std::vector<int>& named) const {
  std::vector<int> echo;
  for (const int p : named) {
    if (EchoesTitleSubject(text, p)) echo.push_back(p);
  }
  if (echo.size() == 1) return echo[0];
  return echo.empty() ? -1 : ByTitle(text, echo);
}

bool Library::EchoesTitleSubject(std::string_view text, int p) const {
  for (const auto& t :
       packs_[p]->matcher.analyzer().Analyze(text, false).terms) {
    if (std::binary_search(title_subjects_[p].begin(), title_subjects_[p].end(),
                           t)) {
      return true;
    }
  }
  return false;
}

int Library::ByTitle(std::string_view text,
                     const std::vector<int>& candidates) const {
  int best = -1, best_shared = 0;
  bool tie = false;
  for (const int p : candidates) {
    auto terms = packs_[p]->matcher.analyzer().Analyze(text, false).terms;
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    int shared = 0;
    for (const auto& t : terms) {
      shared +=
          std::binary_search(title_terms_[p].begin(), title_terms_[p].end(), t);
    }
    if (shared > best_shared) {
      best = p, best_shared = shared, tie = false;
    } else if (shared == best_shared && shared > 0) {
      tie = true;
    }
  }
  return tie ? -1 : best;
}

int Library::IndexOf(std::string_view name) const {
  for (int p = 0; p < size(); ++p) {
    if (!name.empty() && packs_[p]->name == name) return p;
  }
  return -1;
}

LibraryRoute Library::Route(std::string_view text, int current) const {
  LibraryRoute route;
  if (packs_.empty()) return route;
  // Read as the dialog runner reads it: its questions (the message itself
  // when it asks none by the rules) and its story; any of them may name
  // the subject ("I have a hemangioma of the liver. Is surgery needed?").
  // Whether the article then answers or refuses is its own runner's call.
  const intents::MessageShape shape =
      intents::ReadMessage(text, packs_[0]->lexicon());
  std::vector<int> open;  // not named, nothing foreign to it
  const std::string main =
      shape.questions.empty() ? std::string(text) : shape.questions[0];
  for (int p = 0; p < size(); ++p) {
    const intents::Matcher& matcher = packs_[p]->matcher;
    const intents::SubjectCheck asked = matcher.CheckSubject(main);
    bool named = asked.about_pack;
    for (std::size_t q = 1; !named && q < shape.questions.size(); ++q) {
      named = matcher.CheckSubject(shape.questions[q]).about_pack;
    }
    if (!named && !shape.context.empty()) {
      const intents::SubjectCheck told = matcher.CheckSubject(shape.context);
      named = told.about_pack && !told.decides;
    }
    if (!named) {
      // Nothing foreign to this pack either ("fatty infiltrates in my
      // liver": no article's subject word, but the liver articles'
      // organ): a candidate when no article is named.
      if (asked.uncovered.empty() &&
          (shape.context.empty() ||
           matcher.CheckSubject(shape.context).uncovered.empty())) {
        open.push_back(p);
      }
      continue;
    }
    route.named.push_back(p);
  }
  const bool current_named = std::find(route.named.begin(), route.named.end(),
                                       current) != route.named.end();
  if (current >= 0 && !current_named) {
    // On an article's page, a question leaves it only for an article whose
    // title's subject it names ("I also have a hemangioma"), not for one
    // that mentions the word in passing (hepatitis, as a cause of
    // calcification): the page's article then refuses it itself.
    const int away = Echoing(text, route.named);
    route.pack = away >= 0 ? away : current;
  } else if (current_named) {
    route.pack = current;
  } else if (int echo = Echoing(text, route.named); echo >= 0) {
    // No page: the article whose title's subject the message names. One
    // that only mentions the word in passing is not chosen (a question
    // about hepatitis C is not for the calcification article).
    route.pack = echo;
  } else if (route.named.empty() && current < 0) {
    // No article named: the one whose title the message echoes, among
    // those it says nothing foreign to ("fatty infiltrates in my liver").
    route.pack = ByTitle(text, open);
  }
  return route;
}

}  // namespace faqbot::dialogs
