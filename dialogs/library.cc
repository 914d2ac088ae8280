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
    title_terms_.push_back(std::move(terms));
  }
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

LibraryRoute Library::Route(std::string_view text, int current) const {
  LibraryRoute route;
  if (packs_.empty()) return route;
  // Read as the dialog runner reads it: its questions (the message itself
  // when it asks none by the rules) and its story; any of them may name
  // the subject ("I have a hemangioma of the liver. Is surgery needed?").
  // Whether the article then answers or refuses is its own runner's call.
  const intents::MessageShape shape =
      intents::ReadMessage(text, packs_[0]->lexicon());
  std::vector<int> clean;  // named with nothing foreign to the pack
  std::vector<int> open;   // not named, nothing foreign to it
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
    // Named, and nothing else in the question is foreign to it ("kidney
    // stone" names a bile duct article's stones too, but its kidney is
    // another organ there).
    if (asked.uncovered.empty()) clean.push_back(p);
  }
  const bool current_named = std::find(route.named.begin(), route.named.end(),
                                       current) != route.named.end();
  if (current_named || (route.named.empty() && current >= 0)) {
    route.pack = current;
  } else if (route.named.size() == 1) {
    route.pack = route.named[0];
  } else if (clean.size() == 1) {
    route.pack = clean[0];
  } else if (route.named.size() > 1) {
    // Several articles share the subject's word ("stone"): the one whose
    // title the message echoes ("urinary tract stone": kidney stones).
    route.pack = ByTitle(text, clean.empty() ? route.named : clean);
  } else if (route.named.empty() && current < 0 && !open.empty()) {
    // No article named and no page: the one whose title the message
    // echoes, among those it says nothing foreign to.
    route.pack = ByTitle(text, open);
  }
  return route;
}

}  // namespace faqbot::dialogs
