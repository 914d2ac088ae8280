// The intents file: what a content author adds to a pack by hand, for what
// cannot be read from the article itself. Format in intents_file.cc.
#ifndef FAQBOT_DIALOGS_INTENTS_FILE_H_
#define FAQBOT_DIALOGS_INTENTS_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "intents/status.h"

namespace faqbot::dialogs {

// One line's value with the line it came from, for error messages.
struct Line {
  std::string text;
  int line = 0;
};

struct NodeIntents {
  std::string node;  // a node id, as `faqbot inspect` prints it
  int line = 0;
  std::vector<Line> keywords;  // each a word or phrase
  std::vector<Line> patterns;  // pattern language, see intents/pattern.h
};

struct RedFlagLine {
  std::string name;
  Line pattern;
};

struct Setting {
  std::string key;
  std::string value;
  int line = 0;
};

// "accept: <warning id> because <why>": a `faqbot check` warning the
// author has looked at and keeps.
struct Accepted {
  std::string id;
  std::string reason;
  int line = 0;
};

struct IntentsFile {
  std::string name;            // file name, for messages
  std::vector<Line> synonyms;  // "canonical: alt, alt"
  std::vector<RedFlagLine> red_flags;
  std::vector<NodeIntents> nodes;
  std::vector<Setting> settings;
  std::vector<Accepted> accepted;
};

// Parses an intents file. Errors name the file and line and say what is
// wrong: "intents.txt line 4: 'keywords' outside a [node ...] section;
// put it under the node it belongs to".
Result<IntentsFile> ParseIntentsFile(std::string_view text,
                                     std::string_view name);

}  // namespace faqbot::dialogs

#endif  // FAQBOT_DIALOGS_INTENTS_FILE_H_
