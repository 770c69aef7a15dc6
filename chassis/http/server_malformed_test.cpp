// Hostile and broken input: every case gets a 4xx (or a silent close when the peer stopped
// talking), never a 5xx, and the server keeps serving.
#include <gtest/gtest.h>

#include <array>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <random>
#include <thread>

#include "chassis/http/json.hpp"
#include "chassis/http/server.hpp"
#include "chassis/http/testing/test_server.hpp"

namespace hotel::http {
namespace {

using testing::fetch;
using testing::raw_exchange;
using testing::raw_status;
using testing::TestServer;

Router echo_router() {
  Router router;
  router.get("/ok", [](Request&) -> Task<Response> { co_return Response::json(200, "{}"); });
  router.post(
      "/echo",
      [](Request& r) -> Task<Response> { co_return json_response(200, parse_json_object(r)); },
      RoutePolicy{.body_limit = 4096});
  return router;
}

void expect_client_error_or_close(const std::string& response, const std::string& what) {
  int status = raw_status(response);
  if (response.empty()) return;  // closed without answering: acceptable for a vanished peer
  EXPECT_GE(status, 400) << what << "\n" << response;
  EXPECT_LT(status, 500) << what << "\n" << response;
}

TEST(ServerMalformed, BrokenRequestLines) {
  TestServer ts(echo_router());
  const std::vector<std::string> cases = {
      "GARBAGE\r\n\r\n",
      "GET\r\n\r\n",
      "GET /ok\r\n\r\n",
      "GET /ok HTTP/9.9\r\nHost: x\r\n\r\n",
      "GET /ok HTTP/1.1\r\nHost x\r\n\r\n",
      "GET /o k HTTP/1.1\r\nHost: x\r\n\r\n",
      "G\x01T /ok HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /ok HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
      "GET /ok HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n",
      "GET %zz HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET http://[::1 HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
  };
  for (const auto& c : cases) expect_client_error_or_close(raw_exchange(ts.port(), c), c);
  EXPECT_EQ(fetch(ts.port(), "GET", "/ok").status, 200);
}

TEST(ServerMalformed, HugeHeadersAre431) {
  TestServer ts(echo_router());
  std::string request =
      "GET /ok HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(std::size_t{64} * 1024, 'a') +
      "\r\n\r\n";
  auto out = raw_exchange(ts.port(), request);
  EXPECT_EQ(raw_status(out), 431);
  std::string many = "GET /ok HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 2000; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(raw_status(raw_exchange(ts.port(), many + "\r\n")), 431);
  EXPECT_EQ(fetch(ts.port(), "GET", "/ok").status, 200);
}

TEST(ServerMalformed, OversizeAndTruncatedBodies) {
  TestServer ts(echo_router());
  // Declared too large: refused before reading.
  auto declared = raw_exchange(ts.port(),
                               "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                               "\r\nContent-Length: 999999999\r\n\r\n{}");
  EXPECT_EQ(raw_status(declared), 413);
  // Chunked past the limit: refused while reading.
  std::string chunked =
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 10; ++i) chunked += "400\r\n" + std::string(1024, ' ') + "\r\n";
  chunked += "0\r\n\r\n";
  EXPECT_EQ(raw_status(raw_exchange(ts.port(), chunked)), 413);
  // Truncated: the peer half-closes before the body is complete.
  auto truncated = raw_exchange(ts.port(),
                                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                "application/json\r\nContent-Length: 100\r\n\r\n{\"a\":");
  expect_client_error_or_close(truncated, "truncated");
  EXPECT_EQ(fetch(ts.port(), "GET", "/ok").status, 200);
}

// A client still sending a body the server refused gets the 413: the server reads and drops what
// still comes before it closes, instead of resetting the connection under the client's writes
// (which then fail, and the answer is never read).
TEST(ServerMalformed, RefusedBodyStillBeingSentGetsTheAnswer) {
  TestServer ts(echo_router());
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), ts.port()});
  const std::string head =
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 8000000\r\n\r\n";
  boost::system::error_code ec;
  boost::asio::write(socket, boost::asio::buffer(head), ec);
  ASSERT_FALSE(ec) << ec.message();
  const std::string piece(std::size_t{64} * 1024, 'x');
  for (int i = 0; i < 8 && !ec; ++i) {  // 512 KiB over ~160 ms: the answer comes meanwhile
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    boost::asio::write(socket, boost::asio::buffer(piece), ec);
  }
  EXPECT_FALSE(ec) << "the server reset the connection: " << ec.message();
  socket.shutdown(boost::asio::ip::tcp::socket::shutdown_send, ec);
  std::string answer;
  std::array<char, 4096> chunk{};
  for (;;) {
    const std::size_t n = socket.read_some(boost::asio::buffer(chunk), ec);
    answer.append(chunk.data(), n);
    if (ec) break;
  }
  EXPECT_EQ(ec, boost::asio::error::eof);
  EXPECT_EQ(raw_status(answer), 413);
}

TEST(ServerMalformed, InvalidJsonAndUtf8) {
  TestServer ts(echo_router());
  std::vector<std::pair<std::string, std::string>> json{{"Content-Type", "application/json"}};
  for (const std::string& body :
       {std::string("{"), std::string("{\"a\":}"), std::string("nul"),
        std::string("{\"a\":\"\xc3\x28\"}"), std::string("{\"\xed\xa0\x80\":1}"),
        std::string("\xef\xbb\xbf{}x"), std::string(3000, '[')}) {
    auto res = fetch(ts.port(), "POST", "/echo", body, json);
    EXPECT_EQ(res.status, 400) << body;
    EXPECT_NE(res.body.find("\"field\":\"body\""), std::string::npos) << res.body;
  }
  EXPECT_EQ(fetch(ts.port(), "GET", "/ok").status, 200);
}

// The service's decorator reaches the answers the server makes before any route runs, and each
// of them carries an X-Request-Id.
TEST(ServerMalformed, DecoratorAndRequestIdReachPreRoutingErrors) {
  ServerOptions options;
  options.decorate = [](const Request& request, Response& response) {
    response.headers.set("X-Decorated", request.headers.get_or("Origin", "none"));
  };
  TestServer ts(echo_router(), {}, options);
  const std::vector<std::pair<std::string, int>> cases = {
      {"GARBAGE\r\n\r\n", 400},
      {"GET /ok HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(std::size_t{64} * 1024, 'a') +
           "\r\n\r\n",
       431},
      {"POST /echo HTTP/1.1\r\nHost: x\r\nOrigin: https://a.example\r\n"
       "Content-Length: 999999999\r\n\r\n{}",
       413},
      {"GET %zz HTTP/1.1\r\nHost: x\r\nOrigin: https://a.example\r\n\r\n", 400},
      {"GET /missing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404},
      {"DELETE /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405},
  };
  for (const auto& [request, status] : cases) {
    const auto out = raw_exchange(ts.port(), request);
    EXPECT_EQ(raw_status(out), status) << out;
    EXPECT_NE(out.find("\r\nX-Decorated: "), std::string::npos) << out;
    EXPECT_NE(out.find("\r\nX-Request-Id: "), std::string::npos) << out;
  }
  // What the request said is known to the decorator once its header was read.
  const auto known = raw_exchange(ts.port(), cases[2].first);
  EXPECT_NE(known.find("X-Decorated: https://a.example"), std::string::npos) << known;
  const auto ok = fetch(ts.port(), "GET", "/ok");
  EXPECT_EQ(ok.header("X-Decorated"), "none");
}

// Random mutations of a valid request: a seeded fuzz loop, bounded in count.
TEST(ServerMalformed, RandomMutationsNeverYield5xx) {
  TestServer ts(echo_router());
  const std::string valid =
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 13\r\n\r\n{\"k\":\"value\"}";
  std::mt19937 rng(20261124);
  for (int i = 0; i < 300; ++i) {
    std::string mutated = valid;
    int edits = 1 + static_cast<int>(rng() % 6);
    for (int e = 0; e < edits; ++e) {
      auto pos = rng() % mutated.size();
      switch (rng() % 4) {
        case 0:
          mutated[pos] = static_cast<char>(rng() % 256);
          break;
        case 1:
          mutated.erase(pos, 1 + rng() % 4);
          break;
        case 2:
          mutated.insert(pos, std::string(1 + rng() % 8, static_cast<char>(rng() % 256)));
          break;
        default:
          mutated.insert(pos, "\r\n");
          break;
      }
      if (mutated.empty()) mutated = "x";
    }
    auto out = raw_exchange(ts.port(), mutated, 3000);
    int status = raw_status(out);
    EXPECT_TRUE(status == 0 || status < 500) << "case " << i << ": " << out;
  }
  EXPECT_EQ(fetch(ts.port(), "GET", "/ok").status, 200);
}

}  // namespace
}  // namespace hotel::http
