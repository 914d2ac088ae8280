// Exchanges waiting for the transcript writer, packed into one buffer:
// Push copies an exchange's views in with no allocation once the buffer
// has grown, and the writer gives the buffer of a written batch back for
// the next one, so a message costs the network thread one copy of its
// bytes and the writer no strings to free.
//
// Threads: a plain value; its owner (TranscriptLog) guards it.
#ifndef FAQBOT_BOT_STORE_EXCHANGE_QUEUE_H_
#define FAQBOT_BOT_STORE_EXCHANGE_QUEUE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "bot/store/exchange.h"

namespace faqbot::bot {

class ExchangeQueue {
 public:
  void Push(const ExchangeRef& e);
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  // Bytes held, for deciding whether the memory is worth keeping.
  std::size_t capacity() const { return bytes_.capacity(); }
  // Forgets the exchanges; keeps the memory.
  void clear();
  // Appends views of the exchanges, in order (node as stored, no article),
  // valid until the queue changes.
  void View(std::vector<ExchangeRef>* out) const;
  // Puts the first `n` exchanges of `front` before this queue's.
  void PrependFirst(const ExchangeQueue& front, std::size_t n);

 private:
  // Before each exchange's strings (session, channel, text, choice, kind,
  // node, uid, in that order).
  struct Header {
    int64_t time_ms;
    double confidence;
    uint32_t sizes[7];
  };
  Header HeaderAt(std::size_t at) const;
  // Where the exchange at `at` ends.
  std::size_t End(std::size_t at) const;

  std::string bytes_;
  std::size_t count_ = 0;
};

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_STORE_EXCHANGE_QUEUE_H_
