#include "adapters/client_frame.h"

#include <nlohmann/json.hpp>

namespace faqbot::adapters {

bool IsMessageId(std::string_view id) {
  if (id.empty() || id.size() > bot::Session::kMaxMessageIdBytes) return false;
  for (const char c : id) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                       c == '.' || c == ':';
    if (!plain) return false;
  }
  return true;
}

namespace {

using nlohmann::json;

// One field the frame may carry: absent, a string, or some other value.
struct Field {
  enum class Is { kAbsent, kString, kOther } is = Is::kAbsent;
  std::string text;
};

// What a frame held, as far as the checks below care.
struct Frame {
  Field id, page, choice, text;
  bool object = false;  // the frame is a JSON object

  Field* Named(std::string_view name) {
    if (name == "text") return &text;
    if (name == "choice") return &choice;
    if (name == "id") return &id;
    if (name == "page") return &page;
    return nullptr;
  }
};

bool IsJsonSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The frame nearly every client sends, read without a JSON parser: one
// object whose values are all strings of printable ASCII without escapes.
// Anything else (an escape, a byte above 127, a number, a nested value,
// a syntax error) returns false untouched, and the parser reads the frame:
// the two agree because this one accepts only what needs no judgement.
bool ReadPlainFrame(std::string_view s, Frame* frame) {
  std::size_t i = 0;
  const auto skip_space = [&] {
    while (i < s.size() && IsJsonSpace(s[i])) ++i;
  };
  const auto next_is = [&](char c) { return i < s.size() && s[i] == c; };
  const auto plain_string = [&](std::string_view* out) {
    if (!next_is('"')) return false;
    const std::size_t start = ++i;
    for (; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == '"') {
        *out = s.substr(start, i++ - start);
        return true;
      }
      if (c < 0x20 || c == '\\' || c >= 0x80) return false;
    }
    return false;
  };
  Frame read;
  read.object = true;
  skip_space();
  if (!next_is('{')) return false;
  ++i;
  skip_space();
  if (next_is('}')) {
    ++i;
  } else {
    for (;;) {
      std::string_view key, value;
      if (!plain_string(&key)) return false;
      skip_space();
      if (!next_is(':')) return false;
      ++i;
      skip_space();
      if (!plain_string(&value)) return false;
      skip_space();
      if (Field* field = read.Named(key)) {  // the last of a repeated key
        field->is = Field::Is::kString;
        field->text.assign(value);
      }
      if (next_is('}')) break;
      if (!next_is(',')) return false;
      ++i;
      skip_space();
    }
    ++i;
  }
  skip_space();
  if (i != s.size()) return false;
  *frame = std::move(read);
  return true;
}

// Reads a frame as the parser walks it (nlohmann's SAX interface), keeping
// the top-level object's four known fields and nothing else: no document
// is built, and the text is moved out of the parser rather than copied.
// As in a parsed document, the last of a repeated key counts.
class FrameReader : public nlohmann::json_sax<json> {
 public:
  Frame frame;
  std::size_t error_at = 0;
  bool out_of_range = false;

  bool null() override { return Other(); }
  bool boolean(bool) override { return Other(); }
  bool number_integer(number_integer_t) override { return Other(); }
  bool number_unsigned(number_unsigned_t) override { return Other(); }
  bool number_float(number_float_t, const string_t&) override {
    return Other();
  }
  bool binary(binary_t&) override { return Other(); }
  bool string(string_t& value) override {
    if (depth_ == 1 && field_) {
      field_->is = Field::Is::kString;
      field_->text = std::move(value);
      field_ = nullptr;
    }
    return true;
  }
  bool start_object(std::size_t) override {
    if (depth_ == 0) frame.object = true;
    return Open();
  }
  bool start_array(std::size_t) override { return Open(); }
  bool end_object() override { return Close(); }
  bool end_array() override { return Close(); }
  bool key(string_t& name) override {
    if (depth_ == 1) field_ = frame.Named(name);
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& e) override {
    error_at = position;
    out_of_range = e.id >= 400 && e.id < 500;
    return false;
  }

 private:
  // A value that is not a string: wrong for whichever field it fills.
  bool Other() {
    if (depth_ == 1 && field_) {
      field_->is = Field::Is::kOther;
      field_ = nullptr;
    }
    return true;
  }
  bool Open() {
    Other();
    ++depth_;
    return true;
  }
  bool Close() {
    --depth_;
    return true;
  }

  int depth_ = 0;
  Field* field_ = nullptr;  // the field the next value at depth 1 fills
};

}  // namespace

Result<bot::Message> ParseClientFrame(std::string_view payload,
                                      std::string* id) {
  const auto bad = [](std::string what) {
    return std::unexpected(Error::InvalidArgument(std::move(what)));
  };
  Frame frame;
  if (!ReadPlainFrame(payload, &frame)) {
    FrameReader reader;
    if (!json::sax_parse(payload, &reader)) {
      // A value out of range is valid syntax the parser still refuses,
      // such as a number too large for a double ("2e6666"): found by
      // fuzz_client_frame.
      if (reader.out_of_range) {
        return bad(
            "invalid JSON (a value out of range); send {\"text\": \"...\"}");
      }
      return bad("invalid JSON at byte " + std::to_string(reader.error_at) +
                 "; send {\"text\": \"...\"} or {\"choice\": \"<id>\"}");
    }
    frame = std::move(reader.frame);
  }
  if (!frame.object) {
    return bad("expected a JSON object: {\"text\": \"...\"}");
  }
  const auto is_id = [](const Field& f) {
    return f.is == Field::Is::kString && IsMessageId(f.text);
  };
  bot::Message message;
  if (frame.id.is != Field::Is::kAbsent) {
    if (!is_id(frame.id)) {
      return bad("\"id\" must be 1 to 64 letters, digits or - _ . :");
    }
    if (id) {
      *id = std::move(frame.id.text);
      message.id = *id;
    }
  }
  // In a library: the article whose page the widget sits on.
  if (frame.page.is != Field::Is::kAbsent) {
    if (!is_id(frame.page)) {
      return bad(
          "\"page\" must be a pack name: 1 to 64 letters, digits or "
          "- _ . :");
    }
    message.page = std::move(frame.page.text);
  }
  if (frame.choice.is != Field::Is::kAbsent) {
    if (frame.choice.is != Field::Is::kString) {
      return bad("\"choice\" must be a string id");
    }
    message.choice = std::move(frame.choice.text);
  } else if (frame.text.is != Field::Is::kAbsent) {
    if (frame.text.is != Field::Is::kString) {
      return bad("\"text\" must be a string");
    }
    message.text = std::move(frame.text.text);
  } else {
    return bad("missing \"text\" (or \"choice\")");
  }
  return message;
}

}  // namespace faqbot::adapters
