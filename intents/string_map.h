// Hash maps and sets keyed by std::string that can be searched with a
// std::string_view, so a lookup never builds a temporary string.
#ifndef FAQBOT_INTENTS_STRING_MAP_H_
#define FAQBOT_INTENTS_STRING_MAP_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace faqbot::intents {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};

template <typename V>
using StringMap =
    std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_STRING_MAP_H_
