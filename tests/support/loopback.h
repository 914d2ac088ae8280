// The loopback address with a port, for the test clients' connections.
// Internal to tests/support (keeps Asio out of the clients' headers).
#ifndef FAQBOT_TESTS_SUPPORT_LOOPBACK_H_
#define FAQBOT_TESTS_SUPPORT_LOOPBACK_H_

#include <boost/asio/ip/tcp.hpp>

namespace faqbot::testing {

inline boost::asio::ip::tcp::endpoint Loopback(int port) {
  return {boost::asio::ip::make_address("127.0.0.1"),
          static_cast<unsigned short>(port)};
}

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_SUPPORT_LOOPBACK_H_
