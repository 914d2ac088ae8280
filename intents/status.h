// Status and Result: how faqbot returns expected failures.
//
// A function that can fail in a way the caller should handle (a bad
// document, a pattern that does not compile, malformed JSON from a client)
// returns Status when it has nothing else to return, or Result<T>
// (std::expected<T, Error>) when it does. Exceptions are for programmer
// errors only.
//
//   Result<Pack> pack = CompilePack(document, intents);
//   if (!pack) return std::unexpected(pack.error());
//
// Messages say what was wrong and what to do about it; they name the file
// and line when there is one.
#ifndef FAQBOT_INTENTS_STATUS_H_
#define FAQBOT_INTENTS_STATUS_H_

#include <expected>
#include <string>
#include <utility>

namespace faqbot {

enum class ErrorCode { kInvalidArgument, kNotFound, kIoError, kParseError };

struct [[nodiscard]] Error {
  ErrorCode code = ErrorCode::kInvalidArgument;
  std::string message;

  static Error InvalidArgument(std::string m) {
    return {ErrorCode::kInvalidArgument, std::move(m)};
  }
  static Error NotFound(std::string m) {
    return {ErrorCode::kNotFound, std::move(m)};
  }
  static Error IoError(std::string m) {
    return {ErrorCode::kIoError, std::move(m)};
  }
  static Error ParseError(std::string m) {
    return {ErrorCode::kParseError, std::move(m)};
  }
};

// A value or the reason it is missing: std::expected<T, Error>, marked
// [[nodiscard]] so the compiler enforces the habit of checking it.
template <typename T>
class [[nodiscard]] Result : public std::expected<T, Error> {
 public:
  using std::expected<T, Error>::expected;
  Result(std::expected<T, Error> e)  // NOLINT: implicit, like expected's own
      : std::expected<T, Error>(std::move(e)) {}
};

// Success costs nothing; failure carries an Error.
using Status = Result<void>;

inline Status Ok() { return {}; }

}  // namespace faqbot

#endif  // FAQBOT_INTENTS_STATUS_H_
