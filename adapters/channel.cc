#include "adapters/channel.h"

#include <algorithm>

namespace faqbot::adapters {

std::string_view HttpRequest::Header(std::string_view name) const {
  const auto it = headers.find(name);
  return it == headers.end() ? std::string_view() : it->second;
}

std::string HttpRequest::Query(std::string_view name) const {
  return QueryValue(target, name);
}

int64_t JsonInt(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return 0;
  const auto it = object.find(key);
  return it != object.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

HttpResponse HttpResponse::JsonError(int status, const std::string& message) {
  return Json(status, DumpJson({{"error", message}}));
}

bool IsLowerHex(std::string_view s, std::size_t digits) {
  return s.size() == digits &&
         s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::string DumpJson(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string JsonText(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return "";
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string ReplyText(const bot::Reply& reply) {
  std::string out;
  if (!reply.disclaimer.empty()) out += "(" + reply.disclaimer + ")\n\n";
  if (!reply.notice.empty()) out += reply.notice + "\n\n";
  if (!reply.caveat.empty()) out += reply.caveat + "\n\n";
  if (!reply.label.empty()) out += reply.label + ": ";
  if (reply.parts.empty()) {
    out += reply.text;
    if (!reply.source_line.empty()) out += "\n\n" + reply.source_line;
    return out;
  }
  // Several questions: each answer under the question it answers, with
  // its own source.
  for (std::size_t i = 0; i < reply.parts.size(); ++i) {
    const auto& p = reply.parts[i];
    if (i) out += "\n\n";
    if (!p.question.empty()) out += "\u201c" + p.question + "\u201d\n";
    if (!p.caveat.empty()) out += p.caveat + " ";
    out += p.text;
    if (!p.source_line.empty()) out += "\n" + p.source_line;
  }
  return out;
}

HttpResponse CorsPreflight(const HttpRequest& request, std::string_view methods,
                           const std::vector<std::string>& origins) {
  HttpResponse r = HttpResponse::Text(204, "");
  AllowOrigin(request, origins, &r);
  if (r.headers.empty()) return r;  // not allowed: the browser stops here
  const std::string_view asked =
      request.Header("access-control-request-headers");
  r.headers.push_back({"Access-Control-Allow-Methods", std::string(methods)});
  r.headers.push_back({"Access-Control-Allow-Headers",
                       asked.empty()
                           ? std::string("Authorization, Content-Type")
                           : std::string(asked)});
  r.headers.push_back({"Access-Control-Max-Age", "600"});
  return r;
}

void AllowOrigin(const HttpRequest& request,
                 const std::vector<std::string>& origins,
                 HttpResponse* response) {
  if (std::find(origins.begin(), origins.end(), "*") != origins.end()) {
    response->headers.emplace_back("Access-Control-Allow-Origin", "*");
    return;
  }
  const std::string origin(request.Header("origin"));
  if (origin.empty() ||
      std::find(origins.begin(), origins.end(), origin) == origins.end()) {
    return;
  }
  response->headers.emplace_back("Access-Control-Allow-Origin", origin);
  response->headers.emplace_back("Vary", "Origin");
}

}  // namespace faqbot::adapters
