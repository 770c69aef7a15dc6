// What the system calls of a proxied request cost on this machine, one at a time, on a loopback
// TCP connection: a receive that finds no data (EAGAIN, what Asio's speculative reads end in
// when the peer has not answered yet), the epoll_ctl(MOD) an async_wait costs instead, and an
// epoll_wait that finds nothing ready. bench/syscall_costs.sh builds and runs it.
#include <arpa/inet.h>
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <stdexcept>

namespace {

// A connected loopback TCP pair; `server` is non-blocking and never has data waiting.
class LoopbackPair {
 public:
  LoopbackPair() {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    auto* generic = reinterpret_cast<sockaddr*>(&address);
    if (bind(listener_, generic, length) != 0 || listen(listener_, 1) != 0 ||
        getsockname(listener_, generic, &length) != 0) {
      throw std::runtime_error("cannot listen on loopback");
    }
    client_ = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(client_, generic, length) != 0) throw std::runtime_error("cannot connect");
    server_ = accept(listener_, nullptr, nullptr);
    fcntl(server_, F_SETFL, O_NONBLOCK);
  }
  ~LoopbackPair() {
    close(server_);
    close(client_);
    close(listener_);
  }
  LoopbackPair(const LoopbackPair&) = delete;
  LoopbackPair& operator=(const LoopbackPair&) = delete;

  int server() const { return server_; }

 private:
  int listener_ = -1;
  int client_ = -1;
  int server_ = -1;
};

void failed_receive(benchmark::State& state) {
  const LoopbackPair pair;
  std::array<char, 4096> buffer{};
  for (auto _ : state) {
    if (recv(pair.server(), buffer.data(), buffer.size(), 0) != -1 || errno != EAGAIN) {
      state.SkipWithError("the receive found data");
      break;
    }
  }
}
BENCHMARK(failed_receive);

// An epoll instance watching the pair's idle server side, edge-triggered, as Asio registers
// sockets.
class EpollOnIdleSocket {
 public:
  EpollOnIdleSocket() : epoll_(epoll_create1(0)) {
    event_.events = EPOLLIN | EPOLLET;
    epoll_ctl(epoll_, EPOLL_CTL_ADD, pair_.server(), &event_);
  }
  ~EpollOnIdleSocket() { close(epoll_); }
  EpollOnIdleSocket(const EpollOnIdleSocket&) = delete;
  EpollOnIdleSocket& operator=(const EpollOnIdleSocket&) = delete;

  int modify() { return epoll_ctl(epoll_, EPOLL_CTL_MOD, pair_.server(), &event_); }
  int wait_ready() { return epoll_wait(epoll_, ready_.data(), ready_.size(), 0); }

 private:
  LoopbackPair pair_;
  int epoll_;
  epoll_event event_{};
  std::array<epoll_event, 64> ready_{};
};

void epoll_ctl_modify(benchmark::State& state) {
  EpollOnIdleSocket epoll;
  for (auto _ : state) benchmark::DoNotOptimize(epoll.modify());
}
BENCHMARK(epoll_ctl_modify);

void epoll_wait_nothing_ready(benchmark::State& state) {
  EpollOnIdleSocket epoll;
  for (auto _ : state) benchmark::DoNotOptimize(epoll.wait_ready());
}
BENCHMARK(epoll_wait_nothing_ready);

}  // namespace

BENCHMARK_MAIN();
