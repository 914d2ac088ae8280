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
//   accept: confusable calcium because both sections speak of it
//                                  # anywhere: a `faqbot check` warning kept
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

enum class Part { kNone, kSettings, kSynonyms, kRedFlags, kNode };

// Reads the file a line at a time; each method handles one kind of line.
class Reader {
 public:
  explicit Reader(std::string_view name) { file_.name = std::string(name); }

  Status Line(const std::string& line, int line_no) {
    line_no_ = line_no;
    if (line.front() == '[') return Header(line);
    if (intents::AsciiLower(line.substr(0, 7)) == "accept:")
      return Accept(line);
    switch (part_) {
      case Part::kNone:
        return Fail("\"" + line +
                    "\" is outside any section; start with [synonyms], "
                    "[red flags] or [node <id>]");
      case Part::kSettings:
        return Setting(line);
      case Part::kSynonyms:
        return Synonyms(line);
      case Part::kRedFlags:
        return RedFlag(line);
      case Part::kNode:
        return NodeLine(line);
    }
    return Ok();
  }

  IntentsFile Take() { return std::move(file_); }

  std::unexpected<Error> Fail(const std::string& what) const {
    return std::unexpected(Error::ParseError(
        file_.name + " line " + std::to_string(line_no_) + ": " + what));
  }
  void set_line(int line_no) { line_no_ = line_no; }

 private:
  Status Header(const std::string& line) {
    if (line.back() != ']') {
      return Fail("section header \"" + line + "\" has no closing ']'");
    }
    const std::string header = Trim(line.substr(1, line.size() - 2));
    const std::string lower = intents::AsciiLower(header);
    if (lower == "settings") {
      part_ = Part::kSettings;
    } else if (lower == "synonyms") {
      part_ = Part::kSynonyms;
    } else if (lower == "red flags") {
      part_ = Part::kRedFlags;
    } else if (lower == "node" || lower.starts_with("node ") ||
               lower.starts_with("node\t")) {
      const std::string id = Trim(header.substr(4));
      if (id.empty()) return Fail("[node] needs a node id");
      file_.nodes.push_back({id, line_no_, {}, {}});
      part_ = Part::kNode;
    } else {
      return Fail("unknown section [" + header +
                  "]; use [settings], [synonyms], [red flags] or [node <id>]");
    }
    return Ok();
  }

  Status Accept(const std::string& line) {
    const std::string rest = Trim(line.substr(7));
    const std::size_t because = rest.find(" because ");
    if (because == std::string::npos || Trim(rest.substr(0, because)).empty() ||
        Trim(rest.substr(because + 9)).empty()) {
      return Fail(
          "write \"accept: <warning id> because <why>\" (the id is "
          "in brackets in faqbot check's warning)");
    }
    file_.accepted.push_back({Trim(rest.substr(0, because)),
                              Trim(rest.substr(because + 9)), line_no_});
    return Ok();
  }

  Status Setting(const std::string& line) {
    const std::size_t eq = line.find('=');
    if (eq == std::string::npos) {
      return Fail("setting \"" + line + "\" has no '='; write \"key = value\"");
    }
    file_.settings.push_back({intents::AsciiLower(Trim(line.substr(0, eq))),
                              Trim(line.substr(eq + 1)), line_no_});
    return Ok();
  }

  Status Synonyms(const std::string& line) {
    if (line.find(':') == std::string::npos) {
      return Fail("synonym group \"" + line +
                  "\" has no ':'; write \"canonical: other, other words\"");
    }
    file_.synonyms.push_back({line, line_no_});
    return Ok();
  }

  Status RedFlag(const std::string& line) {
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos || Trim(line.substr(0, colon)).empty()) {
      return Fail("red flag \"" + line +
                  "\" needs a name: write \"name: pattern\"");
    }
    file_.red_flags.push_back({Trim(line.substr(0, colon)),
                               {Trim(line.substr(colon + 1)), line_no_}});
    return Ok();
  }

  Status NodeLine(const std::string& line) {
    const std::size_t colon = line.find(':');
    const std::string key =
        colon == std::string::npos
            ? ""
            : intents::AsciiLower(Trim(line.substr(0, colon)));
    const std::string value =
        colon == std::string::npos ? "" : Trim(line.substr(colon + 1));
    NodeIntents& node = file_.nodes.back();
    if (key == "keywords" || key == "keyword") {
      for (auto& k : SplitCommas(value)) {
        node.keywords.push_back({std::move(k), line_no_});
      }
    } else if (key == "pattern" || key == "patterns") {
      if (value.empty()) return Fail("pattern is empty");
      node.patterns.push_back({value, line_no_});
    } else {
      return Fail("\"" + line +
                  "\" is not \"keywords: ...\" or \"pattern: ...\"");
    }
    return Ok();
  }

  IntentsFile file_;
  Part part_ = Part::kNone;
  int line_no_ = 0;
};

}  // namespace

Result<IntentsFile> ParseIntentsFile(std::string_view text,
                                     std::string_view name) {
  Reader reader(name);
  if (const auto bad = intents::FindInvalidUtf8(text)) {
    int line = 1;
    for (std::size_t i = 0; i < *bad; ++i) line += text[i] == '\n';
    reader.set_line(line);
    return reader.Fail("invalid UTF-8; save the file as UTF-8");
  }
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    const std::string line = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    if (auto s = reader.Line(line, line_no); !s) {
      return std::unexpected(s.error());
    }
  }
  return reader.Take();
}

}  // namespace faqbot::dialogs
