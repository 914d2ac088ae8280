// A real PostgreSQL server for tests: a new cluster (initdb) in a temporary
// folder, served on a free loopback port, removed when the test ends. The
// binaries come from the folder `pg_config --bindir` names (Debian's
// postgresql package). PostgreSQL refuses to run as root, so under root
// the cluster belongs to, and the server runs as, the "postgres" user.
#ifndef FAQBOT_TESTS_SUPPORT_POSTGRES_SERVER_H_
#define FAQBOT_TESTS_SUPPORT_POSTGRES_SERVER_H_

#include <string>

#include "tests/support/child_process.h"

namespace faqbot::testing {

class PostgresServer {
 public:
  PostgresServer() = default;
  ~PostgresServer();

  // Creates the cluster and starts the server; "" or why it failed. After
  // Stop(), starts the same cluster again on the same port.
  std::string Start();
  void Stop();  // immediate shutdown; the cluster stays until destruction
  // postgresql://faqbot@127.0.0.1:<port>/postgres
  std::string url() const;
  int port() const { return port_; }

 private:
  std::string Serve(const std::string& bin);

  std::string dir_;
  int port_ = 0;
  ChildProcess process_;
};

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_SUPPORT_POSTGRES_SERVER_H_
