#include "bot/crypto.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <cstdlib>
#include <random>
#include <vector>

namespace faqbot::bot {
namespace {

std::string Hex(const unsigned char* data, std::size_t size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out += kHex[data[i] >> 4];
    out += kHex[data[i] & 15];
  }
  return out;
}

}  // namespace

std::string HmacSha256Hex(std::string_view key, std::string_view data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac,
       &len);
  return Hex(mac, len);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

std::string RandomHex(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  if (RAND_bytes(buf.data(), static_cast<int>(bytes)) != 1) {
    std::random_device device;  // OpenSSL's generator failed: the OS's
    for (auto& b : buf) b = static_cast<unsigned char>(device());
  }
  return Hex(buf.data(), bytes);
}

namespace {

std::string Pbkdf2Hex(std::string_view password, std::string_view salt,
                      int iterations) {
  unsigned char out[32];
  PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                    reinterpret_cast<const unsigned char*>(salt.data()),
                    static_cast<int>(salt.size()), iterations, EVP_sha256(),
                    sizeof out, out);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : out) {
    hex += kHex[c >> 4];
    hex += kHex[c & 15];
  }
  return hex;
}

}  // namespace

std::string HashPassword(std::string_view password, int iterations) {
  const std::string salt = RandomHex(16);
  return "pbkdf2-sha256$" + std::to_string(iterations) + "$" + salt + "$" +
         Pbkdf2Hex(password, salt, iterations);
}

namespace {

// A stored password's parts: the iterations (0 when malformed), salt, hash.
struct StoredHash {
  int iterations = 0;
  std::string_view salt, hash;
};

StoredHash ParseStored(std::string_view stored) {
  // pbkdf2-sha256 $ iterations $ salt $ hash
  std::string_view parts[4];
  for (int i = 0; i < 4; ++i) {
    const std::size_t dollar = stored.find('$');
    if ((i < 3) == (dollar == std::string_view::npos)) return {};
    parts[i] = stored.substr(0, dollar);
    stored = i < 3 ? stored.substr(dollar + 1) : std::string_view();
  }
  if (parts[0] != "pbkdf2-sha256" || parts[2].empty()) return {};
  const int iterations = std::atoi(std::string(parts[1]).c_str());
  if (iterations < 1000 || iterations > 10'000'000) return {};
  return {iterations, parts[2], parts[3]};
}

}  // namespace

int PasswordIterations(std::string_view stored) {
  return ParseStored(stored).iterations;
}

bool CheckPassword(std::string_view password, std::string_view stored) {
  const StoredHash s = ParseStored(stored);
  if (s.iterations == 0) return false;
  return ConstantTimeEquals(Pbkdf2Hex(password, s.salt, s.iterations), s.hash);
}

}  // namespace faqbot::bot
