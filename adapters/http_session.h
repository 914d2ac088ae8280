// One HTTP connection of `faqbot serve`: reads requests (bounded, with a
// timeout), serves the pages, hands webhooks to their channel, and turns a
// WebSocket upgrade into a widget session or a channel's stream. Internal
// to adapters/.
#ifndef FAQBOT_ADAPTERS_HTTP_SESSION_H_
#define FAQBOT_ADAPTERS_HTTP_SESSION_H_

#include <boost/asio/ip/tcp.hpp>
#include <memory>
#include <string>

#include "adapters/server_state.h"

namespace faqbot::adapters {

// Serves the connection `socket` from `peer` until it closes. `slot` is
// the connection's ConnectionLimits slot, held as long as it lives; null
// when a limit was reached, and then the client gets a 503.
void ServeHttp(boost::asio::ip::tcp::socket socket,
               std::shared_ptr<ServerState> state, std::string peer,
               std::shared_ptr<void> slot);

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_HTTP_SESSION_H_
