// faqbot::dialogs: from an FAQ article to a dialog tree, and through it.
//
//   Result<Document> doc = ParseDocument(text, "article.txt");
//   Result<IntentsFile> extra = ParseIntentsFile(intents, "intents.txt");
//   Result<std::shared_ptr<const Pack>> pack =
//       CompilePack("liver", *std::move(doc), *extra);
//   DialogRunner runner(pack->get());
//   DialogState state;                       // one per session
//   Result<Reply> r = runner.Step(&state, {.text = "what causes it?"});
//
// document.h      the article format and its parser
// intents_file.h  the author's intents file
// dialog_tree.h   nodes, topics and facets: what CompilePack builds
// dialog_runner.h one turn of a session: the decision order
// reply.h         the Reply every adapter renders
// No I/O here: callers read files and hand over their text.
#ifndef FAQBOT_DIALOGS_DIALOGS_H_
#define FAQBOT_DIALOGS_DIALOGS_H_

#include "dialogs/dialog_runner.h"
#include "dialogs/dialog_tree.h"
#include "dialogs/document.h"
#include "dialogs/intents_file.h"
#include "dialogs/reply.h"

#endif  // FAQBOT_DIALOGS_DIALOGS_H_
