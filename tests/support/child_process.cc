#include "tests/support/child_process.h"

#include <boost/asio/ip/tcp.hpp>

namespace faqbot::testing {

namespace net = boost::asio;

int FreePort() {
  net::io_context ioc;
  net::ip::tcp::acceptor a(ioc, {net::ip::make_address("127.0.0.1"), 0});
  return a.local_endpoint().port();
}

bool PortOpen(int port) {
  net::io_context ioc;
  net::ip::tcp::socket s(ioc);
  boost::system::error_code ec;
  s.connect(
      {net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)},
      ec);
  return !ec;
}

}  // namespace faqbot::testing
