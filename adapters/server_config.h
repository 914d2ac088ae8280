// Configuration of `faqbot serve`: a plain struct with defaults, read from
// a small JSON file and then overridden by command-line flags. The bot's
// own settings (pack, sessions, Redis, transcripts; bot/config.h) live in
// the same file, in `bot`:
//
//   {
//     "host": "127.0.0.1", "port": 8080, "pack": "content/liver-calcification",
//     "threads": 0, "max_frame_bytes": 16384, "messages_per_second": 5,
//     "max_connections": 10000, "max_connections_per_ip": 256,
//     "allowed_origins": ["https://clinic.example"],
//     "idle_timeout_seconds": 300, "request_timeout_seconds": 30,
//     "log_messages": false, "sessions": "redis", "redis": "127.0.0.1:6379",
//     "transcripts": "data/transcripts.db"
//   }
//
// Every number has an allowed range; a value outside it is an error that
// names the setting and the range. Secrets may come from the environment
// instead (ApplyEnvironment).
#ifndef FAQBOT_ADAPTERS_SERVER_CONFIG_H_
#define FAQBOT_ADAPTERS_SERVER_CONFIG_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/config.h"
#include "intents/status.h"

namespace faqbot::adapters {

struct ServerConfig {
  // The bot's own settings: pack, sessions, Redis, transcripts.
  bot::Config bot;
  // Address to listen on; 127.0.0.1 keeps it local, 0.0.0.0 opens it.
  std::string host = "127.0.0.1";
  // TCP port; 0 picks a free one (printed at start).
  int port = 8080;
  // Threads running the io_context; 0 means one per core. At 1 (a server
  // whose io_context only one thread runs) connections go without strands.
  int threads = 0;
  // Threads for work that waits on Redis (backstage.h), so the network
  // threads never do; -1: 16 when sessions are in Redis, else 0 (inline).
  int storage_threads = -1;
  // Largest WebSocket message accepted; a bigger one closes that
  // connection with code 1009.
  std::size_t max_frame_bytes = 16 * 1024;
  // Messages each connection may send per second (a burst of as many is
  // allowed); more get an error frame and are not answered.
  double messages_per_second = 5;
  // Connections at once (WebSockets, Direct Line streams and HTTP
  // requests alike); more are refused with HTTP 503.
  int max_connections = 10000;
  // Connections at once from one client address; more get HTTP 503.
  int max_connections_per_ip = 256;
  // Behind a reverse proxy: the header that carries the client's address
  // ("X-Forwarded-For", "X-Real-IP"), trusted only on connections from one
  // of `trusted_proxies`. Empty: the connection's own address counts.
  std::string client_ip_header;
  std::vector<std::string> trusted_proxies = {"127.0.0.1", "::1"};
  // Mark the console's login cookie `Secure` (sent over HTTPS only). Unset:
  // on behind a proxy (client_ip_header set), which is where TLS ends.
  std::optional<bool> secure_cookies;
  // Origins allowed to open /ws besides the server's own and localhost.
  // "*" allows any. Clients that send no Origin (not browsers) are allowed.
  std::vector<std::string> allowed_origins;
  // A connection with no traffic (pings included) for this long is closed.
  int idle_timeout_seconds = 300;
  // An HTTP request must arrive whole within this time (slow clients that
  // dribble headers are cut off).
  int request_timeout_seconds = 30;
  // Log one line per message (off: only start, stop and errors).
  bool log_messages = false;
  // Chat platforms to serve besides the widget (channels.h, README).
  nlohmann::json channels = nlohmann::json::object();
  // Where clients reach this server, for URLs it hands out (Direct Line
  // stream URLs); default http://<host>:<port>.
  std::string public_url;
};

// Reads a JSON config file over `config`; unknown keys, wrong types and
// numbers out of range are errors that name the key.
Status LoadServerConfig(std::string_view path, ServerConfig* config);

// storage_threads with its default applied.
int StorageThreads(const ServerConfig& config);

// Secrets from the environment override the file (bot::ApplyEnvironment).
void ApplyEnvironment(ServerConfig* config);

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_SERVER_CONFIG_H_
