#include "adapters/directline_routes.h"

#include <vector>

namespace faqbot::adapters {

DirectLineRoute ParseDirectLineRoute(std::string_view method,
                                     std::string_view path) {
  using Kind = DirectLineRoute::Kind;
  if (!path.starts_with(kDirectLinePrefix)) return {};
  path.remove_prefix(kDirectLinePrefix.size());
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    if (path.front() != '/') return {};
    path.remove_prefix(1);
    const std::size_t end = path.find('/');
    parts.push_back(path.substr(0, end));
    if (parts.back().empty()) return {};
    path.remove_prefix(end == std::string_view::npos ? path.size() : end);
  }
  const bool post = method == "POST", get = method == "GET";
  if (parts.size() == 2 && parts[0] == "tokens" && post) {
    if (parts[1] == "generate") return {Kind::kGenerateToken, ""};
    if (parts[1] == "refresh") return {Kind::kRefreshToken, ""};
    return {};
  }
  if (parts.empty() || parts[0] != "conversations") return {};
  if (parts.size() == 1) {
    return post ? DirectLineRoute{Kind::kStartConversation, ""}
                : DirectLineRoute{};
  }
  DirectLineRoute route{Kind::kNotFound, std::string(parts[1])};
  if (parts.size() == 2 && get) {
    route.kind = Kind::kResumeConversation;
  } else if (parts.size() == 3 && parts[2] == "activities") {
    route.kind = get    ? Kind::kGetActivities
                 : post ? Kind::kPostActivity
                        : Kind::kNotFound;
  } else if (parts.size() == 3 && parts[2] == "upload" && post) {
    route.kind = Kind::kUpload;
  } else if (parts.size() == 3 && parts[2] == "stream" && get) {
    route.kind = Kind::kStream;
  }
  return route;
}

}  // namespace faqbot::adapters
