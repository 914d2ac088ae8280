// `faqbot serve` under systemd (packaging/faqbot.service, Type=notify):
// the service is "started" once the packs are loaded and the port is
// open, "reloading" while SIGHUP reloads the packs, "stopping" on the way
// out; and with WatchdogSec= the server's own event loop feeds the
// watchdog, so a loop that stops turning is restarted. Without systemd (no
// NOTIFY_SOCKET in the environment) every call does nothing.
#ifndef FAQBOT_ADAPTERS_CLI_SYSTEMD_NOTIFY_H_
#define FAQBOT_ADAPTERS_CLI_SYSTEMD_NOTIFY_H_

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <string>

namespace faqbot::cli {

class SystemdNotifier {
 public:
  explicit SystemdNotifier(boost::asio::io_context& ioc) : timer_(ioc) {}

  // READY=1 with a status line systemctl shows; starts the watchdog's
  // feeding when the unit asks for one.
  void Ready(const std::string& status);
  void Reloading();
  void Reloaded(const std::string& status);
  void Stopping();

 private:
  void Feed();

  boost::asio::steady_timer timer_;
  std::chrono::microseconds every_{0};
};

}  // namespace faqbot::cli

#endif  // FAQBOT_ADAPTERS_CLI_SYSTEMD_NOTIFY_H_
