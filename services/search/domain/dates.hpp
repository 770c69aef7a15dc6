// Stay dates and event timestamps: the chassis' calendar functions, by their search names.
#pragma once

#include "chassis/core/dates.hpp"

namespace hotel::search::domain {

using core::parse_iso_date;
using core::parse_rfc3339;
using core::utc_day;

}  // namespace hotel::search::domain
