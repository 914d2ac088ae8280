// The FAQ document: what an author writes, parsed into its parts.
//
// The format (see document_parser.cc for the exact rules):
//
//   Are intrahepatic calcifications a precursor to liver cancer?   <- title
//   Generally speaking, ... Specific analyses are as follows:      <- summary
//   1. Precursor to liver cancer                                   <- heading
//   (a heading may end with an explicit node id: "{#precursor}")
//   Hepatic calcification refers to ...                            <- body
//   2. Parasitic infection
//   ...
//   Patients should seek prompt medical attention ...              <- advice
#ifndef FAQBOT_DIALOGS_DOCUMENT_H_
#define FAQBOT_DIALOGS_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "intents/sentences.h"
#include "intents/status.h"

namespace faqbot::dialogs {

struct Section {
  int number = 0;       // as written: "2." -> 2
  std::string heading;  // "Parasitic infection"
  // The node id the author gave ("2. Parasitic infection {#parasitic}"),
  // so renaming the heading keeps it; "" derives the id from the heading.
  std::string id;
  std::string body;  // the paragraph(s) under the heading, as written
  int line = 0;      // line of the heading, 1-based
};

// Node ids of the bot's own nodes: no section may take one.
inline constexpr std::string_view kReservedNodeIds[] = {"overview", "advice",
                                                        "all", "menu"};

struct Document {
  std::string title;    // the question the article answers
  std::string summary;  // the short answer after the title
  std::vector<Section> sections;
  std::string advice;  // closing advice; may be empty
};

// Parses a document. `name` (a file name) prefixes error messages, which
// give the line and what is wrong: "article.txt line 7: section 3 comes
// after section 1; number sections 1, 2, 3 in order".
Result<Document> ParseDocument(std::string_view text, std::string_view name);

// The sentences of a paragraph (intents/sentences.h).
using intents::SplitSentences;

}  // namespace faqbot::dialogs

#endif  // FAQBOT_DIALOGS_DOCUMENT_H_
