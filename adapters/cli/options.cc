// The one command-line parser (CLI11), for every subcommand in the table.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "adapters/cli/command.h"
#include "adapters/cli/version.h"

namespace faqbot::cli {
namespace {

// Where each option's value lands while CLI11 parses.
struct Slot {
  std::string name;
  std::string value;
  bool flag = false;
  bool set = false;
  CLI::Option* option = nullptr;
};

void AddOption(CLI::App& app, const OptionSpec& spec,
               std::vector<std::unique_ptr<Slot>>& slots) {
  auto slot = std::make_unique<Slot>();
  slot->name = spec.name;
  if (spec.value.empty()) {
    slot->flag = true;
    slot->option = app.add_flag(spec.name, slot->set, spec.help);
  } else {
    slot->option = app.add_option(spec.name, slot->value, spec.help)
                       ->type_name(spec.value);
    if (spec.repeats) {
      slot->option->multi_option_policy(CLI::MultiOptionPolicy::Join);
    }
  }
  slots.push_back(std::move(slot));
}

}  // namespace

std::string_view Description() {
  return "faqbot answers questions from an FAQ article: in a terminal, as a "
         "WebSocket server with a chat widget, and on chat platforms.";
}

std::span<const OptionSpec> CommonOptions() {
  static const OptionSpec kCommon[] = {
      {"--pack", "DIR",
       "the content pack folder (default content/liver-calcification)"},
      {"--config", "FILE", "JSON settings (README); flags win"}};
  return kCommon;
}

std::string Invocation::Text(std::string_view name,
                             std::string fallback) const {
  const auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

Result<int> Invocation::Int(std::string_view name, int fallback, int min,
                            int max) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  const std::string& text = it->second;
  char* end = nullptr;
  errno = 0;
  const long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno != 0 || value < min ||
      value > max) {
    return std::unexpected(Error::InvalidArgument(
        std::string(name) + " needs a whole number from " +
        std::to_string(min) + " to " + std::to_string(max) + ", not \"" + text +
        "\""));
  }
  return static_cast<int>(value);
}

int Fail(const Error& error) {
  std::cerr << "faqbot: " << error.message << "\n";
  return 1;
}

int Main(int argc, char** argv) {
  if (argc == 2 && std::string_view(argv[1]) == "--man") {
    std::cout << ManPage();  // for the package's faqbot(1)
    return 0;
  }
  CLI::App app(std::string(Description()), "faqbot");
  app.set_version_flag("--version", VersionLine());
  app.require_subcommand(1);
  app.fallthrough();  // --pack and --config before or after the command
  std::vector<std::unique_ptr<Slot>> common;
  for (const OptionSpec& spec : CommonOptions()) AddOption(app, spec, common);
  struct Parsed {
    const Command* command;
    CLI::App* app;
    std::vector<std::unique_ptr<Slot>> slots;
    std::vector<std::string> words;
  };
  std::vector<Parsed> parsed;
  parsed.reserve(Commands().size());
  for (const Command* command : Commands()) {
    std::string name(command->name);
    CLI::App* sub = app.add_subcommand(name, std::string(command->summary));
    Parsed p{command, sub, {}, {}};
    for (const auto& spec : command->options) AddOption(*sub, spec, p.slots);
    parsed.push_back(std::move(p));
    if (command->takes_words) {
      sub->add_option("words", parsed.back().words, std::string(command->args));
    }
  }
  // A first word that is no option and no command: say which exist.
  if (argc > 1 && argv[1][0] != '-') {
    const std::string_view word = argv[1];
    bool known = false;
    std::string names;
    for (const Command* command : Commands()) {
      known = known || command->name == word;
      names += (names.empty() ? "" : ", ") + std::string(command->name);
    }
    if (!known) {
      std::cerr << "faqbot: unknown command \"" << word
                << "\" (commands: " << names << "; faqbot --help says more)\n";
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  for (auto& p : parsed) {
    if (!p.app->parsed()) continue;
    std::map<std::string, std::string, std::less<>> values;
    for (auto* slots : {&common, &p.slots}) {
      for (const auto& slot : *slots) {
        if (slot->option->count() == 0) continue;
        values[slot->name] = slot->flag ? "1" : slot->value;
      }
    }
    return p.command->run(Invocation(std::move(values), std::move(p.words),
                                     argc > 0 ? argv[0] : "faqbot"));
  }
  return 2;
}

}  // namespace faqbot::cli
