// Small cryptographic helpers (OpenSSL underneath): message
// authentication for webhook signatures and keyed ids in transcripts,
// comparison of secrets, random keys.
#ifndef FAQBOT_BOT_CRYPTO_H_
#define FAQBOT_BOT_CRYPTO_H_

#include <string>
#include <string_view>

namespace faqbot::bot {

// HMAC-SHA256 of `data` with `key`, as lowercase hex.
std::string HmacSha256Hex(std::string_view key, std::string_view data);

// Equality that takes the same time wherever the strings differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// `bytes` bytes from the OS's random source, as lowercase hex.
std::string RandomHex(std::size_t bytes);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_CRYPTO_H_
