// Parser for a pack's intents file.
//
// A plain text file in sections. '#' starts a comment line; blank lines
// are ignored. Node ids are the ones `faqbot inspect` prints.
//
//   [settings]
//   answer threshold = 1.2          # numbers; see PackSettings
//
//   [synonyms]
//   hepatitis: liver infection, hep b    # canonical: alternatives
//
//   [red flags]
//   bleeding-gums: bleeding gums         # name: pattern
//
//   [node chronic-hepatitis]
//   keywords: liver infection, hepatitis b   # comma-separated phrases
//   pattern: (had|have) ... hepatitis        # one pattern per line
//
// Keywords add to what the article gives the node; patterns add a fixed
// score when they match (see intents/pattern.h for the language).
#include "dialogs/intents_file.h"

#include <cctype>

#include "intents/text.h"
#include "intents/utf8.h"

namespace faqbot::dialogs {
namespace {

using intents::SplitCommas;
using intents::Trim;

}  // namespace

Result<IntentsFile> ParseIntentsFile(std::string_view text,
                                     std::string_view name) {
  IntentsFile file;
  file.name = std::string(name);
  const auto error = [&](int line, const std::string& what) {
    return std::unexpected(Error::ParseError(
        std::string(name) + " line " + std::to_string(line) + ": " + what));
  };
  if (const auto bad = intents::FindInvalidUtf8(text)) {
    int line = 1;
    for (std::size_t i = 0; i < *bad; ++i) line += text[i] == '\n';
    return error(line, "invalid UTF-8; save the file as UTF-8");
  }
  enum class Part { kNone, kSettings, kSynonyms, kRedFlags, kNode };
  Part part = Part::kNone;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    const std::string line = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    if (line.front() == '[') {
      if (line.back() != ']') {
        return error(line_no,
                     "section header \"" + line + "\" has no closing ']'");
      }
      const std::string header = Trim(line.substr(1, line.size() - 2));
      const std::string lower = intents::AsciiLower(header);
      if (lower == "settings") {
        part = Part::kSettings;
      } else if (lower == "synonyms") {
        part = Part::kSynonyms;
      } else if (lower == "red flags") {
        part = Part::kRedFlags;
      } else if (lower == "node" || lower.starts_with("node ") ||
                 lower.starts_with("node\t")) {
        const std::string id = Trim(header.substr(4));
        if (id.empty()) return error(line_no, "[node] needs a node id");
        file.nodes.push_back({id, line_no, {}, {}});
        part = Part::kNode;
      } else {
        return error(line_no, "unknown section [" + header +
                                  "]; use [settings], [synonyms], "
                                  "[red flags] or [node <id>]");
      }
      continue;
    }
    switch (part) {
      case Part::kNone:
        return error(line_no, "\"" + line +
                                  "\" is outside any section; start with "
                                  "[synonyms], [red flags] or [node <id>]");
      case Part::kSettings: {
        const std::size_t eq = line.find('=');
        if (eq == std::string::npos) {
          return error(line_no, "setting \"" + line +
                                    "\" has no '='; write \"key = value\"");
        }
        file.settings.push_back({intents::AsciiLower(Trim(line.substr(0, eq))),
                                 Trim(line.substr(eq + 1)), line_no});
        break;
      }
      case Part::kSynonyms:
        if (line.find(':') == std::string::npos) {
          return error(line_no, "synonym group \"" + line +
                                    "\" has no ':'; write \"canonical: "
                                    "other, other words\"");
        }
        file.synonyms.push_back({line, line_no});
        break;
      case Part::kRedFlags: {
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos || Trim(line.substr(0, colon)).empty()) {
          return error(line_no, "red flag \"" + line +
                                    "\" needs a name: write \"name: pattern\"");
        }
        file.red_flags.push_back({Trim(line.substr(0, colon)),
                                  {Trim(line.substr(colon + 1)), line_no}});
        break;
      }
      case Part::kNode: {
        const std::size_t colon = line.find(':');
        const std::string key =
            colon == std::string::npos
                ? ""
                : intents::AsciiLower(Trim(line.substr(0, colon)));
        const std::string value =
            colon == std::string::npos ? "" : Trim(line.substr(colon + 1));
        NodeIntents& node = file.nodes.back();
        if (key == "keywords" || key == "keyword") {
          for (auto& k : SplitCommas(value)) {
            node.keywords.push_back({std::move(k), line_no});
          }
        } else if (key == "pattern" || key == "patterns") {
          if (value.empty()) return error(line_no, "pattern is empty");
          node.patterns.push_back({value, line_no});
        } else {
          return error(line_no, "\"" + line +
                                    "\" is not \"keywords: ...\" or "
                                    "\"pattern: ...\"");
        }
        break;
      }
    }
  }
  return file;
}

}  // namespace faqbot::dialogs
