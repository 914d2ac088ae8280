// Direct Line's server side against hostile or careless clients: what a
// credential opens, what is kept of what clients post, and how fast they
// may ask. (The unmodified npm clients are in tests/browser.)
#include <gtest/gtest.h>

#include "tests/adapters/server_fixture.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;
using testing::HttpResult;
using testing::HttpSend;

constexpr char kSecret[] = "dl-secret-for-tests";

class DirectLineTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerConfig config;
    config.channels = {{"directline", {{"secret", kSecret}}}};
    Start(config);
  }
  HttpResult Call(const std::string& method, const std::string& path,
                  const std::string& credential, const std::string& body = "") {
    return HttpSend(port_, method, "/v3/directline" + path, body,
                    {{"Authorization", "Bearer " + credential}});
  }
  // Starts a conversation with the secret: {conversationId, token, ...}.
  json StartConversation() {
    const HttpResult r = Call("POST", "/conversations", kSecret);
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body, nullptr, false);
  }
};

TEST_F(DirectLineTest, TheStreamOpensWithATokenNeverWithTheSecret) {
  const json c = StartConversation();
  const std::string stream = "/v3/directline/conversations/" +
                             c["conversationId"].get<std::string>() +
                             "/stream?t=";
  testing::WsClient with_secret(port_, stream + kSecret);
  EXPECT_FALSE(with_secret.ok());
  EXPECT_EQ(with_secret.handshake_status(), 403);
  testing::WsClient with_token(port_, stream + c["token"].get<std::string>());
  ASSERT_TRUE(with_token.ok());
  const auto greeting = with_token.Read();  // the welcome, from the backlog
  ASSERT_TRUE(greeting);
  EXPECT_EQ((*greeting)["activities"][0]["from"]["role"], "bot");
}

TEST_F(DirectLineTest, ARefreshRevokesTheOldToken) {
  const json c = StartConversation();
  const std::string id = c["conversationId"];
  const std::string old_token = c["token"];
  const HttpResult r = Call("POST", "/tokens/refresh", old_token);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string new_token = json::parse(r.body)["token"];
  EXPECT_NE(new_token, old_token);
  EXPECT_EQ(
      Call("GET", "/conversations/" + id + "/activities", old_token).status,
      403);
  EXPECT_EQ(
      Call("GET", "/conversations/" + id + "/activities", new_token).status,
      200);
  EXPECT_EQ(Call("POST", "/tokens/refresh", old_token).status, 403);
}

TEST_F(DirectLineTest, TokensForOneConversationAreRateLimited) {
  const json c = StartConversation();
  std::string token = c["token"];
  int refused = 0;
  for (int i = 0; i < 40; ++i) {
    const HttpResult r = Call("POST", "/tokens/refresh", token);
    if (r.status == 429) {
      ++refused;
      continue;
    }
    ASSERT_EQ(r.status, 200) << r.body;
    token = json::parse(r.body)["token"];
  }
  EXPECT_GE(refused, 25);
  // The last token still works.
  EXPECT_EQ(Call("GET",
                 "/conversations/" + c["conversationId"].get<std::string>() +
                     "/activities",
                 token)
                .status,
            200);
}

// What a client posts is not kept whole: 900 KB of channelData per post
// must not become server memory or a 9 MB activities reply.
TEST_F(DirectLineTest, OnlyTheFieldsClientsUseAreKept) {
  const json c = StartConversation();
  const std::string id = c["conversationId"];
  const json post = {{"type", "message"},
                     {"text", "what causes it?"},
                     {"from", {{"id", "u1"}, {"name", "Ann"}}},
                     {"channelData",
                      {{"clientActivityID", "client-1"},
                       {"junk", std::string(900 * 1024, 'x')}}},
                     {"attachments", json::array({{{"junk", "y"}}})}};
  // The rate limit has its own test; how many of these posts it lets
  // through depends on how fast a sanitized build parses 900 KB.
  int answered = 0;
  for (int i = 0; i < 14; ++i) {
    answered += Call("POST", "/conversations/" + id + "/activities", kSecret,
                     post.dump())
                    .status == 200;
  }
  EXPECT_GE(answered, 10);
  const HttpResult r =
      Call("GET", "/conversations/" + id + "/activities", kSecret);
  ASSERT_EQ(r.status, 200);
  EXPECT_LT(r.body.size(), 64u * 1024) << "kept whole";
  const json set = json::parse(r.body);
  bool saw_user = false;
  for (const auto& a : set["activities"]) {
    EXPECT_FALSE(a.contains("attachments"));
    if (a["from"]["role"] != "user") continue;
    saw_user = true;
    EXPECT_EQ(a["from"]["name"], "Ann");
    EXPECT_EQ(a["channelData"], json({{"clientActivityID", "client-1"}}));
  }
  EXPECT_TRUE(saw_user);
}

TEST_F(DirectLineTest, PostsAreRateLimitedPerConversation) {
  const std::string id = StartConversation()["conversationId"];
  const std::string post = json{{"type", "message"}, {"text", "hello"}}.dump();
  int answered = 0, limited = 0;
  for (int i = 0; i < 40; ++i) {
    const int status =
        Call("POST", "/conversations/" + id + "/activities", kSecret, post)
            .status;
    answered += status == 200;
    limited += status == 429;
  }
  EXPECT_GE(answered, 10) << "a burst is allowed";
  EXPECT_GE(limited, 15);
  // Another conversation is not slowed down by this one.
  const std::string other = StartConversation()["conversationId"];
  EXPECT_EQ(
      Call("POST", "/conversations/" + other + "/activities", kSecret, post)
          .status,
      200);
}

TEST_F(DirectLineTest, RoutesAreParsedNotSliced) {
  const json c = StartConversation();
  const std::string id = c["conversationId"];
  for (const char* path :
       {"/conversations/", "/conversations//activities",
        "/conversations/x/activities/extra", "/tokens/", "/tokens/other",
        "/conversationsX", "/conversations/"}) {
    const int status = Call("GET", path, kSecret).status;
    EXPECT_TRUE(status == 404 || status == 403) << path << " " << status;
  }
  EXPECT_EQ(Call("POST", "/conversations/" + id + "/upload", kSecret).status,
            400);
}

}  // namespace
}  // namespace faqbot::adapters
