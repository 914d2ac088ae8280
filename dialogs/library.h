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
// Only the articles a message may concern are asked: an index from the
// stems that can name each article's subject (Matcher::SubjectStems) and
// its title's terms to the articles, with spelling tolerance over the
// titles' and headings' words, finds them; the conversation's article
// is asked when the index finds it too (else it keeps the message unless
// another article's title subject is named). A message costs a library
// of a thousand articles what it costs one of ten, under twice what it
// costs the article alone (docs/performance.md).
//
// Pure logic, no I/O; const and thread-safe once built. The bot that
// serves a library with it (sessions, pages, sources) is bot.h's.
#ifndef FAQBOT_DIALOGS_LIBRARY_H_
#define FAQBOT_DIALOGS_LIBRARY_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dialogs/dialog_tree.h"
#include "intents/message.h"
#include "intents/speller.h"
#include "intents/string_map.h"

namespace faqbot::dialogs {

struct LibraryRoute {
  // The pack to answer from, or -1: no article's subject is named and
  // there is no current article (ask which article, or list them).
  int pack = -1;
  // Every pack whose subject the message names (and that does not refuse
  // it), in library order; more than one and no current among them: the
  // articles to clarify between. The current article is among them only
  // when a stem of its subject is among the message's (else it keeps the
  // message unless another article's title subject is named, and is not
  // asked).
  std::vector<int> named;
  // No article named or chosen and no current article: the subjects the
  // message asks about that no article of the library mentions
  // ("endometriosis"); empty when there are none, or it names none.
  std::vector<std::string> uncovered;
  // With `pack` chosen: another pack whose own warning signs (its advice's
  // "see a doctor promptly for ...") the message shows as urgent now, and
  // `pack`'s advice does not name (-1: none); it is asked first.
  int warns = -1;
  // The one article whose title's subject the message names ("a hepatic
  // hemangioma") although it does not read as asking it, when it is not
  // `pack` (-1: none). With no `pack` it is asked as from its page, and
  // its reply stands unless it refuses (`warns` is then its); when `pack`
  // refuses, it is asked too.
  int trial = -1;
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

  // Of `among`, at most `limit`: those whose titles share most terms with
  // `text` first, else in library order.
  std::vector<int> NearestByTitle(std::string_view text, std::vector<int> among,
                                  std::size_t limit) const;

  // The packs to ask whether `text` is urgent when it names no article
  // (each runs its own red flags; the first that escalates answers), in
  // library order: the first pack, whose lexicon flags every pack shares;
  // a pack whose own warning signs (its advice's) `text` may show, one
  // such pack for each distinct set of signs; a pack with an author's red
  // flag patterns; and for a lexicon flag the first pack reads as its
  // condition's usual course, the first pack that does not.
  std::vector<int> RedFlagPacks(std::string_view text) const;

 private:
  // Route's choice of pack, from `text`'s `keys`.
  LibraryRoute RouteByKeys(std::string_view text,
                           const std::vector<std::string>& keys,
                           int current) const;
  // Whether a stem that can name pack `p`'s subject is among `keys`.
  bool SubjectStemAmong(const std::vector<std::string>& keys, int p) const;
  // Whether pack `p`'s subject reading finds its subject asked in a
  // message (its `main` question, `shape`'s other questions, or its story
  // when that decides by no more than a scope word and names the title's
  // subject, whose keys `story_keys` gives).
  bool NamesArticle(
      int p, const std::string& main, const intents::MessageShape& shape,
      const std::function<const std::vector<std::string>&()>& story_keys) const;
  // For a message routed to pack `to`, which reads the lexicon's flags
  // itself (knowing its condition's usual course): another pack whose own
  // warning signs (its advice's) `text` shows as urgent now, or -1. A
  // sign with a symptom `to`'s own advice names is `to`'s to judge (its
  // "dizziness and fainting" is not another's "dizziness or fainting").
  int OtherArticlesSign(std::string_view text,
                        const std::vector<std::string>& keys, int to) const;
  // The stems and terms of `text` the indexes and titles are compared
  // with (sorted, each once).
  std::vector<std::string> Keys(std::string_view text) const;
  // RedFlagPacks' index for pack `p`; `sign_sets` holds the sets of signs
  // indexed before (a pack with the same signs as an earlier one is not).
  void IndexRedFlags(int p, intents::StringSet* sign_sets);
  // With no article named and no page: of the packs the message (its
  // `main` question and `shape`'s story) says nothing foreign to, the one
  // whose title shares the most of its terms (`keys`); -1 on a tie or
  // when none shares any.
  int OpenByTitle(const std::string& main, const std::vector<std::string>& keys,
                  const intents::MessageShape& shape) const;
  // The packs (in library order) whose subject stems are among `keys`,
  // with `current` when it is one.
  std::vector<int> Candidates(const std::vector<std::string>& keys,
                              int current) const;
  // Of `candidates`, the pack whose title shares the most terms with the
  // message (`keys`); -1 on a tie or when none shares any.
  int ByTitle(const std::vector<std::string>& keys,
              const std::vector<int>& candidates) const;
  // The one pack of `candidates` whose title's subject `keys` name, or -1.
  int OnlyTitleSubject(const std::vector<std::string>& keys,
                       const std::vector<int>& candidates) const;
  // Whether `keys` hold a word of pack `p`'s title that names its subject.
  bool NamesTitleSubject(const std::vector<std::string>& keys, int p) const;
  bool NamesOwnTitleWord(const std::vector<std::string>& keys, int p) const;
  // Whether a story's subject reading decides by no organ, group of
  // patients or condition asked after (only by a scope word, "size").
  bool OnlyScopeDecides(const intents::SubjectCheck& told) const;
  // Of `named`, the pack more of whose subject stems are among `keys`
  // than any other's; -1 on a tie.
  int MostSubjects(const std::vector<std::string>& keys,
                   const std::vector<int>& named) const;
  // The subjects `main` names (as the first pack reads it) that no pack
  // mentions.
  std::vector<std::string> Uncovered(const std::string& main) const;
  // Of `named`, the pack whose title's subject the message names (ByTitle
  // among several), or -1.
  int Echoing(const std::vector<std::string>& keys,
              const std::vector<int>& named) const;

  std::vector<std::shared_ptr<const Pack>> packs_;
  intents::StringMap<int> by_name_;  // Pack::name -> index

  std::vector<std::vector<std::string>> title_terms_;     // sorted, per pack
  std::vector<std::vector<std::string>> title_subjects_;  // without organs
  std::vector<std::vector<std::string>> subject_stems_;   // sorted, per pack
  // The index: the stems that can name each pack's subject, and its
  // title's terms -> packs.
  intents::StringMap<std::vector<int>> packs_by_stem_;
  intents::StringMap<std::vector<int>> packs_by_title_term_;
  intents::SpellIndex spelling_;                // titles' and headings' words
  intents::StringSet mentioned_;                // every term of every pack
  std::vector<intents::StringSet> sign_terms_;  // of each pack's signs
  // RedFlagPacks' index: a term every sentence showing one of the pack's
  // signs has -> packs; packs with an author's flags; and for each
  // lexicon flag, the first pack where it is no usual course.
  intents::StringMap<std::vector<int>> packs_by_sign_term_;
  std::vector<int> author_flag_packs_;
  intents::StringMap<int> first_urgent_;
};

}  // namespace faqbot::dialogs

#endif  // FAQBOT_DIALOGS_LIBRARY_H_
