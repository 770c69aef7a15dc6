// The fast head parser against Beast's: on every message the fast path takes, the outcome (start
// line, fields, framing, keep-alive, body, bytes used, error) must be Beast's own.
#include "chassis/http/head_parser.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "chassis/http/message_parser.hpp"

namespace hotel::http {
namespace {

struct Outcome {
  bool fast = false;
  std::string error;
  std::size_t used = 0;
  bool header_done = false;
  bool done = false;
  std::string method;
  std::string target;
  unsigned version = 0;
  int status = 0;
  std::vector<std::pair<std::string, std::string>> fields;
  std::string body;
  bool keep_alive = false;
  std::string content_length;
  bool chunked = false;

  bool operator==(const Outcome& other) const = default;
};

std::ostream& operator<<(std::ostream& out, const Outcome& o) {
  out << "{error=" << o.error << " used=" << o.used << " header=" << o.header_done
      << " done=" << o.done << " method=" << o.method << " target=" << o.target
      << " version=" << o.version << " status=" << o.status << " fields=" << o.fields.size()
      << " body=" << o.body.size() << " keep_alive=" << o.keep_alive
      << " length=" << o.content_length << " chunked=" << o.chunked << "}";
  return out;
}

struct Limits {
  std::uint32_t header = 8192;
  std::uint64_t body = 1 << 20;
  bool skip = false;
};

// Feeds `input` (all of it at once, then the end of the stream) as read_message does.
template <class Parser>
void drive(Parser& parser, const std::string& input, Outcome& out) {
  std::size_t at = 0;
  boost::beast::error_code ec;
  while (!parser.is_done()) {
    const std::size_t used =
        parser.put(boost::asio::const_buffer(input.data() + at, input.size() - at), ec);
    at += used;
    if (ec == boost::beast::http::error::need_more || (!ec && used == 0)) {
      ec = {};
      parser.put_eof(ec);
      break;
    }
    if (ec) break;
  }
  out.error = ec ? ec.message() : "";
  out.used = at;
  out.header_done = parser.is_header_done();
  out.done = parser.is_done();
  if (!out.header_done) return;
  out.keep_alive = parser.keep_alive();
  out.chunked = parser.chunked();
  if (parser.content_length()) out.content_length = std::to_string(*parser.content_length());
}

// The fields as name/value strings. Those a parser marked as checked must hold what the mark
// vouches for (a name, no CR, LF or NUL), for the head writer will not look at them again.
std::vector<std::pair<std::string, std::string>> field_list(const Headers& headers) {
  std::vector<std::pair<std::string, std::string>> list;
  for (std::size_t at = 0; at < headers.size(); ++at) {
    const auto [name, value] = headers.field(at);
    if (headers.checked(at)) {
      EXPECT_FALSE(name.empty());
      for (const std::string_view text : {name, value}) {
        EXPECT_EQ(text.find_first_of(std::string_view("\r\n\0", 3)), std::string_view::npos)
            << name;
      }
    }
    list.emplace_back(name, value);
  }
  return list;
}

template <bool IsRequest>
Outcome with_fast_path(const std::string& input, const Limits& limits) {
  Outcome out;
  Headers headers;
  MessageParser<IsRequest> parser(headers, out.body);
  parser.header_limit(limits.header);
  parser.body_limit(limits.body);
  if (limits.skip) parser.skip(true);
  drive(parser, input, out);
  out.fast = parser.fast_path();
  out.method = parser.method_text();
  out.target = parser.target();
  out.version = parser.version();
  out.status = parser.status();
  out.fields = field_list(headers);
  for (std::size_t at = 0; at < headers.size(); ++at) {
    EXPECT_EQ(headers.checked(at), out.fast) << "fields are marked when the fast path took them";
  }
  return out;
}

template <bool IsRequest>
Outcome beast_only(const std::string& input, const Limits& limits) {
  Outcome out;
  Headers headers;
  detail::StartLine line;
  detail::BeastParser<IsRequest> parser(line, headers, out.body);
  parser.header_limit(limits.header);
  parser.body_limit(limits.body);
  if (limits.skip) parser.skip(true);
  drive(parser, input, out);
  out.method = line.method_text;
  out.target = line.target;
  out.version = line.version;
  out.status = line.status;
  out.fields = field_list(headers);
  return out;
}

// The outcome with the fast path; fails the test when Beast's differs on a head it took.
template <bool IsRequest>
Outcome compare(const std::string& input, const Limits& limits = {}) {
  Outcome fast = with_fast_path<IsRequest>(input, limits);
  Outcome beast = beast_only<IsRequest>(input, limits);
  if (fast.fast) {
    beast.fast = true;
    EXPECT_EQ(fast, beast) << "input: " << ::testing::PrintToString(input);
  }
  return fast;
}

const std::string kToken(812, 'A');

std::string usual_request() {
  return "GET /v1/bookings?status=open HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
         "Authorization: Bearer " +
         kToken + "\r\nUser-Agent: test\r\nAccept: */*\r\n\r\n";
}

TEST(HeadParser, TakesUsualRequestsAndResponses) {
  const Outcome get = compare<true>(usual_request());
  EXPECT_TRUE(get.fast);
  EXPECT_EQ(get.method, "GET");
  EXPECT_EQ(get.target, "/v1/bookings?status=open");
  ASSERT_EQ(get.fields.size(), 4U);
  EXPECT_EQ(get.fields[1].second, "Bearer " + kToken);
  EXPECT_TRUE(get.keep_alive);
  EXPECT_TRUE(get.done);

  const std::string pipelined =
      "POST /v1/bookings HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 7\r\n"
      "Connection: close\r\n\r\n{\"a\":1}GET / HTTP/1.1\r\n\r\n";
  const Outcome post = compare<true>(pipelined);
  EXPECT_TRUE(post.fast);
  EXPECT_EQ(post.body, "{\"a\":1}");
  EXPECT_FALSE(post.keep_alive);
  EXPECT_EQ(post.used, pipelined.find("GET"));  // the pipelined request stays unread

  const Outcome ok = compare<false>(
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");
  EXPECT_TRUE(ok.fast);
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "hello");
  EXPECT_TRUE(compare<false>("HTTP/1.1 204 No Content\r\n\r\n").fast);
  EXPECT_TRUE(compare<false>("HTTP/1.1 304 \r\nContent-Length: 10\r\n\r\n").fast);
  Limits head;
  head.skip = true;
  EXPECT_TRUE(compare<false>("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", head).fast);
  EXPECT_TRUE(compare<true>("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keep_alive);
  EXPECT_FALSE(compare<true>("GET / HTTP/1.0\r\n\r\n").keep_alive);
  // A value with tabs and trailing blanks.
  EXPECT_EQ(compare<true>("GET / HTTP/1.1\r\nX-A:\t a\tb  \t\r\n\r\n").fields.at(0).second, "a\tb");
}

TEST(HeadParser, LeavesUnusualFormsToBeast) {
  for (const std::string input : {
           "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
           "GET / HTTP/1.1\r\nX-A: a\r\n b\r\n\r\n",  // folded
           "GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n",
           "POST / HTTP/1.1\r\nContent-Length: 3, 3\r\n\r\nabc",
           "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
           "GET / HTTP/1.1\r\nConnection: keep-alive, close\r\n\r\n", "GET / HTTP/2.0\r\n\r\n",
           "GET / HTTP/1.1\r\nX-A: a\rb\r\n\r\n", "GET / HTTP/1.1\r\nX A: a\r\n\r\n",
           "GET /\x7f HTTP/1.1\r\n\r\n",
           "GET / HTTP/1.1\r\nHost: x\r\n",  // not whole yet
       }) {
    EXPECT_FALSE(compare<true>(input).fast) << input;
  }
  EXPECT_FALSE(compare<false>("HTTP/1.1 200 OK\r\n\r\nto the end").fast);
  EXPECT_FALSE(
      compare<false>("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n").fast);
  // Longer than the header limit: Beast's error.
  Limits small;
  small.header = 64;
  const Outcome big = compare<true>(usual_request(), small);
  EXPECT_FALSE(big.fast);
  EXPECT_EQ(big.error, beast_only<true>(usual_request(), small).error);
}

TEST(HeadParser, BodyLimitsAndShortBodiesAsBeast) {
  Limits small;
  small.body = 4;
  // Over the limit: Beast's error, from Beast.
  EXPECT_FALSE(compare<true>("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello", small).fast);
  EXPECT_FALSE(compare<false>("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", small).fast);
  EXPECT_TRUE(compare<true>("POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nhell", small).fast);
  const Outcome cut = compare<true>("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nhello");
  EXPECT_TRUE(cut.fast);
  EXPECT_FALSE(cut.error.empty());
}

// A head as long as the header limit, one character either side of it: Beast's answer each time.
TEST(HeadParser, HeaderLimitAtItsEdgeAsBeast) {
  const std::string request = usual_request();
  const std::string response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi";
  const auto request_head = static_cast<std::uint32_t>(request.size());
  const auto response_head = static_cast<std::uint32_t>(response.size() - 2);
  for (std::uint32_t delta = 0; delta <= 4; ++delta) {
    Limits limits;
    limits.header = request_head + delta - 2;
    const Outcome out = compare<true>(request, limits);
    EXPECT_EQ(out.error, beast_only<true>(request, limits).error) << limits.header;
    EXPECT_EQ(out.fast, delta >= 2) << limits.header;
    limits.header = response_head + delta - 2;
    EXPECT_EQ(compare<false>(response, limits).error, beast_only<false>(response, limits).error)
        << limits.header;
  }
}

// Every byte value in each part of a request and a response (the value is long enough to be
// scanned sixteen, eight and one characters at a time).
TEST(HeadParser, EveryByteInEveryPartAsBeast) {
  const std::string value = "some value, long enough for every scan 0123456789";
  const std::string request =
      "GET /a?b=c HTTP/1.1\r\nX-Name: " + value + "\r\nContent-Length: 2\r\n\r\nhi";
  const std::string response =
      "HTTP/1.1 200 OK\r\nX-Name: " + value + "\r\nContent-Length: 2\r\n\r\nhi";
  int fast = 0;
  for (std::size_t at = 0; at + 6 < request.size(); ++at) {
    for (int byte = 0; byte < 256; ++byte) {
      std::string changed = request;
      changed[at] = static_cast<char>(byte);
      fast += compare<true>(changed).fast ? 1 : 0;
      changed = response.substr(0, std::min(at, response.size() - 1));
      changed += static_cast<char>(byte);
      changed += response.substr(changed.size());
      fast += compare<false>(changed).fast ? 1 : 0;
    }
  }
  EXPECT_GT(fast, 1000);  // the comparison is not vacuous
}

// Generated heads, then mutated: a byte changed, inserted, deleted or a piece repeated.
TEST(HeadParser, MutatedHeadsAsBeast) {
  std::mt19937 random(20261125);
  const std::vector<std::string> pieces = {"GET",
                                           "POST",
                                           " ",
                                           "/",
                                           "/v1/x?y=z",
                                           "HTTP/1.1",
                                           "HTTP/1.0",
                                           "\r\n",
                                           "\r",
                                           "\n",
                                           ":",
                                           ": ",
                                           "\t",
                                           "Host",
                                           "Content-Length",
                                           "content-length",
                                           "Connection",
                                           "close",
                                           "keep-alive",
                                           "Transfer-Encoding",
                                           "chunked",
                                           "Upgrade",
                                           "Proxy-Connection",
                                           "0",
                                           "5",
                                           "12",
                                           "99999999999999999999",
                                           "X-A",
                                           "value",
                                           "a b",
                                           "\x80\xff",
                                           "\x7f",
                                           std::string(1, '\0'),
                                           "HTTP/1.1 200 OK",
                                           "HTTP/1.1 204 X",
                                           "HTTP/1.0 304 Y",
                                           ",",
                                           "hello world"};
  int fast_requests = 0;
  int fast_responses = 0;
  for (int round = 0; round < 20000; ++round) {
    const bool request = round % 2 == 0;
    std::string text = request ? "POST /p HTTP/1.1\r\n" : "HTTP/1.1 200 OK\r\n";
    const int fields = static_cast<int>(random() % 5);
    for (int i = 0; i < fields; ++i) {
      switch (random() % 4) {
        case 0:
          text += "Content-Length: " + std::to_string(random() % 8) + "\r\n";
          break;
        case 1:
          text += random() % 2 ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
          break;
        default:
          text += "X-F" + std::to_string(i) + ": v" + std::string(random() % 20, 'q') + "\r\n";
      }
    }
    text += "\r\nabcdefghij";
    const int mutations = static_cast<int>(random() % 3);
    for (int i = 0; i < mutations; ++i) {
      const std::size_t at = random() % text.size();
      switch (random() % 4) {
        case 0:
          text[at] = static_cast<char>(random() % 256);
          break;
        case 1:
          text.insert(at, pieces[random() % pieces.size()]);
          break;
        case 2:
          text.erase(at, 1 + random() % 3);
          break;
        default:
          text.insert(at, text.substr(at, random() % 12));
      }
    }
    const Outcome out = request ? compare<true>(text) : compare<false>(text);
    (request ? fast_requests : fast_responses) += out.fast ? 1 : 0;
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GT(fast_requests, 1000);  // not vacuous: a good part of them took the fast path
  EXPECT_GT(fast_responses, 1000);
}

}  // namespace
}  // namespace hotel::http
