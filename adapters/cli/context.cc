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

}  // namespace faqbot::cli
