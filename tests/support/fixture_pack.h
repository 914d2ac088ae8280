// The liver fixture pack (tests/fixtures/liver), loaded once per call, for
// the engine's tests.
#ifndef FAQBOT_TESTS_SUPPORT_FIXTURE_PACK_H_
#define FAQBOT_TESTS_SUPPORT_FIXTURE_PACK_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "bot/pack_loader.h"

namespace faqbot::testing {

inline std::shared_ptr<const dialogs::Pack> LiverFixture() {
  auto pack =
      bot::LoadPack(std::string(FAQBOT_SOURCE_DIR) + "/tests/fixtures/liver");
  EXPECT_TRUE(pack) << pack.error().message;
  return pack ? *pack : nullptr;
}

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_SUPPORT_FIXTURE_PACK_H_
