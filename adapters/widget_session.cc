#include "adapters/widget_session.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>

#include "adapters/client_frame.h"
#include "adapters/handoff_relay.h"
#include "adapters/log.h"
#include "adapters/reply_json.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;

// An error frame; with the id of the message it answers, when known.
std::string ErrorFrame(const std::string& what, const std::string& id = "") {
  json frame = {{"type", "error"}, {"error", what}};
  if (!id.empty()) frame["id"] = id;
  return DumpJson(frame);
}

// The widget's session ids are 32 lowercase hex digits (NewSessionId).
bool IsWebSessionId(std::string_view id) { return IsLowerHex(id, 32); }

// Where a widget session lives in the bot's store: its own key space, so
// no id a browser sends can name another channel's conversation.
std::string StoreKey(std::string_view id) { return "web:" + std::string(id); }

}  // namespace

std::string NewSessionId() {
  thread_local std::random_device device;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (int i = 0; i < 4; ++i) {
    uint32_t r = device();
    for (int j = 0; j < 8; ++j, r >>= 4) id += kHex[r & 15];
  }
  return id;
}

WidgetSession::WidgetSession(std::shared_ptr<ServerState> state,
                             std::string resume, std::string client, int seen)
    : state_(std::move(state)),
      resume_(std::move(resume)),
      client_(std::move(client)),
      seen_(seen),
      limit_(state_->config.messages_per_second,
             state_->config.messages_per_second),
      lane_(state_->backstage.NewLane()) {}

WidgetSession::~WidgetSession() = default;

void WidgetSession::Register(const std::shared_ptr<WsConnection>& connection) {
  std::lock_guard lock(state_->mu);
  registry_id_ = ++state_->next_socket;
  state_->sockets[registry_id_] = connection;
  self_ = connection;
  if (!listed_.empty()) ListLocked();  // OnOpen came first
  // Shutdown may have listed the open sockets before this one was added.
  if (state_->stopping) connection->Close();
}

void WidgetSession::ListLocked() {
  // The newest connection of a session is the one that gets its pushes.
  if (!self_.expired()) state_->widgets[listed_] = self_;
}

void WidgetSession::OnClose() {
  std::string listed;
  bool newest = false;
  {
    std::lock_guard lock(state_->mu);
    state_->sockets.erase(registry_id_);
    const auto it = state_->widgets.find(listed_);
    // Only if it is still this connection (not a newer one of the session).
    newest = it != state_->widgets.end() && !it->second.owner_before(self_) &&
             !self_.owner_before(it->second);
    if (newest) state_->widgets.erase(it);
    listed = listed_;
  }
  if (newest && state_->bot.options().handoff) {
    lane_->Post(
        [self = shared_from_this(), listed] { self->MarkLeft(listed); });
  }
}

// The operator's console shows that the person left.
void WidgetSession::MarkLeft(const std::string& listed) {
  bot::HandoffDesk* desk = state_->bot.options().handoff.get();
  if (desk->StatusOf(listed) != bot::HandoffStatus::kNone) {
    desk->SetLeft(listed, bot::UnixMs());
  }
}

// The operator's messages after the first seen_ (the widget showed
// those), in order: what was written while the widget was offline.
void WidgetSession::SendMissed(WsConnection& connection) {
  bot::HandoffDesk* desk = state_->bot.options().handoff.get();
  if (!desk || seen_ < 0) return;
  int n = 0;
  for (const bot::HandoffLine& line : desk->Lines(listed_)) {
    if (line.from == "person" || line.from == "bot" || n++ < seen_) continue;
    connection.Send(
        ReplyToJsonText(HandoffRelay::FromOperator(line.from, line.text),
                        {{"type", "push"}, {"from", line.from}}));
  }
}

void WidgetSession::OnOpen(WsConnection& connection) {
  if (!state_->backstage.threaded()) return Greet(connection);  // no hop
  lane_->Post([self = shared_from_this(), c = connection.shared()] {
    self->Greet(*c);
  });
}

void WidgetSession::Greet(WsConnection& connection) {
  const auto pack = state_->bot.pack();
  const dialogs::Wording& wording = pack->wording;
  if (IsWebSessionId(resume_) && state_->bot.HasSession(StoreKey(resume_))) {
    session_ = resume_;
    connection.Send(DumpJson({{"type", "session"},
                              {"session", session_},
                              {"resumed", true},
                              {"connection_lost", wording.connection_lost}}));
  } else {
    session_ = NewSessionId();
    json hello = {{"type", "session"},
                  {"session", session_},
                  {"resumed", false},
                  {"connection_lost", wording.connection_lost}};
    if (!resume_.empty()) hello["notice"] = wording.session_restarted;
    connection.Send(DumpJson(hello));
    connection.Send(
        ReplyToJsonText(state_->bot.Welcome(), {{"type", "reply"}}));
  }
  {
    std::lock_guard lock(state_->mu);
    listed_ = StoreKey(session_);
    ListLocked();
  }
  bot::HandoffDesk* desk = state_->bot.options().handoff.get();
  if (const auto h = desk ? desk->Find(listed_) : std::nullopt;
      h && h->left_ms != 0) {
    desk->SetLeft(listed_, 0);  // back
  }
  if (session_ == resume_) SendMissed(connection);
  // Shutting down: the greeting goes out first, then the close.
  if (state_->stopping) connection.Close();
}

void WidgetSession::OnMessage(WsConnection& connection, std::string payload) {
  if (!limit_.Take()) {
    state_->metrics.RateLimited();
    std::string id;  // so the widget knows which message was refused
    (void)ParseClientFrame(payload, &id);
    return connection.Send(ErrorFrame(
        "rate limit: at most " +
            std::to_string(
                static_cast<int>(state_->config.messages_per_second)) +
            " messages per second; this one was not answered",
        id));
  }
  if (!state_->backstage.threaded()) return Reply(connection, payload);
  lane_->Post([self = shared_from_this(), c = connection.shared(),
               p = std::move(payload)] { self->Reply(*c, p); });
}

void WidgetSession::Reply(WsConnection& connection,
                          const std::string& payload) {
  // The last line of defence: an exception here is a bug in the bot, and
  // it must cost this one message, not every connection of the process.
  try {
    Answer(connection, payload);
  } catch (const std::exception& e) {
    static LogThrottle throttle;
    state_->metrics.Error();
    if (throttle.ShouldLog()) {
      Log("bug: a /ws message (session " + session_.substr(0, 8) + ", " +
          std::to_string(payload.size()) + " bytes) threw: " + e.what() + " (" +
          std::to_string(throttle.count()) + " so far)");
    }
    connection.Send(ErrorFrame(
        "internal error: this message was not answered; please try again"));
  }
}

void WidgetSession::Answer(WsConnection& connection,
                           const std::string& payload) {
  std::string id;  // the widget's id for the message: its reply carries it
  auto message = ParseClientFrame(payload, &id);
  if (!message) {
    state_->metrics.Error();
    return connection.Send(ErrorFrame(message.error().message));
  }
  message->channel = "web";
  message->client = client_;
  message->welcomed = true;  // OnOpen greeted every new session
  auto reply = state_->bot.Handle(listed_, *message);
  if (!reply) {
    state_->metrics.Error();
    return connection.Send(ErrorFrame(reply.error().message, id));
  }
  if (state_->config.log_messages) {
    Log("message session=" + session_.substr(0, 8) +
        " kind=" + std::string(dialogs::ReplyKindName(reply->kind)) +
        " node=" + reply->node);
  }
  connection.Send(
      id.empty() ? ReplyToJsonText(*reply, {{"type", "reply"}})
                 : ReplyToJsonText(*reply, {{"type", "reply"}, {"id", id}}));
}

}  // namespace faqbot::adapters
