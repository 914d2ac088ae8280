#include "intents/utf8.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace faqbot::intents {

std::optional<char32_t> DecodeUtf8(std::string_view text, std::size_t* pos) {
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  const std::size_t start = *pos;
  const unsigned char lead = byte(start);
  *pos = start + 1;
  if (lead < 0x80) return lead;
  int extra;
  char32_t cp;
  char32_t min;
  if ((lead & 0xE0) == 0xC0) {
    extra = 1, cp = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2, cp = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3, cp = lead & 0x07, min = 0x10000;
  } else {
    return std::nullopt;
  }
  if (start + extra >= text.size()) return std::nullopt;
  for (int i = 1; i <= extra; ++i) {
    const unsigned char b = byte(start + i);
    if ((b & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return std::nullopt;
  }
  *pos = start + extra + 1;
  return cp;
}

std::optional<std::size_t> FindInvalidUtf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Plain ASCII, most of every message: eight bytes at a time.
    constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
    std::uint64_t chunk;
    if (pos + 8 <= text.size() &&
        (std::memcpy(&chunk, text.data() + pos, 8), (chunk & kHighBits) == 0)) {
      pos += 8;
      continue;
    }
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t at = pos;
    if (!DecodeUtf8(text, &pos)) return at;
  }
  return std::nullopt;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void TruncateUtf8(std::string* text, std::size_t max_bytes) {
  if (text->size() <= max_bytes) return;
  std::size_t end = max_bytes;
  // Step back over continuation bytes to the start of the cut sequence.
  while (end > 0 && (static_cast<unsigned char>((*text)[end]) & 0xC0) == 0x80) {
    --end;
  }
  text->resize(end);
}

std::string Clipped(std::string_view text, std::size_t max_bytes) {
  std::string out(text);
  if (out.size() <= max_bytes) return Printable(out);
  TruncateUtf8(&out, max_bytes > 3 ? max_bytes - 3 : 0);
  return Printable(out) + "...";
}

namespace {

bool IsControl(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return false;
  return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f);
}

}  // namespace

std::optional<std::size_t> FindControl(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Plain ASCII, most of every message: no decoding.
    if (const auto c = static_cast<unsigned char>(text[pos]); c < 0x80) {
      if (IsControl(c)) return pos;
      ++pos;
      continue;
    }
    const std::size_t at = pos;
    if (const auto cp = DecodeUtf8(text, &pos); cp && IsControl(*cp)) {
      return at;
    }
  }
  return std::nullopt;
}

std::string Printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t at = pos;
    const auto cp = DecodeUtf8(text, &pos);
    char escaped[12];
    if (!cp) {
      std::snprintf(escaped, sizeof escaped, "\\x%02x",
                    static_cast<unsigned char>(text[at]));
      out += escaped;
    } else if (*cp == '\r' || IsControl(*cp)) {
      std::snprintf(escaped, sizeof escaped, *cp < 0x80 ? "\\x%02x" : "\\u%04x",
                    static_cast<unsigned>(*cp));
      out += escaped;
    } else {
      out.append(text.substr(at, pos - at));
    }
  }
  return out;
}

}  // namespace faqbot::intents
