#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>

#include "chassis/http/errors.hpp"
#include "chassis/observe/utf8.hpp"
#include "services/search/api/routes.hpp"

namespace hotel::search::api {
namespace {

constexpr std::size_t kMaxParameters = 32;

}  // namespace

domain::QueryParams query_params(const http::Request& request) {
  domain::QueryParams out;
  if (request.query.empty()) return out;
  if (!boost::urls::parse_query(request.query)) {
    throw http::BadRequest("query", "is not a valid query string");
  }
  const boost::urls::params_view params(request.query, boost::urls::encoding_opts(true));
  for (const auto& param : params) {
    if (out.size() == kMaxParameters) throw http::BadRequest("query", "has too many parameters");
    // Names end up in problem bodies: keep them valid UTF-8.
    out.emplace_back(observe::valid_utf8(param.key), param.has_value ? param.value : "");
  }
  return out;
}

}  // namespace hotel::search::api
