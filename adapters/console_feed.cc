#include "adapters/console_feed.h"

#include "adapters/channel.h"
#include "adapters/rate_limit.h"
#include "bot/unix_time.h"

namespace faqbot::adapters {

using nlohmann::json;

// One open console page. Its callbacks run on the connection's strand and
// hand Push to `post` (it reads the desk); Push also runs from PushAll, so
// the view is guarded.
class ConsoleFeed : public WsHandler,
                    public std::enable_shared_from_this<ConsoleFeed> {
 public:
  ConsoleFeed(ConsoleFeeds::StateFn state, ConsoleFeeds::PostFn post,
              std::string op, std::string token)
      : state_(std::move(state)),
        post_(std::move(post)),
        op_(std::move(op)),
        token_(std::move(token)) {}

  void OnOpen(WsConnection& connection) override { PushLater(connection); }

  void OnMessage(WsConnection& connection, std::string payload) override {
    // Each frame reads the desk: a page clicking through conversations
    // sends a few a second, a script flooding it is told to slow down.
    if (!asks_.Take()) {
      connection.Send(
          DumpJson({{"type", "error"},
                    {"error", "too many requests: at most 10 a second"}}));
      return;
    }
    const json j = json::parse(payload, nullptr, false);
    const std::string open = JsonText(j, "open");
    if (!j.is_object() || !j.contains("open") ||
        (!open.empty() && !IsLowerHex(open, 10))) {
      connection.Send(DumpJson(
          {{"type", "error"},
           {"error", "send {\"open\": \"<conversation id>\"} (or \"\")"}}));
      return;
    }
    {
      std::lock_guard lock(mu_);
      shown_ = open;
    }
    PushLater(connection);
  }

  void PushLater(WsConnection& connection) {
    post_([self = shared_from_this(), c = connection.shared()] {
      self->Push(*c, true);
    });
  }

  // Sends the state when it changed since the last push (or `force`).
  void Push(WsConnection& connection, bool force) {
    std::lock_guard lock(mu_);
    json state = state_(op_, shown_);
    std::string text = state.dump();
    if (!force && text == last_) return;
    last_ = std::move(text);
    state["type"] = "state";
    state["now_ms"] = bot::UnixMs();
    connection.Send(DumpJson(state));
  }

  void Push() {
    if (auto c = connection.lock()) Push(*c, false);
  }

  const std::string& token() const { return token_; }
  const std::string& op() const { return op_; }
  std::weak_ptr<WsConnection> connection;  // set once accepted

 private:
  const ConsoleFeeds::StateFn state_;
  const ConsoleFeeds::PostFn post_;
  const std::string op_, token_;
  std::mutex mu_;
  std::string shown_;         // guarded by mu_
  std::string last_;          // guarded by mu_
  TokenBucket asks_{10, 20};  // the strand's only
};

void ConsoleFeeds::Accept(WsUpgrade upgrade, const std::string& op,
                          const std::string& token, StateFn state) {
  PostFn post;
  {
    std::lock_guard lock(mu_);
    post = post_;
  }
  auto feed = std::make_shared<ConsoleFeed>(std::move(state), std::move(post),
                                            op, token);
  WsOptions options;
  options.max_frame_bytes = kMaxFrameBytes;
  auto connection = upgrade.Accept(feed, options);
  feed->connection = connection;
  std::lock_guard lock(mu_);
  std::erase_if(feeds_, [](const auto& f) { return f.expired(); });
  feeds_.push_back(feed);
}

std::vector<std::shared_ptr<ConsoleFeed>> ConsoleFeeds::Live() {
  std::vector<std::shared_ptr<ConsoleFeed>> live;
  std::lock_guard lock(mu_);
  std::erase_if(feeds_, [&](const auto& weak) {
    auto feed = weak.lock();
    auto connection = feed ? feed->connection.lock() : nullptr;
    if (connection) live.push_back(std::move(feed));
    return connection == nullptr;
  });
  return live;
}

void ConsoleFeeds::SetPost(PostFn post) {
  std::lock_guard lock(mu_);
  post_ = std::move(post);
}

void ConsoleFeeds::PushAll() {
  for (const auto& feed : Live()) feed->Push();
}

void ConsoleFeeds::Retain(
    const std::function<bool(const std::string& token)>& valid) {
  for (const auto& feed : Live()) {
    if (valid(feed->token())) continue;
    if (auto c = feed->connection.lock()) c->Close();
  }
}

std::set<std::string> ConsoleFeeds::Operators() {
  std::set<std::string> ops;
  for (const auto& feed : Live()) ops.insert(feed->op());
  return ops;
}

void ConsoleFeeds::CloseAll() {
  for (const auto& feed : Live()) {
    if (auto c = feed->connection.lock()) c->Close();
  }
}

}  // namespace faqbot::adapters
