// The Direct Line 3.0 endpoints under /v3/directline, parsed from a path.
// Internal to the Direct Line channel.
//
//   POST tokens/generate                     kGenerateToken
//   POST tokens/refresh                      kRefreshToken
//   POST conversations                       kStartConversation
//   GET  conversations/{id}                  kResumeConversation
//   GET  conversations/{id}/activities       kGetActivities
//   POST conversations/{id}/activities       kPostActivity
//   POST conversations/{id}/upload           kUpload
//   GET  conversations/{id}/stream (upgrade) kStream
#ifndef FAQBOT_ADAPTERS_DIRECTLINE_ROUTES_H_
#define FAQBOT_ADAPTERS_DIRECTLINE_ROUTES_H_

#include <string>
#include <string_view>

namespace faqbot::adapters {

inline constexpr std::string_view kDirectLinePrefix = "/v3/directline";

struct DirectLineRoute {
  enum class Kind {
    kNotFound,  // under the prefix, but no such endpoint
    kGenerateToken,
    kRefreshToken,
    kStartConversation,
    kResumeConversation,
    kGetActivities,
    kPostActivity,
    kUpload,
    kStream,
  };
  Kind kind = Kind::kNotFound;
  std::string conversation;  // for the conversations/{id}/... endpoints
};

// `method` is "GET" or "POST" ("GET" for the stream's upgrade request);
// `path` has no query.
DirectLineRoute ParseDirectLineRoute(std::string_view method,
                                     std::string_view path);

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_DIRECTLINE_ROUTES_H_
