// Delay proxy: a TCP forwarder on loopback that holds every chunk for a
// fixed time each way, so a local Redis behaves like one on another
// machine ("--delay-ms 2": 4 ms per round trip).
//
//   build/tests/delay_proxy --to 6379 [--port 0] [--delay-ms 2]
//
// Prints "listening on 127.0.0.1:PORT" once it accepts. Order within a
// direction is kept; a chunk is written no earlier than its arrival plus
// the delay. SIGSTOP/SIGCONT on the proxy pauses the "network" as a whole.
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <cstdlib>
#include <deque>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using error_code = boost::system::error_code;

namespace {

std::chrono::microseconds g_delay{2000};

// One direction of one connection: reads from `from`, writes to `to`.
class Pipe : public std::enable_shared_from_this<Pipe> {
 public:
  Pipe(std::shared_ptr<tcp::socket> from, std::shared_ptr<tcp::socket> to)
      : from_(std::move(from)),
        to_(std::move(to)),
        timer_(to_->get_executor()) {}

  void Start() { Read(); }

 private:
  struct Chunk {
    Clock::time_point due;
    std::string data;
  };

  void Read() {
    from_->async_read_some(
        net::buffer(buffer_),
        [self = shared_from_this()](error_code ec, std::size_t n) {
          if (ec) return self->Stop();
          self->queue_.push_back(
              {Clock::now() + g_delay, std::string(self->buffer_.data(), n)});
          if (self->queue_.size() == 1) self->Wait();
          self->Read();
        });
  }

  void Wait() {
    timer_.expires_at(queue_.front().due);
    timer_.async_wait([self = shared_from_this()](error_code ec) {
      if (ec) return;
      net::async_write(*self->to_, net::buffer(self->queue_.front().data),
                       [self](error_code e, std::size_t) {
                         if (e) return self->Stop();
                         self->queue_.pop_front();
                         if (!self->queue_.empty()) self->Wait();
                       });
    });
  }

  void Stop() {
    error_code ignored;
    from_->close(ignored);
    to_->close(ignored);
  }

  std::shared_ptr<tcp::socket> from_, to_;
  net::steady_timer timer_;
  std::array<char, 16384> buffer_;
  std::deque<Chunk> queue_;
};

void Accept(tcp::acceptor& acceptor, net::io_context& ioc, int target) {
  acceptor.async_accept(
      [&acceptor, &ioc, target](error_code ec, tcp::socket client) {
        if (ec) return;
        auto near = std::make_shared<tcp::socket>(std::move(client));
        auto far = std::make_shared<tcp::socket>(ioc);
        error_code connect_ec;
        far->connect({net::ip::make_address("127.0.0.1"),
                      static_cast<unsigned short>(target)},
                     connect_ec);
        if (!connect_ec) {
          near->set_option(tcp::no_delay(true));
          far->set_option(tcp::no_delay(true));
          std::make_shared<Pipe>(near, far)->Start();
          std::make_shared<Pipe>(far, near)->Start();
        }
        Accept(acceptor, ioc, target);
      });
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0, target = 0;
  double delay_ms = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--port")
      port = std::atoi(argv[i + 1]);
    else if (flag == "--to")
      target = std::atoi(argv[i + 1]);
    else if (flag == "--delay-ms")
      delay_ms = std::atof(argv[i + 1]);
    else {
      std::cerr << "unknown flag " << flag << "\n";
      return 2;
    }
  }
  if (target <= 0) {
    std::cerr << "usage: delay_proxy --to PORT [--port P] [--delay-ms MS]\n";
    return 2;
  }
  g_delay = std::chrono::microseconds(static_cast<int64_t>(delay_ms * 1000));
  net::io_context ioc(1);
  tcp::acceptor acceptor(ioc, {net::ip::make_address("127.0.0.1"),
                               static_cast<unsigned short>(port)});
  Accept(acceptor, ioc, target);
  std::cout << "listening on 127.0.0.1:" << acceptor.local_endpoint().port()
            << std::endl;
  ioc.run();
}
