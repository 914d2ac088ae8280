#include "adapters/demo_page.h"

namespace faqbot::adapters {

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string RenderDemoPage(const dialogs::Pack& pack) {
  const auto& doc = pack.document;
  std::string html =
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n"
      "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n"
      "<title>" +
      HtmlEscape(doc.title) +
      "</title>\n<style>\n"
      "body{font:17px/1.6 system-ui,sans-serif;margin:0;color:#1d2733;"
      "background:#f5f7fa}\n"
      "header{background:#0b5394;color:#fff;padding:14px "
      "24px;font-weight:600}\n"
      "main{max-width:760px;margin:24px auto;padding:0 20px 120px;"
      "background:#fff;border-radius:8px}\n"
      "h1{font-size:1.6em;padding-top:20px}h2{font-size:1.15em;margin-top:1."
      "6em}\n"
      ".summary{font-size:1.05em;background:#eef4fb;padding:12px 16px;"
      "border-radius:6px}\n.note{color:#5b6573;font-size:.9em}\n</style>\n"
      "</head>\n<body>\n<header>Health answers</header>\n<main>\n<h1>" +
      HtmlEscape(doc.title) + "</h1>\n<p class=\"summary\">" +
      HtmlEscape(doc.summary) + "</p>\n";
  for (const auto& s : doc.sections) {
    html += "<h2>" + std::to_string(s.number) + ". " + HtmlEscape(s.heading) +
            "</h2>\n<p>" + HtmlEscape(s.body) + "</p>\n";
  }
  if (!doc.advice.empty()) html += "<p>" + HtmlEscape(doc.advice) + "</p>\n";
  html +=
      "<p class=\"note\">Questions? Use the chat button at the bottom "
      "right.</p>\n"
      "</main>\n<script src=\"/widget.js\" defer></script>\n</body>\n</html>\n";
  return html;
}

}  // namespace faqbot::adapters
