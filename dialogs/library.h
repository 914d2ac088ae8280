// A clinic's library: several packs (articles) in one bot, and which of
// them a message is about. The subject reading that decides "this article
// does not cover X" for one pack (Matcher::CheckSubject) is asked of every
// pack; of the articles whose subject a message names, it goes to the one
// whose title's subject it names ("hemangioma" for "Is a liver hemangioma
// dangerous?"; the title's words break ties), not to one that mentions the
// word in passing. The conversation's current article keeps follow-ups
// that name no subject ("how is that treated?") and questions no other
// article's title names (it refuses those itself). With no current article
// and no subject named, the article whose title the message echoes among
// those it says nothing foreign to ("fatty infiltrates in my liver").
//
// Pure logic, no I/O; const and thread-safe once built. The bot that
// serves a library with it (sessions, pages, sources) is bot.h's.
#ifndef FAQBOT_DIALOGS_LIBRARY_H_
#define FAQBOT_DIALOGS_LIBRARY_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dialogs/dialog_tree.h"

namespace faqbot::dialogs {

struct LibraryRoute {
  // The pack to answer from, or -1: no article's subject is named and
  // there is no current article (ask which article, or list them).
  int pack = -1;
  // Every pack whose subject the message names (and that does not refuse
  // it), in library order; more than one and no current among them: the
  // articles to clarify between.
  std::vector<int> named;
  bool ambiguous() const { return pack < 0 && named.size() > 1; }
};

class Library {
 public:
  explicit Library(std::vector<std::shared_ptr<const Pack>> packs);

  const std::vector<std::shared_ptr<const Pack>>& packs() const {
    return packs_;
  }
  int size() const { return static_cast<int>(packs_.size()); }
  // The index of the pack named `name` (Pack::name), or -1.
  int IndexOf(std::string_view name) const;

  // Where `text` goes when the conversation is on `current` (-1: none,
  // as on a channel without a page).
  LibraryRoute Route(std::string_view text, int current) const;

 private:
  // Of `candidates`, the pack whose title shares the most terms with
  // `text`; -1 on a tie or when none shares any.
  int ByTitle(std::string_view text, const std::vector<int>& candidates) const;

  std::vector<std::shared_ptr<const Pack>> packs_;
  // Of `named`, the pack whose title's subject `text` names (ByTitle
  // among several), or -1.
  int Echoing(std::string_view text, const std::vector<int>& named) const;
  // Whether `text` names a subject word of pack `p`'s title.
  bool EchoesTitleSubject(std::string_view text, int p) const;

  std::vector<std::vector<std::string>> title_terms_;     // sorted, per pack
  std::vector<std::vector<std::string>> title_subjects_;  // without organs
};

}  // namespace faqbot::dialogs

#endif  // FAQBOT_DIALOGS_LIBRARY_H_
