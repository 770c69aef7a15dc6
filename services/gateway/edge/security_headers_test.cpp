#include "services/gateway/edge/security_headers.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace hotel::gateway::edge {
namespace {

using FieldList = std::vector<std::pair<std::string, std::string>>;

constexpr const char* kHtmlCsp = "default-src 'self'; img-src 'self' data:";

SecurityOptions options(std::chrono::seconds hsts = std::chrono::seconds(0)) {
  return SecurityOptions{kHtmlCsp, hsts};
}

http::Response answer(const FieldList& fields) {
  http::Response response;
  for (const auto& [name, value] : fields) response.headers.add(name, value);
  return response;
}

FieldList list_of(const http::Headers& headers) {
  FieldList list;
  for (const auto& [name, value] : headers.fields()) list.emplace_back(name, value);
  return list;
}

TEST(SecurityHeaders, AnApiAnswerGetsEveryFieldCheckedOnce) {
  const SecurityHeaders security(options());
  http::Response response = answer({{"Content-Type", "application/json"}});
  security.add(response, false);
  EXPECT_EQ(list_of(response.headers), (FieldList{{"Content-Type", "application/json"},
                                                  {"X-Content-Type-Options", "nosniff"},
                                                  {"X-Frame-Options", "DENY"},
                                                  {"Referrer-Policy", "no-referrer"},
                                                  {"Content-Security-Policy", kApiCsp}}));
  for (std::size_t at = 1; at < response.headers.size(); ++at) {
    EXPECT_TRUE(response.headers.checked(at)) << at;  // the head writer need not look again
  }
}

TEST(SecurityHeaders, ReplacesTheUpstreamsFramingAndSniffingFields) {
  const SecurityHeaders security(options());
  http::Response response = answer({{"x-frame-options", "ALLOWALL"},
                                    {"X-Content-Type-Options", "sniff"},
                                    {"X-Frame-Options", "SAMEORIGIN"},
                                    {"Content-Type", "application/json"}});
  security.add(response, false);
  EXPECT_EQ(response.headers.find("X-Frame-Options"), "DENY");
  EXPECT_EQ(response.headers.find("X-Content-Type-Options"), "nosniff");
  std::size_t framing = 0;
  for (const auto& [name, value] : response.headers.fields()) {
    framing += http::ascii_iequals(name, "X-Frame-Options") ? 1 : 0;
  }
  EXPECT_EQ(framing, 1U);
}

TEST(SecurityHeaders, KeepsTheUpstreamsOwnPolicies) {
  const SecurityHeaders security(options());
  http::Response response = answer(
      {{"referrer-policy", "same-origin"}, {"Content-Security-Policy", "default-src 'self'"}});
  security.add(response, false);
  EXPECT_EQ(list_of(response.headers), (FieldList{{"referrer-policy", "same-origin"},
                                                  {"Content-Security-Policy", "default-src 'self'"},
                                                  {"X-Content-Type-Options", "nosniff"},
                                                  {"X-Frame-Options", "DENY"}}));

  http::Response csp_only = answer({{"Content-Security-Policy", "default-src 'self'"}});
  security.add(csp_only, false);
  EXPECT_EQ(csp_only.headers.find("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(csp_only.headers.find("Content-Security-Policy"), "default-src 'self'");
}

TEST(SecurityHeaders, HtmlPagesGetTheUisPolicy) {
  const SecurityHeaders security(options());
  for (const char* type : {"text/html", "text/html; charset=utf-8", "TEXT/HTML"}) {
    http::Response response = answer({{"Content-Type", type}});
    security.add(response, false);
    EXPECT_EQ(response.headers.find("Content-Security-Policy"), kHtmlCsp) << type;
    EXPECT_EQ(response.headers.find("Referrer-Policy"), "no-referrer") << type;
  }
  http::Response text = answer({{"Content-Type", "text/plain"}});
  security.add(text, false);
  EXPECT_EQ(text.headers.find("Content-Security-Policy"), kApiCsp);
}

TEST(SecurityHeaders, HstsOnlyOverTlsAndWhenConfigured) {
  const SecurityHeaders with_hsts(options(std::chrono::seconds(3600)));
  http::Response plain = answer({});
  with_hsts.add(plain, false);
  EXPECT_FALSE(plain.headers.has("Strict-Transport-Security"));

  http::Response tls = answer({{"Strict-Transport-Security", "max-age=1"}});
  with_hsts.add(tls, true);
  EXPECT_EQ(list_of(tls.headers).back(),
            (std::pair<std::string, std::string>{"Strict-Transport-Security",
                                                 "max-age=3600; includeSubDomains"}));
  EXPECT_EQ(tls.headers.find("Strict-Transport-Security"), "max-age=3600; includeSubDomains");

  const SecurityHeaders without(options());
  http::Response unconfigured = answer({});
  without.add(unconfigured, true);
  EXPECT_FALSE(unconfigured.headers.has("Strict-Transport-Security"));
}

TEST(SecurityHeaders, AConfiguredPolicyThatWouldSplitTheHeadIsRefused) {
  EXPECT_THROW(SecurityHeaders(SecurityOptions{"default-src 'self'\r\nX-Evil: 1", {}}),
               std::invalid_argument);
}

}  // namespace
}  // namespace hotel::gateway::edge
