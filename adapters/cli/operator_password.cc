// faqbot operator-password: the salted hash of an operator's password,
// for the "operators" setting (operator handoff and its console).
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "adapters/cli/context.h"
#include "bot/crypto.h"

namespace faqbot::cli {
namespace {

// One line from stdin, not echoed when stdin is a terminal.
std::string ReadSecretLine(const std::string& prompt) {
  const bool tty = isatty(STDIN_FILENO);
  termios saved{};
  if (tty) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int RunOperatorPassword(const Invocation& in) {
  if (in.words().size() != 1) {
    return Fail(Error::InvalidArgument(
        "give the operator's name: faqbot operator-password NAME (the "
        "password is read from stdin)"));
  }
  const std::string& name = in.words()[0];
  const bool tty = isatty(STDIN_FILENO);
  if (tty) {
    std::cerr << "The password needs at least 10 characters (a few words "
                 "make a good one); it is not shown as you type.\n";
  }
  const std::string password = ReadSecretLine("password for " + name + ": ");
  if (password.size() < 10) {
    return Fail(Error::InvalidArgument(
        "the password must have at least 10 characters"));
  }
  // Typed twice on a terminal; from a pipe, a second line must match too.
  if (tty || std::cin.peek() != std::char_traits<char>::eof()) {
    if (ReadSecretLine("the same again: ") != password) {
      return Fail(Error::InvalidArgument(
          "the two passwords differ; nothing was changed, try again"));
    }
  }
  const std::string hash = bot::HashPassword(password);
  std::cout << "\"operators\": " << nlohmann::json{{name, hash}}.dump() << "\n";
  std::cerr << "add this to the config file (or FAQBOT_OPERATORS=\"" << name
            << "=<hash>\"); the password itself is stored nowhere\n";
  return 0;
}

}  // namespace

extern const Command kOperatorPassword = {
    .name = "operator-password",
    .args = "NAME",
    .summary =
        "hash an operator's password for the console (read from "
        "stdin), printing the \"operators\" config line",
    .run = RunOperatorPassword,
    .takes_words = true};

}  // namespace faqbot::cli
