#include "bot/bot.h"

#include "bot/unix_time.h"
#include "intents/utf8.h"

namespace faqbot::bot {

Status ValidateText(std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes) {
    return std::unexpected(Error::InvalidArgument(
        "message too long (" + std::to_string(text.size()) +
        " bytes; the limit is " + std::to_string(max_bytes) + ")"));
  }
  if (const auto bad = intents::FindInvalidUtf8(text)) {
    return std::unexpected(Error::InvalidArgument(
        "message is not valid UTF-8 (byte " + std::to_string(*bad) + ")"));
  }
  if (const auto at = intents::FindControl(text)) {
    return std::unexpected(
        Error::InvalidArgument("message holds a control character (byte " +
                               std::to_string(*at) + "); send plain text"));
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return std::unexpected(
        Error::InvalidArgument("message is empty; type a question"));
  }
  return Ok();
}

Bot::Bot(std::shared_ptr<const dialogs::Pack> pack, BotOptions options)
    : pack_(std::move(pack)),
      options_(options),
      sessions_(options_.sessions ? options_.sessions
                                  : std::make_shared<MemorySessionStore>(
                                        options_.session_idle_expiry,
                                        options_.max_sessions)) {}

Bot::Bot(std::shared_ptr<const dialogs::Library> library, BotOptions options)
    : Bot(library->packs().at(0), std::move(options)) {
  library_.store(std::move(library));
}

ExchangeRef Bot::ExchangeOf(std::string_view session, const Message& message,
                            const Reply& reply) {
  return {.time_ms = UnixMs(),
          .session = session,
          .channel = message.channel.empty() ? "api" : message.channel,
          .text = message.choice.empty() ? std::string_view(message.text)
                                         : std::string_view(),
          .choice = message.choice,
          .kind = dialogs::ReplyKindName(reply.kind),
          .node = reply.node,
          .confidence = reply.confidence,
          // In a library, the node of which article: "fatty-liver/overview",
          // or "fatty-liver/" for a reply of that article with no node (its
          // refusals, grouped by article in `faqbot transcripts`).
          .article = reply.article};
}

void Bot::Record(std::string_view session, const Message& message,
                 const Reply& reply) {
  if (options_.transcripts) {
    options_.transcripts->Append(ExchangeOf(session, message, reply));
  }
}

Result<Reply> Bot::Handle(std::string_view session, const Message& given,
                          dialogs::Trace* trace) {
  const auto start = std::chrono::steady_clock::now();
  Result<Reply> reply = HandleMessage(session, given, trace);
  if (reply && observer_) {
    observer_(*reply, std::chrono::duration<double>(
                          std::chrono::steady_clock::now() - start)
                          .count());
  }
  return reply;
}

Result<Reply> Bot::HandleMessage(std::string_view session, const Message& given,
                                 dialogs::Trace* trace) {
  const auto pack = pack_.load();
  // A button: a choice when this pack (the snapshot this message is
  // handled with) has the node, else text.
  Message resolved;
  const Message* m = &given;
  if (!given.button.empty()) {
    resolved = given;
    (IsChoiceId(*pack, given.button) ? resolved.choice : resolved.text) =
        std::move(resolved.button);
    resolved.button.clear();
    m = &resolved;
  }
  const Message& message = *m;
  if (message.choice.empty()) {
    if (auto s = ValidateText(message.text, options_.max_message_bytes); !s) {
      return std::unexpected(s.error());
    }
  } else if (message.choice.size() > 200) {
    return std::unexpected(Error::InvalidArgument("choice id too long"));
  }
  if (message.id.size() > Session::kMaxMessageIdBytes) {
    return std::unexpected(Error::InvalidArgument("message id too long"));
  }
  if (auto handled = HandleHandoff(session, message, *pack)) {
    return std::move(*handled);
  }
  const dialogs::DialogRunner runner(pack.get());
  const auto library = library_.load();  // this message's snapshot
  Result<Reply> result = std::unexpected(Error::InvalidArgument(""));
  bool repeated = false;  // answered before: the reply comes from the record
  // The exchange goes to the transcripts with the state when the store
  // keeps them (it survives this process), else through the log's queue.
  const bool with_state = options_.transcripts && sessions_->KeepsTranscripts();
  ExchangeRef exchange;  // views of session, message and *result
  std::string uid;
  const Stored stored = sessions_->WithSession(session, [&](Session& s,
                                                            bool created) {
    repeated = !message.id.empty() && s.last_id == message.id && s.last_reply;
    if (repeated) {
      result = *s.last_reply;
      return;
    }
    if (created && message.welcomed) s.disclaimed = true;
    result = library
                 ? StepInLibrary(*library, &s.state, message, trace)
                 : runner.Step(&s.state, {message.text, message.choice}, trace);
    if (!result) return;  // Step left the session as it was
    if (!s.disclaimed) {
      result->disclaimer = pack->wording.disclaimer;
      s.disclaimed = true;
    }
    if (options_.handoff) KeepExchange(s, message, *result);
    if (!message.id.empty()) {
      s.last_id = message.id;
      s.last_reply = *result;
    }
    if (with_state) {
      exchange = ExchangeOf(session, message, *result);
      uid = NewExchangeUid();  // a copy written twice counts once
      exchange.uid = uid;
      s.transcript = EncodeExchange(exchange);
    }
  });
  Count(stored);
  if (!result || repeated) return result;  // a repeat was recorded before
  if (!with_state) {
    Record(session, message, *result);
  } else if (stored != Stored::kSaved) {
    options_.transcripts->Append(exchange);
  }
  if (options_.handoff) NoteWhileWaiting(session, message, *result);
  return result;
}

Reply Bot::Welcome() const {
  if (const auto library = library_.load()) return LibraryWelcome(*library);
  const auto pack = pack_.load();
  dialogs::DialogState scratch;
  Reply reply = dialogs::DialogRunner(pack.get()).Welcome(&scratch);
  reply.disclaimer = pack->wording.disclaimer;
  return reply;
}

}  // namespace faqbot::bot
