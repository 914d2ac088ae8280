#include "bot/store/redis_transcript_queue.h"

#include <hiredis/hiredis.h>
#include <unistd.h>

#include "bot/crypto.h"

namespace faqbot::bot {
namespace {

constexpr const char* kGroup = "faqbot";

std::string Str(const redisReply* r) {
  return r && (r->type == REDIS_REPLY_STRING || r->type == REDIS_REPLY_STATUS ||
               r->type == REDIS_REPLY_ERROR)
             ? std::string(r->str, r->len)
             : std::string();
}

std::string ConsumerName() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host) + ":" + std::to_string(getpid()) + ":" +
         RandomHex(4);
}

}  // namespace

RedisTranscriptQueue::RedisTranscriptQueue(
    RedisOptions options, std::string stream,
    std::chrono::milliseconds claim_after,
    std::chrono::milliseconds forget_after)
    : client_(std::move(options)),
      stream_(std::move(stream)),
      consumer_(ConsumerName()),
      claim_after_ms_(std::to_string(claim_after.count())),
      forget_after_(forget_after) {}

void RedisTranscriptQueue::ForgetIdleReaders() {
  const auto now = std::chrono::steady_clock::now();
  if (now < next_forget_) return;
  next_forget_ = now + forget_after_ / 4;
  // Each reader: [name, <name>, pending, <n>, idle, <ms>, ...].
  const RedisReply readers =
      client_.Run({"XINFO", "CONSUMERS", stream_, kGroup});
  if (!readers || readers.r->type != REDIS_REPLY_ARRAY) return;
  for (std::size_t i = 0; i < readers.r->elements; ++i) {
    const redisReply* reader = readers.r->element[i];
    if (reader->type != REDIS_REPLY_ARRAY) continue;
    std::string name;
    long long pending = -1, idle_ms = -1;
    for (std::size_t f = 0; f + 1 < reader->elements; f += 2) {
      const std::string field = Str(reader->element[f]);
      const redisReply* value = reader->element[f + 1];
      if (field == "name") name = Str(value);
      if (field == "pending" && value->type == REDIS_REPLY_INTEGER) {
        pending = value->integer;
      }
      if (field == "idle" && value->type == REDIS_REPLY_INTEGER) {
        idle_ms = value->integer;
      }
    }
    if (!name.empty() && name != consumer_ && pending == 0 &&
        idle_ms > forget_after_.count()) {
      (void)client_.Run({"XGROUP", "DELCONSUMER", stream_, kGroup, name});
    }
  }
}

bool RedisTranscriptQueue::Join() {
  if (joined_) return true;
  // From the stream's start ("0"): exchanges added before any instance
  // read are read too.
  RedisReply r =
      client_.Run({"XGROUP", "CREATE", stream_, kGroup, "0", "MKSTREAM"});
  joined_ = r || (r.r && Str(r.r.get()).starts_with("BUSYGROUP"));
  return joined_;
}

void RedisTranscriptQueue::Collect(const redisReply* entries,
                                   std::vector<Exchange>* out) {
  if (!entries || entries->type != REDIS_REPLY_ARRAY) return;
  for (std::size_t i = 0; i < entries->elements; ++i) {
    const redisReply* entry = entries->element[i];
    if (entry->type != REDIS_REPLY_ARRAY || entry->elements != 2) continue;
    taken_.push_back(Str(entry->element[0]));
    const redisReply* fields = entry->element[1];
    std::optional<Exchange> e;
    if (fields->type == REDIS_REPLY_ARRAY && fields->elements == 2 &&
        Str(fields->element[0]) == "e") {
      const redisReply* v = fields->element[1];
      if (v->type == REDIS_REPLY_STRING) {
        e = DecodeExchange(std::string_view(v->str, v->len));
      }
    }
    if (e && !e->uid.empty()) {
      out->push_back(std::move(*e));
    } else if (fields->type != REDIS_REPLY_NIL) {
      ++malformed_;
    }
  }
}

void RedisTranscriptQueue::Take(std::size_t max, std::vector<Exchange>* out) {
  taken_.clear();
  if (!Join()) return;
  ForgetIdleReaders();
  const std::size_t before = out->size();
  // First what waited too long with a reader that never acknowledged it
  // (an instance that died, or this one when the database was down).
  RedisReply claimed =
      client_.Run({"XAUTOCLAIM", stream_, kGroup, consumer_, claim_after_ms_,
                   "0-0", "COUNT", std::to_string(max)});
  if (claimed && claimed.r->type == REDIS_REPLY_ARRAY &&
      claimed.r->elements >= 2) {
    Collect(claimed.r->element[1], out);
  }
  const std::size_t got = out->size() - before;
  if (got >= max) return;
  RedisReply fresh =
      client_.Run({"XREADGROUP", "GROUP", kGroup, consumer_, "COUNT",
                   std::to_string(max - got), "STREAMS", stream_, ">"});
  if (!fresh) {
    // Redis restarted empty: the group is gone; join again next time.
    if (fresh.r && Str(fresh.r.get()).starts_with("NOGROUP")) joined_ = false;
    return;
  }
  // [[stream, entries]], or nil when nothing is new.
  if (fresh.r->type == REDIS_REPLY_ARRAY && fresh.r->elements == 1 &&
      fresh.r->element[0]->type == REDIS_REPLY_ARRAY &&
      fresh.r->element[0]->elements == 2) {
    Collect(fresh.r->element[0]->element[1], out);
  }
}

void RedisTranscriptQueue::Done() {
  if (taken_.empty()) return;
  std::vector<std::string> ack = {"XACK", stream_, kGroup};
  ack.insert(ack.end(), taken_.begin(), taken_.end());
  std::vector<std::string> del = {"XDEL", stream_};
  del.insert(del.end(), taken_.begin(), taken_.end());
  // Not acknowledged (Redis went away): claimed and written again later,
  // and the database keeps the first copy.
  if (client_.Run(ack)) (void)client_.Run(del);
  taken_.clear();
}

}  // namespace faqbot::bot
