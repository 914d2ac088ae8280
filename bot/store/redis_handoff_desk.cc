#include "bot/store/redis_handoff_desk.h"

#include "bot/store/handoff_records.h"

namespace faqbot::bot {
namespace {

// Queues a conversation unless it is open. KEYS: hash, open set, lines.
// ARGV: id, channel, requested_ms, events channel, address, client, asked.
constexpr const char* kRequest =
    "if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end "
    "redis.call('HSET', KEYS[1], 'channel', ARGV[2], 'status', 'waiting', "
    "  'operator', '', 'requested_ms', ARGV[3], 'taken_ms', '0', "
    "  'first_reply_ms', '0', 'address', ARGV[5], 'client', ARGV[6], "
    "  'asked', ARGV[7]) "
    "redis.call('SADD', KEYS[2], ARGV[1]) redis.call('DEL', KEYS[3]) "
    "redis.call('PUBLISH', ARGV[4], 's ' .. ARGV[1]) return 1";

// Waiting -> active. KEYS: hash. ARGV: id, operator, now, events channel.
constexpr const char* kTake =
    "if redis.call('HGET', KEYS[1], 'status') ~= 'waiting' then return 0 end "
    "redis.call('HSET', KEYS[1], 'status', 'active', 'operator', ARGV[2], "
    "  'taken_ms', ARGV[3]) "
    "redis.call('PUBLISH', ARGV[4], 's ' .. ARGV[1]) return 1";

// Closes a conversation; with ARGV[3] set, only one waiting since before
// it. KEYS: hash, open set, lines. ARGV: id, events channel, cutoff.
constexpr const char* kRelease =
    "if ARGV[3] ~= '' and (redis.call('HGET', KEYS[1], 'status') ~= "
    "  'waiting' or tonumber(redis.call('HGET', KEYS[1], 'requested_ms')) "
    "  >= tonumber(ARGV[3])) then return 0 end "
    "if redis.call('DEL', KEYS[1]) == 0 then return 0 end "
    "redis.call('SREM', KEYS[2], ARGV[1]) redis.call('DEL', KEYS[3]) "
    "redis.call('PUBLISH', ARGV[2], 's ' .. ARGV[1]) return 1";

// The first operator message: its wait, or -1. KEYS: hash. ARGV: id, now,
// events channel.
constexpr const char* kReplied =
    "if redis.call('HGET', KEYS[1], 'first_reply_ms') ~= '0' then "
    "  return -1 end "
    "redis.call('HSET', KEYS[1], 'first_reply_ms', ARGV[2]) "
    "redis.call('PUBLISH', ARGV[3], 's ' .. ARGV[1]) "
    "return tonumber(ARGV[2]) - "
    "  tonumber(redis.call('HGET', KEYS[1], 'requested_ms'))";

// The person left (ARGV[2] their time) or came back (0). KEYS: hash.
// ARGV: id, left_ms, events channel.
constexpr const char* kSetLeft =
    "if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end "
    "redis.call('HSET', KEYS[1], 'left_ms', ARGV[2]) "
    "redis.call('PUBLISH', ARGV[3], 's ' .. ARGV[1]) return 1";

// A line for an open conversation (0 when it is not open). KEYS: hash,
// lines. ARGV: the line, -(lines kept), events channel, id.
constexpr const char* kAddLine =
    "if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end "
    "redis.call('RPUSH', KEYS[2], ARGV[1]) "
    "redis.call('LTRIM', KEYS[2], ARGV[2], -1) "
    "redis.call('EXPIRE', KEYS[2], 86400) "
    "redis.call('PUBLISH', ARGV[3], 'l ' .. ARGV[4]) return 1";

// Adds an ended conversation, newest first, keeping ARGV[2] of them for
// ARGV[3] seconds from the last one added. KEYS: the list. ARGV: record,
// how many, seconds, events channel.
constexpr const char* kAddEnded =
    "redis.call('LPUSH', KEYS[1], ARGV[1]) "
    "redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1) "
    "redis.call('EXPIRE', KEYS[1], ARGV[3]) "
    "redis.call('PUBLISH', ARGV[4], 'e') return 1";

// Everything in a list, emptying it. KEYS: the list.
constexpr const char* kTakeAll =
    "local all = redis.call('LRANGE', KEYS[1], 0, -1) "
    "redis.call('DEL', KEYS[1]) return all";

// The key set before, else ARGV[1], set now; kept a day after its last use.
// KEYS: the key's key.
constexpr const char* kMailKey =
    "local k = redis.call('GET', KEYS[1]) "
    "if not k then if ARGV[1] == '' then return '' end "
    "  k = ARGV[1] redis.call('SET', KEYS[1], k) end "
    "redis.call('EXPIRE', KEYS[1], 86400) return k";

int64_t ToInt(const std::string& s) { return std::atoll(s.c_str()); }

}  // namespace

RedisHandoffDesk::RedisHandoffDesk(RedisOptions options, std::string prefix)
    : prefix_(std::move(prefix)), redis_(options) {
  Reload();
  events_ = std::make_unique<RedisSubscriber>(
      options, prefix_ + "events",
      [this](const std::string& event) { Event(event); },
      [this] { Reload(); });  // what changed while not listening
}

RedisHandoffDesk::~RedisHandoffDesk() { events_.reset(); }

void RedisHandoffDesk::Event(const std::string& event) {
  if (event.starts_with("s ")) {
    Refresh(event.substr(2));
  } else if (event.starts_with("l ") || event == "e") {
    Changed();  // a line, or an ended conversation
  } else if (event.starts_with("d ")) {
    const std::size_t nl = event.find('\n');
    if (nl != std::string::npos) {
      Delivered(event.substr(2, nl - 2), event.substr(nl + 1));
    }
  }
}

std::optional<Handoff> RedisHandoffDesk::Load(const std::string& id,
                                              bool* unreachable) {
  const RedisReply r = redis_.Run({"HGETALL", prefix_ + "c:" + id});
  if (!r) {
    *unreachable = true;
    return std::nullopt;
  }
  const auto cells = r.Texts();
  if (cells.empty()) return std::nullopt;
  Handoff h{.id = id};
  bool ok = HandoffFieldOk(id);
  for (std::size_t i = 0; i + 1 < cells.size(); i += 2) {
    const std::string& k = cells[i];
    const std::string& v = cells[i + 1];
    ok = ok && HandoffFieldOk(v);
    if (k == "channel") h.channel = v;
    if (k == "address") h.address = v;
    if (k == "client") h.client = v;
    if (k == "asked") h.asked = v;
    if (k == "status") {
      ok = ok && (v == "active" || v == "waiting");
      h.status =
          v == "active" ? HandoffStatus::kActive : HandoffStatus::kWaiting;
    }
    if (k == "operator") h.operator_name = v;
    if (k == "requested_ms") h.requested_ms = ToInt(v);
    if (k == "taken_ms") h.taken_ms = ToInt(v);
    if (k == "first_reply_ms") h.first_reply_ms = ToInt(v);
    if (k == "left_ms") h.left_ms = ToInt(v);
  }
  if (!ok || h.channel.empty()) {
    CountBadRecord();
    return std::nullopt;
  }
  return h;
}

// Redis unreachable: the copy stays as it was (a conversation an operator
// holds is still held), until Redis answers again.
void RedisHandoffDesk::Refresh(const std::string& id) {
  bool unreachable = false;
  if (auto h = Load(id, &unreachable)) {
    Keep(*h);
  } else if (!unreachable) {
    Forget(id);
  }
}

void RedisHandoffDesk::Reload() {
  const RedisReply ids = redis_.Run({"SMEMBERS", prefix_ + "open"});
  if (!ids) return;
  std::vector<Handoff> all;
  bool unreachable = false;
  for (const auto& id : ids.Texts()) {
    if (auto h = Load(id, &unreachable)) all.push_back(std::move(*h));
  }
  if (!unreachable) KeepAll(std::move(all));
}

bool RedisHandoffDesk::Request(const Handoff& handoff) {
  const RedisReply r = redis_.Run(
      {"EVAL", kRequest, "3", prefix_ + "c:" + handoff.id, prefix_ + "open",
       prefix_ + "lines:" + handoff.id, handoff.id, handoff.channel,
       std::to_string(handoff.requested_ms), prefix_ + "events",
       handoff.address, handoff.client, handoff.asked});
  if (!r || r.Int() != 1) return false;
  Refresh(handoff.id);  // at once, not only when the event comes back
  return true;
}

bool RedisHandoffDesk::Take(const std::string& id, const std::string& op) {
  const RedisReply r =
      redis_.Run({"EVAL", kTake, "1", prefix_ + "c:" + id, id, op,
                  std::to_string(UnixMs()), prefix_ + "events"});
  if (!r || r.Int() != 1) return false;
  Refresh(id);
  return true;
}

bool RedisHandoffDesk::Release(const std::string& id) {
  const RedisReply r =
      redis_.Run({"EVAL", kRelease, "3", prefix_ + "c:" + id, prefix_ + "open",
                  prefix_ + "lines:" + id, id, prefix_ + "events", ""});
  Forget(id);
  return r && r.Int() == 1;
}

void RedisHandoffDesk::SetLeft(const std::string& id, int64_t left_ms) {
  const RedisReply r =
      redis_.Run({"EVAL", kSetLeft, "1", prefix_ + "c:" + id, id,
                  std::to_string(left_ms), prefix_ + "events"});
  if (r && r.Int() == 1) Refresh(id);
}

std::optional<int64_t> RedisHandoffDesk::MarkReplied(const std::string& id) {
  const RedisReply r =
      redis_.Run({"EVAL", kReplied, "1", prefix_ + "c:" + id, id,
                  std::to_string(UnixMs()), prefix_ + "events"});
  if (!r || r.Int() < 0) return std::nullopt;
  return r.Int();
}

std::vector<Handoff> RedisHandoffDesk::GiveUpWaiting(int64_t cutoff_ms) {
  std::vector<Handoff> given_up;
  for (const Handoff& h : Open()) {
    if (h.status != HandoffStatus::kWaiting || h.requested_ms >= cutoff_ms) {
      continue;
    }
    const RedisReply r =
        redis_.Run({"EVAL", kRelease, "3", prefix_ + "c:" + h.id,
                    prefix_ + "open", prefix_ + "lines:" + h.id, h.id,
                    prefix_ + "events", std::to_string(cutoff_ms)});
    if (r && r.Int() == 1) {
      Forget(h.id);
      given_up.push_back(h);
    }
  }
  return given_up;
}

bool RedisHandoffDesk::AddLine(const std::string& id, const HandoffLine& line) {
  const RedisReply r =
      redis_.Run({"EVAL", kAddLine, "2", prefix_ + "c:" + id,
                  prefix_ + "lines:" + id, EncodeLine(line),
                  "-" + std::to_string(kMaxLines), prefix_ + "events", id});
  if (r && r.Int() == 0) Forget(id);  // closed, or lost with Redis's data
  return r && r.Int() == 1;
}

// One round trip (kAddEnded); records older than the shift are skipped on
// reading.
void RedisHandoffDesk::AddEnded(const EndedHandoff& ended) {
  redis_.Run({"EVAL", kAddEnded, "1", prefix_ + "ended", EncodeEnded(ended),
              std::to_string(kMaxEnded),
              std::to_string(std::chrono::seconds(kEndedFor).count()),
              prefix_ + "events"});
}

std::vector<EndedHandoff> RedisHandoffDesk::Ended() {
  std::vector<EndedHandoff> out;
  const RedisReply r = redis_.Run(
      {"LRANGE", prefix_ + "ended", "0", std::to_string(kMaxEnded - 1)});
  if (!r) return out;
  const int64_t since = UnixMs() - std::chrono::milliseconds(kEndedFor).count();
  for (const auto& record : r.Texts()) {
    auto ended = DecodeEnded(record);
    if (!ended) {
      CountBadRecord();
    } else if (ended->ended_ms >= since) {
      out.push_back(std::move(*ended));
    }
  }
  return out;
}

std::vector<HandoffLine> RedisHandoffDesk::Lines(const std::string& id) {
  std::vector<HandoffLine> lines;
  const RedisReply r =
      redis_.Run({"LRANGE", prefix_ + "lines:" + id, "0", "-1"});
  if (!r) return lines;
  for (const auto& record : r.Texts()) {
    if (auto line = DecodeLine(record)) {
      lines.push_back(std::move(*line));
    } else {
      CountBadRecord();
    }
  }
  return lines;
}

void RedisHandoffDesk::Seen(const std::string& op) {
  const int64_t now = UnixMs();
  const std::string key = prefix_ + "online";
  redis_.Run({"ZADD", key, std::to_string(now), op});
  redis_.Run(
      {"ZREMRANGEBYSCORE", key, "-inf",
       std::to_string(now - std::chrono::milliseconds(kOnlineFor).count())});
}

bool RedisHandoffDesk::AnyOnline() {
  const int64_t since =
      UnixMs() - std::chrono::milliseconds(kOnlineFor).count();
  const RedisReply r =
      redis_.Run({"ZCOUNT", prefix_ + "online", std::to_string(since), "+inf"});
  return r && r.Int() > 0;
}

bool RedisHandoffDesk::SaveLogin(const std::string& token,
                                 const std::string& op,
                                 std::chrono::seconds ttl) {
  return static_cast<bool>(redis_.Run({"SET", prefix_ + "login:" + token, op,
                                       "EX", std::to_string(ttl.count())}));
}

bool RedisHandoffDesk::Reachable() {
  return static_cast<bool>(redis_.Run({"PING"}));
}

std::string RedisHandoffDesk::LoginOf(const std::string& token) {
  const RedisReply r = redis_.Run({"GET", prefix_ + "login:" + token});
  return r ? r.Text() : "";
}

void RedisHandoffDesk::DropLogin(const std::string& token) {
  redis_.Run({"DEL", prefix_ + "login:" + token});
}

void RedisHandoffDesk::PostMail(const std::string& id,
                                const std::string& text) {
  const std::string key = prefix_ + "mail:" + id;
  redis_.Run({"RPUSH", key, text});
  redis_.Run({"LTRIM", key, "0", std::to_string(kMaxLines - 1)});
  redis_.Run({"EXPIRE", key, "86400"});
}

std::vector<std::string> RedisHandoffDesk::TakeMail(const std::string& id) {
  const RedisReply r =
      redis_.Run({"EVAL", kTakeAll, "1", prefix_ + "mail:" + id});
  std::vector<std::string> mail;
  for (auto& text : r.Texts()) {
    if (MailTextOk(text)) {
      mail.push_back(std::move(text));
    } else {
      CountBadRecord();
    }
  }
  return mail;
}

void RedisHandoffDesk::Deliver(const std::string& id,
                               const std::string& payload) {
  const RedisReply r =
      redis_.Run({"PUBLISH", prefix_ + "events", "d " + id + "\n" + payload});
  if (!r) Delivered(id, payload);  // Redis down: this instance, at least
}

std::string RedisHandoffDesk::MailKey(const std::string& id,
                                      const std::string& fresh) {
  const RedisReply r =
      redis_.Run({"EVAL", kMailKey, "1", prefix_ + "mailkey:" + id, fresh});
  return r ? r.Text() : "";
}

}  // namespace faqbot::bot
