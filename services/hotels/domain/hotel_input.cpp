#include "services/hotels/domain/hotel_input.hpp"

#include <algorithm>
#include <cmath>

#include "services/hotels/domain/codes.hpp"
#include "services/hotels/domain/text_rules.hpp"

namespace hotel::hotels::domain {
namespace {

namespace json = boost::json;

// Thrown inside the reader to stop at the first fault; never leaves this file.
struct Fault {
  std::string field;
  std::string why;
};

std::string join(std::string_view prefix, std::string_view name) {
  return prefix.empty() ? std::string(name) : std::string(prefix) + "." + std::string(name);
}

std::string index(std::string_view field, std::size_t i) {
  return std::string(field) + "[" + std::to_string(i) + "]";
}

class Reader {
 public:
  explicit Reader(const InputLimits& limits) : limits_(limits) {}

  // Refuses members that are neither in `known` nor in `read_only`.
  static void check_members(const json::object& object, std::string_view prefix,
                            std::initializer_list<std::string_view> known,
                            std::initializer_list<std::string_view> read_only = {}) {
    for (const auto& member : object) {
      const std::string_view key = member.key();
      if (std::find(read_only.begin(), read_only.end(), key) != read_only.end()) {
        throw Fault{join(prefix, key), "is read-only"};
      }
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        throw Fault{join(prefix, key), "is not a known field"};
      }
      if (member.value().is_null()) throw Fault{join(prefix, key), "must not be null"};
    }
  }

  static const json::value& member(const json::object& object, std::string_view name,
                                   const std::string& field) {
    const auto* value = object.if_contains(name);
    if (value == nullptr) throw Fault{field, "is required"};
    return *value;
  }

  static std::string text(const json::value& value, const std::string& field,
                          const TextRule& rule) {
    if (!value.is_string()) throw Fault{field, "must be a string"};
    std::string text(value.as_string());
    if (auto why = check_text(text, rule)) throw Fault{field, *why};
    return text;
  }

  static std::int64_t integer(const json::value& value, const std::string& field, std::int64_t min,
                              std::int64_t max) {
    const Fault out_of_range{
        field, "must be between " + std::to_string(min) + " and " + std::to_string(max)};
    if (value.is_uint64()) throw out_of_range;  // only values above 2^63 - 1 are stored so
    if (!value.is_int64()) throw Fault{field, "must be an integer"};
    const std::int64_t number = value.as_int64();
    if (number < min || number > max) throw out_of_range;
    return number;
  }

  static double number(const json::value& value, const std::string& field, double min, double max) {
    if (!value.is_number()) throw Fault{field, "must be a number"};
    const double number = value.to_number<double>();
    if (!std::isfinite(number) || number < min || number > max) {
      throw Fault{field, "must be between " + std::to_string(static_cast<int>(min)) + " and " +
                             std::to_string(static_cast<int>(max))};
    }
    return number;
  }

  static const json::array& array(const json::value& value, const std::string& field,
                                  std::size_t max) {
    if (!value.is_array()) throw Fault{field, "must be an array"};
    if (value.as_array().size() > max) {
      throw Fault{field, "must have at most " + std::to_string(max) + " items"};
    }
    return value.as_array();
  }

  static std::string code(const json::value& value, const std::string& field,
                          bool (*valid)(std::string_view), std::string_view what) {
    if (!value.is_string()) throw Fault{field, "must be a string"};
    std::string code(value.as_string());
    if (!valid(code)) throw Fault{field, "must be " + std::string(what)};
    return code;
  }

  Money money(const json::value& value, const std::string& field) const {
    if (!value.is_object()) throw Fault{field, "must be an object with amount and currency"};
    const auto& object = value.as_object();
    check_members(object, field, {"amount", "currency"});
    Money money;
    money.amount = integer(member(object, "amount", join(field, "amount")), join(field, "amount"),
                           0, limits_.max_amount);
    money.currency =
        code(member(object, "currency", join(field, "currency")), join(field, "currency"),
             is_currency_code, "an ISO 4217 currency code such as EUR");
    return money;
  }

  static std::string time_of_day(const json::value& value, const std::string& field) {
    if (!value.is_string() || !is_time_of_day(value.as_string())) {
      throw Fault{field, "must be a time of day HH:MM (00:00 to 23:59)"};
    }
    return std::string(value.as_string());
  }

  static std::vector<std::string> amenity_list(const json::value& value) {
    const auto& items = array(value, "amenities", amenities().size());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto field = index("amenities", i);
      auto word = code(items[i], field, is_amenity, "one of the known amenities");
      if (std::find(out.begin(), out.end(), word) != out.end()) throw Fault{field, "is repeated"};
      out.push_back(std::move(word));
    }
    return out;
  }

  std::vector<std::string> manager_list(const json::value& value) const {
    const auto& items = array(value, "managers", limits_.max_managers);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto field = index("managers", i);
      auto id = text(items[i], field, kUserIdRule);
      if (std::find(out.begin(), out.end(), id) != out.end()) throw Fault{field, "is repeated"};
      out.push_back(std::move(id));
    }
    return out;
  }

  std::vector<RoomType> room_type_list(const json::value& value) const {
    const auto& items = array(value, "room_types", limits_.max_room_types);
    std::vector<RoomType> out;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!items[i].is_object()) throw Fault{index("room_types", i), "must be an object"};
      const auto& object = items[i].as_object();
      const auto prefix = index("room_types", i);
      check_members(object, prefix, {"id", "name", "capacity", "count", "price"});
      RoomType room;
      room.name =
          text(member(object, "name", join(prefix, "name")), join(prefix, "name"), kRoomNameRule);
      room.capacity = static_cast<int>(integer(member(object, "capacity", join(prefix, "capacity")),
                                               join(prefix, "capacity"), 1, limits_.max_capacity));
      room.count = static_cast<int>(integer(member(object, "count", join(prefix, "count")),
                                            join(prefix, "count"), 0, limits_.max_room_count));
      room.price = money(member(object, "price", join(prefix, "price")), join(prefix, "price"));
      if (const auto* id = object.if_contains("id")) {
        room.id = text(*id, join(prefix, "id"), kRoomTypeIdRule);
        if (std::find(ids.begin(), ids.end(), room.id) != ids.end()) {
          throw Fault{join(prefix, "id"), "is repeated"};
        }
      }
      ids.push_back(room.id);
      out.push_back(std::move(room));
    }
    // Ids made from names must not take an id the document names later.
    for (auto& room : out) {
      if (room.id.empty()) {
        room.id = room_type_id_from_name(room.name, ids);
        ids.push_back(room.id);
      }
    }
    return out;
  }

  // Reads every member present in `body` into `input`.
  void apply(const json::object& body, HotelInput& input) const {
    check_members(body, "",
                  {"name", "description", "address", "city", "country", "latitude", "longitude",
                   "stars", "base_price", "amenities", "check_in", "check_out",
                   "instant_confirmation", "room_types", "managers"},
                  {"id", "version", "photos", "created_by", "created_at", "updated_at"});
    auto& d = input.details;
    for (const auto& [key, value] : body) {
      const std::string field(key);
      if (key == "name") d.name = text(value, field, kHotelNameRule);
      if (key == "description") d.description = text(value, field, kDescriptionRule);
      if (key == "address") d.address = text(value, field, kAddressRule);
      if (key == "city") d.city = text(value, field, kCityRule);
      if (key == "country") {
        d.country = code(value, field, is_country_code, "an ISO 3166-1 alpha-2 code such as PT");
      }
      if (key == "latitude") d.latitude = number(value, field, -90, 90);
      if (key == "longitude") d.longitude = number(value, field, -180, 180);
      if (key == "stars") d.stars = static_cast<int>(integer(value, field, 1, 5));
      if (key == "base_price") d.base_price = money(value, field);
      if (key == "amenities") d.amenities = amenity_list(value);
      if (key == "check_in") d.check_in = time_of_day(value, field);
      if (key == "check_out") d.check_out = time_of_day(value, field);
      if (key == "instant_confirmation") {
        if (!value.is_bool()) throw Fault{field, "must be true or false"};
        d.instant_confirmation = value.as_bool();
      }
      if (key == "room_types") input.room_types = room_type_list(value);
      if (key == "managers") input.managers = manager_list(value);
    }
  }

  // Rules across fields, checked on the result.
  static void check_whole(const HotelInput& input) {
    const auto& currency = input.details.base_price.currency;
    for (std::size_t i = 0; i < input.room_types.size(); ++i) {
      if (input.room_types[i].price.currency != currency) {
        throw Fault{index("room_types", i) + ".price.currency",
                    "must be the hotel's currency (base_price.currency, " + currency + ")"};
      }
    }
  }

 private:
  const InputLimits& limits_;
};

template <class F>
core::Result<HotelInput, Error> run(F f) {
  try {
    return f();
  } catch (const Fault& fault) {
    return core::fail(Error{Error::Kind::kInvalid, fault.field, fault.why});
  }
}

}  // namespace

core::Result<HotelInput, Error> read_hotel_document(const boost::json::object& body,
                                                    const InputLimits& limits) {
  return run([&] {
    for (const auto* required : {"name", "address", "city", "country", "latitude", "longitude",
                                 "stars", "base_price", "check_in", "check_out"}) {
      if (!body.contains(required)) throw Fault{required, "is required"};
    }
    Reader reader(limits);
    HotelInput input;
    reader.apply(body, input);
    Reader::check_whole(input);
    return input;
  });
}

core::Result<HotelInput, Error> read_hotel_patch(const boost::json::object& body,
                                                 const HotelInput& current,
                                                 const InputLimits& limits) {
  return run([&] {
    Reader reader(limits);
    HotelInput input = current;
    reader.apply(body, input);
    Reader::check_whole(input);
    return input;
  });
}

HotelInput input_of(const Hotel& hotel) {
  return {hotel.details, hotel.room_types, hotel.managers};
}

std::string room_type_id_from_name(std::string_view name, const std::vector<std::string>& taken) {
  std::string base;
  for (const char c : name) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum || (c >= 'A' && c <= 'Z')) {
      base += static_cast<char>(alnum ? c : c - 'A' + 'a');
    } else if (!base.empty() && base.back() != '-') {
      base += '-';
    }
    if (base.size() >= 32) break;
  }
  while (!base.empty() && base.back() == '-') base.pop_back();
  if (base.empty()) base = "room";
  std::string id = base;
  for (int n = 2; std::find(taken.begin(), taken.end(), id) != taken.end(); ++n) {
    id = base + "-" + std::to_string(n);
  }
  return id;
}

}  // namespace hotel::hotels::domain
