// Channels: the chat platforms faqbot serves besides its own widget.
//
// A Channel owns some HTTP paths of `faqbot serve` (its webhooks), turns a
// platform's request into Bot::Handle calls, and answers in that platform's
// idiom: inline in the HTTP response (REST), or later through the
// platform's API (Telegram, Slack, Meta) via an Outbox. Channels are made
// from the config by MakeChannels() (channels.h); the server routes a
// request to the first channel whose Handles() accepts its path.
#ifndef FAQBOT_ADAPTERS_CHANNEL_H_
#define FAQBOT_ADAPTERS_CHANNEL_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/url.h"  // QueryValue, PercentDecode
#include "adapters/ws_connection.h"
#include "bot/bot.h"
#include "intents/utf8.h"

namespace faqbot::adapters {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string target;  // path and query, as sent
  std::string path;    // target without the query
  std::map<std::string, std::string, std::less<>> headers;  // names lowercase
  std::string body;
  // The client's address: the connection's peer, or behind a trusted proxy
  // the address the proxy names (ServerConfig::client_ip_header).
  std::string client;

  // A header's value, "" when absent; `name` in lowercase.
  std::string_view Header(std::string_view name) const;
  // A query parameter, percent-decoded; "" when absent.
  std::string Query(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static HttpResponse Json(int status, std::string body) {
    return {status, "application/json", std::move(body), {}};
  }
  static HttpResponse Text(int status, std::string body) {
    return {status, "text/plain; charset=utf-8", std::move(body), {}};
  }
  // {"error": message}
  static HttpResponse JsonError(int status, const std::string& message);
};

class Channel {
 public:
  virtual ~Channel() = default;
  // "rest", "telegram", ... (logs and metrics).
  virtual std::string_view name() const = 0;
  // Whether `path` is one of this channel's endpoints.
  virtual bool Handles(std::string_view path) const = 0;
  // Answers one request, read whole. Never waits for a chat platform
  // (calls to the platform go to an Outbox); may wait on shared storage
  // (Redis), so the server calls it backstage when there is any
  // (backstage.h), never on a network thread.
  virtual HttpResponse Handle(const HttpRequest& request) = 0;
  // WebSocket endpoints of the channel (Direct Line streams): whether the
  // upgrade request for `path` is this channel's, and taking it over
  // (backstage too, like Handle).
  virtual bool HandlesUpgrade(std::string_view /*path*/) const { return false; }
  virtual void Upgrade(WsUpgrade upgrade) {
    upgrade.Reject(404, "no WebSocket here\n");
  }
  // Operator handoff (handoff_relay.h): an operator's message, or news of
  // the handoff, for the person of `to.id`, when that session is this
  // channel's ("telegram:42"); whether it was delivered. `announced`: it
  // came from another instance, which has already sent what any instance
  // can send (a platform's API), so only what this instance alone holds
  // (a Direct Line conversation) is left to do.
  virtual bool Push(const bot::Handoff& /*to*/, const bot::Reply& /*reply*/,
                    bool /*announced*/) {
    return false;
  }
  // Background work (Telegram's long polling); Stop() ends it and waits.
  virtual void Start() {}
  virtual void Stop() {}
};

// A reply as one plain message for platforms without rich cards: the
// disclaimer and notice first (when set), the answer, and its source.
std::string ReplyText(const bot::Reply& reply);

// `object[key]` if `object` is an object and that value a string, else "".
// Platform payloads are read with this: a field of an unexpected type is
// as good as absent, never an exception.
std::string JsonText(const nlohmann::json& object, std::string_view key);
// `object[key]` if it is an integer, else 0.
int64_t JsonInt(const nlohmann::json& object, std::string_view key);

// Whether `s` is exactly `digits` lowercase hexadecimal digits (the shape
// of the ids and tokens faqbot hands out).
bool IsLowerHex(std::string_view s, std::size_t digits);

// `j` as compact JSON text; invalid UTF-8 in strings becomes U+FFFD
// instead of an exception.
std::string DumpJson(const nlohmann::json& j);

using intents::TruncateUtf8;  // intents/utf8.h

// CORS for endpoints that pages on other sites call (REST, Direct Line).
// `origins` are the ones allowed ("*": any; none: no page on another site
// may call). A preflight (OPTIONS) from an allowed origin gets `methods`
// and whatever request headers it asks for (clients add their own, e.g.
// rxjs's X-Requested-With); every answer to one gets
// Access-Control-Allow-Origin.
HttpResponse CorsPreflight(const HttpRequest& request, std::string_view methods,
                           const std::vector<std::string>& origins);
void AllowOrigin(const HttpRequest& request,
                 const std::vector<std::string>& origins,
                 HttpResponse* response);

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_CHANNEL_H_
