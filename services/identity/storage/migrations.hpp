// The identity database's schema, as numbered migrations. Version 1 is the outbox, so databases
// created while identity served only its event feed migrate forward.
#pragma once

#include <span>

#include "chassis/store/migrations.hpp"

namespace hotel::identity::storage {

std::span<const store::Migration> migrations();

}  // namespace hotel::identity::storage
