#include "adapters/reply_json.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

namespace faqbot::adapters {

namespace {

bool NeedsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// Where the first byte at or after `i` that JSON must escape (a control
// character, '"' or '\\') is; s.size() for none. Most text needs no
// escape, so it is searched sixteen bytes at a time where SSE2 is there
// (every x86-64).
std::size_t NextToEscape(std::string_view s, std::size_t i) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i last_control = _mm_set1_epi8(0x1f);
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    // A byte at most 0x1f (unsigned) is its own minimum with 0x1f.
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, last_control), v);
    const int hits = _mm_movemask_epi8(_mm_or_si128(
        control,
        _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash))));
    if (hits != 0) return i + static_cast<std::size_t>(__builtin_ctz(hits));
  }
#endif
  while (i < s.size() && !NeedsEscape(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (std::size_t i = 0;;) {
    const std::size_t at = NextToEscape(s, i);
    out->append(s.data() + i, at - i);
    if (at == s.size()) break;
    i = at + 1;
    switch (const auto c = static_cast<unsigned char>(s[at])) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->push_back('"');
}

void AppendConfidence(std::string* out, double confidence) {
  const double thousandths = std::round(confidence * 1000.0);
  if (thousandths == 1000.0) {  // a sure answer: common
    out->append("1.0");
    return;
  }
  // Not in 0..1 (-0 included), or not a number: as the library writes it.
  if (std::signbit(thousandths) || !(thousandths < 1000.0)) {
    out->append(nlohmann::json(thousandths / 1000.0).dump());
    return;
  }
  // 0.877 as "0.877", 0.5 as "0.5", 0 as "0.0": as a JSON writer prints it.
  const int n = static_cast<int>(thousandths);
  char digits[] = {'0', '.', static_cast<char>('0' + n / 100),
                   static_cast<char>('0' + n / 10 % 10),
                   static_cast<char>('0' + n % 10)};
  std::size_t size = sizeof digits;
  while (size > 3 && digits[size - 1] == '0') --size;
  out->append(digits, size);
}

namespace {

// {"section", "title"}; in a library also "article" (its title) and
// "pack" (its name) first.
void AppendSource(std::string* out, const std::optional<dialogs::Source>& s,
                  const dialogs::Reply& from) {
  if (!s) {
    out->append("null");
    return;
  }
  out->push_back('{');
  if (!from.article.empty()) {
    out->append("\"article\":");
    AppendJsonString(out, from.article_title);
    out->append(",\"pack\":");
    AppendJsonString(out, from.article);
    out->push_back(',');
  }
  char section[16];
  out->append("\"section\":");
  out->append(section,
              std::to_chars(section, section + sizeof section, s->section).ptr);
  out->append(",\"title\":");
  AppendJsonString(out, s->title);
  out->push_back('}');
}

// {"caveat", "kind", "node" (or null), "not_covered", "question",
//  "source" (or null), "text"}: one question's answer of several.
void AppendPart(std::string* out, const dialogs::ReplyPart& p,
                const dialogs::Reply& from) {
  out->append("{\"caveat\":");
  AppendJsonString(out, p.caveat);
  out->append(",\"kind\":");
  AppendJsonString(out, dialogs::ReplyKindName(p.kind));
  out->append(",\"node\":");
  if (p.node.empty()) {
    out->append("null");
  } else {
    AppendJsonString(out, p.node);
  }
  out->append(",\"not_covered\":");
  AppendJsonString(out, p.not_covered);
  out->append(",\"question\":");
  AppendJsonString(out, p.question);
  out->append(",\"source\":");
  AppendSource(out, p.source, from);
  out->append(",\"text\":");
  AppendJsonString(out, p.text);
  out->push_back('}');
}

}  // namespace

std::string ReplyToJsonText(
    const dialogs::Reply& reply,
    std::initializer_list<std::pair<std::string_view, std::string_view>>
        extra) {
  std::string out;
  out.reserve(256 + reply.text.size() + 64 * reply.choices.size());
  const auto key = [&](std::string_view k) {
    if (out.back() != '{') out.push_back(',');
    AppendJsonString(&out, k);
    out.push_back(':');
  };
  // Fields that are there only when they say something.
  const auto key_if_set = [&](std::string_view k, const std::string& v) {
    if (v.empty()) return;
    key(k);
    AppendJsonString(&out, v);
  };
  out.push_back('{');
  key("choices");
  out.push_back('[');
  for (std::size_t i = 0; i < reply.choices.size(); ++i) {
    if (i) out.push_back(',');
    out.append("{\"id\":");
    AppendJsonString(&out, reply.choices[i].id);
    out.append(",\"title\":");
    AppendJsonString(&out, reply.choices[i].title);
    out.push_back('}');
  }
  out.push_back(']');
  key("confidence");
  AppendConfidence(&out, reply.confidence);
  key_if_set("disclaimer", reply.disclaimer);
  key_if_set("notice", reply.notice);
  key_if_set("operator", reply.operator_name);
  key("intent");
  AppendJsonString(&out, reply.intent);
  key("kind");
  AppendJsonString(&out, dialogs::ReplyKindName(reply.kind));
  key("node");
  if (reply.node.empty()) {
    out.append("null");
  } else {
    AppendJsonString(&out, reply.node);
  }
  key("source");
  AppendSource(&out, reply.source, reply);
  key("text");
  AppendJsonString(&out, reply.text);
  key_if_set("caveat", reply.caveat);
  key_if_set("not_covered", reply.not_covered);
  if (!reply.parts.empty()) {
    key("parts");
    out.push_back('[');
    for (std::size_t i = 0; i < reply.parts.size(); ++i) {
      if (i) out.push_back(',');
      AppendPart(&out, reply.parts[i], reply);
    }
    out.push_back(']');
  }
  for (const auto& [k, v] : extra) {
    key(k);
    AppendJsonString(&out, v);
  }
  out.push_back('}');
  return out;
}

}  // namespace faqbot::adapters
