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

namespace {

// The page up to its <main>: head, style and the site's header.
std::string PageTop(std::string_view title, bool home_link) {
  return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta "
         "charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\">\n"
         "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n"
         "<title>" +
         HtmlEscape(title) +
         "</title>\n<style>\n"
         "body{font:17px/1.6 system-ui,sans-serif;margin:0;color:#1d2733;"
         "background:#f5f7fa}\n"
         "header{background:#0b5394;color:#fff;padding:14px "
         "24px;font-weight:600}\nheader a{color:#fff}\n"
         "main{max-width:760px;margin:24px auto;padding:0 20px 120px;"
         "background:#fff;border-radius:8px}\n"
         "h1{font-size:1.6em;padding-top:20px}h2{font-size:1.15em;margin-top:1."
         "6em}\n"
         ".summary{font-size:1.05em;background:#eef4fb;padding:12px 16px;"
         "border-radius:6px}\n.note{color:#5b6573;font-size:.9em}\n</style>\n"
         "</head>\n<body>\n<header>" +
         std::string(home_link ? "<a href=\"/\">Health answers</a>"
                               : "Health answers") +
         "</header>\n<main>\n";
}

// The note, the widget (naming the page's article when `pack` is given)
// and the end of the page.
std::string PageEnd(std::string_view pack) {
  const std::string data_pack =
      pack.empty() ? "" : " data-pack=\"" + HtmlEscape(pack) + "\"";
  return "<p class=\"note\">Questions? Use the chat button at the bottom "
         "right.</p>\n"
         "</main>\n<script src=\"/widget.js\"" +
         data_pack + " defer></script>\n</body>\n</html>\n";
}

}  // namespace

std::string RenderDemoPage(const dialogs::Pack& pack, bool in_library) {
  const auto& doc = pack.document;
  std::string html = PageTop(doc.title, in_library) + "<h1>" +
                     HtmlEscape(doc.title) + "</h1>\n<p class=\"summary\">" +
                     HtmlEscape(doc.summary) + "</p>\n";
  for (const auto& s : doc.sections) {
    html += "<h2>" + std::to_string(s.number) + ". " + HtmlEscape(s.heading) +
            "</h2>\n<p>" + HtmlEscape(s.body) + "</p>\n";
  }
  if (!doc.advice.empty()) html += "<p>" + HtmlEscape(doc.advice) + "</p>\n";
  return html + PageEnd(in_library ? pack.name : "");
}

std::string RenderLibraryPage(const dialogs::Library& library) {
  std::string html =
      PageTop("Health answers", false) + "<h1>Health answers</h1>\n<ul>\n";
  for (const auto& pack : library.packs()) {
    html += "<li><a href=\"" + std::string(kArticlePaths) +
            HtmlEscape(pack->name) + "\">" + HtmlEscape(pack->document.title) +
            "</a></li>\n";
  }
  return html + "</ul>\n" + PageEnd("");
}

}  // namespace faqbot::adapters
