// The server's deadlines (one watchdog per connection, chassis/http/timed_socket.hpp): a peer
// that stops sending a header or a body, or keeps an idle keep-alive connection, is cut off; a
// connection whose deadline keeps moving later is not.
#include <gtest/gtest.h>

#include "chassis/http/server.hpp"
#include "chassis/http/testing/test_server.hpp"

namespace hotel::http {
namespace {

using std::chrono::milliseconds;
using testing::closes_within;
using testing::keep_alive_statuses;
using testing::TestServer;

Router router() {
  Router r;
  r.get("/ok", [](Request&) -> Task<Response> { co_return Response::json(200, "{}"); });
  r.post("/echo",
         [](Request& request) -> Task<Response> { co_return Response::text(200, request.body); });
  return r;
}

ServerOptions short_deadlines() {
  ServerOptions options;
  options.header_timeout = milliseconds(300);
  options.body_timeout = milliseconds(300);
  options.idle_timeout = milliseconds(300);
  return options;
}

// Generous against a loaded machine: the server must close long before the peer gives up.
constexpr int kPeerPatienceMs = 10'000;

TEST(ServerTimeouts, AHeaderNeverFinishedIsCutOff) {
  TestServer ts(router(), {}, short_deadlines());
  std::string received;
  EXPECT_TRUE(
      closes_within(ts.port(), "GET /ok HTTP/1.1\r\nHost: x\r\n", kPeerPatienceMs, &received));
  EXPECT_EQ(received, "");  // nothing to answer: the request never arrived whole
}

TEST(ServerTimeouts, ABodyNeverFinishedIsCutOff) {
  TestServer ts(router(), {}, short_deadlines());
  EXPECT_TRUE(closes_within(ts.port(),
                            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc",
                            kPeerPatienceMs));
}

TEST(ServerTimeouts, AnIdleKeepAliveConnectionIsClosedAfterItsAnswer) {
  TestServer ts(router(), {}, short_deadlines());
  std::string received;
  EXPECT_TRUE(
      closes_within(ts.port(), "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n", kPeerPatienceMs, &received));
  EXPECT_EQ(testing::raw_status(received), 200);
}

TEST(ServerTimeouts, ADeadlineThatKeepsMovingLaterDoesNotCutTheConnection) {
  ServerOptions options;
  options.idle_timeout = milliseconds(1'500);
  TestServer ts(router(), {}, options);
  // Eight requests 300 ms apart: the connection lives past its first idle deadline because
  // every request moves it.
  EXPECT_EQ(keep_alive_statuses(ts.port(), "/ok", 8, 300), std::vector<int>(8, 200));
}

}  // namespace
}  // namespace hotel::http
