// Bot's part for a library of articles (bot.h): which article answers a
// message, and a reply that says so when it is not the one the
// conversation was on.
#include <algorithm>
#include <optional>

#include "bot/bot.h"
#include "dialogs/navigation.h"
#include "dialogs/wording.h"
#include "intents/normalizer.h"

namespace faqbot::bot {
namespace {

// A choice id that picks an article: "article:fatty-liver".
constexpr std::string_view kArticleChoice = "article:";

// At most this many articles are offered at once: a chat platform shows
// a handful of buttons, and a big library is asked by subject.
constexpr std::size_t kMaxArticleChoices = 10;

// "Which article?": the articles of `among` as choices (those whose titles
// share most words with `text` first, at most kMaxArticleChoices),
// remembered in `state` so that a typed number picks one.
Reply WhichArticle(const dialogs::Library& library, std::string_view text,
                   std::vector<int> among, dialogs::DialogState* state) {
  among = library.NearestByTitle(text, std::move(among), kMaxArticleChoices);
  Reply r;
  r.kind = ReplyKind::kClarify;
  r.intent = std::string(kWhichArticleIntent);
  r.text = library.packs()[0]->wording.library_which;
  *state = dialogs::DialogState{};
  for (const int p : among) {
    const dialogs::Pack& pack = *library.packs()[p];
    state->choices.push_back(std::string(kArticleChoice) + pack.name);
    r.choices.push_back({state->choices.back(), pack.document.title});
  }
  return r;
}

// "Which article?" becomes "none of these covers X" when the message asks
// about a subject no article mentions: the articles are still offered.
void NotInLibrary(const dialogs::Library& library,
                  const dialogs::LibraryRoute& route, Reply* r) {
  for (const auto& w : route.uncovered) {
    r->not_covered += (r->not_covered.empty() ? "" : ", ") + w;
  }
  r->kind = ReplyKind::kFallback;
  r->intent = "fallback.library-not-covered";
  r->text = dialogs::Fill(library.packs()[0]->wording.library_not_covered,
                          {{"word", r->not_covered}});
}

std::vector<int> AllOf(const dialogs::Library& library) {
  std::vector<int> all(library.size());
  for (int p = 0; p < library.size(); ++p) all[p] = p;
  return all;
}

// The article a pressed choice or a typed pick ("2", "the second one",
// the runner's ChoiceNumber) chooses after "which article?", or -1 when
// the message does neither.
int PickedArticle(const dialogs::Library& library,
                  const dialogs::DialogState& state, const Message& message) {
  std::string_view id = message.choice;
  if (id.empty() && !state.choices.empty() &&
      state.choices[0].starts_with(kArticleChoice)) {
    const intents::Lexicon& lexicon = library.packs()[0]->lexicon();
    const int n = dialogs::ChoiceNumber(
        intents::Normalize(message.text, lexicon), lexicon);
    const int count = static_cast<int>(state.choices.size());
    const int pick = n == -1 ? count : n;  // -1: the last one
    if (pick >= 1 && pick <= count) id = state.choices[pick - 1];
  }
  if (!id.starts_with(kArticleChoice)) return -1;
  return library.IndexOf(id.substr(kArticleChoice.size()));
}

// One message's step in a library: the state it moves, what was sent,
// the article the conversation is at home on (its page's, else the one
// it was on; -1: none) and the trace to fill.
struct ArticleTurn {
  const dialogs::Library& library;
  dialogs::DialogState* state;
  dialogs::Input input;
  int home;
  dialogs::Trace* trace;
};

// Article `to`'s reply to the turn, saying so when it is not the
// home article; `warns` (-1: none) is another article whose warning sign
// the message shows, asked first.
Result<Reply> AnswerFrom(const ArticleTurn& turn, int to, int warns) {
  const dialogs::Library& library = turn.library;
  // Every article's warning signs apply: one the message shows of another
  // article than its own is answered as that article answers it (when
  // its own does not escalate it already).
  if (warns >= 0 && !intents::FirstUrgent(library.packs()[to]->matcher.RedFlags(
                        turn.input.text))) {
    dialogs::DialogState scratch;
    auto r = dialogs::DialogRunner(library.packs()[warns].get())
                 .Step(&scratch, turn.input);
    if (r && r->kind == ReplyKind::kEscalation) return r;
  }
  const dialogs::Pack& pack = *library.packs()[to];
  dialogs::DialogState* state = turn.state;
  if (to != library.IndexOf(state->article)) {
    *state = dialogs::DialogState{};
    state->article = pack.name;
  }
  Result<Reply> r =
      dialogs::DialogRunner(&pack).Step(state, turn.input, turn.trace);
  if (!r) return r;
  r->article = pack.name;
  r->article_title = pack.document.title;
  const bool answers =
      r->kind == ReplyKind::kAnswer || r->kind == ReplyKind::kClarify;
  // Another article than the page's (or, without a page, than the one the
  // conversation was on) says so.
  // (A notice: every channel shows it before the answer, or its parts.)
  if (turn.home >= 0 && to != turn.home && answers) {
    const std::string from =
        dialogs::Fill(library.packs()[0]->wording.library_other_article,
                      {{"title", pack.document.title}});
    r->notice = r->notice.empty() ? from : from + " " + r->notice;
  }
  return r;
}

}  // namespace

// Whether a platform's button sent back a choice id: a node of the pack,
// or in a library of any of its articles (or an article itself).
bool Bot::IsChoiceId(const dialogs::Pack& pack, std::string_view id) const {
  const auto library = library_.load();
  if (!library) return pack.Find(std::string(id)) != nullptr;
  if (id.starts_with(kArticleChoice)) return true;
  return std::any_of(library->packs().begin(), library->packs().end(),
                     [&](const auto& p) { return p->Find(std::string(id)); });
}

Result<Reply> Bot::StepInLibrary(const dialogs::Library& library,
                                 dialogs::DialogState* state,
                                 const Message& message,
                                 dialogs::Trace* trace) const {
  const int current = library.IndexOf(state->article);
  const int page = library.IndexOf(message.page);
  // Follow-ups stay with the conversation's article; its page's article
  // is where a conversation starts.
  const int here = current >= 0 ? current : page;
  const ArticleTurn turn{library,
                         state,
                         {message.text, message.choice},
                         page >= 0 ? page : current,
                         trace};
  if (const int to = PickedArticle(library, *state, message); to >= 0) {
    // The picked article's summary and topics.
    return AnswerFrom({library, state, {"", "overview"}, turn.home, trace}, to,
                      -1);
  }
  if (std::string_view(message.choice).starts_with(kArticleChoice)) {
    return std::unexpected(Error::InvalidArgument(
        "unknown choice id \"" + message.choice + "\": no such article"));
  }
  if (!message.choice.empty()) {
    return AnswerFrom(turn, here >= 0 ? here : 0, -1);  // a node of it
  }
  const dialogs::LibraryRoute route = library.Route(message.text, here);
  // The article whose subject the message names, as from its page (or,
  // on a page, after the page's article refused): its reply stands unless
  // it refuses too.
  // (The state as it was, kept only when there is such an article.)
  const std::optional<dialogs::DialogState> before =
      route.trial >= 0 ? std::optional(*state) : std::nullopt;
  const auto tried = [&]() -> std::optional<Result<Reply>> {
    dialogs::DialogState trial = *before;
    const int home = turn.home >= 0 ? turn.home : route.trial;
    auto r = AnswerFrom({library, &trial, turn.input, home, trace}, route.trial,
                        route.pack >= 0 ? -1 : route.warns);
    if (r && r->kind == ReplyKind::kFallback) return std::nullopt;
    *state = std::move(trial);
    return r;
  };
  if (route.pack >= 0) {
    auto r = AnswerFrom(turn, route.pack, route.warns);
    if (r && r->kind == ReplyKind::kFallback && route.trial >= 0) {
      if (auto other = tried()) return *std::move(other);
    }
    return r;
  }
  if (route.trial >= 0) {
    if (auto other = tried()) return *std::move(other);
  }
  // No article named, or several: red flags first, from any article.
  for (const int p : library.RedFlagPacks(message.text)) {
    dialogs::DialogState scratch;
    auto r = dialogs::DialogRunner(library.packs()[p].get())
                 .Step(&scratch, turn.input);
    if (r && r->kind == ReplyKind::kEscalation) return r;
  }
  Reply which =
      WhichArticle(library, message.text,
                   route.ambiguous() ? route.named : AllOf(library), state);
  if (!route.uncovered.empty()) NotInLibrary(library, route, &which);
  return which;
}

Reply Bot::LibraryWelcome(const dialogs::Library& library) {
  dialogs::DialogState scratch;
  Reply r = WhichArticle(library, "", AllOf(library), &scratch);
  r.kind = ReplyKind::kSmalltalk;
  r.intent = "welcome";
  r.disclaimer = library.packs()[0]->wording.disclaimer;
  return r;
}

Status Bot::SetArticle(std::shared_ptr<const dialogs::Pack> pack) {
  const std::lock_guard lock(article_swaps_);
  const auto library = library_.load();
  const int at = library ? library->IndexOf(pack->name) : -1;
  if (at < 0) {
    return std::unexpected(Error::NotFound("no article \"" + pack->name +
                                           "\" in this bot's library"));
  }
  auto packs = library->packs();
  packs[at] = pack;
  if (at == 0) pack_.store(pack);
  library_.store(std::make_shared<const dialogs::Library>(std::move(packs)));
  return Ok();
}

}  // namespace faqbot::bot
