// The faqbot executable: subcommands over one content pack.
//
//   faqbot chat [--jsonl] [--pack DIR]   talk to the bot in a terminal
//   faqbot inspect [--pack DIR]          print the compiled dialog tree
//   faqbot test [--pack DIR]             run the pack's conversation tests
//   faqbot explain "text" [--pack DIR]   show how one message is routed
//
// Without --pack the default pack content/liver-calcification is looked
// for in the current folder, then next to the executable's parent folder.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "adapters/adapters.h"
#include "bot/bot.h"
#include "bot/conversation_test.h"
#include "bot/inspect.h"
#include "bot/pack_loader.h"

namespace {

namespace fs = std::filesystem;
using namespace faqbot;

constexpr char kDefaultPack[] = "content/liver-calcification";

constexpr char kUsage[] =
    "usage: faqbot <command> [options]\n"
    "\n"
    "commands:\n"
    "  chat [--jsonl]     chat in the terminal; --jsonl reads one JSON\n"
    "                     request per line and writes one reply per line\n"
    "  inspect            print the compiled dialog tree of the pack\n"
    "  test               run the pack's conversation tests\n"
    "  explain \"text\"     show how a message is understood and routed\n"
    "\n"
    "options:\n"
    "  --pack DIR         the content pack folder (default: "
    "content/liver-calcification)\n"
    "  -h, --help         this help\n";

struct Args {
  std::string command;
  std::string pack;
  bool jsonl = false;
  std::vector<std::string> rest;
};

int Usage(const std::string& error) {
  if (!error.empty()) std::cerr << "faqbot: " << error << "\n\n";
  std::cerr << kUsage;
  return 2;
}

fs::path DefaultPack(const char* argv0) {
  if (fs::is_directory(kDefaultPack)) return kDefaultPack;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(argv0, ec);
  const fs::path beside = exe.parent_path().parent_path() / kDefaultPack;
  if (fs::is_directory(beside)) return beside;
  return kDefaultPack;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (a == "--pack") {
      if (i + 1 >= argc) return Usage("--pack needs a folder");
      args.pack = argv[++i];
    } else if (a.starts_with("--pack=")) {
      args.pack = a.substr(7);
    } else if (a == "--jsonl") {
      args.jsonl = true;
    } else if (a.starts_with("--")) {
      return Usage("unknown option " + a);
    } else if (args.command.empty()) {
      args.command = a;
    } else {
      args.rest.push_back(a);
    }
  }
  if (args.command.empty()) return Usage("");
  const fs::path pack_dir =
      args.pack.empty() ? DefaultPack(argv[0]) : fs::path(args.pack);
  auto pack = bot::LoadPack(pack_dir);
  if (!pack) {
    std::cerr << "faqbot: " << pack.error().message << "\n";
    return 1;
  }

  if (args.command == "chat") {
    bot::Bot bot(*pack);
    if (args.jsonl) {
      adapters::RunJsonlChat(bot, std::cin, std::cout);
    } else {
      adapters::TerminalOptions options;
      options.color =
          isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
      if (const char* cols = std::getenv("COLUMNS")) {
        options.width = std::max(40, std::atoi(cols));
      }
      adapters::RunTerminalChat(bot, std::cin, std::cout, options);
    }
    return 0;
  }
  if (args.command == "inspect") {
    bot::PrintTree(**pack, std::cout);
    return 0;
  }
  if (args.command == "explain") {
    if (args.rest.empty()) return Usage("explain needs the text to explain");
    std::string text;
    for (const auto& r : args.rest) text += (text.empty() ? "" : " ") + r;
    bot::PrintExplanation(*pack, text, std::cout);
    return 0;
  }
  if (args.command == "test") {
    const fs::path file = pack_dir / bot::kConversationsFile;
    auto text = bot::ReadFile(file);
    if (!text) {
      std::cerr << "faqbot: " << text.error().message
                << "; write conversation tests there (see README)\n";
      return 1;
    }
    auto conversations = bot::ParseConversations(*text, file.string());
    if (!conversations) {
      std::cerr << "faqbot: " << conversations.error().message << "\n";
      return 1;
    }
    const auto report =
        bot::RunConversations(*pack, *conversations, file.string());
    bot::PrintReport(report, std::cout);
    return report.failed == 0 && report.turns > 0 ? 0 : 1;
  }
  return Usage("unknown command \"" + args.command + "\"");
}
