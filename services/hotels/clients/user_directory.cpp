#include "services/hotels/clients/user_directory.hpp"

#include <boost/json/parse.hpp>
#include <cctype>

#include "chassis/http/client.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/http/upstream.hpp"

namespace hotel::hotels::clients {
namespace {

constexpr int kRetryAfterSeconds = 5;

// Percent-encodes everything but RFC 3986's unreserved characters, for one path segment.
std::string path_segment(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    }
  }
  return out;
}

ManagerStatus status_of(const std::string& body) {
  boost::system::error_code ec;
  const auto json = boost::json::parse(body, ec);
  if (ec || !json.is_object()) {
    throw http::Unavailable(kRetryAfterSeconds, "the identity service answered unreadably");
  }
  const auto& user = json.as_object();
  const auto* enabled = user.if_contains("enabled");
  if (enabled != nullptr && enabled->is_bool() && !enabled->as_bool()) {
    return ManagerStatus::kNotManager;
  }
  if (const auto* groups = user.if_contains("groups"); groups != nullptr && groups->is_array()) {
    for (const auto& group : groups->as_array()) {
      if (group.is_string() && group.as_string() == "HotelManager") return ManagerStatus::kManager;
    }
  }
  return ManagerStatus::kNotManager;
}

}  // namespace

IdentityUserDirectory::IdentityUserDirectory(const discovery::Resolver& resolver,
                                             http::HttpClient& client)
    : identity_(std::make_unique<http::Upstream>("identity", resolver, client)) {}

IdentityUserDirectory::~IdentityUserDirectory() = default;

http::Task<ManagerStatus> IdentityUserDirectory::manager_status(const std::string& user_id,
                                                                const http::Request& caller) {
  http::Request request;
  request.method = http::Method::kGet;
  request.target = "/v1/users/" + path_segment(user_id);
  request.headers.set("Accept", "application/json");
  if (auto authorization = caller.headers.get("Authorization")) {
    request.headers.set("Authorization", *authorization);
  }
  http::CallOptions options;
  options.context = &caller.context;
  http::Response response;
  try {
    response = co_await identity_->send(std::move(request), options);
  } catch (const http::HttpError&) {
    throw;
  } catch (const std::exception&) {
    throw http::Unavailable(kRetryAfterSeconds, "the identity service cannot be reached");
  }
  if (response.status == 200) co_return status_of(response.body);
  if (response.status == 404) co_return ManagerStatus::kUnknown;
  throw http::Unavailable(
      kRetryAfterSeconds,
      "the identity service answered " + std::to_string(response.status) + " to a user lookup");
}

}  // namespace hotel::hotels::clients
