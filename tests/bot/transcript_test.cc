// Transcripts: what Bot records, what the background writer stores, and
// the report authors read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bot/bot.h"
#include "bot/pack_loader.h"
#include "bot/tools/transcript_report.h"
#include "dialogs/library.h"
#include "tests/support/fixture_pack.h"
#include "tests/support/library_files.h"

namespace faqbot::bot {
namespace {

std::string FreshDb(const std::string& name) {
  const std::string path = ::testing::TempDir() + "transcripts/" + name;
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
  return path;
}

using faqbot::testing::LiverFixture;

TEST(Transcript, RecordsEveryExchangeOfTheBot) {
  const std::string db = FreshDb("bot.db");
  auto log = TranscriptLog::Open(db);
  ASSERT_TRUE(log) << log.error().message;
  std::shared_ptr<TranscriptLog> transcripts = std::move(*log);
  Bot bot(LiverFixture(), {.transcripts = transcripts});
  ASSERT_TRUE(bot.Handle("u1", {.text = "worms in liver", .channel = "web"}));
  ASSERT_TRUE(bot.Handle("u1", {.text = "how is that treated?"}));
  ASSERT_TRUE(bot.Handle("u1", {.choice = "overview", .channel = "web"}));
  ASSERT_TRUE(
      bot.Handle("u2", {.text = "best pizza in town", .channel = "telegram"}));
  ASSERT_TRUE(bot.Handle("u3", {.text = "Best pizza in town "}));
  EXPECT_FALSE(bot.Handle("u3", {.text = "   "})) << "errors are not exchanges";
  transcripts->Flush();
  EXPECT_EQ(transcripts->written(), 5u);

  auto report = ReadTranscripts(db);
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->recent.size(), 5u);
  const Exchange& first = report->recent[0];
  auto key = TranscriptKey(db, "");
  ASSERT_TRUE(key);
  EXPECT_EQ(first.session, TranscriptId(*key, "u1")) << "stored hashed";
  EXPECT_EQ(first.channel, "web");
  EXPECT_EQ(first.text, "worms in liver");
  EXPECT_EQ(first.kind, "answer");
  EXPECT_EQ(first.node, "parasitic-infection");
  EXPECT_GT(first.confidence, 0);
  EXPECT_GT(first.time_ms, 1'700'000'000'000);
  EXPECT_EQ(report->recent[1].channel, "api") << "no channel given";
  EXPECT_EQ(report->recent[1].node, "parasitic-infection.treatment");
  EXPECT_EQ(report->recent[2].choice, "overview");
  EXPECT_EQ(report->recent[2].text, "");
  ASSERT_FALSE(report->top_fallbacks.empty());
  EXPECT_EQ(report->top_fallbacks[0].first, "best pizza in town");
  EXPECT_EQ(report->top_fallbacks[0].second, 2u);

  std::ostringstream out;
  PrintTranscriptReport(*report, *bot.pack(), out);
  const std::string text = out.str();
  EXPECT_NE(text.find("Latest 5 of 5 exchanges"), std::string::npos) << text;
  EXPECT_NE(text.find("2  \"best pizza in town\""), std::string::npos) << text;
  EXPECT_NE(text.find("never reached"), std::string::npos);
  EXPECT_NE(text.find("  chronic-hepatitis\n"), std::string::npos)
      << "a node nobody asked about is listed";
  EXPECT_EQ(text.find("  parasitic-infection\n"), std::string::npos)
      << "a reached node is not";
}

// A library's transcripts: each reply's node names its article, a refusal
// too ("kidney-stones/"), and the report groups the unanswered questions
// by the article people were on, each with its own nodes never reached.
TEST(Transcript, ALibrarysUnansweredQuestionsAreGroupedByArticle) {
  const std::string db = FreshDb("library.db");
  auto log = TranscriptLog::Open(db);
  ASSERT_TRUE(log) << log.error().message;
  std::shared_ptr<TranscriptLog> transcripts = std::move(*log);
  auto packs = LoadLibrary(testing::KidneyAndPolypLibrary(
      "transcript-library", "Keep your check-ups."));
  ASSERT_TRUE(packs) << packs.error().message;
  const auto library =
      std::make_shared<const dialogs::Library>(*std::move(packs));
  Bot bot(library, {.transcripts = transcripts});
  ASSERT_TRUE(bot.Handle("u1", {.text = "Can a kidney stone cause gout?",
                                .page = "kidney-stones"}));
  ASSERT_TRUE(bot.Handle("u2", {.text = "What is a bilharzia parasite?",
                                .page = "kidney-stones"}));
  ASSERT_TRUE(bot.Handle("u3", {.text = "Are gallbladder polyps cancer?"}));
  transcripts->Flush();
  auto report = ReadTranscripts(db);
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->recent.size(), 3u);
  EXPECT_TRUE(report->recent[1].node.starts_with("kidney-stones/"))
      << report->recent[1].kind << " " << report->recent[1].node;
  EXPECT_TRUE(report->recent[2].node.starts_with("polyps/"))
      << report->recent[2].node;
  std::ostringstream out;
  PrintLibraryTranscriptReport(*report, library->packs(), out);
  const std::string text = out.str();
  const auto kidney = text.find("== On the article \"Are kidney stones");
  const auto polyps = text.find("== On the article \"What do gallbladder");
  ASSERT_NE(kidney, std::string::npos) << text;
  ASSERT_NE(polyps, std::string::npos) << text;
  const auto bilharzia = text.find("\"what is a bilharzia parasite?\"",
                                   text.find("Unanswered questions"));
  EXPECT_TRUE(bilharzia > kidney && bilharzia < polyps)
      << "under the article it was asked on:\n"
      << text;
  EXPECT_NE(text.find("Nodes of pack \"polyps\" never reached"),
            std::string::npos)
      << text;
}

TEST(Transcript, WritesInTheBackgroundWithinTheFlushInterval) {
  const std::string db = FreshDb("interval.db");
  auto log = TranscriptLog::Open(
      db, {.flush_interval = std::chrono::milliseconds(50)});
  ASSERT_TRUE(log);
  for (int i = 0; i < 100; ++i) {
    (*log)->Append({.session = "s",
                    .channel = "web",
                    .text = "q" + std::to_string(i),
                    .kind = "answer"});
  }
  // No Flush(): the writer gets there on its own.
  EXPECT_TRUE((*log)->WaitUntilWritten(100, std::chrono::seconds(10)));
  EXPECT_EQ((*log)->written(), 100u);
  auto report = ReadTranscripts(db, 3);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->total, 100u);
  ASSERT_EQ(report->recent.size(), 3u);
  EXPECT_EQ(report->recent.back().text, "q99") << "newest last";
}

// A busy time's batch: hundreds of people new to the writer in one go,
// operators among them. Every row keeps its own values as they were
// given (times and confidences as numbers, not text), each session's
// hashed id and each operator's.
TEST(Transcript, ABatchOfManyNewPeopleKeepsEachRowsOwnValues) {
  const std::string db = FreshDb("batch.db");
  constexpr int kPeople = 450;
  {
    auto log = TranscriptLog::Open(
        db, {.flush_interval = std::chrono::hours(1), .key = "test-key"});
    ASSERT_TRUE(log);
    for (int i = 0; i < kPeople; ++i) {
      const bool by_operator = i % 7 == 3;
      (*log)->Append({.time_ms = 1'700'000'000'123 + i,
                      .session = "web:person-" + std::to_string(i),
                      .channel = "web",
                      .text = "question " + std::to_string(i),
                      .kind = by_operator ? "operator" : "answer",
                      .node = by_operator
                                  ? "operator:Nurse " + std::to_string(i)
                                  : "causes",
                      .confidence = 0.123456789 + i});
    }
    (*log)->Flush();
  }
  auto report = ReadTranscripts(db, kPeople);
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->recent.size(), static_cast<std::size_t>(kPeople));
  for (int i = 0; i < kPeople; ++i) {
    const Exchange& e = report->recent[static_cast<std::size_t>(i)];
    const std::string n = std::to_string(i);
    EXPECT_EQ(e.time_ms, 1'700'000'000'123 + i);
    EXPECT_EQ(e.text, "question " + n);
    EXPECT_EQ(e.session, TranscriptId("test-key", "web:person-" + n));
    EXPECT_DOUBLE_EQ(e.confidence, 0.123456789 + i);
    EXPECT_EQ(
        e.node,
        i % 7 == 3
            ? "operator:" + TranscriptId("test-key", "Nurse " + n).substr(0, 12)
            : "causes");
  }
}

TEST(Transcript, ClosingWritesWhatIsQueued) {
  const std::string db = FreshDb("close.db");
  {
    auto log =
        TranscriptLog::Open(db, {.flush_interval = std::chrono::hours(1)});
    ASSERT_TRUE(log);
    (*log)->Append({.session = "s",
                    .channel = "web",
                    .text = "hello",
                    .kind = "smalltalk"});
  }
  auto report = ReadTranscripts(db);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->total, 1u);
}

// People type medical details: the database is the owner's alone, ids are
// not stored as they are, old exchanges go, and one person's can be
// removed on request.
TEST(TranscriptPrivacy, TheDatabaseAndItsKeyAreReadableByTheOwnerOnly) {
  const std::string db = FreshDb("private.db");
  std::filesystem::remove(TranscriptKeyFile(db));
  {
    auto log = TranscriptLog::Open(db);
    ASSERT_TRUE(log);
    (*log)->Append({.session = "s", .channel = "web", .text = "hi"});
    (*log)->Flush();
  }
  for (const auto& file : {db, TranscriptKeyFile(db)}) {
    const auto perms = std::filesystem::status(file).permissions();
    EXPECT_EQ(perms & (std::filesystem::perms::group_all |
                       std::filesystem::perms::others_all),
              std::filesystem::perms::none)
        << file;
  }
}

TEST(TranscriptPrivacy, PlatformIdsAreNeverStoredAsTheyAre) {
  const std::string db = FreshDb("hashed.db");
  {
    auto log = TranscriptLog::Open(db, {.key = "test-key"});
    ASSERT_TRUE(log);
    (*log)->Append({.time_ms = 1,
                    .session = "whatsapp:15551234567",
                    .channel = "whatsapp",
                    .text = "hi",
                    .kind = "answer"});
    (*log)->Flush();
  }
  std::string bytes;
  for (const auto& file : {db, db + "-wal"}) {
    std::ifstream in(file, std::ios::binary);
    bytes += std::string(std::istreambuf_iterator<char>(in), {});
  }
  EXPECT_EQ(bytes.find("15551234567"), std::string::npos);
  EXPECT_NE(bytes.find(TranscriptId("test-key", "whatsapp:15551234567")),
            std::string::npos);
}

// What an operator wrote is in the transcript beside what the person
// said, in the report's list; the operator's name is hashed like ids.
TEST(Transcript, OperatorsLinesAreRecordedWithTheirNameHashed) {
  const std::string db = FreshDb("operator.db");
  std::shared_ptr<TranscriptLog> transcripts;
  {
    auto log = TranscriptLog::Open(db, {.key = "test-key"});
    ASSERT_TRUE(log);
    transcripts = std::move(*log);
  }
  Bot bot(LiverFixture(), {.transcripts = transcripts});
  ASSERT_TRUE(
      bot.Handle("web:p1", {.text = "worms in liver", .channel = "web"}));
  bot.RecordOperatorLine({.id = "web:p1", .channel = "web"}, "Nurse Ann",
                         "Hello, I can help with that.");
  transcripts->Flush();
  auto report = ReadTranscripts(db);
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->recent.size(), 2u);
  const Exchange& line = report->recent[1];
  EXPECT_EQ(line.kind, "operator");
  EXPECT_EQ(line.text, "Hello, I can help with that.");
  EXPECT_EQ(line.session, report->recent[0].session) << "the same conversation";
  EXPECT_EQ(line.node,
            "operator:" + TranscriptId("test-key", "Nurse Ann").substr(0, 12));
  std::ostringstream out;
  PrintTranscriptReport(*report, *bot.pack(), out);
  EXPECT_NE(out.str().find("operator"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("\"Hello, I can help with that.\""),
            std::string::npos)
      << out.str();
  EXPECT_EQ(out.str().find("Nurse Ann"), std::string::npos)
      << "the name is not stored as it is";
}

// Writes one exchange per (days from now, text) to a fresh database,
// opens it again with 30 days' retention, and returns the texts left.
std::vector<std::string> LeftAfterRetention(
    const std::string& name,
    const std::vector<std::pair<int64_t, std::string>>& exchanges) {
  const std::string db = FreshDb(name);
  const int64_t now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::system_clock::now().time_since_epoch())
          .count();
  constexpr int64_t kDay = 86'400'000;
  {
    auto log = TranscriptLog::Open(db, {.retention = std::chrono::days(30)});
    if (!log) return {"not opened"};
    for (const auto& [days, text] : exchanges) {
      (*log)->Append({.time_ms = now_ms + days * kDay,
                      .session = "s",
                      .channel = "web",
                      .text = text});
    }
    (*log)->Flush();
  }
  auto log = TranscriptLog::Open(db, {.retention = std::chrono::days(30)});
  if (!log) return {"not opened again"};
  (*log)->Flush();  // the writer has run its first pass
  auto report = ReadTranscripts(db);
  if (!report) return {"not read"};
  std::vector<std::string> left;
  for (const auto& e : report->recent) left.push_back(e.text);
  return left;
}

TEST(TranscriptPrivacy, ExchangesPastRetentionAreDeleted) {
  EXPECT_EQ(LeftAfterRetention("retention.db",
                               {{-40, "old question"}, {-2, "new question"}}),
            std::vector<std::string>{"new question"});
}

// A file keeps no index on time: retention deletes the rows written before
// the first one inside it. A row stamped in the future (a clock set wrong)
// does not keep the older rows behind it.
TEST(TranscriptPrivacy, AFutureStampDoesNotKeepOlderExchanges) {
  EXPECT_EQ(LeftAfterRetention("retention-order.db", {{-40, "old"},
                                                      {400, "future"},
                                                      {-35, "older than 30"},
                                                      {-2, "recent"},
                                                      {-1, "latest"}}),
            (std::vector<std::string>{"recent", "latest"}));
}

TEST(TranscriptPrivacy, ForgetRemovesOnePersonsExchanges) {
  const std::string db = FreshDb("forget.db");
  {
    auto log = TranscriptLog::Open(db);
    ASSERT_TRUE(log);
    for (const char* who : {"telegram:42", "telegram:42", "telegram:7"}) {
      (*log)->Append({.session = who, .channel = "telegram", .text = who});
    }
    (*log)->Flush();
  }
  auto removed = ForgetSession(db, "", "telegram:42");
  ASSERT_TRUE(removed) << removed.error().message;
  EXPECT_EQ(*removed, 2);
  auto report = ReadTranscripts(db);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->total, 1u);
  EXPECT_EQ(report->recent[0].text, "telegram:7");
}

// A stored message is a stranger's text: an older version or another
// writer may have stored escape sequences, and the author's terminal must
// not obey them.
TEST(Transcript, TheReportPrintsNoControlCharacters) {
  const std::string db = FreshDb("escapes.db");
  {
    auto log = TranscriptLog::Open(db);
    ASSERT_TRUE(log) << log.error().message;
    for (const char* text :
         {"\x1b]0;owned\x07 liver pizza", "\x1b[2J\x1b[Hpizza\rtoppings",
          "\xC2\x9b"
          "31mred pizza"}) {
      (*log)->Append({.time_ms = 1'800'000'000'000,
                      .session = "s",
                      .channel = "web",
                      .text = text,
                      .kind = "fallback"});
    }
    (*log)->Flush();
  }
  auto report = ReadTranscripts(db);
  ASSERT_TRUE(report) << report.error().message;
  std::ostringstream out;
  PrintTranscriptReport(*report, *LiverFixture(), out);
  const std::string text = out.str();
  for (const char c : {'\x1b', '\x07', '\r'}) {
    EXPECT_EQ(text.find(c), std::string::npos) << int(c) << "\n" << text;
  }
  EXPECT_EQ(text.find("\xC2\x9b"), std::string::npos) << text;
  EXPECT_NE(text.find("\\x1b]0;owned\\x07 liver pizza"), std::string::npos)
      << "shown escaped, not dropped:\n"
      << text;
}

TEST(Transcript, ClearErrorsForMissingOrUnwritableDatabases) {
  auto missing = ReadTranscripts(::testing::TempDir() + "no/such.db");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("no transcript database"),
            std::string::npos);
  auto bad = TranscriptLog::Open("/proc/faqbot-cannot-write-here/t.db");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("transcript database"), std::string::npos)
      << bad.error().message;
}

// A shared queue may hand an exchange out twice (a reader died after
// writing it, before saying so): the database keeps one row per uid.
TEST(Transcript, AnExchangeWrittenTwiceIsKeptOnce) {
  const std::string db = FreshDb("twice.db");
  auto log = TranscriptLog::Open(db);
  ASSERT_TRUE(log) << log.error().message;
  const Exchange e{.time_ms = 1,
                   .session = "u",
                   .text = "hello",
                   .kind = "smalltalk",
                   .uid = NewExchangeUid()};
  (*log)->Append(e);
  (*log)->Flush();
  (*log)->Append(e);
  (*log)->Append({.time_ms = 2, .session = "u", .text = "no uid"});
  (*log)->Append({.time_ms = 3, .session = "u", .text = "no uid"});
  (*log)->Flush();
  auto report = ReadTranscripts(db);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->total, 3u) << "the repeated uid once; rows without one all";
}

// A database written before exchanges had uids gets the column on open.
TEST(Transcript, ADatabaseFromBeforeUidsIsUpgraded) {
  const std::string db = FreshDb("old.db");
  {
    std::filesystem::create_directories(
        std::filesystem::path(db).parent_path());
    auto old = TranscriptDb::Open(db, TranscriptDb::Mode::kWrite);
    ASSERT_TRUE(old);
    ASSERT_TRUE((*old)->Execute("DROP TABLE exchanges"));
    ASSERT_TRUE((*old)->Execute(
        "CREATE TABLE exchanges (id INTEGER PRIMARY KEY, time_ms INTEGER NOT "
        "NULL, session TEXT NOT NULL, channel TEXT NOT NULL, user_text TEXT "
        "NOT NULL, choice TEXT NOT NULL, reply_kind TEXT NOT NULL, node TEXT "
        "NOT NULL, confidence REAL NOT NULL)"));
    ASSERT_TRUE((*old)->Execute(
        "INSERT INTO exchanges VALUES (1, 1, 's', 'web', 'old', '', 'answer',"
        " 'n', 1)"));
  }
  auto log = TranscriptLog::Open(db, {.retention = std::chrono::days(100000)});
  ASSERT_TRUE(log) << log.error().message;
  (*log)->Append(
      {.time_ms = 2, .session = "u", .text = "new", .uid = NewExchangeUid()});
  (*log)->Flush();
  auto report = ReadTranscripts(db);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->total, 2u);
}

}  // namespace
}  // namespace faqbot::bot
