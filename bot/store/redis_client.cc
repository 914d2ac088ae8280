#include "bot/store/redis_client.h"

#include <hiredis/hiredis.h>
#include <sys/socket.h>

namespace faqbot::bot {

RedisReply::operator bool() const {
  return r != nullptr && r->type != REDIS_REPLY_ERROR;
}

int64_t RedisReply::Int() const {
  return r && r->type == REDIS_REPLY_INTEGER ? r->integer : 0;
}

std::string RedisReply::Text() const {
  return r && r->type == REDIS_REPLY_STRING ? std::string(r->str, r->len) : "";
}

std::vector<std::string> RedisReply::Texts() const {
  std::vector<std::string> out;
  if (!r || r->type != REDIS_REPLY_ARRAY) return out;
  for (std::size_t i = 0; i < r->elements; ++i) {
    const redisReply* e = r->element[i];
    out.emplace_back(e->type == REDIS_REPLY_STRING ? std::string(e->str, e->len)
                                                   : "");
  }
  return out;
}

redisContext* ConnectRedis(const RedisOptions& options, std::string* why) {
  const auto ms = options.timeout.count();
  const timeval tv{static_cast<time_t>(ms / 1000),
                   static_cast<suseconds_t>(ms % 1000 * 1000)};
  redisContext* c =
      redisConnectWithTimeout(options.host.c_str(), options.port, tv);
  if (c == nullptr || c->err) {
    if (why) *why = c ? c->errstr : "cannot allocate a connection";
    if (c) redisFree(c);
    return nullptr;
  }
  redisSetTimeout(c, tv);
  if (!options.password.empty()) {
    auto* r = static_cast<redisReply*>(
        redisCommand(c, "AUTH %s", options.password.c_str()));
    const bool ok = r && r->type != REDIS_REPLY_ERROR;
    if (!ok && why) *why = r ? std::string(r->str, r->len) : c->errstr;
    if (r) freeReplyObject(r);
    if (!ok) {
      redisFree(c);
      return nullptr;
    }
  }
  return c;
}

RedisClient::RedisClient(RedisOptions options) : options_(std::move(options)) {}

RedisClient::~RedisClient() {
  if (conn_) redisFree(conn_);
}

RedisReply RedisClient::Run(const std::vector<std::string>& argv) {
  std::vector<const char*> args;
  std::vector<std::size_t> lengths;
  for (const auto& a : argv) {
    args.push_back(a.data());
    lengths.push_back(a.size());
  }
  std::lock_guard lock(mu_);
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (conn_ == nullptr) conn_ = ConnectRedis(options_);
    if (conn_ == nullptr) break;
    auto* r = static_cast<redisReply*>(redisCommandArgv(
        conn_, static_cast<int>(args.size()), args.data(), lengths.data()));
    if (r != nullptr) {
      reachable_ = true;
      return {std::shared_ptr<redisReply>(r, freeReplyObject)};
    }
    redisFree(conn_);  // broken: a new connection, once
    conn_ = nullptr;
  }
  reachable_ = false;
  return {};
}

RedisSubscriber::RedisSubscriber(
    RedisOptions options, std::string channel,
    std::function<void(const std::string&)> message,
    std::function<void()> connected)
    : options_(std::move(options)),
      channel_(std::move(channel)),
      message_(std::move(message)),
      connected_(std::move(connected)) {
  if (!options_.log) options_.log = [](const std::string&) {};
  thread_ = std::thread([this] { Listen(); });
}

RedisSubscriber::~RedisSubscriber() {
  {
    std::lock_guard lock(fd_mu_);
    stop_ = true;
    if (fd_ >= 0) ::shutdown(fd_, SHUT_RDWR);
  }
  thread_.join();
}

void RedisSubscriber::Listen() {
  bool was_down = false;
  while (!stop_) {
    redisContext* c = ConnectRedis(options_);
    if (c == nullptr) {
      if (!was_down) {
        options_.log("Redis unreachable for " + channel_ + "; retrying");
      }
      was_down = true;
      for (int i = 0; i < 10 && !stop_; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      continue;
    }
    redisSetTimeout(c, {0, 0});  // block until a message (or shutdown)
    auto* sub = static_cast<redisReply*>(
        redisCommand(c, "SUBSCRIBE %b", channel_.data(), channel_.size()));
    if (sub) freeReplyObject(sub);
    {
      std::lock_guard lock(fd_mu_);
      fd_ = c->fd;
      if (stop_) ::shutdown(c->fd, SHUT_RDWR);
    }
    if (was_down) options_.log("Redis is back for " + channel_);
    was_down = false;
    connected_();
    void* raw = nullptr;
    while (!stop_ && redisGetReply(c, &raw) == REDIS_OK) {
      std::shared_ptr<redisReply> r(static_cast<redisReply*>(raw),
                                    freeReplyObject);
      if (r->type == REDIS_REPLY_ARRAY && r->elements == 3 &&
          r->element[2]->type == REDIS_REPLY_STRING) {
        message_(std::string(r->element[2]->str, r->element[2]->len));
      }
    }
    {
      std::lock_guard lock(fd_mu_);
      fd_ = -1;
      redisFree(c);
    }
  }
}

}  // namespace faqbot::bot
