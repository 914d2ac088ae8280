// One exchange of a conversation as the transcripts keep it (Exchange, and
// ExchangeRef: the same as views, what the bot hands the transcript log
// without building a string), and its text form for a queue shared by
// instances (RedisTranscriptQueue): the session store writes an exchange
// into Redis in the same script as the state it produced, so an
// acknowledged exchange survives the instance.
//
// Threads: plain values and pure functions; any thread.
#ifndef FAQBOT_BOT_STORE_EXCHANGE_H_
#define FAQBOT_BOT_STORE_EXCHANGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace faqbot::bot {

// An exchange as views of its caller's strings, valid for the call it is
// given to (which copies what it keeps).
struct ExchangeRef {
  int64_t time_ms = 0;
  std::string_view session = {}, channel = {}, text = {}, choice = {},
                   kind = {}, node = {};
  double confidence = 0;
  std::string_view uid = {};
  // In a library, the node's article: the node is stored as
  // "article/node" ("article/" for a reply with no node).
  std::string_view article = {};
};

// The node as stored: `node`, or "article/node".
void AppendStoredNode(const ExchangeRef& e, std::string* out);

struct Exchange {
  int64_t time_ms = 0;  // Unix time, milliseconds
  std::string session;
  std::string channel;  // "web", "telegram", "cli", ...
  std::string text;     // what the user typed ("" for a button press)
  std::string choice;   // the id of a pressed button, or ""
  std::string kind;     // ReplyKindName()
  std::string node;     // the node answered, or ""
  double confidence = 0;
  // Unique per exchange when it may reach the database twice (from a
  // shared queue after a crash); the database keeps the first. "": none.
  std::string uid;

  operator ExchangeRef() const {  // NOLINT: implicit, like string_view's
    return {.time_ms = time_ms,
            .session = session,
            .channel = channel,
            .text = text,
            .choice = choice,
            .kind = kind,
            .node = node,
            .confidence = confidence,
            .uid = uid};
  }
};

// A new unique exchange id (32 hex digits).
std::string NewExchangeUid();

// [uid, time_ms, session, channel, text, choice, kind, node, confidence]
// as JSON; DecodeExchange never throws and rejects anything else.
std::string EncodeExchange(const ExchangeRef& e);
std::optional<Exchange> DecodeExchange(std::string_view text);

}  // namespace faqbot::bot

#endif  // FAQBOT_BOT_STORE_EXCHANGE_H_
