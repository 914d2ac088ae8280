#include "tests/support/postgres_server.h"

#include <pwd.h>

namespace faqbot::testing {
namespace {

namespace fs = std::filesystem;

// The command prefix that runs a program as the cluster's owner.
std::vector<std::string> AsOwner() {
  if (getuid() != 0) return {};
  return {"setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups",
          "--"};
}

}  // namespace

PostgresServer::~PostgresServer() {
  Stop();
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

std::string PostgresServer::Start() {
  const std::string bin = CommandOutput("pg_config --bindir 2>/dev/null");
  if (bin.empty()) return "pg_config not found (package libpq-dev)";
  if (!fs::exists(bin + "/initdb")) {
    return "no initdb in " + bin + " (package postgresql)";
  }
  if (!dir_.empty()) return Serve(bin);  // again, after Stop()
  static int clusters = 0;
  dir_ = (fs::temp_directory_path() / ("faqbot-pg-" + std::to_string(getpid()) +
                                       "-" + std::to_string(++clusters)))
             .string();
  fs::remove_all(dir_);
  fs::create_directories(dir_);
  if (getuid() == 0) {
    const passwd* owner = getpwnam("postgres");
    if (owner == nullptr) return "no postgres user to run the server as";
    if (chown(dir_.c_str(), owner->pw_uid, owner->pw_gid) != 0) {
      return "cannot give " + dir_ + " to postgres";
    }
  }
  const std::string data = dir_ + "/data";
  std::vector<std::string> initdb = AsOwner();
  initdb.insert(initdb.end(),
                {bin + "/initdb", "-D", data, "-U", "faqbot", "--auth=trust",
                 "-E", "UTF8", "--no-sync", "--no-instructions"});
  ChildProcess init;
  if (!init.Start(initdb, dir_ + "/initdb.log")) return "cannot run initdb";
  if (init.Wait() != 0) return "initdb failed: " + init.Output();
  port_ = FreePort();
  return Serve(bin);
}

std::string PostgresServer::Serve(const std::string& bin) {
  const std::string data = dir_ + "/data";
  std::vector<std::string> server = AsOwner();
  server.insert(server.end(),
                {bin + "/postgres", "-D", data, "-p", std::to_string(port_),
                 "-k", dir_, "-c", "listen_addresses=127.0.0.1", "-c",
                 "fsync=off", "-c", "full_page_writes=off"});
  if (!process_.Start(server, dir_ + "/server.log")) {
    return "cannot start postgres";
  }
  if (process_.WaitForOutput("ready to accept connections",
                             std::chrono::seconds(20))) {
    return "";
  }
  return "postgres did not start: " + process_.Output();
}

void PostgresServer::Stop() {
  // SIGQUIT: immediate shutdown, nothing to keep.
  if (process_.running()) process_.Stop(SIGQUIT);
}

std::string PostgresServer::url() const {
  return "postgresql://faqbot@127.0.0.1:" + std::to_string(port_) + "/postgres";
}

}  // namespace faqbot::testing
