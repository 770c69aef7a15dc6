#include "services/identity/domain/user.hpp"

#include <algorithm>

#include "chassis/observe/utf8.hpp"

namespace hotel::identity::domain {
namespace {

constexpr std::size_t kMaxEmail = 254;
constexpr std::size_t kMaxLocalPart = 64;
constexpr std::size_t kMaxLabel = 63;
constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxAddress = 256;
constexpr std::string_view kAtextSymbols = "!#$%&'*+/=?^_`{|}~-";

bool is_alnum(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

bool valid_local_part(std::string_view local) {
  if (local.empty() || local.size() > kMaxLocalPart) return false;
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return false;
  }
  return std::all_of(local.begin(), local.end(), [](char ch) {
    return is_alnum(ch) || ch == '.' || kAtextSymbols.find(ch) != std::string_view::npos;
  });
}

bool valid_label(std::string_view label) {
  if (label.empty() || label.size() > kMaxLabel) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(), [](char ch) { return is_alnum(ch) || ch == '-'; });
}

bool valid_domain(std::string_view domain) {
  int labels = 0;
  while (true) {
    const auto dot = domain.find('.');
    if (!valid_label(domain.substr(0, dot))) return false;
    ++labels;
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  return labels >= 2;
}

std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  }));
}

bool has_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char ch) {
    const auto byte = static_cast<unsigned char>(ch);
    return byte < 0x20 || byte == 0x7F;
  });
}

Validation check_text(std::string_view field, std::string_view value, std::size_t min,
                      std::size_t max) {
  if (observe::valid_utf8(value) != value)
    return core::fail(FieldError{std::string(field), "is not valid UTF-8"});
  if (has_control(value)) {
    return core::fail(FieldError{std::string(field), "must not contain control characters"});
  }
  const std::size_t length = characters(value);
  if (length < min) return core::fail(FieldError{std::string(field), "is required"});
  if (length > max) {
    return core::fail(
        FieldError{std::string(field), "must be at most " + std::to_string(max) + " characters"});
  }
  return std::monostate{};
}

}  // namespace

std::string_view to_string(UserStatus status) {
  switch (status) {
    case UserStatus::kUnconfirmed:
      return "UNCONFIRMED";
    case UserStatus::kConfirmed:
      return "CONFIRMED";
    case UserStatus::kDisabled:
      return "DISABLED";
  }
  return "?";
}

std::string_view to_string(Group group) {
  return group == Group::kAdmin ? "Admin" : "HotelManager";
}

std::optional<Group> parse_group(std::string_view name) {
  if (name == "Admin") return Group::kAdmin;
  if (name == "HotelManager") return Group::kHotelManager;
  return std::nullopt;
}

UserStatus User::status() const {
  if (!enabled) return UserStatus::kDisabled;
  return confirmed ? UserStatus::kConfirmed : UserStatus::kUnconfirmed;
}

bool User::in_group(Group group) const {
  return std::find(groups.begin(), groups.end(), group) != groups.end();
}

std::string normalize_email(std::string_view email) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = email.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  email = email.substr(first, email.find_last_not_of(kSpace) - first + 1);
  std::string normalized(email);
  for (char& ch : normalized) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return normalized;
}

Validation validate_email(std::string_view email) {
  if (email.empty()) return core::fail(FieldError{"email", "is required"});
  const auto at = email.rfind('@');
  if (email.size() > kMaxEmail || at == std::string_view::npos ||
      !valid_local_part(email.substr(0, at)) || !valid_domain(email.substr(at + 1))) {
    return core::fail(FieldError{"email", "is not a valid e-mail address"});
  }
  return std::monostate{};
}

bool is_e164(std::string_view phone) {
  if (phone.size() < 3 || phone.size() > 16 || phone[0] != '+' || phone[1] == '0') return false;
  return std::all_of(phone.begin() + 1, phone.end(),
                     [](char ch) { return ch >= '0' && ch <= '9'; });
}

Validation validate_attributes(const UserAttributes& attributes) {
  auto checked = check_text("given_name", attributes.given_name, 1, kMaxName);
  if (checked) checked = check_text("family_name", attributes.family_name, 1, kMaxName);
  if (checked) checked = check_text("address", attributes.address, 0, kMaxAddress);
  if (!checked) return checked;
  if (!attributes.phone_number.empty() && !is_e164(attributes.phone_number)) {
    return core::fail(FieldError{
        "phone_number", "must be in E.164 form: + and the country code, e.g. +14155550123"});
  }
  return std::monostate{};
}

UserAttributes apply_changes(UserAttributes attributes, const AttributeChanges& changes) {
  if (changes.given_name) attributes.given_name = *changes.given_name;
  if (changes.family_name) attributes.family_name = *changes.family_name;
  if (changes.address) attributes.address = *changes.address;
  if (changes.phone_number) attributes.phone_number = *changes.phone_number;
  return attributes;
}

bool add_group(std::vector<Group>& groups, Group group) {
  const auto at = std::lower_bound(groups.begin(), groups.end(), group);
  if (at != groups.end() && *at == group) return false;
  groups.insert(at, group);
  return true;
}

bool remove_group(std::vector<Group>& groups, Group group) {
  const auto at = std::find(groups.begin(), groups.end(), group);
  if (at == groups.end()) return false;
  groups.erase(at);
  return true;
}

}  // namespace hotel::identity::domain
