#include "bot/reply_json.h"

#include <cmath>

namespace faqbot::bot {

nlohmann::json ReplyToJson(const dialogs::Reply& reply) {
  nlohmann::json j;
  j["kind"] = std::string(dialogs::ReplyKindName(reply.kind));
  j["text"] = reply.text;
  j["choices"] = nlohmann::json::array();
  for (const auto& c : reply.choices) {
    j["choices"].push_back({{"id", c.id}, {"title", c.title}});
  }
  j["intent"] = reply.intent;
  j["node"] =
      reply.node.empty() ? nlohmann::json(nullptr) : nlohmann::json(reply.node);
  j["confidence"] = std::round(reply.confidence * 1000.0) / 1000.0;
  if (reply.source) {
    j["source"] = {{"section", reply.source->section},
                   {"title", reply.source->title}};
  } else {
    j["source"] = nullptr;
  }
  if (!reply.disclaimer.empty()) j["disclaimer"] = reply.disclaimer;
  return j;
}

}  // namespace faqbot::bot
