#include "services/identity/api/hosted_ui.hpp"

#include <gtest/gtest.h>

#include "services/identity/api/client_address.hpp"
#include "services/identity/api/cookies.hpp"
#include "services/identity/api/csrf.hpp"
#include "services/identity/api/html.hpp"

namespace hotel::identity::api {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kKey = "0123456789abcdef0123456789abcdef";

http::Request with_cookie(const std::string& cookie) {
  http::Request request;
  request.headers.set("Cookie", cookie);
  return request;
}

TEST(IdentityHtml, EscapesEverythingThatCouldLeaveTextOrAnAttribute) {
  EXPECT_EQ(escape("<a href=\"x\" onclick='y'>&</a>"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  const auto html = field({.label = "E-mail", .name = "email", .value = "\"><script>"});
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("value=\"&quot;&gt;&lt;script&gt;\""), std::string::npos);
}

TEST(IdentityHtml, PagesAreNeverCachedFramedOrScripted) {
  const auto page = html_page(200, "Sign <in>", "<p>x</p>");
  EXPECT_EQ(page.headers.get("Cache-Control"), "no-store");
  EXPECT_EQ(page.headers.get("X-Frame-Options"), "DENY");
  EXPECT_NE(page.headers.get("Content-Security-Policy")->find("default-src 'none'"),
            std::string::npos);
  EXPECT_NE(page.body.find("<title>Sign &lt;in&gt; · Hotel</title>"), std::string::npos);
}

TEST(IdentityCookies, ReadsOneCookieAmongSeveral) {
  const auto request = with_cookie("a=1; hotel_session=tok ; b=2");
  EXPECT_EQ(read_cookie(request, "hotel_session"), "tok");
  EXPECT_EQ(read_cookie(request, "b"), "2");
  EXPECT_FALSE(read_cookie(request, "hotel").has_value());
  EXPECT_FALSE(read_cookie(http::Request{}, "a").has_value());
}

TEST(IdentityCookies, SessionCookieIsHttpOnlyLaxAndSecureUnderHttps) {
  EXPECT_EQ(cookie_header("s", "v", {.max_age = 3600s, .secure = false}),
            "s=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600");
  EXPECT_EQ(cookie_header("s", "v", {.secure = true, .same_site = "Strict"}),
            "s=v; Path=/; HttpOnly; SameSite=Strict; Secure");
  EXPECT_EQ(clear_cookie_header("s", false), "s=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
}

TEST(IdentityCsrf, TheFormTokenMustBeTheKeyedHashOfTheCookie) {
  const auto fresh = csrf_token(http::Request{}, kKey);
  EXPECT_TRUE(fresh.new_cookie);
  const auto request = with_cookie(std::string(kCsrfCookie) + "=" + fresh.cookie_value);
  const auto again = csrf_token(request, kKey);
  EXPECT_FALSE(again.new_cookie);
  EXPECT_EQ(again.form_token, fresh.form_token);
  EXPECT_NE(fresh.form_token, fresh.cookie_value);

  EXPECT_TRUE(csrf_valid(request, *Form::parse("csrf=" + fresh.form_token), kKey));
  EXPECT_FALSE(csrf_valid(request, *Form::parse("csrf=" + fresh.cookie_value), kKey));
  EXPECT_FALSE(csrf_valid(request, *Form::parse("csrf="), kKey));
  EXPECT_FALSE(csrf_valid(request, Form{}, kKey));
  EXPECT_FALSE(csrf_valid(http::Request{}, *Form::parse("csrf=" + fresh.form_token), kKey));
  EXPECT_FALSE(csrf_valid(request, *Form::parse("csrf=" + fresh.form_token),
                          "another-key-of-32-bytes-xxxxxxxx"));
  const auto twice = "csrf=" + fresh.form_token + "&csrf=" + fresh.form_token;
  EXPECT_FALSE(csrf_valid(request, *Form::parse(twice), kKey));
}

TEST(IdentityClientAddress, ForwardedForIsBelievedOnlyFromATrustedProxy) {
  const std::vector<std::string> trusted{"127.0.0.1", "::1"};
  http::Request request;
  request.remote_address = "203.0.113.9";
  request.headers.set("X-Forwarded-For", "198.51.100.1");
  EXPECT_EQ(client_address(request, trusted), "203.0.113.9");

  request.remote_address = "127.0.0.1";
  EXPECT_EQ(client_address(request, trusted), "198.51.100.1");
  // A client's own X-Forwarded-For comes first; the gateway appends what it saw.
  request.headers.set("X-Forwarded-For", "10.9.9.9, 198.51.100.7, 127.0.0.1");
  EXPECT_EQ(client_address(request, trusted), "198.51.100.7");
  request.headers.set("X-Forwarded-For", "<script>");
  EXPECT_EQ(client_address(request, trusted), "127.0.0.1");
  request.headers.remove("X-Forwarded-For");
  EXPECT_EQ(client_address(request, trusted), "127.0.0.1");
}

TEST(IdentityHostedUi, MessagesForPeople) {
  EXPECT_EQ(duration_text(1s), "1 second");
  EXPECT_EQ(duration_text(59s), "59 seconds");
  EXPECT_EQ(duration_text(60s), "1 minute");
  EXPECT_EQ(duration_text(14min + 1s), "15 minutes");
  EXPECT_EQ(password_hint({}),
            "At least 8 characters with an upper-case letter, a lower-case letter, a digit and a "
            "symbol.");
  EXPECT_EQ(pool_error_text({application::UserPoolError::Kind::kWeakPassword, "password",
                             "password must have a digit"}),
            "Password must have a digit.");
  EXPECT_EQ(pool_error_text(
                {application::UserPoolError::Kind::kInvalidField, "given_name", "is required"}),
            "Given name is required.");
  EXPECT_EQ(notice_text("<script>"), "");
}

}  // namespace
}  // namespace hotel::identity::api
