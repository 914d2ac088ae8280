// An article's text compiled into a pack with the test lexicon, and the
// reply a new conversation gets from it: for the engine's tests of one
// short article.
#ifndef FAQBOT_TESTS_SUPPORT_FIRST_REPLY_H_
#define FAQBOT_TESTS_SUPPORT_FIRST_REPLY_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "dialogs/dialog_runner.h"
#include "dialogs/dialog_tree.h"
#include "dialogs/document.h"
#include "dialogs/intents_file.h"
#include "tests/support/test_lexicon.h"

namespace faqbot::testing {

inline Result<std::shared_ptr<const dialogs::Pack>> CompileArticle(
    std::string_view article, std::string_view intents = "") {
  auto doc = dialogs::ParseDocument(article, "article.txt");
  if (!doc) return std::unexpected(doc.error());
  auto file = dialogs::ParseIntentsFile(intents, "intents.txt");
  if (!file) return std::unexpected(file.error());
  return dialogs::CompilePack("test", *std::move(doc), *file, TestLexicon());
}

// The reply a new conversation gets to `text` from the pack of `article`.
inline dialogs::Reply FirstReply(std::string_view article,
                                 const std::string& text) {
  auto pack = CompileArticle(article);
  EXPECT_TRUE(pack) << pack.error().message;
  if (!pack) return {};
  dialogs::DialogState state;
  auto r = dialogs::DialogRunner(pack->get()).Step(&state, {text, ""});
  EXPECT_TRUE(r) << r.error().message;
  return r ? *r : dialogs::Reply{};
}

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_SUPPORT_FIRST_REPLY_H_
