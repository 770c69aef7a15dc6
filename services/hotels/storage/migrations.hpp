// The hotels service's schema, as numbered migrations. Version 1 is the outbox the feed-only
// service already created, so databases written by earlier binaries upgrade in place.
#pragma once

#include <span>

#include "chassis/store/migrations.hpp"

namespace hotel::hotels::storage {

std::span<const store::Migration> migrations();

}  // namespace hotel::hotels::storage
