// Reading the Cookie header and writing Set-Cookie values for the hosted UI's cookies.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "chassis/http/message.hpp"

namespace hotel::identity::api {

inline constexpr const char* kSessionCookie = "hotel_session";
inline constexpr const char* kCsrfCookie = "hotel_csrf";

// The value of cookie `name` (the first one), or nullopt.
std::optional<std::string> read_cookie(const http::Request& request, std::string_view name);

struct CookieOptions {
  std::chrono::seconds max_age{0};  // 0: a session cookie (gone when the browser closes)
  bool secure = false;
  std::string_view same_site = "Lax";
};

// "name=value; Path=/; HttpOnly; SameSite=...; [Max-Age=...;] [Secure]". Values are
// base64url tokens, which need no quoting.
std::string cookie_header(std::string_view name, std::string_view value,
                          const CookieOptions& options);
// Expires the cookie at once.
std::string clear_cookie_header(std::string_view name, bool secure);

}  // namespace hotel::identity::api
