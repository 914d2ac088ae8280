// The `faqbot` program: its subcommands and the one parser that reads
// every command line.
//
// A subcommand is one file here (serve.cc, chat.cc, ...) that defines a
// `const Command`: its name, what it does, its own options, and the
// function that runs it; commands.cc lists them in one table. Options
// common to all (--pack, --config) and --help come from the parser
// (options.cc, CLI11), which hands the run function an Invocation:
//
//   extern const Command kHello = {
//       .name = "hello", .summary = "say hello",
//       .options = {{"--times", "N", "how many times (1)"}},
//       .run = [](const Invocation& in) {
//         auto times = in.Int("--times", 1, 1, 10);
//         if (!times) return Fail(times.error());
//         ...
//         return 0;
//       }};
#ifndef FAQBOT_ADAPTERS_CLI_COMMAND_H_
#define FAQBOT_ADAPTERS_CLI_COMMAND_H_

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "intents/status.h"

namespace faqbot::cli {

struct OptionSpec {
  std::string name;   // "--limit"
  std::string value;  // what it takes, for the usage ("N"); "" for a flag
  std::string help;
  // May be given several times; Invocation::Text joins the values with
  // '\n' in order.
  bool repeats = false;
};

// A parsed command line: option values by name, and the other words.
class Invocation {
 public:
  Invocation(std::map<std::string, std::string, std::less<>> values,
             std::vector<std::string> words, std::string argv0)
      : values_(std::move(values)),
        words_(std::move(words)),
        argv0_(std::move(argv0)) {}

  bool Has(std::string_view name) const { return values_.contains(name); }
  // The value of `name`, or `fallback` when it was not given.
  std::string Text(std::string_view name, std::string fallback = "") const;
  // A whole number in [min, max]; the error names the option and range.
  Result<int> Int(std::string_view name, int fallback, int min, int max) const;
  const std::vector<std::string>& words() const { return words_; }
  const std::string& argv0() const { return argv0_; }

 private:
  std::map<std::string, std::string, std::less<>> values_;
  std::vector<std::string> words_;
  std::string argv0_;
};

struct Command {
  std::string_view name;
  std::string_view args;     // positional arguments, for the usage
  std::string_view summary;  // one line for `faqbot --help`
  std::vector<OptionSpec> options;
  int (*run)(const Invocation&) = nullptr;
  bool takes_words = false;  // accepts positional words
};

// Every subcommand, in the order `faqbot --help` lists them (commands.cc).
std::span<const Command* const> Commands();

// What faqbot is, in one sentence, and the options every command takes
// (--pack, --config): for --help and the manual page (options.cc).
std::string_view Description();
std::span<const OptionSpec> CommonOptions();

// The manual page, faqbot(1), in troff, from the table above and the
// common options (manual.cc): `faqbot --man` prints it, and the package
// installs it, so it cannot drift from the program.
std::string ManPage();

// Parses `argv` and runs the command; returns the exit status (2 for a
// usage error).
int Main(int argc, char** argv);

// Prints "faqbot: <message>" to stderr and returns 1.
int Fail(const Error& error);

}  // namespace faqbot::cli

#endif  // FAQBOT_ADAPTERS_CLI_COMMAND_H_
