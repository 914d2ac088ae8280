// faqbot chat [--jsonl]: the terminal chat, or JSON lines on stdin/stdout.
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "adapters/cli/context.h"
#include "adapters/terminal_chat.h"

namespace faqbot::cli {
namespace {

int RunChat(const Invocation& in) {
  auto config = LoadConfig(in);
  if (!config) return Fail(config.error());
  auto loaded = LoadBotFor(in, *config);
  if (!loaded) return Fail(loaded.error());
  bot::Bot& bot = **loaded;
  if (in.Has("--jsonl")) {
    adapters::RunJsonlChat(bot, std::cin, std::cout);
    return 0;
  }
  adapters::TerminalOptions options;
  options.color = isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
  // The terminal's own width (COLUMNS is rarely exported to programs),
  // else COLUMNS, else the default.
  winsize size{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
      size.ws_col > 0) {
    options.width = std::max(40, static_cast<int>(size.ws_col));
  } else if (const char* cols = std::getenv("COLUMNS")) {
    options.width = std::max(40, std::atoi(cols));
  }
  adapters::RunTerminalChat(bot, std::cin, std::cout, options);
  return 0;
}

}  // namespace

extern const Command kChat = {
    .name = "chat",
    .summary =
        "chat in the terminal; --jsonl reads one JSON request per "
        "line and writes one reply per line",
    .options = {{"--jsonl", "", "JSON lines on stdin and stdout (README)"},
                PacksOption()},
    .run = RunChat};

}  // namespace faqbot::cli
