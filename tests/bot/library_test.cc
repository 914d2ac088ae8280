// The library router (dialogs/library.h) over real content packs: a
// question goes to the article whose subject it names; follow-ups stay.
#include "dialogs/library.h"

#include <gtest/gtest.h>

#include "bot/pack_loader.h"

namespace faqbot::dialogs {
namespace {

class LibraryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<std::shared_ptr<const Pack>> packs;
    for (const char* name :
         {"fatty-liver", "gallbladder-polyps", "kidney-stones",
          "liver-calcification", "liver-hemangioma", "ovarian-cysts"}) {
      auto pack =
          bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) + "/content/" + name);
      ASSERT_TRUE(pack) << pack.error().message;
      packs.push_back(*pack);
    }
    library_ = new Library(std::move(packs));
  }
  static void TearDownTestSuite() { delete library_; }
  static int Index(const std::string& name) {
    for (int i = 0; i < library_->size(); ++i) {
      if (library_->packs()[i]->name == name) return i;
    }
    return -1;
  }
  static std::string Routed(const std::string& text, const char* current) {
    const int at = library_->Route(text, current ? Index(current) : -1).pack;
    return at < 0 ? "" : library_->packs()[at]->name;
  }
  static Library* library_;
};
Library* LibraryTest::library_ = nullptr;

TEST_F(LibraryTest, AConversationThatMovesBetweenArticles) {
  const char* calcification = "liver-calcification";
  EXPECT_EQ(Routed("is calcification cancer?", calcification), calcification);
  EXPECT_EQ(
      Routed("I also have a hemangioma, is that dangerous?", calcification),
      "liver-hemangioma");
  EXPECT_EQ(Routed("how is it treated?", "liver-hemangioma"),
            "liver-hemangioma")
      << "a follow-up names no subject: it stays";
  EXPECT_EQ(
      Routed("and the calcification, how is that treated?", "liver-hemangioma"),
      calcification);
}

TEST_F(LibraryTest, WithoutAPageTheSubjectChoosesTheArticle) {
  EXPECT_EQ(
      Routed("What should I do if I have a urinary tract stone?", nullptr),
      "kidney-stones")
      << "several articles speak of stones; its title names this one";
  EXPECT_EQ(Routed("Do ovarian cysts need to be removed?", nullptr),
            "ovarian-cysts");
  EXPECT_EQ(
      Routed("I have a 6 mm polyp in my gallbladder, is it cancer?", nullptr),
      "gallbladder-polyps");
  EXPECT_EQ(Routed("how is it treated?", nullptr), "")
      << "no subject and no page: ask which article";
  EXPECT_EQ(Routed("what is the best pizza in town?", nullptr), "");
}

TEST_F(LibraryTest, ASubjectNoArticleCoversStaysWithThePage) {
  // The page's article then refuses it, naming the subject.
  EXPECT_EQ(Routed("what is polycystic ovary syndrome?", "fatty-liver"),
            "fatty-liver");
}

}  // namespace
}  // namespace faqbot::dialogs
