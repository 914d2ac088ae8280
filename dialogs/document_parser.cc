// Parser for FAQ documents.
//
// Format, line by line (UTF-8; CRLF and a leading BOM are accepted; lines
// with only spaces are blank and ignored):
//
//   title     The first non-blank line: the question the article answers.
//   summary   Every line after the title up to the first heading.
//             Required: at least one line.
//   heading   "N. Text" or "N) Text": N counts 1, 2, 3... in order. The
//             text is the section's title and must not be empty. It may
//             end with "{#id}" (lower-case letters, digits and '-'): the
//             section's node id, kept when the heading is reworded.
//   body      Lines after a heading up to the next heading. Every section
//             needs at least one body line.
//   advice    After the last section, only its first body line belongs to
//             it; any further lines are the closing advice. (Articles in
//             this shape end with one paragraph of general advice.)
//
// A line that looks like a heading but is long and ends with a full stop
// ("1. Some long sentence about things.") is body text, not a heading.
#include <algorithm>
#include <cctype>
#include <optional>

#include "dialogs/document.h"
#include "intents/text.h"
#include "intents/utf8.h"

namespace faqbot::dialogs {
namespace {

using intents::Trim;

constexpr std::size_t kMaxHeadingLength = 120;

struct Heading {
  int number;
  std::string text;
  std::string id;  // from a trailing "{#id}", or ""
};

// "Parasitic infection {#parasitic}" -> "Parasitic infection", "parasitic".
// Leaves `text` alone when it has no such ending.
std::string TakeExplicitId(std::string* text) {
  if (!text->ends_with('}')) return "";
  const std::size_t open = text->rfind("{#");
  if (open == std::string::npos) return "";
  std::string id = text->substr(open + 2, text->size() - open - 3);
  *text = Trim(std::string_view(*text).substr(0, open));
  return id.empty() ? "{}" : id;  // "{#}": reported as a bad id
}

bool IsNodeId(std::string_view id) {
  return !id.empty() && id.size() <= 40 && id.front() != '-' &&
         std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

std::optional<Heading> ParseHeading(const std::string& line) {
  std::size_t i = 0;
  while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) {
    ++i;
  }
  if (i == 0 || i > 5 || i >= line.size()) return std::nullopt;
  if (line[i] != '.' && line[i] != ')') return std::nullopt;
  if (i + 1 < line.size() && line[i + 1] != ' ') return std::nullopt;
  std::string text = Trim(std::string_view(line).substr(i + 1));
  if (text.size() > kMaxHeadingLength ||
      (text.size() > 60 && text.back() == '.')) {
    return std::nullopt;  // a numbered sentence, not a heading
  }
  std::string id = TakeExplicitId(&text);
  return Heading{std::stoi(line.substr(0, i)), std::move(text), std::move(id)};
}

Error At(std::string_view name, int line, const std::string& what) {
  return Error::ParseError(std::string(name) + " line " + std::to_string(line) +
                           ": " + what);
}

void AppendParagraph(std::string* to, const std::string& line) {
  if (!to->empty()) *to += '\n';
  *to += line;
}

}  // namespace

namespace {

// Reads an article a line at a time: the title, then the summary, then
// the sections (and, after the last, the closing advice).
class DocumentReader {
 public:
  explicit DocumentReader(std::string_view name) : name_(name) {}

  Status Line(const std::string& line, int line_no) {
    line_no_ = line_no;
    const auto heading = ParseHeading(line);
    switch (part_) {
      case Part::kTitle:
        if (heading) {
          return Fail(line_no_,
                      "the document starts with a section heading; put the "
                      "title question on the first line and a summary "
                      "under it");
        }
        doc_.title = line;
        part_ = Part::kSummary;
        return Ok();
      case Part::kSummary:
        if (!heading) {
          AppendParagraph(&doc_.summary, line);
          return Ok();
        }
        if (doc_.summary.empty()) {
          return Fail(line_no_,
                      "section 1 starts right after the title; write a "
                      "summary answer between them");
        }
        part_ = Part::kSections;
        return StartSection(*heading);
      case Part::kSections:
        if (heading) return StartSection(*heading);
        AppendParagraph(&doc_.sections.back().body, line);
        tail_.push_back(line);
        return Ok();
    }
    return Ok();
  }

  // Checks what only the whole document shows, and splits the closing
  // advice off the last section.
  Result<Document> Finish() {
    if (part_ == Part::kTitle) {
      return Fail(1,
                  "the document is empty; write a title question, a summary "
                  "and numbered sections");
    }
    if (doc_.sections.empty()) {
      return Fail(line_no_,
                  "no numbered sections found; start each with \"1. "
                  "Heading\" on its own line");
    }
    if (auto s = HasBody(doc_.sections.back()); !s) {
      return std::unexpected(s.error());
    }
    Section& last = doc_.sections.back();
    if (tail_.size() > 1) {
      last.body = tail_.front();
      for (std::size_t i = 1; i < tail_.size(); ++i) {
        AppendParagraph(&doc_.advice, tail_[i]);
      }
    }
    return std::move(doc_);
  }

  std::unexpected<Error> Fail(int line, const std::string& what) const {
    return std::unexpected(At(name_, line, what));
  }

 private:
  enum class Part { kTitle, kSummary, kSections };

  Status StartSection(const Heading& heading) {
    const int expected = static_cast<int>(doc_.sections.size()) + 1;
    if (heading.number != expected) {
      return Fail(
          line_no_,
          "section " + std::to_string(heading.number) + " comes after " +
              (expected == 1 ? std::string("the summary")
                             : "section " + std::to_string(expected - 1)) +
              "; number sections 1, 2, 3... in order");
    }
    if (heading.text.empty()) {
      return Fail(line_no_, "section " + std::to_string(heading.number) +
                                " has no title after its number");
    }
    if (!heading.id.empty()) {
      if (!IsNodeId(heading.id)) {
        return Fail(line_no_, "\"{#" + heading.id +
                                  "}\" is not a node id; use lower-case "
                                  "letters, digits and '-' (at most 40)");
      }
      for (const std::string_view reserved : kReservedNodeIds) {
        if (heading.id == reserved) {
          return Fail(line_no_, "\"{#" + heading.id +
                                    "}\" is reserved for the bot's own "
                                    "nodes; choose another id");
        }
      }
      for (const auto& other : doc_.sections) {
        if (other.id == heading.id) {
          return Fail(line_no_, "\"{#" + heading.id +
                                    "}\" is already the id of section " +
                                    std::to_string(other.number));
        }
      }
    }
    if (!doc_.sections.empty()) {
      if (auto s = HasBody(doc_.sections.back()); !s) return s;
    }
    doc_.sections.push_back(
        {heading.number, heading.text, heading.id, "", line_no_});
    tail_.clear();
    return Ok();
  }

  Status HasBody(const Section& section) const {
    if (!section.body.empty()) return Ok();
    return Fail(section.line, "section " + std::to_string(section.number) +
                                  " has a heading but no text under it");
  }

  std::string_view name_;
  Document doc_;
  Part part_ = Part::kTitle;
  int line_no_ = 0;
  std::vector<std::string> tail_;  // lines after the last heading
};

}  // namespace

Result<Document> ParseDocument(std::string_view text, std::string_view name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (const auto bad = intents::FindInvalidUtf8(text)) {
    int line = 1;
    for (std::size_t i = 0; i < *bad; ++i) line += text[i] == '\n';
    return std::unexpected(At(name, line,
                              "invalid UTF-8 at byte " + std::to_string(*bad) +
                                  "; save the file as UTF-8"));
  }
  DocumentReader reader(name);
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    const std::string line = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty()) continue;
    if (auto s = reader.Line(line, line_no); !s) {
      return std::unexpected(s.error());
    }
  }
  return reader.Finish();
}

}  // namespace faqbot::dialogs
