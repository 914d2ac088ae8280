#include "tests/support/server_process.h"

#include <regex>

namespace faqbot::testing {
namespace {

// 'text' for a POSIX shell.
std::string Quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

bool ServerProcess::Start(const std::string& binary, const std::string& pack,
                          const std::string& name,
                          const std::vector<std::string>& extra,
                          const std::vector<std::string>& env,
                          const std::string& shell_prefix) {
  std::string command = shell_prefix + " exec env";
  for (const auto& e : env) command += " " + Quoted(e);
  for (const auto& a : std::vector<std::string>{binary, "serve", "--port", "0",
                                                "--pack", pack}) {
    command += " " + Quoted(a);
  }
  for (const auto& a : extra) command += " " + Quoted(a);
  if (!process_.Start({"/bin/sh", "-c", command}, TempLog(name))) return false;
  if (!process_.WaitForOutput("in a browser")) return false;
  std::smatch m;
  const std::string out = process_.Output();
  if (!std::regex_search(out, m,
                         std::regex(R"(http://127\.0\.0\.1:(\d+)/ in)"))) {
    return false;
  }
  port_ = std::stoi(m[1]);
  return true;
}

}  // namespace faqbot::testing
