// Strict UTF-8 decoding: rejects overlong forms, surrogates and code points
// above U+10FFFF, so every adapter can refuse bad input with a position.
#ifndef FAQBOT_INTENTS_UTF8_H_
#define FAQBOT_INTENTS_UTF8_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace faqbot::intents {

// Decodes the code point starting at text[*pos] and advances *pos past it.
// Returns std::nullopt for an invalid sequence; *pos then advances by one
// byte so a caller that wants to skip garbage can keep going.
std::optional<char32_t> DecodeUtf8(std::string_view text, std::size_t* pos);

// Byte offset of the first invalid sequence, or std::nullopt when `text`
// is valid UTF-8.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Cuts `text` to at most `max_bytes` without splitting a character.
void TruncateUtf8(std::string* text, std::size_t max_bytes);

// `text` cut to about `max_bytes` on a character boundary, with "..." when
// something was cut (for one-line previews).
// Control characters are never printed as they are (see Printable).
std::string Clipped(std::string_view text, std::size_t max_bytes);

// Byte offset of the first control character other than tab, newline and
// carriage return (C0, DEL, and C1 U+0080..U+009F), or std::nullopt. A
// stranger's text holding ESC could rewrite a terminal that prints it.
std::optional<std::size_t> FindControl(std::string_view text);

// `text` safe for a terminal: every control character FindControl finds,
// and invalid UTF-8, shown escaped ("\x1b", "\u009b"); tab and newline
// kept. For anything printed that a stranger may have written.
std::string Printable(std::string_view text);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_UTF8_H_
