// The faqbot executable: subcommands over one content pack.
//
//   faqbot chat [--jsonl] [--pack DIR]   talk to the bot in a terminal
//   faqbot inspect [--pack DIR]          print the compiled dialog tree
//   faqbot test [--pack DIR]             run the pack's conversation tests
//   faqbot explain "text" [--pack DIR]   show how one message is routed
//   faqbot serve [--pack DIR] [--host H] [--port P] [--config FILE]
//                [--redis HOST:PORT] [--transcripts FILE]
//                                        the WebSocket server and demo page
//   faqbot transcripts [--transcripts FILE] [--limit N]
//                                        recent exchanges and what fell back
//
// Without --pack the default pack content/liver-calcification is looked
// for in the current folder, then next to the executable's parent folder.
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "adapters/adapters.h"
#include "adapters/channels.h"
#include "adapters/log.h"
#include "adapters/pack_watcher.h"
#include "adapters/web_server.h"
#include "bot/bot.h"
#include "bot/conversation_test.h"
#include "bot/inspect.h"
#include "bot/pack_loader.h"
#include "bot/redis_session_store.h"
#include "bot/transcript_report.h"

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
    "  serve              the WebSocket server with its demo page\n"
    "  transcripts        recent exchanges, the questions that fell back\n"
    "                     most, and the nodes no one reached\n"
    "\n"
    "options:\n"
    "  --pack DIR         the content pack folder (default: "
    "content/liver-calcification)\n"
    "  --host ADDR        serve: address to listen on (default 127.0.0.1)\n"
    "  --port N           serve: port (default 8080; 0 picks a free one)\n"
    "  --config FILE      serve: JSON settings (see README); flags win\n"
    "  --redis HOST:PORT  serve: keep sessions in Redis, shared by instances\n"
    "  --transcripts FILE the transcript database (default\n"
    "                     data/transcripts.db; \"\" records nothing)\n"
    "  --limit N          transcripts: how many recent exchanges (20)\n"
    "  -h, --help         this help\n";

struct Args {
  std::string command;
  std::string pack;
  std::string host;
  std::string port;
  std::string config;
  std::optional<std::string> redis;
  std::optional<std::string> transcripts;
  std::string limit;
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

Result<bot::RedisOptions> RedisOptionsFrom(
    const adapters::ServerConfig& config) {
  bot::RedisOptions r;
  const auto colon = config.redis.rfind(':');
  char* end = nullptr;
  const long port =
      colon == std::string::npos
          ? 6379
          : std::strtol(config.redis.c_str() + colon + 1, &end, 10);
  if (colon != std::string::npos &&
      (*end != '\0' || port <= 0 || port > 65535)) {
    return std::unexpected(Error::InvalidArgument(
        "redis address \"" + config.redis + "\" must be host:port"));
  }
  r.host = config.redis.substr(0, colon);
  r.port = static_cast<int>(port);
  r.password = config.redis_password;
  r.prefix = config.redis_prefix;
  return r;
}

int Transcripts(const dialogs::Pack& pack, const std::string& path,
                const std::string& limit) {
  std::size_t n = 20;
  if (!limit.empty()) {
    char* end = nullptr;
    n = std::strtoul(limit.c_str(), &end, 10);
    if (*end != '\0' || n == 0) return Usage("--limit needs a positive number");
  }
  auto report = bot::ReadTranscripts(path, n);
  if (!report) {
    std::cerr << "faqbot: " << report.error().message << "\n";
    return 1;
  }
  bot::PrintTranscriptReport(*report, pack, std::cout);
  return 0;
}

int Serve(std::shared_ptr<const dialogs::Pack> pack, const fs::path& pack_dir,
          const adapters::ServerConfig& config) {
  bot::BotOptions options;
  options.session_idle_expiry =
      std::chrono::seconds(config.session_idle_seconds);
  if (config.sessions == "redis") {
    auto redis = RedisOptionsFrom(config);
    if (!redis) {
      std::cerr << "faqbot: " << redis.error().message << "\n";
      return 1;
    }
    redis->idle_expiry = options.session_idle_expiry;
    redis->log = [](const std::string& line) { adapters::Log(line); };
    options.sessions = std::make_shared<bot::RedisSessionStore>(*redis);
  }
  if (!config.transcripts.empty()) {
    auto log = bot::TranscriptLog::Open(
        config.transcripts,
        std::chrono::milliseconds(config.transcript_flush_ms));
    if (!log) {
      std::cerr << "faqbot: " << log.error().message << "\n";
      return 1;
    }
    options.transcripts = std::move(*log);
  }
  bot::Bot bot(std::move(pack), options);
  const int threads =
      config.threads > 0
          ? config.threads
          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  boost::asio::io_context ioc(threads);
  adapters::WebServer server(ioc, bot, config);
  if (auto s = server.Listen(); !s) {
    std::cerr << "faqbot: " << s.error().message << "\n";
    return 1;
  }
  const std::string host =
      config.host == "0.0.0.0" ? std::string("127.0.0.1") : config.host;
  const std::string url =
      "http://" + host + ":" + std::to_string(server.port()) + "/";
  adapters::Log(
      "serving pack " + pack_dir.string() + " on " + url + " (WebSocket " +
      url + "ws) with " + std::to_string(threads) + " threads; sessions in " +
      (config.sessions == "redis" ? "Redis at " + config.redis
                                  : std::string("memory")) +
      "; transcript " +
      (config.transcripts.empty()
           ? std::string("off")
           : config.transcripts + " (written every " +
                 std::to_string(config.transcript_flush_ms) + " ms)"));
  auto channels = adapters::MakeChannels(config.channels, bot,
                                         config.public_url.empty()
                                             ? url.substr(0, url.size() - 1)
                                             : config.public_url);
  if (!channels) {
    std::cerr << "faqbot: " << channels.error().message << "\n";
    return 1;
  }
  for (const auto& c : *channels) {
    adapters::Log("channel " + std::string(c->name()) + " on");
    c->Start();
  }
  server.SetChannels(*channels);
  std::cout << "faqbot: open " << url << " in a browser" << std::endl;

  // Hot reload: when the pack's files change, and on SIGHUP.
  adapters::PackWatcher watcher(ioc, bot, pack_dir);
  watcher.Start();
  boost::asio::signal_set hangup(ioc, SIGHUP);
  std::function<void()> on_hangup = [&] {
    hangup.async_wait([&](const boost::system::error_code& ec, int) {
      if (ec) return;
      adapters::Log("SIGHUP: reloading the pack");
      (void)watcher.ReloadNow();
      on_hangup();
    });
  };
  on_hangup();

  boost::asio::signal_set signals(ioc, SIGINT, SIGTERM);
  boost::asio::steady_timer deadline(ioc);
  // Stop once every WebSocket has closed; cut the rest after 3 seconds.
  // (Lives here, not in the signal handler: the timer calls it later.)
  std::chrono::steady_clock::time_point give_up;
  std::function<void()> check = [&] {
    if (server.metrics().connections() == 0 ||
        std::chrono::steady_clock::now() >= give_up) {
      return ioc.stop();
    }
    deadline.expires_after(std::chrono::milliseconds(20));
    deadline.async_wait([&](const boost::system::error_code& e) {
      if (!e) check();
    });
  };
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    adapters::Log(std::string("stopping on ") +
                  (signal == SIGINT ? "SIGINT" : "SIGTERM"));
    server.Shutdown();
    for (const auto& c : *channels) c->Stop();
    watcher.Stop();
    hangup.cancel();
    give_up = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    check();
  });
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&] { ioc.run(); });
  ioc.run();
  for (auto& t : pool) t.join();
  adapters::Log("stopped");
  return 0;
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
    } else if (a == "--host" || a == "--port" || a == "--config" ||
               a == "--limit") {
      if (i + 1 >= argc) return Usage(a + " needs a value");
      (a == "--host"     ? args.host
       : a == "--port"   ? args.port
       : a == "--config" ? args.config
                         : args.limit) = argv[++i];
    } else if (a == "--redis" || a == "--transcripts") {
      if (i + 1 >= argc) return Usage(a + " needs a value");
      (a == "--redis" ? args.redis : args.transcripts) = argv[++i];
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
  adapters::ServerConfig config;
  if (!args.config.empty()) {
    if (auto s = adapters::LoadServerConfig(args.config, &config); !s) {
      std::cerr << "faqbot: " << s.error().message << "\n";
      return 1;
    }
  }
  adapters::ApplyEnvironment(&config);
  if (args.redis) {
    config.sessions = "redis";
    config.redis = *args.redis;
  }
  if (args.transcripts) config.transcripts = *args.transcripts;
  if (args.pack.empty()) args.pack = config.pack;
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
  if (args.command == "serve") {
    if (!args.host.empty()) config.host = args.host;
    if (!args.port.empty()) {
      char* end = nullptr;
      const long port = std::strtol(args.port.c_str(), &end, 10);
      if (*end != '\0' || port < 0 || port > 65535) {
        return Usage("--port needs a number from 0 to 65535");
      }
      config.port = static_cast<int>(port);
    }
    return Serve(*pack, pack_dir, config);
  }
  if (args.command == "transcripts") {
    return Transcripts(**pack, config.transcripts, args.limit);
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
