// faqbot::bot: the whole pipeline behind one call, for every adapter.
//
//   auto pack = LoadPack("content/liver-calcification");   // pack_loader.h
//   if (!pack) { print pack.error().message; exit }
//   Bot bot(*pack);
//   Result<Reply> r = bot.Handle("session-1", {.text = "what causes it?"});
//
// Handle() validates the message (UTF-8, not empty, not too long), runs
// the dialog step on the session's state, and marks the first reply of a
// session with the disclaimer, and queues the exchange for the transcript.
// With a handoff desk, a message asking for a person queues the
// conversation for an operator, and one an operator holds is passed on
// (ReplyKind::kHeld) unless it is a red flag.
// It is thread-safe; messages of one session are handled one at a time. Its
// only I/O is the session store's (none for the default in-memory one).
#ifndef FAQBOT_BOT_BOT_H_
#define FAQBOT_BOT_BOT_H_

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "bot/handoff.h"
#include "bot/store/session_store.h"
#include "bot/store/transcript_log.h"
#include "dialogs/dialogs.h"
#include "dialogs/library.h"

namespace faqbot::bot {

using dialogs::Reply;
using dialogs::ReplyKind;

struct Message {
  std::string text;    // what the user typed, or
  std::string choice;  // the id of a pressed choice (an error if unknown), or
  // what a platform's button sent back: a choice id when the pack has that
  // node, else handled as typed text (an old button after a pack edit,
  // or a quick reply the platform filled with its title).
  std::string button;
  std::string_view channel;  // for the transcript: "web", "telegram", ...
  // Where the channel would send this person an operator's message, when
  // the session id does not say (Handoff::address).
  std::string_view address;
  // The sender's network address when the channel knows one that is the
  // person's own (widget, REST, Direct Line; not a platform's webhook),
  // for per-client limits; "" otherwise.
  std::string_view client;
  // The channel showed this session Welcome() (with the disclaimer)
  // before its first message, so the first reply need not repeat it.
  bool welcomed = false;
  // The client's id for this message (the widget's), so that one sent
  // again after a reconnect is answered from the session's record instead
  // of running the turn twice; "" for none. At most
  // Session::kMaxMessageIdBytes.
  std::string_view id;
  // In a library: the article (pack name) of the page the person asks
  // from (the widget's data-pack), preferred while the conversation is on
  // none; "" for none (channels without a page).
  std::string page;
};

struct BotOptions {
  // Longest accepted message, in bytes; longer ones are an error.
  std::size_t max_message_bytes = 2000;
  // Sessions idle this long are forgotten.
  std::chrono::seconds session_idle_expiry{std::chrono::hours(1)};
  // Sessions kept in memory at most (the least recently used go first).
  std::size_t max_sessions = 100000;
  // Where sessions live; null means in this process's memory.
  std::shared_ptr<SessionStore> sessions;
  // Where exchanges are recorded; null records nothing.
  std::shared_ptr<TranscriptLog> transcripts;
  // Operator handoff (handoff.h); null: asking for a person gets the
  // pack's handoff_unavailable wording.
  std::shared_ptr<HandoffDesk> handoff;
  // Conversations from one client address (Message::client) waiting for
  // a person at once; more are told so (one client cannot fill the queue).
  std::size_t handoff_per_client = 3;
};

// The intent of a library's "which article?" reply.
inline constexpr std::string_view kWhichArticleIntent = "library.which";

class Bot {
 public:
  explicit Bot(std::shared_ptr<const dialogs::Pack> pack,
               BotOptions options = {});
  // A library of articles in one bot (issue #31): each message goes to the
  // article whose subject it asks about (dialogs::Library), follow-ups stay
  // with the conversation's article, and an answer from another article
  // than the one the conversation (or its page) was on says so (its
  // notice: "From the article ..."). A message
  // that names no article's subject, or several, is asked which article
  // (its red flags answered first, from every article). The first pack
  // speaks for the library (greeting, disclaimer, operator handoff).
  explicit Bot(std::shared_ptr<const dialogs::Library> library,
               BotOptions options = {});

  // One message of a session. Errors (for the adapter to report): invalid
  // UTF-8, empty or over-long text, neither text nor choice, an unknown
  // choice id. The session's state is unchanged on error.
  Result<Reply> Handle(std::string_view session, const Message& message,
                       dialogs::Trace* trace = nullptr);

  // Told of every reply Handle gives, on any channel, with the seconds it
  // took (the server's /metrics). Set before the first message.
  using ReplyObserver = std::function<void(const Reply&, double seconds)>;
  void ObserveReplies(ReplyObserver fn) { observer_ = std::move(fn); }

  // The greeting a new session starts with (it carries the disclaimer).
  // It creates no session: the first message does (so a connection that
  // never says anything costs no session), and a first message marked
  // `welcomed` starts as if this greeting had been answered.
  Reply Welcome() const;

  // Records what operator `op` wrote to the person of `handoff` in the
  // transcript (kind "operator"; the name hashed like session ids), so
  // nothing the person was told is missing from it.
  void RecordOperatorLine(const Handoff& handoff, const std::string& op,
                          const std::string& text);

  bool HasSession(std::string_view session) const {
    return sessions_->Contains(session);
  }

  const SessionStore& sessions() const { return *sessions_; }
  // Messages whose state change reached only this process's copy of the
  // session (a shared store was unreachable), since start.
  uint64_t kept_locally() const { return kept_locally_.load(); }

  // The pack, or a library's first.
  std::shared_ptr<const dialogs::Pack> pack() const { return pack_.load(); }
  // The library, or null for a one-article bot.
  std::shared_ptr<const dialogs::Library> library() const {
    return library_.load();
  }
  // Swaps in a new version of one article of the library (hot reload of
  // that pack; the others keep serving). Fails when the library has no
  // article of that name. Thread-safe.
  Status SetArticle(std::shared_ptr<const dialogs::Pack> pack);

  // Swaps in a new pack for every later message (hot reload). Sessions
  // keep their state; one whose nodes vanished restarts at the topics with
  // a notice. Thread-safe.
  void SetPack(std::shared_ptr<const dialogs::Pack> pack) {
    pack_.store(std::move(pack));
  }
  const BotOptions& options() const { return options_; }

 private:
  std::atomic<std::shared_ptr<const dialogs::Pack>> pack_;
  std::atomic<std::shared_ptr<const dialogs::Library>> library_;
  std::mutex article_swaps_;  // one SetArticle at a time: none is lost
  BotOptions options_;
  std::shared_ptr<SessionStore> sessions_;
  ReplyObserver observer_;
  std::atomic<uint64_t> kept_locally_{0};
  // Acts on where a state change went (counts kKeptLocally).
  void Count(Stored stored) {
    if (stored == Stored::kKeptLocally) ++kept_locally_;
  }
  Result<Reply> HandleMessage(std::string_view session, const Message& given,
                              dialogs::Trace* trace);
  // A library's step (bot_library.cc): the article that answers, then its
  // runner's step on the session's state in that article.
  Result<Reply> StepInLibrary(const dialogs::Library& library,
                              dialogs::DialogState* state,
                              const Message& message,
                              dialogs::Trace* trace) const;
  static Reply LibraryWelcome(const dialogs::Library& library);
  bool IsChoiceId(const dialogs::Pack& pack, std::string_view id) const;
  static ExchangeRef ExchangeOf(std::string_view session,
                                const Message& message, const Reply& reply);
  void Record(std::string_view session, const Message& message,
              const Reply& reply);
  // Handoff's part of a message (bot_handoff.cc): a reply when the
  // message asks for a person or an operator holds the conversation, else
  // nullopt (the bot answers).
  // Whether the session's last message id was `id` (then a repeat);
  // remembers `id` as the last. False for "".
  bool SeenBefore(std::string_view session, std::string_view id);
  std::optional<Result<Reply>> HandleHandoff(std::string_view session,
                                             const Message& message,
                                             const dialogs::Pack& pack);
  Reply AskForPerson(std::string_view session, const Message& message,
                     const dialogs::Pack& pack);
  void NoteWhileWaiting(std::string_view session, const Message& message,
                        const Reply& reply);
  // Keeps the exchange in `s` for an operator who may take over later.
  static void KeepExchange(Session& s, const Message& message,
                           const Reply& reply);
};

// Checks a message's text as every adapter must: valid UTF-8 without
// control characters (tab and line breaks are fine), something besides
// spaces, at most `max_bytes`. The error says which.
Status ValidateText(std::string_view text, std::size_t max_bytes);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_BOT_H_
