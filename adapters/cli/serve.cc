// faqbot serve: the WebSocket server with its demo page, the channels,
// hot reload, and a graceful stop on SIGINT/SIGTERM.
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <functional>
#include <iostream>
#include <thread>

#include "adapters/channels.h"
#include "adapters/cli/context.h"
#include "adapters/cli/systemd_notify.h"
#include "adapters/log.h"
#include "adapters/pack_watcher.h"
#include "adapters/web_server.h"
#include "bot/store/transcript_db.h"

namespace faqbot::cli {
namespace {

namespace net = boost::asio;
using adapters::Log;

std::string Describe(const adapters::ServerConfig& config,
                     const std::string& url, int threads,
                     const std::filesystem::path& pack,
                     const dialogs::Library* library) {
  const bot::Config& b = config.bot;
  const std::string what = library ? "library " + pack.string() + " (" +
                                         std::to_string(library->size()) +
                                         " articles)"
                                   : "pack " + pack.string();
  return "serving " + what + " on " + url + " (WebSocket " + url + "ws) with " +
         std::to_string(threads) + " threads; sessions in " +
         (b.sessions == "redis" ? "Redis at " + b.redis
                                : std::string("memory")) +
         "; transcript " +
         (b.transcripts.empty()
              ? std::string("off")
              : bot::TranscriptDbName(b.transcripts) + " (written every " +
                    std::to_string(b.transcript_flush_ms) + " ms, kept " +
                    std::to_string(b.transcript_retention_days) + " days)") +
         "; operator handoff " +
         (b.operators.empty()
              ? std::string("off (no operators configured)")
              : "on, console " + url + "console for " +
                    std::to_string(b.operators.size()) + " operator" +
                    (b.operators.size() == 1 ? "" : "s"));
}

// `config` saying how many threads run the server (0 resolved).
adapters::ServerConfig WithThreads(adapters::ServerConfig config, int threads) {
  config.threads = threads;
  return config;
}

// One running server: the io_context and everything on it.
class Server {
 public:
  Server(bot::Bot& bot, const adapters::ServerConfig& config, int threads,
         std::filesystem::path pack_dir)
      : bot_(bot),
        config_(config),
        threads_(threads),
        pack_dir_(std::move(pack_dir)),
        ioc_(threads),
        server_(ioc_, bot, WithThreads(config, threads)),
        watcher_(ioc_, bot, pack_dir_),
        hangup_(ioc_, SIGHUP),
        signals_(ioc_, SIGINT, SIGTERM),
        deadline_(ioc_),
        systemd_(ioc_) {}

  // Binds, attaches the channels, then starts accepting: no request can
  // arrive before a channel is there to take it.
  Status Start() {
    if (auto s = server_.Listen(); !s) return s;
    const std::string host =
        config_.host == "0.0.0.0" ? std::string("127.0.0.1") : config_.host;
    url_ = "http://" + host + ":" + std::to_string(server_.port()) + "/";
    Log(Describe(config_, url_, threads_, pack_dir_, bot_.library().get()));
    auto channels = adapters::MakeChannels(config_.channels, bot_,
                                           config_.public_url.empty()
                                               ? url_.substr(0, url_.size() - 1)
                                               : config_.public_url,
                                           config_.bot);
    if (!channels) return std::unexpected(channels.error());
    channels_ = std::move(*channels);
    for (const auto& c : channels_) {
      Log("channel " + std::string(c->name()) + " on");
      c->Start();
    }
    server_.SetChannels(channels_);
    server_.Start();
    // A library's articles are watched one by one: a broken one is refused
    // alone while the others keep serving.
    if (const auto library = bot_.library()) {
      for (const auto& pack : library->packs()) {
        article_watchers_.push_back(std::make_unique<adapters::PackWatcher>(
            ioc_, bot_, pack_dir_ / pack->name));
        article_watchers_.back()->Start();
      }
    } else {
      watcher_.Start();
    }
    WaitForHangup();
    WaitForStop();
    systemd_.Ready("serving " + pack_dir_.string() + " on " + url_);
    return Ok();
  }

  const std::string& url() const { return url_; }

  void Run() {
    std::vector<std::thread> pool;
    for (int i = 1; i < threads_; ++i) pool.emplace_back([&] { ioc_.run(); });
    ioc_.run();
    for (auto& t : pool) t.join();
  }

 private:
  // Hot reload on SIGHUP (the watcher also reloads on file changes).
  void WaitForHangup() {
    hangup_.async_wait([this](const boost::system::error_code& ec, int) {
      if (ec) return;
      if (!article_watchers_.empty()) {
        Log("SIGHUP: reloading the library's articles");
        systemd_.Reloading();
        for (auto& w : article_watchers_) (void)w->ReloadNow();
        systemd_.Reloaded("serving " + pack_dir_.string() + " on " + url_);
        WaitForHangup();
        return;
      }
      Log("SIGHUP: reloading the pack");
      systemd_.Reloading();
      (void)watcher_.ReloadNow();
      systemd_.Reloaded("serving " + pack_dir_.string() + " on " + url_);
      WaitForHangup();
    });
  }

  void WaitForStop() {
    signals_.async_wait(
        [this](const boost::system::error_code& ec, int signal) {
          if (ec) return;
          Log(std::string("stopping on ") +
              (signal == SIGINT ? "SIGINT" : "SIGTERM"));
          systemd_.Stopping();
          server_.Shutdown();
          for (const auto& c : channels_) c->Stop();
          watcher_.Stop();
          for (auto& w : article_watchers_) w->Stop();
          hangup_.cancel();
          give_up_ = std::chrono::steady_clock::now() + std::chrono::seconds(3);
          CheckStopped();
        });
  }

  // Stops once every WebSocket has closed; cuts the rest after 3 seconds.
  void CheckStopped() {
    if (server_.metrics().connections() == 0 ||
        std::chrono::steady_clock::now() >= give_up_) {
      return ioc_.stop();
    }
    deadline_.expires_after(std::chrono::milliseconds(20));
    deadline_.async_wait([this](const boost::system::error_code& e) {
      if (!e) CheckStopped();
    });
  }

  bot::Bot& bot_;
  const adapters::ServerConfig& config_;
  const int threads_;
  const std::filesystem::path pack_dir_;
  net::io_context ioc_;
  adapters::WebServer server_;
  adapters::PackWatcher watcher_;
  // A library's: one per article.
  std::vector<std::unique_ptr<adapters::PackWatcher>> article_watchers_;
  net::signal_set hangup_;
  net::signal_set signals_;
  net::steady_timer deadline_;
  SystemdNotifier systemd_;
  std::chrono::steady_clock::time_point give_up_;
  std::vector<std::shared_ptr<adapters::Channel>> channels_;
  std::string url_;
};

int RunServe(const Invocation& in) {
  auto config = LoadConfig(in);
  if (!config) return Fail(config.error());
  if (in.Has("--host")) config->host = in.Text("--host");
  auto port = in.Int("--port", config->port, 0, 65535);
  if (!port) return Fail(port.error());
  config->port = *port;
  adapters::AddSecret(config->bot.redis_password);
  adapters::AddSecret(config->bot.transcript_key);
  auto options = bot::MakeBotOptions(config->bot, Log);
  if (!options) return Fail(options.error());
  std::filesystem::path dir;
  auto loaded = LoadBotFor(in, *config, *options, &dir);
  if (!loaded) return Fail(loaded.error());
  bot::Bot& bot = **loaded;
  if (!bot.library()) adapters::LogPackCheck(dir, bot.pack());
  const int threads =
      config->threads > 0
          ? config->threads
          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  Server server(bot, *config, threads, dir);
  if (auto s = server.Start(); !s) return Fail(s.error());
  std::cout << "faqbot: open " << server.url() << " in a browser" << std::endl;
  server.Run();
  Log("stopped");
  return 0;
}

}  // namespace

extern const Command kServe = {
    .name = "serve",
    .summary = "the WebSocket server with its demo page and the channels",
    .options = {{"--host", "ADDR", "address to listen on (127.0.0.1)"},
                {"--port", "N", "port (8080; 0 picks a free one)"},
                {"--redis", "HOST:PORT",
                 "keep sessions in Redis, shared by instances"},
                {"--transcripts", "FILE|URL",
                 "the transcript database: a SQLite file "
                 "(data/transcripts.db), postgresql://... shared by every "
                 "instance, or \"\" to record nothing"},
                PacksOption()},
    .run = RunServe};

}  // namespace faqbot::cli
