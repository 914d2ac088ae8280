// The faqbot executable; `faqbot --help` lists its subcommands
// (adapters/cli/command.h).
#include "adapters/cli/command.h"

int main(int argc, char** argv) { return faqbot::cli::Main(argc, argv); }
