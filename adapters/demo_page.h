// The demo page served at "/": the pack's article laid out as an FAQ page,
// with the chat widget embedded the way a clinic's site would embed it.
// A library (faqbot serve --packs) serves an index of its articles at "/"
// and each article at /articles/<pack>, whose widget names that article
// (data-pack).
#ifndef FAQBOT_ADAPTERS_DEMO_PAGE_H_
#define FAQBOT_ADAPTERS_DEMO_PAGE_H_

#include <string>
#include <string_view>

#include "dialogs/dialog_tree.h"
#include "dialogs/library.h"

namespace faqbot::adapters {

// `in_library`: the page is one of a library's (a link back to the index,
// and the widget says which article it sits on).
std::string RenderDemoPage(const dialogs::Pack& pack, bool in_library = false);

// The library's index: its articles, linked, with the widget.
std::string RenderLibraryPage(const dialogs::Library& library);

// The path of a library's article page: "/articles/<pack>".
inline constexpr std::string_view kArticlePaths = "/articles/";

// The site's icon (a speech bubble in the widget's blue), served at
// /favicon.svg and /favicon.ico for the demo page and the console.
inline constexpr std::string_view kFaviconSvg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
    "<path fill=\"#0b5394\" d=\"M5 3h22a3 3 0 0 1 3 3v15a3 3 0 0 1-3 "
    "3H14l-7 6v-6H5a3 3 0 0 1-3-3V6a3 3 0 0 1 3-3z\"/>"
    "<path fill=\"#fff\" d=\"M9 11h14v2H9zm0 5h9v2H9z\"/></svg>";

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string HtmlEscape(std::string_view text);

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_DEMO_PAGE_H_
