// Parts of a request's URL: query values and percent-decoding. Used by the
// transport (ws_connection) and by the channels, so it depends on neither.
#ifndef FAQBOT_ADAPTERS_URL_H_
#define FAQBOT_ADAPTERS_URL_H_

#include <string>
#include <string_view>

namespace faqbot::adapters {

// The query parameter `name` of a request target ("/ws?session=abc"),
// percent-decoded; "" when absent.
std::string QueryValue(std::string_view target, std::string_view name);

// Percent-decoding of URL and form values ('+' is a space in forms).
std::string PercentDecode(std::string_view text, bool plus_is_space);

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_URL_H_
