// The demo page served at "/": the pack's article laid out as an FAQ page,
// with the chat widget embedded the way a clinic's site would embed it.
#ifndef FAQBOT_ADAPTERS_DEMO_PAGE_H_
#define FAQBOT_ADAPTERS_DEMO_PAGE_H_

#include <string>
#include <string_view>

#include "dialogs/dialog_tree.h"

namespace faqbot::adapters {

std::string RenderDemoPage(const dialogs::Pack& pack);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string HtmlEscape(std::string_view text);

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_DEMO_PAGE_H_
