// TokenBucket: at most `rate` events per second on average, with bursts of
// up to `burst`. Not thread-safe: each owner guards its own (a connection's
// strand, a conversation's mutex).
#ifndef FAQBOT_ADAPTERS_RATE_LIMIT_H_
#define FAQBOT_ADAPTERS_RATE_LIMIT_H_

#include <algorithm>
#include <chrono>

namespace faqbot::adapters {

class TokenBucket {
 public:
  using Clock = std::chrono::steady_clock;

  TokenBucket(double rate, double burst)
      : rate_(rate), burst_(burst), tokens_(burst), refilled_(Clock::now()) {}

  // Takes one token; false when there is none (the event is over the rate).
  bool Take(Clock::time_point now = Clock::now()) {
    tokens_ = std::min(
        burst_,
        tokens_ +
            rate_ * std::chrono::duration<double>(now - refilled_).count());
    refilled_ = now;
    if (tokens_ < 1.0) return false;
    tokens_ -= 1.0;
    return true;
  }

  double rate() const { return rate_; }
  // Whether the bucket has refilled (its owner has been quiet long enough
  // to be forgotten).
  bool Full(Clock::time_point now = Clock::now()) const {
    return tokens_ +
               rate_ * std::chrono::duration<double>(now - refilled_).count() >=
           burst_;
  }

 private:
  double rate_;
  double burst_;
  double tokens_;
  Clock::time_point refilled_;
};

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_RATE_LIMIT_H_
