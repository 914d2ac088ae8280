// Load generator: N WebSocket connections, each sending M questions drawn
// in turn from a file. Reports throughput and latency percentiles and
// checks that every reply arrived. Loopback only; bounded in count and
// time.
//
// Closed loop (default): send, wait for the reply, send the next; this
// measures capacity. Open loop (--rate R): each connection sends R
// messages a second on its own schedule (evenly spaced from a random
// phase, or --poisson), whether or not replies have come; latency is
// measured from the *scheduled* send time, so a stalled server (or a late
// load generator) cannot hide its queueing (no coordinated omission).
// Schedules start once every connection is up (and greeted): opening
// thousands of connections is not what a person at human pace meets, and
// it made the load generator itself late. Its own lateness (actual send
// time minus scheduled) is reported beside the latency.
//
//   build/tests/loadgen --port P [--connections 1000] [--messages 20]
//       [--questions FILE] [--greeting] [--seconds 60]
//       [--rate R [--poisson]]   (open loop: runs as long as its schedule)
//       [--spin]   (polls instead of sleeping between replies)
//   build/tests/loadgen --port P --sessions 10000     (one question each)
//   build/tests/loadgen --port P --idle 50000 [--sources 4] [--hold S]
//       (connections that only connect and wait, from 127.0.0.1..N, so the
//       server's memory per idle connection can be read while they hold)
//
// --greeting skips faqbot's two greeting frames after connecting. The last
// line is machine-readable: "RESULT msgs_per_s=... p50_us=... p90_us=...
// p99_us=... max_us=... replies=N/M sendlate_p99us=..." (the last: the
// open loop's own lateness, 0 otherwise).
#include <algorithm>
#include <array>
#include <boost/asio/connect.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

// Log-linear latency histogram in microseconds: 64 sub-buckets per power
// of two, so percentiles are within about 1.5 %.
class Histogram {
 public:
  void Add(double us) {
    const uint64_t v = static_cast<uint64_t>(std::max(us, 1.0));
    int exp = 63 - __builtin_clzll(v);
    const int sub =
        exp < 6 ? static_cast<int>(v) : static_cast<int>((v >> (exp - 6)) & 63);
    ++counts_[std::min(exp, 40) * 64 + sub];
    ++total_;
    max_ = std::max(max_, us);
  }
  double Percentile(double p) const {
    const uint64_t want = static_cast<uint64_t>(p / 100.0 * total_);
    uint64_t seen = 0;
    for (std::size_t i = 0; i < counts_.size(); ++i) {
      seen += counts_[i];
      if (seen > want) {
        const int exp = static_cast<int>(i / 64),
                  sub = static_cast<int>(i % 64);
        return exp < 6 ? sub
                       : static_cast<double>((64 + sub)) * (1ull << (exp - 6));
      }
    }
    return max_;
  }
  double max() const { return max_; }
  uint64_t total() const { return total_; }

 private:
  std::array<uint64_t, 41 * 64> counts_{};
  uint64_t total_ = 0;
  double max_ = 0;
};

struct Options {
  int port = 0;
  int connections = 1000;
  int messages = 20;
  int seconds = 60;
  bool greeting = false;
  double rate = 0;  // messages per second per connection; 0: closed loop
  bool poisson = false;
  bool idle = false;  // connect, read the greeting, then only wait
  int sources = 1;    // client addresses 127.0.0.1 .. 127.0.0.<sources>
  int hold = 5;       // seconds idle connections are held once all are up
  // Poll for replies without ever sleeping: a server's reply then never
  // has to wake the load generator (on a VM the wake-up is a few us of
  // the *server's* CPU, inside its send, and more the slower the server).
  bool spin = false;
  std::vector<std::string> questions = {"what causes liver calcification",
                                        "how is it treated?", "2",
                                        "is it cancer?"};
};

constexpr double kMaxGaps = 6.0;

// How long an open-loop run can take: every gap at its longest, and the
// last reply's grace.
double OpenLoopSeconds(const Options& opt) {
  const double gap = (opt.poisson ? kMaxGaps : 1.0) / opt.rate;
  return opt.messages * gap + 10;
}

class Client;

struct Shared {
  Options opt;
  Histogram latency;
  Histogram lateness;  // open loop: how late the generator sent
  // Open loop: connections up and waiting for the common start, and when
  // it came (every schedule counts from it).
  std::vector<std::shared_ptr<Client>> waiting;
  Clock::time_point began{};
  uint64_t replies = 0;
  uint64_t reply_bytes = 0;  // of the replies counted in `replies`
  uint64_t failures = 0;
  int finished = 0;
  int idle_ready = 0;  // idle connections up and greeted
};

// Starts every waiting open-loop schedule once the last connection is up
// (or has failed).
void BeginOpenLoop(Shared& shared);

class Client : public std::enable_shared_from_this<Client> {
 public:
  Client(net::io_context& ioc, Shared& shared, int index)
      : ws_(ioc),
        timer_(ioc),
        shared_(shared),
        index_(index),
        random_(static_cast<uint64_t>(index) * 0x9E3779B97F4A7C15ull + 1) {}

  void Start() {
    auto& lowest = beast::get_lowest_layer(ws_);
    lowest.expires_after(std::chrono::seconds(shared_.opt.seconds));
    if (shared_.opt.sources > 1) {
      // Each source address has its own ephemeral ports (about 28,000).
      beast::error_code ec;
      lowest.socket().open(tcp::v4(), ec);
      const auto source = net::ip::address_v4(
          (127u << 24) + 1 +
          static_cast<unsigned>(index_ % shared_.opt.sources));
      if (!ec) lowest.socket().bind(tcp::endpoint(source, 0), ec);
      if (ec) return Fail();
    }
    lowest.async_connect(
        tcp::endpoint(net::ip::make_address("127.0.0.1"),
                      static_cast<unsigned short>(shared_.opt.port)),
        [self = shared_from_this()](beast::error_code ec) {
          if (ec) return self->Fail();
          beast::get_lowest_layer(self->ws_).expires_never();
          beast::error_code nodelay_ec;  // a message goes when it is due
          beast::get_lowest_layer(self->ws_).socket().set_option(
              tcp::no_delay(true), nodelay_ec);
          self->ws_.async_handshake(
              "127.0.0.1", "/ws", [self](beast::error_code ec) {
                if (ec) return self->Fail();
                self->greeting_left_ = self->shared_.opt.greeting ? 2 : 0;
                if (self->shared_.opt.idle) return self->ReadIdle();
                if (self->shared_.opt.rate > 0) return self->StartOpenLoop();
                self->greeting_left_ ? self->Read() : self->Send();
              });
        });
  }

 private:
  // Idle: the greeting, then one read that ends only when the server
  // closes (pings are answered by the stream on the way).
  void ReadIdle() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec,
                                                        std::size_t) {
      if (ec) return self->Fail();
      self->buffer_.consume(self->buffer_.size());
      if (self->greeting_left_ > 0 && --self->greeting_left_ == 0) {
        ++self->shared_.idle_ready;
      }
      self->ReadIdle();
    });
  }

  // Open loop: reads run all along; sends follow the schedule, which
  // starts for all at once (BeginOpenLoop).
  void StartOpenLoop() {
    ReadOpen();
    if (greeting_left_ == 0) WaitForStart();
  }
  void WaitForStart() {
    shared_.waiting.push_back(shared_from_this());
    BeginOpenLoop(shared_);
  }

 public:
  void Begin(Clock::time_point start) {
    if (failed_) return;
    const double first =
        shared_.opt.poisson ? Gap() : Uniform() / shared_.opt.rate;
    next_at_ = start + Seconds(first);
    Schedule();
  }

 private:
  static Clock::duration Seconds(double s) {
    return std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(s));
  }
  double Uniform() {  // [0, 1), xorshift
    random_ ^= random_ << 13;
    random_ ^= random_ >> 7;
    random_ ^= random_ << 17;
    return static_cast<double>(random_ >> 11) / 9007199254740992.0;
  }
  double Gap() {  // seconds to the next send
    const double r = shared_.opt.rate;
    if (!shared_.opt.poisson) return 1.0 / r;
    // Exponential, cut at kMaxGaps means (e^-6: 0.25 % of gaps), so every
    // schedule ends within a known time (OpenLoopSeconds).
    return std::min(-std::log(1.0 - Uniform()), kMaxGaps) / r;
  }
  void Schedule() {
    timer_.expires_at(next_at_);
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec || self->failed_) return;
      self->shared_.lateness.Add(std::chrono::duration<double, std::micro>(
                                     Clock::now() - self->next_at_)
                                     .count());
      const auto& qs = self->shared_.opt.questions;
      self->outbox_.push_back(
          nlohmann::json{{"text", qs[(self->index_ + self->sent_) % qs.size()]}}
              .dump());
      self->scheduled_.push_back(self->next_at_);
      if (!self->writing_) self->WriteNext();
      if (++self->sent_ < self->shared_.opt.messages) {
        self->next_at_ += Seconds(self->Gap());
        self->Schedule();
      }
    });
  }
  void WriteNext() {
    writing_ = true;
    frame_ = std::move(outbox_.front());
    outbox_.pop_front();
    ws_.async_write(
        net::buffer(frame_),
        [self = shared_from_this()](beast::error_code ec, std::size_t) {
          self->writing_ = false;
          if (ec) return self->Fail();
          if (!self->outbox_.empty()) self->WriteNext();
        });
  }
  void ReadOpen() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec,
                                                        std::size_t) {
      if (ec) return self->Fail();
      const std::size_t bytes = self->buffer_.size();
      self->buffer_.consume(bytes);
      if (self->greeting_left_ > 0) {
        if (--self->greeting_left_ == 0) self->WaitForStart();
        return self->ReadOpen();
      }
      if (self->scheduled_.empty()) return self->Fail();  // unasked reply
      self->shared_.latency.Add(std::chrono::duration<double, std::micro>(
                                    Clock::now() - self->scheduled_.front())
                                    .count());
      self->scheduled_.pop_front();
      ++self->shared_.replies;
      self->shared_.reply_bytes += bytes;
      if (++self->received_ < self->shared_.opt.messages) {
        return self->ReadOpen();
      }
      self->Done();
    });
  }

  void Send() {
    const auto& qs = shared_.opt.questions;
    frame_ = nlohmann::json{{"text", qs[(index_ + sent_) % qs.size()]}}.dump();
    sent_at_ = Clock::now();
    ws_.async_write(
        net::buffer(frame_),
        [self = shared_from_this()](beast::error_code ec, std::size_t) {
          if (ec) return self->Fail();
          self->Read();
        });
  }
  void Read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec,
                                                        std::size_t) {
      if (ec) return self->Fail();
      const std::size_t bytes = self->buffer_.size();
      self->buffer_.consume(bytes);
      if (self->greeting_left_ > 0) {
        if (--self->greeting_left_ == 0)
          self->Send();
        else
          self->Read();
        return;
      }
      self->shared_.latency.Add(std::chrono::duration<double, std::micro>(
                                    Clock::now() - self->sent_at_)
                                    .count());
      ++self->shared_.replies;
      self->shared_.reply_bytes += bytes;
      if (++self->sent_ < self->shared_.opt.messages) return self->Send();
      self->Done();
    });
  }
  void Done() {
    ++shared_.finished;
    ws_.async_close(websocket::close_code::normal,
                    [self = shared_from_this()](beast::error_code) {});
  }
  void Fail() {
    if (failed_) return;
    failed_ = true;
    timer_.cancel();
    ++shared_.failures;
    ++shared_.finished;
    if (shared_.opt.rate > 0) BeginOpenLoop(shared_);
  }

  websocket::stream<beast::tcp_stream> ws_;
  net::steady_timer timer_;
  beast::flat_buffer buffer_;
  Shared& shared_;
  int index_;
  int sent_ = 0;
  int received_ = 0;
  int greeting_left_ = 0;
  bool failed_ = false;
  bool writing_ = false;
  std::string frame_;
  Clock::time_point sent_at_;
  // Open loop: when the next send is due, frames waiting for the writer,
  // and the scheduled times of messages not yet answered (in order).
  Clock::time_point next_at_;
  std::deque<std::string> outbox_;
  std::deque<Clock::time_point> scheduled_;
  uint64_t random_;
};

void BeginOpenLoop(Shared& shared) {
  if (shared.began != Clock::time_point{} ||
      static_cast<int>(shared.waiting.size() + shared.failures) <
          shared.opt.connections) {
    return;
  }
  shared.began = Clock::now();
  for (const auto& client : shared.waiting) client->Begin(shared.began);
  shared.waiting.clear();
}

// Idle mode: wait until every connection is up and greeted (or failed),
// say so, hold them for --hold seconds, and report.
int HoldIdle(net::io_context& ioc, Shared& shared, Clock::time_point start) {
  const Options& opt = shared.opt;
  const auto deadline = start + std::chrono::seconds(opt.seconds);
  while (shared.idle_ready + static_cast<int>(shared.failures) <
             opt.connections &&
         Clock::now() < deadline) {
    ioc.run_one_for(std::chrono::milliseconds(100));
  }
  std::printf("RESULT idle=%d/%d failed=%llu up_s=%.1f\n", shared.idle_ready,
              opt.connections, static_cast<unsigned long long>(shared.failures),
              std::chrono::duration<double>(Clock::now() - start).count());
  std::fflush(stdout);
  ioc.run_for(std::chrono::seconds(opt.hold));
  return shared.idle_ready == opt.connections ? 0 : 1;
}

int Usage(const char* why) {
  std::cerr << "loadgen: " << why
            << "\nusage: loadgen --port P [--connections N] [--messages M] "
               "[--questions FILE] [--greeting] [--seconds S] [--sessions N] "
               "[--rate R [--poisson]] [--spin] [--idle N [--sources K] "
               "[--hold S]]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Shared shared;
  Options& opt = shared.opt;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&] {
      return i + 1 < argc ? std::string(argv[++i]) : "";
    };
    if (a == "--port")
      opt.port = std::atoi(value().c_str());
    else if (a == "--connections")
      opt.connections = std::atoi(value().c_str());
    else if (a == "--messages")
      opt.messages = std::atoi(value().c_str());
    else if (a == "--seconds")
      opt.seconds = std::atoi(value().c_str());
    else if (a == "--greeting")
      opt.greeting = true;
    else if (a == "--rate")
      opt.rate = std::atof(value().c_str());
    else if (a == "--poisson")
      opt.poisson = true;
    else if (a == "--spin")
      opt.spin = true;
    else if (a == "--idle") {
      opt.idle = true;
      opt.greeting = true;
      opt.connections = std::atoi(value().c_str());
    } else if (a == "--sources")
      opt.sources = std::atoi(value().c_str());
    else if (a == "--hold")
      opt.hold = std::atoi(value().c_str());
    else if (a == "--sessions") {
      opt.connections = std::atoi(value().c_str());
      opt.messages = 1;
    } else if (a == "--questions") {
      std::ifstream in(value());
      if (!in) return Usage("cannot read the questions file");
      opt.questions.clear();
      for (std::string line; std::getline(in, line);) {
        if (line.starts_with("> "))
          line = line.substr(2);  // conversation tests
        if (!line.empty() && line[0] != '#' && line[0] != '=' &&
            line[0] != '<' && line[0] != '~' && line[0] != '!' &&
            !line.starts_with("press ")) {
          opt.questions.push_back(line);
        }
      }
      if (opt.questions.empty()) return Usage("no questions in the file");
    } else {
      return Usage("unknown option");
    }
  }
  if (opt.port <= 0) return Usage("--port is required (loopback only)");
  if (opt.connections < 1 || opt.connections > (opt.idle ? 200000 : 20000) ||
      opt.messages < 1 || opt.messages > 100000) {
    return Usage(
        "connections must be 1..20000 (idle: 200000) and messages "
        "1..100000");
  }
  if (opt.sources < 1 || opt.sources > 250) {
    return Usage("--sources is 1..250 (127.0.0.1 .. 127.0.0.250)");
  }
  if (opt.rate < 0 || opt.rate > 10000) {
    return Usage("--rate is messages per second per connection, 0..10000");
  }

  net::io_context ioc(1);
  const auto start = Clock::now();
  // Connect in waves so the listen backlog is never overrun.
  constexpr int kWave = 200;
  int started = 0;
  net::steady_timer timer(ioc);
  std::function<void()> wave = [&] {
    for (int i = 0; i < kWave && started < opt.connections; ++i) {
      std::make_shared<Client>(ioc, shared, started++)->Start();
    }
    if (started < opt.connections) {
      timer.expires_after(std::chrono::milliseconds(5));
      timer.async_wait([&](beast::error_code) { wave(); });
    }
  };
  wave();
  if (opt.idle) return HoldIdle(ioc, shared, start);
  // Connecting has --seconds; an open loop's schedule, once begun, as long
  // as it can take.
  const auto after = [](Clock::time_point t, double seconds) {
    return t + std::chrono::duration_cast<Clock::duration>(
                   std::chrono::duration<double>(seconds));
  };
  const auto deadline = [&] {
    return shared.began == Clock::time_point{}
               ? after(start, opt.seconds)
               : after(shared.began, OpenLoopSeconds(opt));
  };
  while (shared.finished < opt.connections && Clock::now() < deadline()) {
    if (opt.spin) {
      ioc.poll();
    } else {
      ioc.run_one_for(std::chrono::milliseconds(100));
    }
  }
  const double seconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  const uint64_t expected =
      static_cast<uint64_t>(opt.connections) * opt.messages;
  const auto& h = shared.latency;
  std::printf(
      "%d connections x %d messages%s: %llu/%llu replies in %.2f s, "
      "%llu failed connections\n",
      opt.connections, opt.messages,
      opt.rate > 0 ? (opt.poisson ? " (open loop, Poisson)" : " (open loop)")
                   : "",
      static_cast<unsigned long long>(shared.replies),
      static_cast<unsigned long long>(expected), seconds,
      static_cast<unsigned long long>(shared.failures));
  if (opt.rate > 0) {
    std::printf(
        "schedules began after %.2f s of connecting; the load generator "
        "sent late by p50 %.0f us, p99 %.0f us, max %.0f us\n",
        std::chrono::duration<double>(shared.began - start).count(),
        shared.lateness.Percentile(50), shared.lateness.Percentile(99),
        shared.lateness.max());
  }
  std::printf(
      "RESULT msgs_per_s=%.0f p50_us=%.0f p90_us=%.0f p99_us=%.0f "
      "max_us=%.0f replies=%llu/%llu sendlate_p99us=%.0f reply_bytes=%.0f\n",
      shared.replies / seconds, h.Percentile(50), h.Percentile(90),
      h.Percentile(99), h.max(),
      static_cast<unsigned long long>(shared.replies),
      static_cast<unsigned long long>(expected), shared.lateness.Percentile(99),
      shared.replies ? static_cast<double>(shared.reply_bytes) /
                           static_cast<double>(shared.replies)
                     : 0.0);
  return shared.replies == expected ? 0 : 1;
}
