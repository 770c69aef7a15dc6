// The search service's schema: the outbox (version 1, as every stateful service has), the event
// consumer tables (2) and the read model (3).
#pragma once

#include <span>

#include "chassis/store/migrations.hpp"

namespace hotel::search::storage {

std::span<const store::Migration> migrations();

}  // namespace hotel::search::storage
