// What every subcommand starts from: its settings (the --config file, the
// environment, then flags) and its content pack.
#ifndef FAQBOT_ADAPTERS_CLI_CONTEXT_H_
#define FAQBOT_ADAPTERS_CLI_CONTEXT_H_

#include <filesystem>
#include <memory>

#include "adapters/cli/command.h"
#include "adapters/server_config.h"
#include "bot/bot.h"
#include "dialogs/dialog_tree.h"

namespace faqbot::cli {

// The settings of this invocation: defaults, then the --config file, then
// the environment (secrets), then the flags --pack, --redis, --transcripts
// when the command has them.
Result<adapters::ServerConfig> LoadConfig(const Invocation& in);

// The pack folder: --pack, else the config's "pack", else
// content/liver-calcification here or next to the executable's folder.
std::filesystem::path PackDir(const Invocation& in,
                              const adapters::ServerConfig& config);

// The compiled pack of PackDir().
Result<std::shared_ptr<const dialogs::Pack>> LoadPackFor(
    const Invocation& in, const adapters::ServerConfig& config);

// The bot of this invocation: the library of --packs (the config's
// "packs"), else the pack of PackDir(). The folder it was loaded from goes
// to `*dir` when given.
Result<std::unique_ptr<bot::Bot>> LoadBotFor(
    const Invocation& in, const adapters::ServerConfig& config,
    bot::BotOptions options = {}, std::filesystem::path* dir = nullptr);

// The bot of the pack folder `dir`, or with `library` of the library
// folder `dir`.
Result<std::unique_ptr<bot::Bot>> LoadBotFrom(const std::filesystem::path& dir,
                                              bool library,
                                              bot::BotOptions options = {});

// The --packs option, for the commands that take a library.
OptionSpec PacksOption();

}  // namespace faqbot::cli

#endif  // FAQBOT_ADAPTERS_CLI_CONTEXT_H_
