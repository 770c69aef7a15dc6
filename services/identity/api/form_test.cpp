#include "services/identity/api/form.hpp"

#include <gtest/gtest.h>

#include "services/identity/api/authorize_params.hpp"

namespace hotel::identity::api {
namespace {

TEST(IdentityForm, DecodesPlusAndPercentAndSpotsRepeats) {
  const auto form = Form::parse("a=1+2&b=%C3%A9%26x&a=3&empty=&=skipped");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->value("a"), "1 2");
  EXPECT_EQ(form->value("b"), "\xC3\xA9&x");
  EXPECT_EQ(form->get("empty"), "");
  EXPECT_FALSE(form->get("missing").has_value());
  EXPECT_TRUE(form->repeated("a"));
  EXPECT_FALSE(form->repeated("b"));
  EXPECT_EQ(form->first_repeated(), "a");
  EXPECT_FALSE(Form::parse("a=%zz").has_value());
}

TEST(IdentityForm, EncodesEverythingButUnreservedCharacters) {
  EXPECT_EQ(url_encode("a b&c=d/é~._-"), "a%20b%26c%3Dd%2F%C3%A9~._-");
}

TEST(IdentityForm, ContentTypeDecidesWhatIsAForm) {
  http::Request request;
  request.headers.set("Content-Type", "Application/X-WWW-Form-Urlencoded; charset=UTF-8");
  EXPECT_TRUE(is_form_encoded(request));
  request.headers.set("Content-Type", "application/json");
  EXPECT_FALSE(is_form_encoded(request));
}

TEST(IdentityAuthorizeParams, CarryTheRequestFromPageToPage) {
  const auto form = Form::parse(
      "response_type=code&client_id=hotel-web&redirect_uri=http%3A%2F%2Fx%2Fcb&state=a%20b"
      "&nonce=n&code_challenge=c&code_challenge_method=S256&prompt=login&other=1");
  const auto params = AuthorizeParams::from(*form);
  EXPECT_FALSE(params.empty());
  EXPECT_EQ(params.prompt, "login");
  EXPECT_EQ(params.query(),
            "response_type=code&client_id=hotel-web&redirect_uri=http%3A%2F%2Fx%2Fcb&state=a%20b"
            "&nonce=n&code_challenge=c&code_challenge_method=S256");
  EXPECT_EQ(params.link("/confirm", {{"email", "a@b.test"}}),
            "/confirm?" + params.query() + "&email=a%40b.test");
  EXPECT_TRUE(AuthorizeParams{}.empty());
  EXPECT_EQ(AuthorizeParams{}.link("/login", {{"notice", "reset"}}), "/login?notice=reset");
}

TEST(IdentityAuthorizeParams, RedirectsKeepTheRegisteredQuery) {
  EXPECT_EQ(redirect_uri_with("http://x/cb", {{"code", "c1"}, {"state", "s&1"}}),
            "http://x/cb?code=c1&state=s%261");
  EXPECT_EQ(redirect_uri_with("http://x/cb?app=1", {{"code", "c1"}, {"state", ""}}),
            "http://x/cb?app=1&code=c1");
  EXPECT_EQ(redirect_uri_with("http://x/cb", {{"access_token", "t"}}, true),
            "http://x/cb#access_token=t");
}

}  // namespace
}  // namespace hotel::identity::api
