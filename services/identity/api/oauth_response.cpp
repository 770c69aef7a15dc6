#include "services/identity/api/oauth_response.hpp"

#include <boost/json/serialize.hpp>

namespace hotel::identity::api {

http::Response oauth_json(const boost::json::object& body, int status) {
  auto response = http::Response::json(status, boost::json::serialize(body));
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("Pragma", "no-cache");
  return response;
}

http::Response oauth_error(int status, std::string_view error, std::string_view description) {
  return oauth_json({{"error", error}, {"error_description", description}}, status);
}

}  // namespace hotel::identity::api
