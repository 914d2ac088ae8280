// The two transcript databases behind TranscriptDb::Open. Internal to bot/.
// Threads: as TranscriptDb (one thread at a time per connection).
#ifndef FAQBOT_BOT_STORE_TRANSCRIPT_DB_BACKENDS_H_
#define FAQBOT_BOT_STORE_TRANSCRIPT_DB_BACKENDS_H_

#include <memory>
#include <string>

#include "bot/store/transcript_db.h"

namespace faqbot::bot {

Result<std::unique_ptr<TranscriptDb>> OpenSqliteTranscripts(
    const std::string& path, TranscriptDb::Mode mode);
// Creates `path` readable by its owner only, or makes an existing one so.
// (SQLite gives its -wal and -shm files the database file's mode.)
Status CreatePrivateFile(const std::string& path, const std::string& what);

Result<std::unique_ptr<TranscriptDb>> OpenPostgresTranscripts(
    const std::string& url, TranscriptDb::Mode mode);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_STORE_TRANSCRIPT_DB_BACKENDS_H_
