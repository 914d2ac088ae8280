// Bot's part of operator handoff (handoff.h): asking for a person, and
// messages while an operator holds the conversation.
#include "bot/bot.h"
#include "intents/utf8.h"

namespace faqbot::bot {
namespace {

// What the console shows for a message.
std::string Said(const Message& message) {
  return message.choice.empty() ? message.text
                                : "[pressed " + message.choice + "]";
}

HandoffLine Line(std::string from, std::string text) {
  return {
      .time_ms = UnixMs(), .from = std::move(from), .text = std::move(text)};
}

}  // namespace

void Bot::KeepExchange(Session& s, const Message& message, const Reply& reply) {
  std::string said = reply.text;
  if (reply.source && !reply.source->title.empty()) {
    said = reply.source->title + ": " + said;
  }
  if (s.recent.size() >= Session::kMaxRecent) s.recent.erase(s.recent.begin());
  s.recent.push_back(
      {.time_ms = UnixMs(),
       .person = intents::Clipped(Said(message), Session::kRecentBytes),
       .bot = intents::Clipped(said, Session::kRecentBytes)});
}

std::optional<Result<Reply>> Bot::HandleHandoff(std::string_view session,
                                                const Message& message,
                                                const dialogs::Pack& pack) {
  HandoffDesk* desk = options_.handoff.get();
  const HandoffStatus status =
      desk ? desk->StatusOf(session) : HandoffStatus::kNone;
  const bool asks = message.choice.empty() && AsksForPerson(message.text);
  if (status != HandoffStatus::kActive && !asks) return std::nullopt;
  // The operator sees it, unless the desk cannot be reached: then the
  // bot answers (and says why) rather than leave the person unheard.
  const bool active = status == HandoffStatus::kActive;
  // A message sent again with its id (a widget after a reconnect) reached
  // the operator the first time: it is not passed on, or recorded, twice.
  const bool repeat = active && SeenBefore(session, message.id);
  const bool answers_for_operator =
      active && !repeat &&
      !desk->AddLine(std::string(session), Line("person", Said(message)));
  // Red flags first, always: run the dialog step, but keep its state only
  // for an urgent-care reply, or when the bot answers for the operator.
  const dialogs::DialogRunner runner(&pack);
  Result<Reply> step = std::unexpected(Error::InvalidArgument(""));
  Count(sessions_->WithSession(session, [&](Session& s, bool created) {
    if (created && message.welcomed) s.disclaimed = true;
    dialogs::DialogState before = s.state;
    step = runner.Step(&s.state, {message.text, message.choice});
    if (!step ||
        (step->kind != ReplyKind::kEscalation && !answers_for_operator)) {
      s.state = before;
    }
  }));
  if (!step) return step;
  const bool urgent = step->kind == ReplyKind::kEscalation;
  Reply reply;
  if (answers_for_operator) {
    reply = std::move(*step);
    reply.notice = pack.wording.handoff_unreachable;
  } else if (active) {
    if (urgent) {
      reply = std::move(*step);
      if (!repeat) desk->AddLine(std::string(session), Line("bot", reply.text));
    } else {
      reply = {.kind = ReplyKind::kHeld, .intent = "handoff.held"};
    }
  } else {
    reply = AskForPerson(session, message, pack);
    if (urgent) {  // the urgent reply, with the handoff's news as a notice
      step->notice = reply.text;
      reply = std::move(*step);
    }
  }
  if (!repeat) Record(session, message, reply);
  return reply;
}

bool Bot::SeenBefore(std::string_view session, std::string_view id) {
  if (id.empty()) return false;
  bool seen = false;
  Count(sessions_->WithSession(session, [&](Session& s, bool) {
    seen = s.last_id == id;
    s.last_id = std::string(id);
    s.last_reply.reset();  // the operator answers this one
  }));
  return seen;
}

void Bot::RecordOperatorLine(const Handoff& handoff, const std::string& op,
                             const std::string& text) {
  if (!options_.transcripts) return;
  options_.transcripts->Append(
      {.time_ms = UnixMs(),
       .session = handoff.id,
       .channel = handoff.channel.empty() ? "api" : handoff.channel,
       .text = text,
       .kind = "operator",
       .node = std::string(kOperatorNodePrefix) + op});
}

void Bot::NoteWhileWaiting(std::string_view session, const Message& message,
                           const Reply& reply) {
  if (options_.handoff->StatusOf(session) != HandoffStatus::kWaiting) return;
  // The operator who takes it will see what the bot said meanwhile.
  const std::string id(session);
  options_.handoff->AddLine(id, Line("person", Said(message)));
  options_.handoff->AddLine(id, Line("bot", reply.text));
}

Reply Bot::AskForPerson(std::string_view session, const Message& message,
                        const dialogs::Pack& pack) {
  Reply reply{.kind = ReplyKind::kHandoff, .intent = "handoff.request"};
  HandoffDesk* desk = options_.handoff.get();
  if (desk && desk->StatusOf(session) != HandoffStatus::kNone) {
    reply.text = pack.wording.handoff_already;
    return reply;
  }
  const std::string asked =
      intents::Clipped(Said(message), HandoffDesk::kAskedBytes);
  if (desk == nullptr || desk->Waiting() >= HandoffDesk::kMaxWaiting ||
      !desk->AnyOnline()) {
    reply.intent = "handoff.unavailable";
    reply.text = pack.wording.handoff_unavailable;
    if (desk && desk->Waiting() < HandoffDesk::kMaxWaiting) {
      // The team sees later that someone asked while no one was there.
      const int64_t now = UnixMs();
      desk->AddEnded({{.id = std::string(session),
                       .channel = std::string(message.channel),
                       .asked = asked,
                       .requested_ms = now},
                      "no one online",
                      now});
    }
    return reply;
  }
  if (!message.client.empty() &&
      desk->WaitingFrom(message.client) >= options_.handoff_per_client) {
    reply.intent = "handoff.limited";
    reply.text = pack.wording.handoff_limited;
    return reply;
  }
  const std::string id(session);
  if (!desk->Request({.id = id,
                      .channel = std::string(message.channel),
                      .address = std::string(message.address),
                      .client = std::string(message.client),
                      .asked = asked,
                      .requested_ms = UnixMs()})) {
    reply.text = pack.wording.handoff_already;
    return reply;
  }
  // What the operator sees first: the topics so far, the conversation's
  // last exchanges both ways, then the request.
  std::string earlier;
  std::vector<EarlierExchange> recent;
  Count(sessions_->WithSession(session, [&](Session& s, bool) {
    earlier.clear();
    for (const auto& node_id : s.state.history) {
      if (const auto* node = pack.Find(node_id)) {
        earlier += (earlier.empty() ? "" : "; ") + node->title;
      }
    }
    recent = s.recent;
  }));
  if (!earlier.empty()) {
    desk->AddLine(id, Line("bot", "Topics so far: " + earlier));
  }
  for (const EarlierExchange& e : recent) {
    desk->AddLine(id,
                  {.time_ms = e.time_ms, .from = "person", .text = e.person});
    desk->AddLine(id, {.time_ms = e.time_ms, .from = "bot", .text = e.bot});
  }
  desk->AddLine(id, Line("person", Said(message)));
  reply.text = pack.wording.handoff_requested;
  desk->AddLine(id, Line("bot", reply.text));
  return reply;
}

}  // namespace faqbot::bot
