#include "adapters/cli/context.h"

#include "bot/pack_loader.h"

namespace faqbot::cli {
namespace {

namespace fs = std::filesystem;

constexpr char kDefaultPack[] = "content/liver-calcification";

}  // namespace

Result<adapters::ServerConfig> LoadConfig(const Invocation& in) {
  adapters::ServerConfig config;
  if (in.Has("--config")) {
    if (auto s = adapters::LoadServerConfig(in.Text("--config"), &config); !s) {
      return std::unexpected(s.error());
    }
  }
  adapters::ApplyEnvironment(&config);
  if (in.Has("--redis")) {
    config.bot.sessions = "redis";
    config.bot.redis = in.Text("--redis");
  }
  if (in.Has("--transcripts"))
    config.bot.transcripts = in.Text("--transcripts");
  if (in.Has("--pack")) config.bot.pack = in.Text("--pack");
  if (in.Has("--packs")) config.bot.packs = in.Text("--packs");
  return config;
}

fs::path PackDir(const Invocation& in, const adapters::ServerConfig& config) {
  if (!config.bot.pack.empty()) return config.bot.pack;
  if (fs::is_directory(kDefaultPack)) return kDefaultPack;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(in.argv0(), ec);
  const fs::path beside = exe.parent_path().parent_path() / kDefaultPack;
  if (fs::is_directory(beside)) return beside;
  return kDefaultPack;
}

Result<std::shared_ptr<const dialogs::Pack>> LoadPackFor(
    const Invocation& in, const adapters::ServerConfig& config) {
  return bot::LoadPack(PackDir(in, config));
}

OptionSpec PacksOption() {
  return {"--packs", "DIR",
          "a library: every pack folder in DIR in one bot, each question "
          "answered from the article it asks about (README)"};
}

Result<std::unique_ptr<bot::Bot>> LoadBotFrom(const fs::path& dir, bool library,
                                              bot::BotOptions options) {
  if (library) {
    auto packs = bot::LoadLibrary(dir);
    if (!packs) return std::unexpected(packs.error());
    return std::make_unique<bot::Bot>(
        std::make_shared<const dialogs::Library>(*std::move(packs)),
        std::move(options));
  }
  auto pack = bot::LoadPack(dir);
  if (!pack) return std::unexpected(pack.error());
  return std::make_unique<bot::Bot>(*std::move(pack), std::move(options));
}

Result<std::unique_ptr<bot::Bot>> LoadBotFor(
    const Invocation& in, const adapters::ServerConfig& config,
    bot::BotOptions options, fs::path* dir) {
  const bool library = !config.bot.packs.empty();
  if (library && in.Has("--pack")) {
    return std::unexpected(
        Error::InvalidArgument("--pack and --packs: give one of them"));
  }
  const fs::path from =
      library ? fs::path(config.bot.packs) : PackDir(in, config);
  if (dir) *dir = from;
  return LoadBotFrom(from, library, std::move(options));
}

}  // namespace faqbot::cli
