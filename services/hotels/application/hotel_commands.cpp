#include "services/hotels/application/hotel_commands.hpp"

#include <algorithm>
#include <cctype>

#include "chassis/core/ids.hpp"
#include "services/hotels/application/photo_files.hpp"
#include "services/hotels/domain/hotel_changes.hpp"
#include "services/hotels/domain/inventory.hpp"

namespace hotel::hotels::application {
namespace {

using domain::Error;
using domain::Hotel;
using Kind = domain::Error::Kind;

Error forbidden() { return {Kind::kForbidden, {}, "only admins change hotels"}; }
Error not_found() { return {Kind::kNotFound, "id", "no such hotel"}; }
Error stale(std::int64_t current) {
  return {Kind::kPreconditionFailed, "If-Match",
          "the hotel is at version " + std::to_string(current) + "; read it again"};
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

Error rejection_error(const images::ImageRejection& rejection) {
  using R = images::ImageRejection::Kind;
  switch (rejection.kind) {
    case R::kTooLarge:
      return {Kind::kTooLarge, "photo", rejection.message};
    case R::kUnsupported:
      return {Kind::kUnsupportedMedia, "photo", rejection.message};
    case R::kEmpty:
    case R::kTooManyPixels:
    case R::kUndecodable:
      break;
  }
  return {Kind::kInvalid, "photo", rejection.message};
}

// A declared type must agree with the content; none (or application/octet-stream) is fine.
std::optional<Error> declared_type_error(const PhotoUpload& upload) {
  const auto declared = lower(upload.declared_type.substr(0, upload.declared_type.find(';')));
  if (declared.empty() || declared == "application/octet-stream") return std::nullopt;
  const auto actual = images::sniff_format(upload.bytes);
  if (!actual) return std::nullopt;  // process_image refuses it with the reason
  if (images::format_of_content_type(declared) == actual) return std::nullopt;
  return Error{Kind::kUnsupportedMedia, "Content-Type",
               "declared '" + upload.declared_type + "' but the content is " +
                   std::string(images::content_type_of(*actual))};
}

// Loads a live hotel in the unit of work, checks the version, lets `decide` produce the change,
// stores it and publishes its events.
template <class Decide>
CommandResult<Hotel> apply_change(storage::HotelStore& store, const std::string& id,
                                  std::optional<std::int64_t> expected_version,
                                  const std::string& traceparent, Decide decide) {
  std::optional<CommandResult<Hotel>> result;
  store.write([&](storage::HotelRepository& repo) {
    const auto current = repo.find(id);
    if (!current || current->deleted) {
      result.emplace(core::fail(not_found()));
      return;
    }
    if (expected_version && *expected_version != current->version) {
      result.emplace(core::fail(stale(current->version)));
      return;
    }
    core::Result<domain::Change, Error> change = decide(*current, repo);
    if (!change) {
      result.emplace(core::fail(change.error()));
      return;
    }
    if (!change->event_types.empty()) {
      repo.update(change->hotel);
      for (auto& event : domain::events_of(change.value(), traceparent))
        repo.publish(std::move(event));
    }
    result.emplace(std::move(change->hotel));
  });
  return std::move(*result);
}

}  // namespace

HotelCommands::HotelCommands(storage::HotelStore& store, blob::BlobStore& blobs,
                             CommandOptions options, const core::Clock& clock)
    : store_(store), blobs_(blobs), options_(options), clock_(clock) {}

CommandResult<Hotel> HotelCommands::create(const Actor& actor, domain::HotelInput input) {
  if (!actor.admin) return core::fail(forbidden());
  auto change =
      domain::create_hotel(core::uuid_v4(), std::move(input), actor.user_id, clock_.system_now());
  store_.write([&](storage::HotelRepository& repo) {
    repo.insert(change.hotel);
    for (auto& event : domain::events_of(change, actor.traceparent)) repo.publish(std::move(event));
  });
  return std::move(change.hotel);
}

CommandResult<Hotel> HotelCommands::edit(const Actor& actor, const std::string& id,
                                         std::int64_t expected_version, domain::HotelInput next) {
  if (!actor.admin) return core::fail(forbidden());
  return apply_change(store_, id, expected_version, actor.traceparent,
                      [&](const Hotel& current, storage::HotelRepository& repo) {
                        return domain::edit_hotel(
                            current, std::move(next),
                            repo.booked_rooms(id, domain::first_open_night(clock_.system_now())),
                            clock_.system_now());
                      });
}

CommandResult<Hotel> HotelCommands::remove(const Actor& actor, const std::string& id,
                                           std::int64_t expected_version) {
  if (!actor.admin) return core::fail(forbidden());
  return apply_change(store_, id, expected_version, actor.traceparent,
                      [&](const Hotel& current, storage::HotelRepository& repo) {
                        return domain::delete_hotel(
                            current,
                            repo.booked_rooms(id, domain::first_open_night(clock_.system_now())),
                            clock_.system_now());
                      });
}

CommandResult<PhotoResult> HotelCommands::put_photo(const Actor& actor, const std::string& hotel_id,
                                                    std::string photo_id, const PhotoUpload& upload,
                                                    std::optional<std::int64_t> expected_version) {
  if (!actor.admin) return core::fail(forbidden());
  if (photo_id.empty()) photo_id = core::uuid_v4();
  if (!domain::valid_photo_id(photo_id)) {
    return core::fail(Error{Kind::kInvalid, "photo_id", "must be 1 to 64 of A-Z a-z 0-9 _ -"});
  }
  // Refuse early, before any decoding, what the transaction would refuse anyway.
  std::optional<Hotel> before;
  store_.read([&](storage::HotelRepository& repo) { before = repo.find(hotel_id); });
  if (!before || before->deleted) return core::fail(not_found());
  if (expected_version && *expected_version != before->version) {
    return core::fail(stale(before->version));
  }
  if (auto error = declared_type_error(upload)) return core::fail(std::move(*error));
  auto image = images::process_image(upload.bytes, options_.images);
  if (!image) return core::fail(rejection_error(image.error()));

  const auto photo =
      store_photo_files(blobs_, hotel_id, std::move(photo_id), upload.bytes, image.value());
  std::optional<domain::Photo> replaced;
  CommandResult<Hotel> stored = core::fail(not_found());
  try {
    stored = apply_change(store_, hotel_id, expected_version, actor.traceparent,
                          [&](const Hotel& current, storage::HotelRepository&) {
                            for (const auto& p : current.photos) {
                              if (p.id == photo.id) replaced = p;
                            }
                            return domain::put_photo(current, photo, options_.max_photos,
                                                     clock_.system_now());
                          });
  } catch (...) {
    remove_photo_files(blobs_, photo);
    throw;
  }
  if (!stored) {
    remove_photo_files(blobs_, photo);
    return core::fail(stored.error());
  }
  if (replaced) remove_photo_files(blobs_, *replaced);
  return PhotoResult{std::move(stored.value()), photo, !replaced.has_value()};
}

CommandResult<Hotel> HotelCommands::remove_photo(const Actor& actor, const std::string& hotel_id,
                                                 const std::string& photo_id,
                                                 std::optional<std::int64_t> expected_version) {
  if (!actor.admin) return core::fail(forbidden());
  std::optional<domain::Photo> removed;
  auto result = apply_change(store_, hotel_id, expected_version, actor.traceparent,
                             [&](const Hotel& current, storage::HotelRepository&) {
                               for (const auto& p : current.photos) {
                                 if (p.id == photo_id) removed = p;
                               }
                               return domain::remove_photo(current, photo_id, clock_.system_now());
                             });
  if (result && removed) remove_photo_files(blobs_, *removed);
  return result;
}

CommandResult<Hotel> HotelCommands::reorder_photos(const Actor& actor, const std::string& hotel_id,
                                                   const std::vector<std::string>& order,
                                                   std::optional<std::int64_t> expected_version) {
  if (!actor.admin) return core::fail(forbidden());
  return apply_change(store_, hotel_id, expected_version, actor.traceparent,
                      [&](const Hotel& current, storage::HotelRepository&) {
                        return domain::reorder_photos(current, order, clock_.system_now());
                      });
}

int HotelCommands::bind_pending_managers(const Actor& actor) {
  if (!pending_managers_.load() || !actor.manager || actor.email.empty()) return 0;
  const auto email = lower(actor.email);
  bool pending = false;
  store_.read([&](storage::HotelRepository& repo) {
    pending = !repo.pending_hotels_of(email).empty();
    if (!pending && !repo.has_pending_managers()) pending_managers_ = false;
  });
  if (!pending) return 0;
  int bound = 0;
  store_.write([&](storage::HotelRepository& repo) {
    for (const auto& hotel_id : repo.pending_hotels_of(email)) {
      const auto hotel = repo.find(hotel_id);
      if (!hotel || hotel->deleted) continue;
      const auto change = domain::add_managers(*hotel, {actor.user_id}, clock_.system_now());
      if (change.event_types.empty()) continue;
      repo.update(change.hotel);
      for (auto& event : domain::events_of(change, actor.traceparent)) {
        repo.publish(std::move(event));
      }
      ++bound;
    }
    repo.remove_pending_managers(email);
  });
  return bound;
}

}  // namespace hotel::hotels::application
