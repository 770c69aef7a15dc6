// The demo data set: a few hotels in real cities with room types and generated photos, assigned
// to the identity service's demo managers by e-mail (manager1@hotel.test, manager2@hotel.test).
// Their user ids are made by identity and unknown here when the host seeds, so the assignments
// wait in `pending_managers` and bind to the user id at that manager's first call to the hotels
// API (HotelCommands::bind_pending_managers), which publishes hotel.managers_changed.
#pragma once

#include "chassis/blob/blob_store.hpp"
#include "chassis/core/clock.hpp"
#include "services/hotels/storage/hotel_repository.hpp"

namespace hotel::hotels::application {

// The creator recorded on demo hotels (admins list them with ?all=true).
inline constexpr const char* kDemoCreator = "demo-data";

// Writes the demo hotels that are not there yet (by their fixed ids) with hotel.created events.
// Returns how many it wrote.
int seed_demo_hotels(storage::HotelStore& store, blob::BlobStore& blobs,
                     const core::Clock& clock = core::SystemClock::instance());

}  // namespace hotel::hotels::application
