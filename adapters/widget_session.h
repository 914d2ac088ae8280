// The chat widget's side of /ws: the WebSocket contract of README
// ("WebSocket contract"). Internal to adapters/.
//
// On open: {"type":"session","session":id,"resumed":bool} (and a notice
// when the asked-for session is unknown), then the welcome reply for a new
// session. Each client frame ({"text":...} or {"choice":...}) gets exactly
// one frame back: {"type":"reply",...} or {"type":"error","error":...}.
// With operator handoff, {"type":"push",...,"from":name} frames come
// whenever an operator writes (or joins, or leaves), and a message passed
// on to the operator is answered with kind "held" (nothing to show).
// Messages beyond messages_per_second get an error frame and no answer.
// A resumed session (`/ws?session=<id>&seen=<n>`) first gets, as push
// frames, the operator's messages after the n it has shown (those written
// while it was offline; up to the desk's 200 lines).
//
// Threads: the WsHandler calls come on the connection's strand; what may
// wait on Redis (the session's state, the handoff desk) runs on the
// session's lane of the backstage (backstage.h), in arrival order.
#ifndef FAQBOT_ADAPTERS_WIDGET_SESSION_H_
#define FAQBOT_ADAPTERS_WIDGET_SESSION_H_

#include <chrono>
#include <memory>
#include <string>

#include "adapters/rate_limit.h"
#include "adapters/server_state.h"
#include "adapters/ws_connection.h"

namespace faqbot::adapters {

class WidgetSession : public WsHandler,
                      public std::enable_shared_from_this<WidgetSession> {
 public:
  // `resume` is the session id the client asked to resume ("" for none);
  // `client` the client's address (HttpRequest::client); `seen` how many
  // of an operator's messages the widget has shown (-1: it does not say),
  // so a resumed session gets those it missed while offline.
  WidgetSession(std::shared_ptr<ServerState> state, std::string resume,
                std::string client, int seen = -1);
  ~WidgetSession() override;

  void OnOpen(WsConnection& connection) override;
  void OnMessage(WsConnection& connection, std::string payload) override;
  void OnClose() override;

  // Registers `connection` for shutdown (ServerState::sockets) and, once
  // its session is known, for an operator's messages (ServerState::widgets).
  void Register(const std::shared_ptr<WsConnection>& connection);

 private:
  // On the lane: the greeting, a message's answer, news that the person
  // left.
  void Greet(WsConnection& connection);
  void Reply(WsConnection& connection, const std::string& payload);
  void Answer(WsConnection& connection, const std::string& payload);
  void MarkLeft(const std::string& listed);
  void SendMissed(WsConnection& connection);
  void ListLocked();  // in ServerState::widgets; needs state_->mu

  std::shared_ptr<ServerState> state_;
  std::string session_;
  std::string resume_;
  const std::string client_;
  const int seen_;
  uint64_t registry_id_ = 0;
  std::weak_ptr<WsConnection> self_;  // guarded by state_->mu
  // "web:<id>", the bot's session id, once open: written on the lane
  // (Greet) under state_->mu, so read freely on the lane, elsewhere under it.
  std::string listed_;
  TokenBucket limit_;  // messages_per_second; on the connection's strand
  std::shared_ptr<Backstage::Lane> lane_;
};

// A new unguessable session id: 32 hex digits from the OS's random source.
std::string NewSessionId();

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_WIDGET_SESSION_H_
