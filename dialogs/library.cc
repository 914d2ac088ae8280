#include "dialogs/library.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <optional>
#include <string>

#include "dialogs/the_only_one.h"
#include "intents/medical_terms.h"
#include "intents/message.h"
#include "intents/normalizer.h"

namespace faqbot::dialogs {
namespace {

// `items` sorted, each once.
template <typename T>
std::vector<T> SortedOnce(std::vector<T> items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  return items;
}

// Pack `p` under `key`; packs are added in library order, so a pack
// already there is the last one.
void Post(intents::StringMap<std::vector<int>>& index, const std::string& key,
          int p) {
  auto& packs = index[key];
  if (packs.empty() || packs.back() != p) packs.push_back(p);
}

// The packs under each of `keys` appended to `out`.
void LookUp(const intents::StringMap<std::vector<int>>& index,
            const std::vector<std::string>& keys, std::vector<int>* out) {
  for (const auto& key : keys) {
    if (const auto it = index.find(key); it != index.end()) {
      out->insert(out->end(), it->second.begin(), it->second.end());
    }
  }
}

}  // namespace

Library::Library(std::vector<std::shared_ptr<const Pack>> packs)
    : packs_(std::move(packs)) {
  intents::StringSet sign_sets;  // the distinct sets of signs indexed
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
    terms = SortedOnce(std::move(terms));
    // Of those, what names the article's subject, not where it is
    // ("hemangioma", not "liver").
    std::vector<std::string> subjects;
    std::copy_if(terms.begin(), terms.end(), std::back_inserter(subjects),
                 [&](const std::string& t) {
                   return !lex.IsStem(t, intents::WordClass::kOrgans);
                 });
    const int p = static_cast<int>(title_terms_.size());
    by_name_.try_emplace(pack->name, p);
    for (const auto& t : terms) Post(packs_by_title_term_, t, p);
    subject_stems_.push_back(SortedOnce(pack->matcher.SubjectStems()));
    for (const auto& stem : subject_stems_.back())
      Post(packs_by_stem_, stem, p);
    for (const auto& word : intents::Normalize(pack->document.title, lex)) {
      spelling_.Add(word);
    }
    for (const auto& section : pack->document.sections) {
      for (const auto& word : intents::Normalize(section.heading, lex)) {
        spelling_.Add(word);
      }
    }
    title_terms_.push_back(std::move(terms));
    title_subjects_.push_back(std::move(subjects));
    for (const auto& term : pack->matcher.Terms()) mentioned_.insert(term);
    const auto signs = pack->matcher.red_flags().SignTerms();
    sign_terms_.emplace_back(signs.begin(), signs.end());
  }
  for (int p = 0; p < size(); ++p) IndexRedFlags(p, &sign_sets);
}

void Library::IndexRedFlags(int p, intents::StringSet* sign_sets) {
  const intents::Matcher& matcher = packs_[p]->matcher;
  if (matcher.has_author_red_flags()) author_flag_packs_.push_back(p);
  for (const auto& flag : packs_[p]->lexicon().RedFlags()) {
    if (!matcher.red_flags().Usual(flag.name)) {
      first_urgent_.try_emplace(flag.name, p);
    }
  }
  // Packs with the same signs read a message the same: the first asks.
  const auto signs = matcher.red_flags().UrgentSigns();
  std::string signature;
  for (const auto& sign : signs) {
    for (const auto& group : sign) {
      for (const auto& term : group) signature += term + ',';
      signature += ';';
    }
    signature += '\n';
  }
  if (signs.empty() || !sign_sets->insert(signature).second) return;
  const intents::Lexicon& lex = packs_[p]->lexicon();
  const auto common = [&](const std::vector<std::string>& group) {
    return std::any_of(group.begin(), group.end(), [&](const auto& term) {
      return lex.IsStem(term, intents::WordClass::kGeneric) ||
             lex.IsStem(term, intents::WordClass::kStopwords);
    });
  };
  for (const auto& sign : signs) {
    // A sentence shows a sign with a term of each group (of all but one,
    // from four groups on): it has a term of any one group, or of one of
    // any two groups when one may be left out. Those indexed are groups
    // without an everyday word ("cause"), which most messages have.
    std::vector<std::size_t> groups(sign.size());
    std::iota(groups.begin(), groups.end(), 0);
    std::stable_sort(groups.begin(), groups.end(), [&](auto a, auto b) {
      return !common(sign[a]) && common(sign[b]);
    });
    const std::size_t needed = sign.size() >= 4 ? 2 : 1;
    for (std::size_t g = 0; g < needed && g < groups.size(); ++g) {
      for (const auto& term : sign[groups[g]]) {
        Post(packs_by_sign_term_, term, p);
      }
    }
  }
}

std::vector<std::string> Library::Keys(std::string_view text) const {
  const intents::Lexicon& lex = packs_[0]->lexicon();
  // The terms as every pack reads them (the lexicon's synonyms: "renal"
  // reads as "kidney"), and each word's own stem.
  intents::Analysis a =
      packs_[0]->matcher.analyzer().Analyze(text, /*correct_spelling=*/false);
  // Without a synonym the terms are the words' stems, one for one.
  const bool stemmed = a.synonyms.empty();
  std::vector<std::string> keys = std::move(a.terms);
  const intents::Analyzer& analyzer = packs_[0]->matcher.analyzer();
  for (const auto& word : a.words) {
    if (!stemmed) keys.push_back(analyzer.CachedStem(word));
    // A misspelt subject ("hemangiomma"): each pack corrects it against
    // its own words; here, against every title's and heading's. A real
    // word, everyday or medical, is no typo (as in each pack).
    if (intents::IsMedicalWord(word, lex) ||
        intents::IsEverydayWord(word, lex)) {
      continue;
    }
    if (const auto spelled = spelling_.Correct(word)) {
      keys.push_back(lex.Stem(*spelled));
    }
  }
  return SortedOnce(std::move(keys));
}

std::vector<int> Library::RedFlagPacks(std::string_view text) const {
  if (packs_.empty()) return {};
  std::vector<int> out = author_flag_packs_;
  out.push_back(0);
  LookUp(packs_by_sign_term_, Keys(text), &out);
  // A lexicon flag told now that the first pack reads as its usual course
  // ("blood in the urine" to a kidney-stone article) is urgent to others.
  for (const auto& hit : packs_[0]->matcher.RedFlags(text)) {
    if (hit.telling != intents::Telling::kNow || !hit.usual) continue;
    if (const auto it = first_urgent_.find(hit.name);
        it != first_urgent_.end()) {
      out.push_back(it->second);
    }
  }
  return SortedOnce(std::move(out));
}

int Library::OtherArticlesSign(std::string_view text,
                               const std::vector<std::string>& keys,
                               int to) const {
  std::vector<int> asked;
  LookUp(packs_by_sign_term_, keys, &asked);
  for (const int p : SortedOnce(std::move(asked))) {
    if (p == to) continue;
    for (const auto& hit : packs_[p]->matcher.RedFlags(text)) {
      if (!hit.sign || !hit.urgent()) continue;
      const auto terms = packs_[p]->matcher.red_flags().SignTerms(hit.name);
      if (std::none_of(terms.begin(), terms.end(), [&](const auto& t) {
            return sign_terms_[to].contains(t);
          })) {
        return p;
      }
    }
  }
  return -1;
}

std::vector<int> Library::Candidates(const std::vector<std::string>& keys,
                                     int current) const {
  std::vector<int> out;
  LookUp(packs_by_stem_, keys, &out);
  if (current >= 0) out.push_back(current);
  return SortedOnce(std::move(out));
}

namespace {

// How many of `keys` (sorted) `terms` (sorted) has.
int Shared(const std::vector<std::string>& keys,
           const std::vector<std::string>& terms) {
  int shared = 0;
  for (const auto& t : terms) {
    shared += std::binary_search(keys.begin(), keys.end(), t);
  }
  return shared;
}

// Of `candidates`, the pack whose `terms` have more of `keys` than any
// other's; -1 on a tie or when none has any.
int MostShared(const std::vector<std::string>& keys,
               const std::vector<int>& candidates,
               const std::vector<std::vector<std::string>>& terms) {
  int best = -1, best_shared = 0;
  bool tie = false;
  for (const int p : candidates) {
    const int shared = Shared(keys, terms[p]);
    if (shared > best_shared) {
      best = p, best_shared = shared, tie = false;
    } else if (shared == best_shared && shared > 0) {
      tie = true;
    }
  }
  return tie ? -1 : best;
}

}  // namespace

int Library::Echoing(const std::vector<std::string>& keys,
                     const std::vector<int>& named) const {
  std::vector<int> echo;
  for (const int p : named) {
    if (Shared(keys, title_subjects_[p]) > 0) echo.push_back(p);
  }
  if (echo.size() == 1) return echo[0];
  return echo.empty() ? -1 : ByTitle(keys, echo);
}

int Library::MostSubjects(const std::vector<std::string>& keys,
                          const std::vector<int>& named) const {
  return MostShared(keys, named, subject_stems_);
}

int Library::ByTitle(const std::vector<std::string>& keys,
                     const std::vector<int>& candidates) const {
  return MostShared(keys, candidates, title_terms_);
}

std::vector<int> Library::NearestByTitle(std::string_view text,
                                         std::vector<int> among,
                                         std::size_t limit) const {
  if (among.size() <= limit) return among;
  const std::vector<std::string> keys = Keys(text);
  std::stable_sort(among.begin(), among.end(), [&](int a, int b) {
    return Shared(keys, title_terms_[a]) > Shared(keys, title_terms_[b]);
  });
  among.resize(limit);
  return among;
}

int Library::IndexOf(std::string_view name) const {
  const auto it = by_name_.find(name);
  return it == by_name_.end() ? -1 : it->second;
}

LibraryRoute Library::Route(std::string_view text, int current) const {
  if (packs_.empty()) return {};
  const std::vector<std::string> keys = Keys(text);
  LibraryRoute route = RouteByKeys(text, keys, current);
  const int to = route.pack >= 0 ? route.pack : route.trial;
  if (to >= 0) route.warns = OtherArticlesSign(text, keys, to);
  return route;
}

LibraryRoute Library::RouteByKeys(std::string_view text,
                                  const std::vector<std::string>& keys,
                                  int current) const {
  LibraryRoute route;
  const std::vector<int> candidates = Candidates(keys, current);
  if (candidates.size() == 1 && candidates[0] == current) {
    route.pack = current;  // no other article's subject: a follow-up
    return route;
  }
  // Read as the dialog runner reads it: its questions (the message itself
  // when it asks none by the rules) and its story; any of them may name
  // the subject ("I have a hemangioma of the liver. Is surgery needed?").
  // Whether the article then answers or refuses is its own runner's call.
  const intents::MessageShape shape =
      intents::ReadMessage(text, packs_[0]->lexicon());
  const std::string main =
      shape.questions.empty() ? std::string(text) : shape.questions[0];
  std::optional<std::vector<std::string>> story_keys;  // once, when needed
  const auto story = [&]() -> const std::vector<std::string>& {
    if (!story_keys) story_keys = Keys(shape.context);
    return *story_keys;
  };
  // The conversation's article is read only when a stem of its subject is
  // among the message's: otherwise it keeps the message unless another
  // article's title subject is named, whatever it would read.
  const bool read_current = current >= 0 && SubjectStemAmong(keys, current);
  for (const int p : candidates) {
    if ((p != current || read_current) && NamesArticle(p, main, shape, story)) {
      route.named.push_back(p);
    }
  }
  const bool current_named = std::find(route.named.begin(), route.named.end(),
                                       current) != route.named.end();
  if (current >= 0 && !current_named) {
    // On an article's page, a question leaves it only for an article whose
    // title's subject it names ("I also have a hemangioma"), not for one
    // that mentions the word in passing (hepatitis, as a cause of
    // calcification): the page's article then refuses it itself.
    const int away = Echoing(keys, route.named);
    route.pack = away >= 0 ? away : current;
  } else if (current_named) {
    route.pack = current;
  } else if (int echo = Echoing(keys, route.named); echo >= 0) {
    // No page: the article whose title's subject the message names. One
    // that only mentions the word in passing is not chosen (a question
    // about hepatitis C is not for the calcification article).
    route.pack = echo;
  } else if (current < 0 && route.named.size() == 1 &&
             NamesOwnTitleWord(keys, route.named[0])) {
    // One article names the subject by a heading's word, and the message
    // names a word only its title has ("a gallbladder adenoma"): that one.
    route.pack = route.named[0];
  } else if (current < 0 && route.named.size() > 1) {
    // Several articles named, no title's subject among them: the one more
    // of whose subjects the message names ("intrahepatic bile duct
    // stones": the calcification article's section, not kidney stones),
    // else ask which.
    route.pack = MostSubjects(keys, route.named);
  } else if (route.named.empty() && current < 0) {
    // No article named: the one whose title the message echoes, among
    // those it says nothing foreign to ("fatty infiltrates in my liver").
    route.pack = OpenByTitle(main, keys, shape);
    if (route.pack < 0) route.uncovered = Uncovered(main);
  }
  if (const int only = OnlyTitleSubject(keys, candidates); only != route.pack) {
    route.trial = only;
  }
  return route;
}

bool Library::SubjectStemAmong(const std::vector<std::string>& keys,
                               int p) const {
  return std::any_of(keys.begin(), keys.end(), [&](const std::string& key) {
    const auto it = packs_by_stem_.find(key);
    return it != packs_by_stem_.end() &&
           std::binary_search(it->second.begin(), it->second.end(), p);
  });
}

bool Library::NamesArticle(
    int p, const std::string& main, const intents::MessageShape& shape,
    const std::function<const std::vector<std::string>&()>& story_keys) const {
  const intents::Matcher& matcher = packs_[p]->matcher;
  if (matcher.CheckSubject(main).about_pack) return true;
  for (std::size_t q = 1; q < shape.questions.size(); ++q) {
    if (matcher.CheckSubject(shape.questions[q]).about_pack) return true;
  }
  if (shape.context.empty()) return false;
  const intents::SubjectCheck told = matcher.CheckSubject(shape.context);
  if (!told.about_pack) return false;
  if (!told.decides) return true;
  return OnlyScopeDecides(told) && NamesTitleSubject(story_keys(), p);
}

// Whether `keys` hold a word of pack `p`'s title that no other article's
// title has ("gallbladder"; not "liver" in a library of liver articles).
bool Library::NamesOwnTitleWord(const std::vector<std::string>& keys,
                                int p) const {
  return std::any_of(keys.begin(), keys.end(), [&](const std::string& key) {
    const auto it = packs_by_title_term_.find(key);
    return it != packs_by_title_term_.end() && it->second.size() == 1 &&
           it->second.front() == p;
  });
}

// Whether `keys` hold a word of pack `p`'s title that names its subject
// ("hemangioma"; not "liver", not "dangerous").
bool Library::NamesTitleSubject(const std::vector<std::string>& keys,
                                int p) const {
  const auto& stems = subject_stems_[p];
  return std::any_of(title_subjects_[p].begin(), title_subjects_[p].end(),
                     [&](const std::string& t) {
                       return std::binary_search(stems.begin(), stems.end(),
                                                 t) &&
                              std::binary_search(keys.begin(), keys.end(), t);
                     });
}

// The one pack of `candidates` whose title's subject `keys` name ("a
// hepatic hemangioma": the hemangioma article), or -1: that article is
// asked as if the message came from its page, and refuses it itself
// when the rest of the message is not its subject.
int Library::OnlyTitleSubject(const std::vector<std::string>& keys,
                              const std::vector<int>& candidates) const {
  return TheOnlyOne(candidates,
                    [&](int p) { return NamesTitleSubject(keys, p) ? p : -1; });
}

// A story that names the article and decides only by a scope word ("the
// size increased to 6 cm", "it cost"): no organ, group of patients or
// condition asked after; the article then reads the questions itself.
bool Library::OnlyScopeDecides(const intents::SubjectCheck& told) const {
  const intents::Lexicon& lex = packs_[0]->lexicon();
  if (!told.patients.empty() || told.asks_condition) return false;
  return std::all_of(
      told.uncovered.begin(), told.uncovered.end(), [&](const std::string& u) {
        for (const auto& word : intents::Normalize(u, lex)) {
          const intents::TermKind kind = intents::ClassifyTerm(word, lex);
          if (kind == intents::TermKind::kOrgan ||
              kind == intents::TermKind::kGroup) {
            return false;
          }
        }
        return true;
      });
}

std::vector<std::string> Library::Uncovered(const std::string& main) const {
  const intents::Matcher& first = packs_[0]->matcher;
  std::vector<std::string> words = first.CheckSubject(main).uncovered;
  std::erase_if(words, [&](const std::string& word) {
    return mentioned_.contains(first.TermOf(word));
  });
  return words;
}

int Library::OpenByTitle(const std::string& main,
                         const std::vector<std::string>& keys,
                         const intents::MessageShape& shape) const {
  // How many of the message's terms each title has (the index's count).
  std::vector<std::pair<int, int>> shared;  // (-terms shared, pack)
  std::vector<int> hits;
  LookUp(packs_by_title_term_, keys, &hits);
  std::sort(hits.begin(), hits.end());
  for (std::size_t i = 0; i < hits.size();) {
    std::size_t j = i;
    while (j < hits.size() && hits[j] == hits[i]) ++j;
    shared.emplace_back(-static_cast<int>(j - i), hits[i]);
    i = j;
  }
  std::sort(shared.begin(), shared.end());
  // The most shared among the packs the message says nothing foreign to;
  // two of them sharing as many is a tie.
  const auto open = [&](int p) {
    const intents::Matcher& matcher = packs_[p]->matcher;
    return matcher.CheckSubject(main).uncovered.empty() &&
           (shape.context.empty() ||
            matcher.CheckSubject(shape.context).uncovered.empty());
  };
  for (std::size_t i = 0; i < shared.size();) {
    int found = -1, count = 0;
    std::size_t j = i;
    for (; j < shared.size() && shared[j].first == shared[i].first; ++j) {
      if (count < 2 && open(shared[j].second))
        found = shared[j].second, ++count;
    }
    if (count == 1) return found;
    if (count > 1) return -1;
    i = j;
  }
  return -1;
}

}  // namespace faqbot::dialogs
