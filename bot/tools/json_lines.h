// JSON-lines files (question sets, real people's questions): one object a
// line, blank lines skipped. Shared by the parsers of bot/tools/.
// Threads: a pure function; any thread.
#ifndef FAQBOT_BOT_TOOLS_JSON_LINES_H_
#define FAQBOT_BOT_TOOLS_JSON_LINES_H_

#include <nlohmann/json.hpp>
#include <string_view>

namespace faqbot::bot {

// Calls `object(j, line_no)` for each non-blank line of `text`; returns
// the number (from 1) of the first line that is not a JSON object or that
// `object` refuses (returns false), or 0 when every line was taken.
template <typename Fn>
int ForEachJsonObjectLine(std::string_view text, Fn&& object) {
  int line_no = 0;
  for (std::string_view rest = text; !rest.empty();) {
    const std::size_t nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? "" : rest.substr(nl + 1);
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !object(j, line_no)) {
      return line_no;
    }
  }
  return 0;
}

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_TOOLS_JSON_LINES_H_
