#include "bot/pack_loader.h"

#include <gtest/gtest.h>

#include <fstream>

namespace faqbot::bot {
namespace {

namespace fs = std::filesystem;

class PackLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("faqbot-pack-" +
         std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const char* name, std::string_view text) {
    std::ofstream(dir_ / name) << text;
  }
  fs::path dir_;
};

TEST_F(PackLoaderTest, LoadsAFolderWithOnlyAnArticle) {
  Write("article.txt", "Is it bad?\nNo.\n1. One\nBody.\n");
  auto pack = LoadPack(dir_);
  ASSERT_TRUE(pack) << pack.error().message;
  EXPECT_EQ((*pack)->section_ids.size(), 1u);
}

TEST_F(PackLoaderTest, ErrorsNameTheFile) {
  auto missing = LoadPack(dir_ / "nope");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("no such pack folder"),
            std::string::npos);
  auto no_article = LoadPack(dir_);
  ASSERT_FALSE(no_article);
  EXPECT_NE(no_article.error().message.find("article.txt: cannot read"),
            std::string::npos);
  Write("article.txt", "Is it bad?\nNo.\n1. One\nBody.\n");
  Write("intents.txt", "[node one]\npattern: (x\n");
  auto bad = LoadPack(dir_);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("intents.txt line 2"), std::string::npos);
}

}  // namespace
}  // namespace faqbot::bot
