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
  using Params = std::vector<std::string>;

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
};

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_STORE_TRANSCRIPT_DB_H_
