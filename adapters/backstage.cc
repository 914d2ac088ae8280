#include "adapters/backstage.h"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

#include "adapters/log.h"

namespace faqbot::adapters {
namespace {

namespace net = boost::asio;

// A task's exception is a bug; it costs that task, never the thread.
void RunGuarded(const std::function<void()>& task) {
  try {
    task();
  } catch (const std::exception& e) {
    Log(std::string("bug: backstage task threw: ") + e.what());
  }
}

class InlineLane : public Backstage::Lane {
 public:
  void Post(std::function<void()> task) override { RunGuarded(task); }
};

class PoolLane : public Backstage::Lane {
 public:
  explicit PoolLane(net::thread_pool& pool) : strand_(pool.get_executor()) {}
  void Post(std::function<void()> task) override {
    net::post(strand_, [t = std::move(task)] { RunGuarded(t); });
  }

 private:
  net::strand<net::thread_pool::executor_type> strand_;
};

}  // namespace

struct Backstage::Pool {
  explicit Pool(int threads) : pool(static_cast<std::size_t>(threads)) {}
  net::thread_pool pool;
};

Backstage::Backstage(int threads)
    : threads_(std::max(0, threads)),
      pool_(threads_ > 0 ? std::make_unique<Pool>(threads_) : nullptr) {}

Backstage::~Backstage() { Join(); }

void Backstage::Post(std::function<void()> task) {
  if (!pool_) return RunGuarded(task);
  net::post(pool_->pool, [t = std::move(task)] { RunGuarded(t); });
}

std::shared_ptr<Backstage::Lane> Backstage::NewLane() {
  if (!pool_) return std::make_shared<InlineLane>();
  return std::make_shared<PoolLane>(pool_->pool);
}

void Backstage::Join() {
  if (pool_) pool_->pool.join();
}

}  // namespace faqbot::adapters
