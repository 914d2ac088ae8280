#include "adapters/handoff_relay.h"

#include <nlohmann/json.hpp>

#include "adapters/reply_json.h"
#include "adapters/server_state.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;

// What crosses instances: only what a pushed reply carries.
std::string Payload(const bot::Reply& reply) {
  return DumpJson({{"kind", dialogs::ReplyKindName(reply.kind)},
                   {"intent", reply.intent},
                   {"text", reply.text},
                   {"from", reply.label},
                   {"operator", reply.operator_name}});
}

std::optional<bot::Reply> FromPayload(const std::string& payload) {
  const json j = json::parse(payload, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  bot::Reply reply;
  reply.kind = JsonText(j, "kind") == "operator" ? dialogs::ReplyKind::kOperator
                                                 : dialogs::ReplyKind::kHandoff;
  reply.text = JsonText(j, "text");
  reply.intent = JsonText(j, "intent");
  reply.label = JsonText(j, "from");
  reply.operator_name = JsonText(j, "operator");
  return reply;
}

}  // namespace

std::shared_ptr<HandoffRelay> HandoffRelay::Make(
    bot::HandoffDesk& desk, std::shared_ptr<ServerState> state) {
  std::shared_ptr<HandoffRelay> relay(new HandoffRelay(desk, std::move(state)));
  desk.OnDeliver([weak = std::weak_ptr<HandoffRelay>(relay)](
                     const std::string& session, const std::string& p) {
    if (auto r = weak.lock()) r->Announced(session, p);
  });
  return relay;
}

bot::Reply HandoffRelay::FromOperator(const std::string& op,
                                      const std::string& text) {
  bot::Reply reply;
  reply.kind = dialogs::ReplyKind::kOperator;
  reply.intent = "handoff.operator";
  reply.text = text;
  reply.label = op;
  return reply;
}

void HandoffRelay::Send(const bot::Handoff& to, const bot::Reply& reply) {
  if (auto state = state_.lock()) {
    for (const auto& channel : state->channels) {
      if (channel->Push(to, reply, /*announced=*/false)) return;
    }
  }
  desk_.Deliver(to.id, Payload(reply));
}

void HandoffRelay::Announced(const std::string& session,
                             const std::string& payload) {
  auto state = state_.lock();
  auto reply = FromPayload(payload);
  if (!state || !reply) return;
  if (session.starts_with("web:")) {
    std::shared_ptr<WsConnection> socket;
    {
      std::lock_guard lock(state->mu);
      const auto it = state->widgets.find(session);
      if (it != state->widgets.end()) socket = it->second.lock();
    }
    if (socket) {
      socket->Send(
          ReplyToJsonText(*reply, {{"type", "push"}, {"from", reply->label}}));
    }
    return;
  }
  const bot::Handoff to{.id = session};
  for (const auto& channel : state->channels) {
    if (channel->Push(to, *reply, /*announced=*/true)) return;
  }
}

}  // namespace faqbot::adapters
