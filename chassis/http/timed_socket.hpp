// A TCP socket with one deadline for whatever it is doing, kept by one watchdog timer per socket
// that moves only when the deadline comes earlier than its wake-up or when it wakes: setting a
// deadline costs a clock read and a compare. Beast's basic_stream arms a timer around every read
// and write and cancels it afterwards (a timer-queue insert and removal and a cancellation
// handler per operation). When the deadline passes, the socket is closed: the operation under
// way ends with an error and timed_out() tells it was the deadline.
// Internal to the server and client translation units (it pulls in Asio). Use it on its
// executor's thread only.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <memory>
#include <utility>

namespace hotel::http {

class TimedSocket {
 public:
  using Socket = boost::asio::ip::tcp::socket;
  using executor_type = Socket::executor_type;
  using Clock = std::chrono::steady_clock;

  explicit TimedSocket(Socket socket) : state_(std::make_shared<State>(std::move(socket))) {}
  explicit TimedSocket(const executor_type& executor)
      : state_(std::make_shared<State>(Socket(executor))) {}

  executor_type get_executor() { return state_->socket.get_executor(); }
  Socket& socket() { return state_->socket; }

  // AsyncReadStream and AsyncWriteStream, for Beast's and Asio's composed operations.
  template <class MutableBuffers, class Token>
  auto async_read_some(const MutableBuffers& buffers, Token&& token) {
    return state_->socket.async_read_some(buffers, std::forward<Token>(token));
  }
  template <class ConstBuffers, class Token>
  auto async_write_some(const ConstBuffers& buffers, Token&& token) {
    return state_->socket.async_write_some(buffers, std::forward<Token>(token));
  }

  void expires_after(Clock::duration limit) { expires_at(Clock::now() + limit); }
  void expires_at(Clock::time_point deadline) {
    State& state = *state_;
    state.deadline = deadline;
    state.timed_out = false;
    if (deadline < state.wakes_at) arm(state_, deadline);
  }
  // No deadline; the watchdog, if it is waiting, finds none when it wakes and sleeps.
  void expires_never() { state_->deadline = Clock::time_point::max(); }
  // Whether the socket was closed because its deadline passed.
  bool timed_out() const { return state_->timed_out; }

 private:
  struct State {
    explicit State(Socket s) : socket(std::move(s)), watchdog(socket.get_executor()) {}
    Socket socket;
    boost::asio::steady_timer watchdog;
    Clock::time_point deadline = Clock::time_point::max();
    Clock::time_point wakes_at = Clock::time_point::max();  // the watchdog's, when waiting
    bool timed_out = false;
  };

  // The watchdog's wait holds the state weakly: once the socket is gone, its wake-up does nothing.
  static void arm(const std::shared_ptr<State>& state, Clock::time_point at) {
    state->wakes_at = at;
    state->watchdog.expires_at(at);  // a wait already pending ends as operation_aborted
    state->watchdog.async_wait(
        [weak = std::weak_ptr<State>(state)](const boost::system::error_code& error) {
          auto alive = weak.lock();
          if (!alive || error) return;
          wake(alive);
        });
  }

  static void wake(const std::shared_ptr<State>& state) {
    state->wakes_at = Clock::time_point::max();
    if (state->deadline == Clock::time_point::max()) return;
    if (Clock::now() < state->deadline) {
      arm(state, state->deadline);
      return;
    }
    state->timed_out = true;
    boost::system::error_code ignored;
    state->socket.close(ignored);
  }

  std::shared_ptr<State> state_;
};

}  // namespace hotel::http
