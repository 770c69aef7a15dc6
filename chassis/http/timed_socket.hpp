// A TCP socket with one deadline for whatever it is doing, kept by one watchdog timer per socket
// that moves only when the deadline comes earlier than its wake-up or when it wakes: setting a
// deadline costs a clock read and a compare. Beast's basic_stream arms a timer around every read
// and write and cancels it afterwards (a timer-queue insert and removal and a cancellation
// handler per operation). When the deadline passes, the socket is closed: the operation under
// way ends with an error and timed_out() tells it was the deadline.
// Internal to the server and client translation units (it pulls in Asio). Use it on its
// executor's thread only.
#pragma once

#include <array>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>

#include "chassis/core/clock.hpp"
#include "chassis/http/short_read.hpp"

namespace hotel::http {

class TimedSocket {
 public:
  using Socket = ShortReadSocket;
  using executor_type = Socket::executor_type;
  using Clock = std::chrono::steady_clock;

  explicit TimedSocket(boost::asio::ip::tcp::socket socket)
      : state_(std::make_shared<State>(Socket(std::move(socket)))) {}
  explicit TimedSocket(const executor_type& executor)
      : state_(std::make_shared<State>(Socket(executor))) {}

  executor_type get_executor() { return state_->socket.get_executor(); }
  Socket& socket() { return state_->socket; }

  // AsyncReadStream and AsyncWriteStream, for Beast's and Asio's composed operations. A read
  // into one buffer that comes back short leaves the socket waiting for its next readiness
  // (short_read.hpp).
  template <class MutableBuffers, class Token>
  auto async_read_some(const MutableBuffers& buffers, Token&& token) {
    if constexpr (std::is_convertible_v<MutableBuffers, boost::asio::mutable_buffer>) {
      return state_->socket.async_read_some_drained(buffers, std::forward<Token>(token));
    } else {
      return state_->socket.async_read_some(buffers, std::forward<Token>(token));
    }
  }
  template <class ConstBuffers, class Token>
  auto async_write_some(const ConstBuffers& buffers, Token&& token) {
    return state_->socket.async_write_some(buffers, std::forward<Token>(token));
  }

  // Sends what the socket takes at once without waiting (a non-blocking send; on a connection
  // whose send buffer has room, that is the whole message) and leaves in `buffers` what is left,
  // for async_write. Nearly every message goes out this way, without an asynchronous operation
  // (no completion through the scheduler, no suspended coroutine).
  template <std::size_t N>
  boost::system::error_code write_now(std::array<boost::asio::const_buffer, N>& buffers) {
    boost::system::error_code error;
    Socket& socket = state_->socket;
    if (!socket.non_blocking()) socket.non_blocking(true, error);
    if (error) return error;
    std::size_t written = socket.write_some(buffers, error);
    if (error == boost::asio::error::would_block) error = {};
    for (auto& buffer : buffers) {
      const std::size_t taken = written < buffer.size() ? written : buffer.size();
      buffer += taken;
      written -= taken;
    }
    return error;
  }

  // Whether nothing is left in `buffers` after write_now.
  template <std::size_t N>
  static bool all_written(const std::array<boost::asio::const_buffer, N>& buffers) {
    for (const auto& buffer : buffers) {
      if (buffer.size() > 0) return false;
    }
    return true;
  }

  // From the coarse clock (see core::coarse_steady_now): the deadline may fall up to one tick
  // (1-4 ms) early, which no timeout here is fine enough to notice.
  void expires_after(Clock::duration limit) { expires_at(core::coarse_steady_now() + limit); }
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
