// The user pool's user: e-mail (also the username), profile attributes, confirmation and enabled
// flags, and groups. Validation of what users and admins may write.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "chassis/core/result.hpp"

namespace hotel::identity::domain {

using TimePoint = std::chrono::system_clock::time_point;

enum class UserStatus { kUnconfirmed, kConfirmed, kDisabled };
// No group means a customer.
enum class Group { kAdmin, kHotelManager };

std::string_view to_string(UserStatus status);
// "Admin", "HotelManager": the names carried in the tokens' cognito:groups claim.
std::string_view to_string(Group group);
std::optional<Group> parse_group(std::string_view name);

struct UserAttributes {
  std::string given_name;
  std::string family_name;
  std::string address;       // optional (empty)
  std::string phone_number;  // optional (empty), else E.164: "+" and 2 to 15 digits
  bool operator==(const UserAttributes&) const = default;
};

struct User {
  std::string id;     // the subject (sub): a UUID that never changes
  std::string email;  // normalised (see normalize_email); unique; the username
  UserAttributes attributes;
  bool confirmed = false;     // the e-mail address was proven with a code
  bool enabled = true;        // an admin may disable a user
  std::vector<Group> groups;  // sorted, without duplicates
  TimePoint created_at;
  TimePoint updated_at;

  // Disabled wins over the confirmation state, which is kept for when the user is enabled again.
  UserStatus status() const;
  bool in_group(Group group) const;
};

// A user with the password hash, as the storage holds it. Never leaves the identity service.
struct StoredUser {
  User user;
  std::string password_hash;
};

// Input refused: the field at fault (the API's name for it) and why.
struct FieldError {
  std::string field;
  std::string why;
};
using Validation = core::Result<std::monostate, FieldError>;

// Trims surrounding whitespace and lower-cases ASCII letters: e-mail addresses are compared
// case-insensitively, as Cognito does for e-mail usernames.
std::string normalize_email(std::string_view email);
// A practical subset of RFC 5322 addr-spec: dot-atom local part of at most 64 characters, a domain
// of at least two DNS labels, at most 254 characters in all. No quoted local parts, no IP literals.
Validation validate_email(std::string_view email);
// Given and family names: 1 to 100 characters; address: at most 256; phone: empty or E.164. All
// valid UTF-8 without control characters.
Validation validate_attributes(const UserAttributes& attributes);
bool is_e164(std::string_view phone);

// A partial update of the attributes (the e-mail cannot change: it is the username).
struct AttributeChanges {
  std::optional<std::string> given_name;
  std::optional<std::string> family_name;
  std::optional<std::string> address;
  std::optional<std::string> phone_number;
};
UserAttributes apply_changes(UserAttributes attributes, const AttributeChanges& changes);

// Adds or removes a group, keeping the list sorted; false when nothing changed.
bool add_group(std::vector<Group>& groups, Group group);
bool remove_group(std::vector<Group>& groups, Group group);

}  // namespace hotel::identity::domain
