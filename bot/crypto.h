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

// A password as stored: "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>"
// with a new random salt (PBKDF2-HMAC-SHA256, 16-byte salt, 32-byte hash).
inline constexpr int kPasswordIterations = 200000;
std::string HashPassword(std::string_view password,
                         int iterations = kPasswordIterations);

// The iterations of a stored password, 0 when `stored` is not one.
int PasswordIterations(std::string_view stored);

// Whether `password` matches `stored` (HashPassword's form); false for a
// malformed `stored` too.
bool CheckPassword(std::string_view password, std::string_view stored);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_CRYPTO_H_
