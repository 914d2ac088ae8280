// Clients that misbehave on purpose, for the hostile-client tests: each
// speaks raw TCP or a raw WebSocket and reports what the server did.
// Compiled once in faqbot_test_support.
#ifndef FAQBOT_TESTS_SUPPORT_RAW_CLIENTS_H_
#define FAQBOT_TESTS_SUPPORT_RAW_CLIENTS_H_

#include <chrono>
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

// Sends `head` (an HTTP request head) and then `body_bytes` bytes of body,
// and returns the response status, 0 when none came.
int SendRawRequest(int port, const std::string& head, std::size_t body_bytes);

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_SUPPORT_RAW_CLIENTS_H_
