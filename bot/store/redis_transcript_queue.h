// Transcripts that survive an instance: the exchanges the Redis session
// store appends to a stream with each step's state (RedisOptions::
// transcript_stream) are read here by one consumer group that every
// instance joins, handed to the transcript writer (TranscriptSource), and
// acknowledged and deleted once the database has them. Entries an instance
// read but never acknowledged (it died, or the database was down) stay
// pending in Redis; any instance claims those pending longer than
// `claim_after` and writes them again. The database keeps one row per
// exchange uid, so every exchange is there exactly once.
//
// Threads: the transcript writer's thread only; each call waits on Redis.
#ifndef FAQBOT_BOT_STORE_REDIS_TRANSCRIPT_QUEUE_H_
#define FAQBOT_BOT_STORE_REDIS_TRANSCRIPT_QUEUE_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "bot/store/redis_client.h"
#include "bot/store/transcript_log.h"

namespace faqbot::bot {

class RedisTranscriptQueue : public TranscriptSource {
 public:
  // Readers (instances) that have had nothing pending for `forget_after`
  // are removed from the group (every restart adds one), checked at most
  // every `forget_after` / 4.
  RedisTranscriptQueue(
      RedisOptions options, std::string stream,
      std::chrono::milliseconds claim_after = std::chrono::seconds(5),
      std::chrono::milliseconds forget_after = std::chrono::hours(1));

  void Take(std::size_t max, std::vector<Exchange>* out) override;
  void Done() override;

  // Entries that were not an exchange (dropped), since start.
  uint64_t malformed() const { return malformed_.load(); }

 private:
  // Creates the consumer group (and the stream) if Redis has none.
  bool Join();
  // Removes readers with nothing pending, idle past forget_after.
  void ForgetIdleReaders();
  // Reads the entries of a stream reply (an array of [id, [field, value,
  // ...]]) into `out`, remembering their ids; an entry already deleted or
  // not an exchange is remembered only, to be acknowledged.
  void Collect(const redisReply* entries, std::vector<Exchange>* out);

  RedisClient client_;
  const std::string stream_;
  const std::string consumer_;  // this instance's name in the group
  const std::string claim_after_ms_;
  const std::chrono::milliseconds forget_after_;
  std::chrono::steady_clock::time_point next_forget_{};
  bool joined_ = false;
  std::vector<std::string> taken_;  // entry ids of the last Take
  std::atomic<uint64_t> malformed_{0};
};

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_STORE_REDIS_TRANSCRIPT_QUEUE_H_
