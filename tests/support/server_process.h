// A real `faqbot serve` process for end-to-end tests: started with the
// arguments a user would give, on a free port it reads back from the
// server's first output line; its log captured in a file.
#ifndef FAQBOT_TESTS_SUPPORT_SERVER_PROCESS_H_
#define FAQBOT_TESTS_SUPPORT_SERVER_PROCESS_H_

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/child_process.h"

namespace faqbot::testing {

// Writes `config` to a temporary JSON file named after `name` (beside the
// logs, but not a log: the audit reads *.log only); its path, for
// `--config`.
inline std::string WriteConfigFile(const std::string& name,
                                   const nlohmann::json& config) {
  const std::string path = TempLog(name) + ".json";
  std::ofstream(path) << config.dump(2);
  return path;
}

class ServerProcess {
 public:
  // Starts `binary serve --port 0 --pack <liver pack> extra...` with the
  // log in a temporary file named after `name`; `env` entries
  // ("NAME=value") are added to its environment; `shell_prefix` (e.g.
  // "ulimit -n 64;") runs in a shell before it. False when it did not
  // come up; Output() says why.
  bool Start(const std::string& binary, const std::string& pack,
             const std::string& name, const std::vector<std::string>& extra,
             const std::vector<std::string>& env = {},
             const std::string& shell_prefix = "");
  int port() const { return port_; }
  ChildProcess& process() { return process_; }
  std::string Output() const { return process_.Output(); }

 private:
  ChildProcess process_;
  int port_ = 0;
};

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_SUPPORT_SERVER_PROCESS_H_
