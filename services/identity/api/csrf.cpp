#include "services/identity/api/csrf.hpp"

#include "services/identity/api/cookies.hpp"
#include "services/identity/domain/crypto.hpp"

namespace hotel::identity::api {
namespace {

constexpr std::size_t kTokenLength = 43;  // 32 random bytes in base64url

bool well_formed(std::string_view value) {
  if (value.size() != kTokenLength) return false;
  for (const char ch : value) {
    const bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
    if (!ok) return false;
  }
  return true;
}

std::string sign(std::string_view key, std::string_view value) {
  return domain::keyed_hash_hex(key, "csrf:" + std::string(value));
}

}  // namespace

CsrfToken csrf_token(const http::Request& request, std::string_view key) {
  CsrfToken token;
  const auto existing = read_cookie(request, kCsrfCookie);
  if (existing && well_formed(*existing)) {
    token.cookie_value = *existing;
  } else {
    token.cookie_value = domain::random_token();
    token.new_cookie = true;
  }
  token.form_token = sign(key, token.cookie_value);
  return token;
}

bool csrf_valid(const http::Request& request, const Form& form, std::string_view key) {
  const auto cookie = read_cookie(request, kCsrfCookie);
  const auto presented = form.get(kCsrfField);
  if (!cookie || !well_formed(*cookie) || !presented || form.repeated(kCsrfField)) return false;
  return domain::constant_time_equal(sign(key, *cookie), *presented);
}

void set_csrf_cookie(http::Response& response, const CsrfToken& token, bool secure) {
  if (!token.new_cookie) return;
  response.headers.add("Set-Cookie", cookie_header(kCsrfCookie, token.cookie_value,
                                                   {.secure = secure, .same_site = "Strict"}));
}

}  // namespace hotel::identity::api
