// Backstage: where a server's blocking work runs, so that the network
// threads never wait for the network.
//
// With shared state (sessions or the handoff desk in Redis) every message
// makes round trips to Redis; run on a network thread, one slow Redis
// would stall every connection of that thread. The server hands such work
// (a channel's request, a widget's message) to the backstage's own
// threads, and the network threads only read, post and write.
//
// Without shared state nothing blocks, and a backstage of 0 threads runs
// the work at once on the calling thread (no hop, no cost).
//
// Thread-safety: Post and Lane::Post may be called from any thread.
// Lane: tasks posted to one lane run one at a time, in order (a widget's
// messages), on whichever backstage thread is free.
#ifndef FAQBOT_ADAPTERS_BACKSTAGE_H_
#define FAQBOT_ADAPTERS_BACKSTAGE_H_

#include <functional>
#include <memory>

namespace faqbot::adapters {

class Backstage {
 public:
  class Lane {
   public:
    virtual ~Lane() = default;
    virtual void Post(std::function<void()> task) = 0;
  };

  // `threads` 0: every task runs inline, on the caller's thread.
  explicit Backstage(int threads);
  ~Backstage();  // waits for the tasks already posted
  Backstage(const Backstage&) = delete;
  Backstage& operator=(const Backstage&) = delete;

  bool threaded() const { return threads_ > 0; }
  int threads() const { return threads_; }

  void Post(std::function<void()> task);
  std::shared_ptr<Lane> NewLane();

  // Waits for the tasks already posted and stops the threads.
  void Join();

 private:
  struct Pool;
  const int threads_;
  std::unique_ptr<Pool> pool_;  // null when inline
};

}  // namespace faqbot::adapters

#endif  // FAQBOT_ADAPTERS_BACKSTAGE_H_
