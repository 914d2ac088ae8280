// faqbot(1): the manual page, written from the command table.
#include <sstream>

#include "adapters/cli/command.h"
#include "adapters/cli/version.h"

namespace faqbot::cli {
namespace {

// Text as troff reads it: backslashes escaped, hyphens as minus signs (so
// "--pack" can be searched and copied), and no line starting with a
// control character.
std::string Roff(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

void Options(std::ostream& out, std::span<const OptionSpec> options) {
  for (const OptionSpec& o : options) {
    out << ".TP\n\\fB" << Roff(o.name) << "\\fR";
    if (!o.value.empty()) out << " \\fI" << Roff(o.value) << "\\fR";
    out << "\n"
        << Roff(o.help) << (o.repeats ? " (may be repeated)" : "") << "\n";
  }
}

}  // namespace

std::string ManPage() {
  std::ostringstream out;
  out << ".TH FAQBOT 1 \"\" \"" << Roff(VersionLine())
      << "\" \"User Commands\"\n"
      << ".SH NAME\nfaqbot \\- a conversational FAQ engine for medical "
         "articles\n"
      << ".SH SYNOPSIS\n.B faqbot\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR "
         "[\\fICOMMAND OPTIONS\\fR]\n.br\n.B faqbot\n\\-\\-version\n"
      << ".SH DESCRIPTION\n"
      << Roff(Description()) << "\n"
      << ".SH OPTIONS\nThese go before or after the command.\n";
  Options(out, CommonOptions());
  out << ".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nwhat a command takes\n"
      << ".TP\n\\fB\\-\\-version\\fR\nthe version and the git commit it "
         "was built from\n"
      << ".SH COMMANDS\n";
  for (const Command* c : Commands()) {
    out << ".SS " << Roff(c->name);
    if (!c->args.empty()) out << " \\fI" << Roff(c->args) << "\\fR";
    out << "\n" << Roff(c->summary) << "\n";
    Options(out, c->options);
  }
  out << ".SH FILES\n"
      << ".TP\n.I /etc/faqbot/config.json\nthe service's settings "
         "(listening address, packs, channels, operators)\n"
      << ".TP\n.I /usr/share/faqbot/content\nthe content packs shipped "
         "with faqbot\n"
      << ".TP\n.I /var/lib/faqbot\nthe transcript database of the service\n"
      << ".SH EXIT STATUS\n0 on success, 1 when the command failed "
         "(the message says why), 2 for a usage error.\n"
      << ".SH SEE ALSO\n"
      << "The README (/usr/share/doc/faqbot/README.md.gz) describes content "
         "packs, every setting and each channel's setup.\n";
  return out.str();
}

}  // namespace faqbot::cli
