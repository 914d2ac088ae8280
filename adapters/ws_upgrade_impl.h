// How the server makes a WsUpgrade from what it read. Internal to
// adapters/: only the files that speak Beast include this.
#ifndef FAQBOT_ADAPTERS_WS_UPGRADE_IMPL_H_
#define FAQBOT_ADAPTERS_WS_UPGRADE_IMPL_H_

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <string>

#include "adapters/ws_connection.h"

namespace faqbot::adapters {

struct WsUpgrade::Impl {
  boost::asio::ip::tcp::socket socket;
  boost::beast::http::request<boost::beast::http::string_body> request;
  std::string peer;
  // Called once when the connection made from this upgrade ends, or when
  // the upgrade is refused or dropped (the server gives back its slot).
  std::function<void()> on_end;
};

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_WS_UPGRADE_IMPL_H_
