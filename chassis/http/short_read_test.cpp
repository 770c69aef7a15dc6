// The short-read socket (chassis/http/short_read.hpp): after a read that did not fill its
// buffer, the next read waits for the socket's next readiness instead of trying at once. Nothing
// may be lost or stall for it: data that comes later, in pieces, just after a read, in the same
// instant as the read, or the end of the stream all reach the reader. Every wait here has a
// deadline, so that a read that would hang fails the test instead.
#include "chassis/http/short_read.hpp"

#include <gtest/gtest.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <random>
#include <string>
#include <thread>

namespace hotel::http {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

// A connected pair on loopback: `reader` (the short-read socket) on `io`, `writer` blocking.
struct Pair {
  asio::io_context io;
  ShortReadSocket reader{io.get_executor()};
  asio::io_context writer_io;
  tcp::socket writer{writer_io};

  Pair() {
    tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
    writer.connect(acceptor.local_endpoint());
    tcp::socket accepted(io);
    acceptor.accept(accepted);
    reader = ShortReadSocket(std::move(accepted));
    writer.set_option(tcp::no_delay(true));
  }
};

asio::awaitable<void> read_loop(ShortReadSocket& reader, std::size_t want, std::size_t read_size,
                                std::string& received, boost::system::error_code& last,
                                asio::steady_timer& deadline) {
  std::string buffer(read_size, '\0');
  while (received.size() < want) {
    auto [ec, bytes] = co_await reader.async_read_some_drained(asio::buffer(buffer),
                                                               asio::as_tuple(asio::use_awaitable));
    received.append(buffer.data(), bytes);
    if (ec) {
      last = ec;
      break;
    }
  }
  deadline.cancel();
}

// Reads until `want` bytes have come, or the stream ends, or `limit` passes (the socket is then
// closed and the read ends with an error); returns what was read.
std::string read_until(Pair& pair, std::size_t want, std::size_t read_size,
                       std::chrono::milliseconds limit, boost::system::error_code* last = nullptr) {
  std::string received;
  boost::system::error_code error;
  asio::steady_timer deadline(pair.io, limit);
  deadline.async_wait([&pair](boost::system::error_code ec) {
    if (!ec) pair.reader.close();
  });
  asio::co_spawn(pair.io, read_loop(pair.reader, want, read_size, received, error, deadline),
                 asio::detached);
  pair.io.run();
  pair.io.restart();
  if (last != nullptr) *last = error;
  return received;
}

TEST(ShortRead, DataAfterAShortReadStillArrives) {
  Pair pair;
  asio::write(pair.writer, asio::buffer(std::string("first")));
  EXPECT_EQ(read_until(pair, 5, 64, 5s), "first");  // a short read: the socket is drained
  std::thread later([&] {
    std::this_thread::sleep_for(50ms);
    asio::write(pair.writer, asio::buffer(std::string("second")));
  });
  EXPECT_EQ(read_until(pair, 6, 64, 5s), "second");
  later.join();
}

TEST(ShortRead, AFullReadLeavesTheRestForTheNextRead) {
  Pair pair;
  asio::write(pair.writer, asio::buffer(std::string("0123456789")));
  std::this_thread::sleep_for(20ms);
  EXPECT_EQ(read_until(pair, 4, 4, 5s), "0123");  // filled: not drained
  EXPECT_EQ(read_until(pair, 6, 4, 5s), "456789");
}

TEST(ShortRead, TheEndOfTheStreamAfterAShortReadIsReported) {
  Pair pair;
  asio::write(pair.writer, asio::buffer(std::string("bye")));
  EXPECT_EQ(read_until(pair, 3, 64, 5s), "bye");
  pair.writer.shutdown(tcp::socket::shutdown_send);
  boost::system::error_code last;
  EXPECT_EQ(read_until(pair, 1, 64, 5s, &last), "");
  EXPECT_EQ(last, asio::error::eof);
}

TEST(ShortRead, ClosingTheSocketEndsAWaitingRead) {
  Pair pair;
  asio::write(pair.writer, asio::buffer(std::string("x")));
  EXPECT_EQ(read_until(pair, 1, 64, 5s), "x");
  boost::system::error_code last;
  EXPECT_EQ(read_until(pair, 1, 64, 100ms, &last), "");  // nothing comes: the deadline closes
  EXPECT_EQ(last, asio::error::operation_aborted);
}

// A writer sending pieces at random moments (often just as the reader finishes a read) against
// a reader with a small and a large buffer: every byte arrives, in order, none late.
TEST(ShortRead, PiecesAtRandomMomentsAllArrive) {
  for (const std::size_t read_size : {std::size_t{7}, std::size_t{4096}}) {
    Pair pair;
    std::string sent;
    std::mt19937 random(read_size);
    for (int i = 0; i < 400; ++i) sent += std::to_string(random()) + ",";
    std::thread writer([&] {
      std::size_t at = 0;
      std::mt19937 pauses(1);
      while (at < sent.size()) {
        const std::size_t piece = std::min<std::size_t>(1 + pauses() % 40, sent.size() - at);
        asio::write(pair.writer, asio::buffer(sent.data() + at, piece));
        at += piece;
        if (pauses() % 3 == 0)
          std::this_thread::sleep_for(std::chrono::microseconds(pauses() % 200));
      }
    });
    EXPECT_EQ(read_until(pair, sent.size(), read_size, 20s), sent) << "read size " << read_size;
    writer.join();
  }
}

}  // namespace
}  // namespace hotel::http
