// A child process for end-to-end tests: started with fork/exec, its output
// captured in a file, stopped with a signal. Used for redis-server and for
// `faqbot serve` instances.
#ifndef FAQBOT_TESTS_SUPPORT_CHILD_PROCESS_H_
#define FAQBOT_TESTS_SUPPORT_CHILD_PROCESS_H_

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace faqbot::testing {

class ChildProcess {
 public:
  ChildProcess() = default;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess() { Stop(SIGKILL); }

  // Starts `argv`; stdout and stderr go to `log`.
  bool Start(const std::vector<std::string>& argv, const std::string& log) {
    log_ = log;
    std::ofstream(log, std::ios::trunc).flush();  // no output of a last run
    pid_ = fork();
    if (pid_ < 0) return false;
    if (pid_ == 0) {
      FILE* out = std::fopen(log.c_str(), "w");
      if (out) {
        dup2(fileno(out), STDOUT_FILENO);
        dup2(fileno(out), STDERR_FILENO);
      }
      std::vector<char*> args;
      for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      execvp(args[0], args.data());
      _exit(127);
    }
    return true;
  }

  // Sends `signal` and waits for the exit; returns the exit status (or
  // 128 + signal), -1 if not running.
  int Stop(int signal = SIGTERM) {
    if (pid_ <= 0) return -1;
    kill(pid_, signal);
    return Wait();
  }

  // Waits for the exit; returns the exit status (or 128 + signal).
  int Wait() {
    if (pid_ <= 0) return -1;
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  bool running() const { return pid_ > 0; }
  int pid() const { return pid_; }

  std::string Output() const {
    std::ifstream in(log_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  // Waits until the output contains `text`; false after `limit`, or as
  // soon as it contains `failure` (when given).
  bool WaitForOutput(const std::string& text,
                     std::chrono::milliseconds limit = std::chrono::seconds(10),
                     const std::string& failure = "") {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
      const std::string out = Output();
      if (out.find(text) != std::string::npos) return true;
      if (!failure.empty() && out.find(failure) != std::string::npos) {
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

 private:
  pid_t pid_ = 0;
  std::string log_;
};

// What `command` (run by the shell) prints on stdout, less the final
// newline.
std::string CommandOutput(const std::string& command);

// A loopback TCP port nothing listens on right now.
int FreePort();

// Whether something accepts connections on the loopback port.
bool PortOpen(int port);

// A file name in the temp folder unique to this test process.
// Every log of the suite is kept in one folder, which the log_audit test
// reads after the others (no secret, no terminal escape in any of them).
inline std::string TempLog(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / "faqbot-test-logs";
  std::filesystem::create_directories(dir);
  return (dir / (name + "-" + std::to_string(getpid()) + ".log")).string();
}

// A real redis-server on a loopback port, without persistence.
class RedisServer {
 public:
  RedisServer() : log_(TempLog("redis-server-" + std::to_string(Count()))) {}

  // On `port`, or a free one. Ready when the server itself says so: a
  // port that answers may be another test's server that took the free
  // port first (tests run in parallel), and then a new port is tried.
  bool Start(int port = 0) {
    constexpr int kTries = 3;
    for (int attempt = 0; attempt < (port ? 1 : kTries); ++attempt) {
      port_ = port ? port : FreePort();
      if (!process_.Start(
              {"redis-server", "--port", std::to_string(port_), "--bind",
               "127.0.0.1", "--save", "", "--appendonly", "no"},
              log_)) {
        return false;
      }
      if (Ready()) return true;
      process_.Stop(SIGKILL);
    }
    return false;
  }
  void Stop() { process_.Stop(SIGKILL); }
  int port() const { return port_; }

  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  // Waits for "Ready to accept connections"; false when it cannot listen
  // (the port is taken) or after 10 s.
  bool Ready() {
    return process_.WaitForOutput(
               "Ready to accept connections", std::chrono::seconds(10),
               "Could not create server TCP listening socket") &&
           PortOpen(port_);
  }

  // Servers started by this process so far: each has a log of its own.
  static int Count() {
    static std::atomic<int> count{0};
    return count++;
  }

  std::string log_;
  int port_ = 0;
  ChildProcess process_;
};

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_SUPPORT_CHILD_PROCESS_H_
