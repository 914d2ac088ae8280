#include "tests/support/child_process.h"

#include <array>
#include <boost/asio/ip/tcp.hpp>
#include <cstdio>
#include <memory>

namespace faqbot::testing {

namespace net = boost::asio;

std::string CommandOutput(const std::string& command) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"),
                                             pclose);
  if (!pipe) return out;
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe.get())) > 0) {
    out.append(buf.data(), n);
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

int FreePort() {
  net::io_context ioc;
  // Without SO_REUSEADDR, so the kernel picks a port no socket holds, not
  // even one in TIME_WAIT after a load run: a child that binds it without
  // that option (openssl s_server) then gets it.
  net::ip::tcp::acceptor a(ioc, {net::ip::make_address("127.0.0.1"), 0},
                           /*reuse_addr=*/false);
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
