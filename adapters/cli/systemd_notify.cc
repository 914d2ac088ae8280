#include "adapters/cli/systemd_notify.h"

#include <systemd/sd-daemon.h>

namespace faqbot::cli {

void SystemdNotifier::Ready(const std::string& status) {
  sd_notify(0, ("READY=1\nSTATUS=" + status).c_str());
  uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
    every_ = std::chrono::microseconds(usec / 2);
    Feed();
  }
}

void SystemdNotifier::Reloading() {
  sd_notify(0, "RELOADING=1\nSTATUS=reloading the packs");
}

void SystemdNotifier::Reloaded(const std::string& status) {
  sd_notify(0, ("READY=1\nSTATUS=" + status).c_str());
}

void SystemdNotifier::Stopping() {
  timer_.cancel();
  sd_notify(0, "STOPPING=1\nSTATUS=stopping");
}

// Fed from a timer on the server's event loop: when the loop hangs, the
// feeding stops and systemd restarts the service.
void SystemdNotifier::Feed() {
  sd_notify(0, "WATCHDOG=1");
  timer_.expires_after(every_);
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (!ec) Feed();
  });
}

}  // namespace faqbot::cli
