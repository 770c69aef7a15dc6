#include "services/hotels/storage/sqlite_hotel_store.hpp"

#include <sstream>
#include <stdexcept>

#include "services/hotels/storage/queries.hpp"

namespace hotel::hotels::storage {
namespace {

using domain::Hotel;
using domain::Photo;
using domain::TimePoint;

std::int64_t millis(TimePoint time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

TimePoint time_of(std::int64_t ms) {
  return TimePoint(std::chrono::duration_cast<TimePoint::duration>(std::chrono::milliseconds(ms)));
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

class SqliteHotelRepository final : public HotelRepository {
 public:
  // `tx` and `outbox` are null in a read.
  SqliteHotelRepository(SQLite::Database& db, store::Transaction* tx, events::Outbox* outbox)
      : db_(db), tx_(tx), outbox_(outbox) {}

  std::optional<Hotel> find(std::string_view id) override {
    SQLite::Statement select(db_, queries::kSelectHotel);
    select.bind(1, std::string(id));
    if (!select.executeStep()) return std::nullopt;
    return load(select);
  }

  std::optional<Photo> find_photo(std::string_view hotel_id, std::string_view photo_id) override {
    SQLite::Statement select(db_, queries::kSelectLivePhoto);
    select.bind(1, std::string(hotel_id));
    select.bind(2, std::string(photo_id));
    if (!select.executeStep()) return std::nullopt;
    return photo_of(select);
  }

  HotelPage list(const HotelQuery& query) override {
    const char* sql = query.scope == HotelQuery::Scope::kAll ? queries::kSelectHotelsPage
                      : query.scope == HotelQuery::Scope::kCreatedBy
                          ? queries::kSelectHotelsByCreator
                          : queries::kSelectHotelsByManager;
    SQLite::Statement select(db_, sql);
    int n = 1;
    if (query.scope != HotelQuery::Scope::kAll) select.bind(n++, query.user_id);
    select.bind(n++, query.after);
    select.bind(n, static_cast<std::int64_t>(query.limit) + 1);
    HotelPage page;
    std::int64_t last_seq = 0;
    while (select.executeStep()) {
      if (page.hotels.size() == query.limit) {
        page.next = last_seq;
        break;
      }
      last_seq = select.getColumn(0).getInt64();
      page.hotels.push_back(load(select));
    }
    return page;
  }

  domain::BookedRooms booked_rooms(std::string_view hotel_id, std::int64_t from_day) override {
    SQLite::Statement select(db_, queries::kSelectBookedRooms);
    select.bind(1, std::string(hotel_id));
    select.bind(2, from_day);
    domain::BookedRooms booked;
    while (select.executeStep())
      booked[select.getColumn(0).getString()] = select.getColumn(1).getInt();
    return booked;
  }

  std::vector<std::string> pending_hotels_of(std::string_view email) override {
    SQLite::Statement select(db_, queries::kSelectPendingHotels);
    select.bind(1, std::string(email));
    std::vector<std::string> ids;
    while (select.executeStep()) ids.push_back(select.getColumn(0).getString());
    return ids;
  }

  bool has_pending_managers() override {
    return db_.execAndGet(queries::kAnyPendingManager).getInt() != 0;
  }

  void insert(const Hotel& hotel) override {
    writable();
    SQLite::Statement insert(db_, queries::kInsertHotel);
    bind_hotel(insert, hotel);
    insert.exec();
    write_parts(hotel);
  }

  void update(const Hotel& hotel) override {
    writable();
    SQLite::Statement update(db_, queries::kUpdateHotel);
    bind_hotel(update, hotel);
    if (update.exec() != 1) throw std::logic_error("update of an unknown hotel " + hotel.id);
    for (const char* sql :
         {queries::kDeleteRoomTypes, queries::kDeleteManagers, queries::kDeletePhotos}) {
      SQLite::Statement remove(db_, sql);
      remove.bind(1, hotel.id);
      remove.exec();
    }
    write_parts(hotel);
  }

  void add_pending_manager(std::string_view email, std::string_view hotel_id) override {
    writable();
    SQLite::Statement insert(db_, queries::kInsertPendingManager);
    insert.bind(1, std::string(email));
    insert.bind(2, std::string(hotel_id));
    insert.exec();
  }

  void remove_pending_managers(std::string_view email) override {
    writable();
    SQLite::Statement remove(db_, queries::kDeletePendingManagers);
    remove.bind(1, std::string(email));
    remove.exec();
  }

  void publish(events::NewEvent event) override {
    writable();
    outbox_->append(*tx_, std::move(event));
  }

 private:
  void writable() const {
    if (tx_ == nullptr) throw std::logic_error("hotel repository: write in a read");
  }

  static void bind_hotel(SQLite::Statement& statement, const Hotel& hotel) {
    const auto& d = hotel.details;
    statement.bind(1, hotel.id);
    statement.bind(2, hotel.version);
    statement.bind(3, d.name);
    statement.bind(4, d.description);
    statement.bind(5, d.address);
    statement.bind(6, d.city);
    statement.bind(7, d.country);
    statement.bind(8, d.latitude);
    statement.bind(9, d.longitude);
    statement.bind(10, d.stars);
    statement.bind(11, d.base_price.amount);
    statement.bind(12, d.base_price.currency);
    statement.bind(13, join_words(d.amenities));
    statement.bind(14, d.check_in);
    statement.bind(15, d.check_out);
    statement.bind(16, d.instant_confirmation ? 1 : 0);
    statement.bind(17, hotel.created_by);
    statement.bind(18, millis(hotel.created_at));
    statement.bind(19, millis(hotel.updated_at));
    if (hotel.deleted) {
      statement.bind(20, millis(hotel.updated_at));
    } else {
      statement.bind(20);
    }
  }

  void write_parts(const Hotel& hotel) {
    // One prepared statement per table, reset between rows.
    SQLite::Statement room_insert(db_, queries::kInsertRoomType);
    for (std::size_t i = 0; i < hotel.room_types.size(); ++i) {
      const auto& room = hotel.room_types[i];
      room_insert.reset();
      room_insert.bind(1, hotel.id);
      room_insert.bind(2, static_cast<std::int64_t>(i));
      room_insert.bind(3, room.id);
      room_insert.bind(4, room.name);
      room_insert.bind(5, room.capacity);
      room_insert.bind(6, room.count);
      room_insert.bind(7, room.price.amount);
      room_insert.bind(8, room.price.currency);
      room_insert.exec();
    }
    SQLite::Statement manager_insert(db_, queries::kInsertManager);
    for (const auto& manager : hotel.managers) {
      manager_insert.reset();
      manager_insert.bind(1, hotel.id);
      manager_insert.bind(2, manager);
      manager_insert.exec();
    }
    SQLite::Statement photo_insert(db_, queries::kInsertPhoto);
    for (std::size_t i = 0; i < hotel.photos.size(); ++i) {
      const auto& photo = hotel.photos[i];
      photo_insert.reset();
      photo_insert.bind(1, hotel.id);
      photo_insert.bind(2, static_cast<std::int64_t>(i));
      photo_insert.bind(3, photo.id);
      photo_insert.bind(4, photo.content_type);
      photo_insert.bind(5, photo.width);
      photo_insert.bind(6, photo.height);
      photo_insert.bind(7, photo.size);
      photo_insert.bind(8, photo.etag);
      photo_insert.bind(9, photo.blob_key);
      photo_insert.bind(10, photo.thumbnail_key);
      photo_insert.exec();
    }
  }

  static Photo photo_of(SQLite::Statement& row) {
    return Photo{row.getColumn(0).getString(), row.getColumn(1).getString(),
                 row.getColumn(2).getInt(),    row.getColumn(3).getInt(),
                 row.getColumn(4).getInt64(),  row.getColumn(5).getString(),
                 row.getColumn(6).getString(), row.getColumn(7).getString()};
  }

  // The hotel of a row selected with the hotel columns, with its parts.
  Hotel load(SQLite::Statement& row) {
    Hotel hotel;
    hotel.id = row.getColumn(1).getString();
    hotel.version = row.getColumn(2).getInt64();
    auto& d = hotel.details;
    d.name = row.getColumn(3).getString();
    d.description = row.getColumn(4).getString();
    d.address = row.getColumn(5).getString();
    d.city = row.getColumn(6).getString();
    d.country = row.getColumn(7).getString();
    d.latitude = row.getColumn(8).getDouble();
    d.longitude = row.getColumn(9).getDouble();
    d.stars = row.getColumn(10).getInt();
    d.base_price = {row.getColumn(11).getInt64(), row.getColumn(12).getString()};
    d.amenities = split_words(row.getColumn(13).getString());
    d.check_in = row.getColumn(14).getString();
    d.check_out = row.getColumn(15).getString();
    d.instant_confirmation = row.getColumn(16).getInt() != 0;
    hotel.created_by = row.getColumn(17).getString();
    hotel.created_at = time_of(row.getColumn(18).getInt64());
    hotel.updated_at = time_of(row.getColumn(19).getInt64());
    hotel.deleted = !row.getColumn(20).isNull();

    SQLite::Statement rooms(db_, queries::kSelectRoomTypes);
    rooms.bind(1, hotel.id);
    while (rooms.executeStep()) {
      hotel.room_types.push_back({rooms.getColumn(0).getString(),
                                  rooms.getColumn(1).getString(),
                                  rooms.getColumn(2).getInt(),
                                  rooms.getColumn(3).getInt(),
                                  {rooms.getColumn(4).getInt64(), rooms.getColumn(5).getString()}});
    }
    SQLite::Statement managers(db_, queries::kSelectManagers);
    managers.bind(1, hotel.id);
    while (managers.executeStep()) hotel.managers.push_back(managers.getColumn(0).getString());
    SQLite::Statement photos(db_, queries::kSelectPhotos);
    photos.bind(1, hotel.id);
    while (photos.executeStep()) hotel.photos.push_back(photo_of(photos));
    return hotel;
  }

  SQLite::Database& db_;
  store::Transaction* tx_;
  events::Outbox* outbox_;
};

}  // namespace

SqliteHotelStore::SqliteHotelStore(store::Database& database, events::Outbox& outbox)
    : database_(database), outbox_(outbox) {}

void SqliteHotelStore::write(const std::function<void(HotelRepository&)>& work) {
  database_.write([&](store::Transaction& tx) {
    SqliteHotelRepository repository(tx.db(), &tx, &outbox_);
    work(repository);
  });
}

void SqliteHotelStore::read(const std::function<void(HotelRepository&)>& work) const {
  database_.read([&](SQLite::Database& db) {
    SqliteHotelRepository repository(db, nullptr, nullptr);
    work(repository);
  });
}

}  // namespace hotel::hotels::storage
