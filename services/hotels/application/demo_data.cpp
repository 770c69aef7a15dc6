#include "services/hotels/application/demo_data.hpp"

#include <array>

#include "services/hotels/application/photo_files.hpp"
#include "services/hotels/domain/hotel_changes.hpp"
#include "services/hotels/images/image_processor.hpp"

namespace hotel::hotels::application {
namespace {

using domain::RoomType;

struct Colour {
  std::uint8_t red, green, blue;
};

struct DemoHotel {
  const char* id;
  const char* manager_email;
  domain::HotelDetails details;
  std::vector<RoomType> rooms;
  std::array<Colour, 2> photos;
};

RoomType room(const char* id, const char* name, int capacity, int count, std::int64_t amount,
              const char* currency) {
  return {id, name, capacity, count, {amount, currency}};
}

std::vector<DemoHotel> demo_hotels() {
  return {
      {"0d3a5c1e-7b2f-4c8e-9a61-000000000001",
       "manager1@hotel.test",
       {"Casa do Rio Lisboa",
        "A restored 19th-century townhouse between Chiado and the river.",
        "Rua do Alecrim 12, 1200-017 Lisboa",
        "Lisbon",
        "PT",
        38.7077,
        -9.1437,
        4,
        {14500, "EUR"},
        {"wifi", "breakfast_included", "air_conditioning", "bar", "24h_front_desk"},
        "15:00",
        "11:00",
        false},
       {room("standard-double", "Standard Double", 2, 20, 14500, "EUR"),
        room("superior-twin", "Superior Twin", 2, 12, 16500, "EUR"),
        room("family-suite", "Family Suite", 4, 4, 26000, "EUR")},
       {{{70, 130, 180}, {222, 184, 135}}}},
      {"0d3a5c1e-7b2f-4c8e-9a61-000000000002",
       "manager1@hotel.test",
       {"Hotel Kanaal Amsterdam",
        "Canal-side rooms in a merchant's house on the Prinsengracht.",
        "Prinsengracht 315, 1016 GZ Amsterdam",
        "Amsterdam",
        "NL",
        52.3731,
        4.8838,
        3,
        {12900, "EUR"},
        {"wifi", "bar", "non_smoking", "garden"},
        "14:00",
        "11:00",
        false},
       {room("canal-double", "Canal View Double", 2, 10, 15900, "EUR"),
        room("single", "Single", 1, 6, 9900, "EUR")},
       {{{46, 139, 87}, {205, 92, 92}}}},
      {"0d3a5c1e-7b2f-4c8e-9a61-000000000003",
       "manager2@hotel.test",
       {"Shinjuku Garden Inn",
        "Quiet rooms five minutes from Shinjuku Gyoen.",
        "3-14-1 Shinjuku, Shinjuku-ku, Tokyo 160-0022",
        "Tokyo",
        "JP",
        35.6896,
        139.7066,
        3,
        {18000, "JPY"},
        {"wifi", "air_conditioning", "laundry", "non_smoking"},
        "15:00",
        "10:00",
        true},
       {room("moderate-double", "Moderate Double", 2, 30, 18000, "JPY"),
        room("twin", "Twin", 2, 20, 21000, "JPY"),
        room("japanese-style", "Japanese-Style Room", 4, 5, 36000, "JPY")},
       {{{199, 21, 133}, {240, 230, 140}}}},
      {"0d3a5c1e-7b2f-4c8e-9a61-000000000004",
       "manager2@hotel.test",
       {"The Harbour View Sydney",
        "Five-star rooms above Circular Quay, facing the Opera House.",
        "7 Hickson Road, The Rocks NSW 2000",
        "Sydney",
        "AU",
        -33.8580,
        151.2090,
        5,
        {42000, "AUD"},
        {"wifi", "pool", "spa", "gym", "restaurant", "bar", "room_service", "air_conditioning"},
        "14:00",
        "11:00",
        true},
       {room("harbour-king", "Harbour King", 2, 40, 42000, "AUD"),
        room("opera-suite", "Opera Suite", 3, 6, 89000, "AUD")},
       {{{0, 105, 148}, {255, 255, 240}}}},
      {"0d3a5c1e-7b2f-4c8e-9a61-000000000005",
       "manager1@hotel.test",
       {"Riad Lune Marrakech",
        "A riad of eight rooms around a courtyard with an orange tree.",
        "Derb Sidi Bouloukat 21, Medina, Marrakech 40000",
        "Marrakesh",
        "MA",
        31.6295,
        -7.9890,
        4,
        {95000, "MAD"},
        {"wifi", "breakfast_included", "terrace", "spa", "airport_shuttle"},
        "14:00",
        "12:00",
        false},
       {room("courtyard-double", "Courtyard Double", 2, 6, 95000, "MAD"),
        room("terrace-suite", "Terrace Suite", 3, 2, 140000, "MAD")},
       {{{204, 85, 0}, {250, 235, 215}}}},
      {"0d3a5c1e-7b2f-4c8e-9a61-000000000006",
       "manager2@hotel.test",
       {"Brooklyn Loft Hotel",
        "Warehouse lofts in Williamsburg with skyline views.",
        "150 Wythe Avenue, Brooklyn, NY 11249",
        "New York",
        "US",
        40.7219,
        -73.9580,
        4,
        {23900, "USD"},
        {"wifi", "gym", "bar", "pets_allowed", "ev_charging"},
        "16:00",
        "11:00",
        false},
       {room("loft-king", "Loft King", 2, 25, 23900, "USD"),
        room("loft-queen-twin", "Loft Two Queens", 4, 10, 31900, "USD")},
       {{{112, 128, 144}, {178, 34, 34}}}},
  };
}

// A generated photo, through the same validation as an upload.
domain::Photo demo_photo(blob::BlobStore& blobs, const std::string& hotel_id, int index,
                         const Colour& colour) {
  const auto format = index == 0 ? images::ImageFormat::kJpeg : images::ImageFormat::kWebp;
  const auto bytes = images::solid_image(format, 960, 640, colour.red, colour.green, colour.blue);
  const auto image = images::process_image(bytes);
  if (!image) throw std::runtime_error("demo photo rejected: " + image.error().message);
  return store_photo_files(blobs, hotel_id, "demo-" + std::to_string(index + 1), bytes,
                           image.value());
}

}  // namespace

int seed_demo_hotels(storage::HotelStore& store, blob::BlobStore& blobs, const core::Clock& clock) {
  int written = 0;
  for (auto& demo : demo_hotels()) {
    bool exists = false;
    store.read([&](storage::HotelRepository& repo) { exists = repo.find(demo.id).has_value(); });
    if (exists) continue;
    auto change = domain::create_hotel(demo.id, {demo.details, demo.rooms, {}}, kDemoCreator,
                                       clock.system_now());
    for (int i = 0; i < 2; ++i) {
      change.hotel.photos.push_back(demo_photo(blobs, demo.id, i, demo.photos[i]));
    }
    store.write([&](storage::HotelRepository& repo) {
      repo.insert(change.hotel);
      repo.add_pending_manager(demo.manager_email, demo.id);
      for (auto& event : domain::events_of(change, {})) repo.publish(std::move(event));
    });
    ++written;
  }
  return written;
}

}  // namespace hotel::hotels::application
