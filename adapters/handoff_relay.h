// Carries operator handoff's messages (an operator's words, "a person has
// joined", "handed back") to the person, wherever they are connected:
// through the channel that owns the session on this instance (a platform's
// API), else announced through the handoff desk to every instance, where
// the one holding the widget's WebSocket or the Direct Line conversation
// shows it. Internal to adapters/. Thread-safe.
#ifndef FAQBOT_ADAPTERS_HANDOFF_RELAY_H_
#define FAQBOT_ADAPTERS_HANDOFF_RELAY_H_

#include <memory>
#include <string>
#include <vector>

#include "adapters/channel.h"
#include "bot/handoff.h"

namespace faqbot::adapters {

struct ServerState;

class HandoffRelay : public std::enable_shared_from_this<HandoffRelay> {
 public:
  // A relay listening to `desk`'s announcements while it lives.
  static std::shared_ptr<HandoffRelay> Make(bot::HandoffDesk& desk,
                                            std::shared_ptr<ServerState> state);

  void Send(const bot::Handoff& to, const bot::Reply& reply);

  // An operator's message: kOperator, signed with the operator's name.
  static bot::Reply FromOperator(const std::string& op,
                                 const std::string& text);

 private:
  HandoffRelay(bot::HandoffDesk& desk, std::shared_ptr<ServerState> state)
      : desk_(desk), state_(state) {}
  void Announced(const std::string& session, const std::string& payload);

  bot::HandoffDesk& desk_;
  std::weak_ptr<ServerState> state_;
};

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_HANDOFF_RELAY_H_
