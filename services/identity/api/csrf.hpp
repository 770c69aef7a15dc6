// CSRF protection for the hosted UI's forms (signed double submit): a random value in an
// HttpOnly SameSite=Strict cookie, and in every form a token that is the keyed hash of that
// value. A POST is accepted only when its `csrf` field is the keyed hash of its cookie, which a
// page on another site can neither read nor make.
#pragma once

#include <string>
#include <string_view>

#include "chassis/http/message.hpp"
#include "services/identity/api/form.hpp"

namespace hotel::identity::api {

inline constexpr const char* kCsrfField = "csrf";

struct CsrfToken {
  std::string cookie_value;  // to set when `new_cookie`
  std::string form_token;    // for the form's hidden field
  bool new_cookie = false;
};

// The request's CSRF cookie when it has a well-formed one, else a new one.
CsrfToken csrf_token(const http::Request& request, std::string_view key);
// Whether the form's token matches the request's cookie (constant time).
bool csrf_valid(const http::Request& request, const Form& form, std::string_view key);
// Adds the Set-Cookie for a new token (nothing when the cookie is already there).
void set_csrf_cookie(http::Response& response, const CsrfToken& token, bool secure);

}  // namespace hotel::identity::api
