// JSON bodies of the search API.
#pragma once

#include <boost/json/object.hpp>

#include "services/search/domain/results.hpp"

namespace hotel::search::api {

// {"hotels":[...],"next_cursor":"..."|null[,"facets":{"total","cities","stars"}]}
boost::json::object page_json(const domain::SearchPage& page);

}  // namespace hotel::search::api
