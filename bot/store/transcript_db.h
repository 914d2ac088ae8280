// Where transcripts are kept: a SQLite file (the embedded default) or a
// PostgreSQL database that every instance writes to ("postgresql://..." or
// "postgres://..." in the "transcripts" setting, libpq). Both hold the same
// table (kTranscriptSchema's columns); the writer (transcript_log.h) and
// the readers (transcript_report.h) speak only this interface, with "?" as
// the parameter mark in SQL that both databases accept. One TranscriptDb
// is used by one thread at a time (each opens its own connection).
#ifndef FAQBOT_BOT_STORE_TRANSCRIPT_DB_H_
#define FAQBOT_BOT_STORE_TRANSCRIPT_DB_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "intents/status.h"

namespace faqbot::bot {

// Whether `where` names a PostgreSQL database rather than a file.
bool IsPostgresUrl(std::string_view where);

// `where` fit for logs and messages: a URL's password replaced by "***".
std::string TranscriptDbName(std::string_view where);

class TranscriptDb {
 public:
  // One result row; cells are text as the database printed them.
  class Row {
   public:
    explicit Row(std::vector<std::string> cells) : cells_(std::move(cells)) {}
    const std::string& Text(std::size_t i) const { return cells_[i]; }
    int64_t Int(std::size_t i) const;
    double Real(std::size_t i) const;

   private:
    std::vector<std::string> cells_;
  };
  using RowFn = std::function<void(const Row&)>;
  // A statement's parameter: text (viewed, not copied: it must outlive the
  // call), an integer or a real, each bound as its own type. A temporary
  // string cannot be one (it would be gone before the statement runs).
  class Param {
   public:
    enum class Kind : uint8_t { kText, kInt, kReal };
    Param(const std::string& text) : text_(text) {}  // NOLINT: implicit
    Param(std::string&&) = delete;
    Param(std::string_view text) : text_(text) {}      // NOLINT: implicit
    Param(const char* text) : text_(text) {}           // NOLINT: implicit
    Param(int64_t n) : kind_(Kind::kInt), int_(n) {}   // NOLINT: implicit
    Param(double x) : kind_(Kind::kReal), real_(x) {}  // NOLINT: implicit
    Kind kind() const { return kind_; }
    std::string_view text() const { return text_; }
    int64_t integer() const { return int_; }
    double real() const { return real_; }
    // The value as text: itself, or the number printed (shortest form).
    std::string Printed() const;

   private:
    Kind kind_ = Kind::kText;
    std::string_view text_;
    union {
      int64_t int_ = 0;
      double real_;
    };
  };
  using Params = std::vector<Param>;

  enum class Mode {
    kWrite,  // creates the file (mode 0600) and the table as needed
    kRead,   // must exist; a SQLite file is opened read-only
    kUpdate  // must exist; may delete
  };
  static Result<std::unique_ptr<TranscriptDb>> Open(const std::string& where,
                                                    Mode mode);
  virtual ~TranscriptDb() = default;

  // Runs one statement; `changed` gets the rows it changed.
  virtual Status Execute(const std::string& sql, const Params& params = {},
                         int64_t* changed = nullptr) = 0;
  // Runs a query, calling `row` for each result row.
  virtual Status Query(const std::string& sql, const Params& params,
                       const RowFn& row) = 0;
  // Deletes the exchanges older than `cutoff_ms` (Unix time, ms).
  virtual Status DeleteOlderThan(int64_t cutoff_ms) = 0;
};

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_STORE_TRANSCRIPT_DB_H_
