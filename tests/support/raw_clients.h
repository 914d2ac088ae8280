// Clients that misbehave on purpose, for the hostile-client tests: each
// speaks raw TCP or a raw WebSocket and reports what the server did.
// Compiled once in faqbot_test_support.
#ifndef FAQBOT_TESTS_SUPPORT_RAW_CLIENTS_H_
#define FAQBOT_TESTS_SUPPORT_RAW_CLIENTS_H_

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace faqbot::testing {

// Dribbles an HTTP request a byte every 100 ms; returns how long the
// server took to hang up, or nullopt if it had not after `limit`.
std::optional<std::chrono::milliseconds> Slowloris(int port,
                                                   std::chrono::seconds limit);

// Upgrades /ws, then only ever writes `frame` (never reads). Returns how
// many frames went out before the server stopped the connection, or
// nullopt when it was still writing after `limit`.
std::optional<int> WriteWithoutReading(int port, const std::string& frame,
                                       std::chrono::seconds limit);

// Opens `n` TCP connections to the port and holds them open, saying
// nothing, until the returned holder is destroyed.
std::shared_ptr<void> HoldConnections(int port, int n);

// A whole HTTP request written at construction (so it waits in the
// server's backlog if the server is not accepting yet); Status() reads the
// response's status, 0 when none came.
class PendingRequest {
 public:
  PendingRequest(int port, const std::string& request);
  ~PendingRequest();
  int Status();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Sends `head` (an HTTP request head) and then `body_bytes` bytes of body,
// and returns the response status, 0 when none came.
int SendRawRequest(int port, const std::string& head, std::size_t body_bytes);

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_SUPPORT_RAW_CLIENTS_H_
