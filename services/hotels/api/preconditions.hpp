// Optimistic concurrency over HTTP: a hotel's ETag is its version ("\"7\""), and changes carry
// If-Match with the version the client read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "chassis/http/message.hpp"

namespace hotel::hotels::api {

std::string etag_of_version(std::int64_t version);

// The version named by an If-Match value: one strong entity tag "N". Weak tags, lists and "*"
// are refused (BadRequest naming If-Match): a change must say which version it read.
std::int64_t parse_if_match(std::string_view value);

// If-Match is required: 428 when it is missing.
std::int64_t required_version(const http::Request& request);
// If-Match is optional (photo changes): nullopt when missing.
std::optional<std::int64_t> optional_version(const http::Request& request);

}  // namespace hotel::hotels::api
