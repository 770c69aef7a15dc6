// Answers in the OAuth 2.0 shapes: token responses and RFC 6749 section 5.2 errors
// {"error":"invalid_grant","error_description":"..."}, never cached.
#pragma once

#include <string_view>

#include <boost/json/object.hpp>

#include "chassis/http/message.hpp"

namespace hotel::identity::api {

// 200 (or `status`) with the JSON body and Cache-Control: no-store, Pragma: no-cache.
http::Response oauth_json(const boost::json::object& body, int status = 200);
// 400 for most errors; 401 for invalid_client (with a Basic challenge when the client tried
// Basic authentication).
http::Response oauth_error(int status, std::string_view error, std::string_view description);

}  // namespace hotel::identity::api
