// Users, their groups and their pending confirmation codes, keyed by id and by e-mail.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "services/identity/domain/codes.hpp"
#include "services/identity/domain/user.hpp"

namespace hotel::identity::storage {

// A page of users in e-mail order, after the e-mail `after` (keyset pagination).
struct UserQuery {
  std::size_t limit = 50;
  std::string after;                   // the previous page's next_cursor; empty: first page
  std::optional<domain::Group> group;  // only members of this group
};

struct UserPage {
  std::vector<domain::User> users;
  std::string next_cursor;  // empty on the last page
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;

  virtual std::optional<domain::StoredUser> find_by_email(std::string_view email) = 0;
  virtual std::optional<domain::StoredUser> find_by_id(std::string_view id) = 0;
  // False (and nothing written) when the e-mail address is taken.
  virtual bool insert(const domain::StoredUser& user) = 0;
  // Writes the attributes, flags, groups and updated_at of an existing user.
  virtual void update(const domain::User& user) = 0;
  virtual void set_password_hash(std::string_view user_id, std::string_view hash,
                                 domain::TimePoint now) = 0;
  virtual UserPage list(const UserQuery& query) = 0;

  // One pending code per user and purpose: a new one replaces the old.
  virtual void put_code(std::string_view user_id, domain::CodePurpose purpose,
                        const domain::StoredCode& code) = 0;
  virtual std::optional<domain::StoredCode> find_code(std::string_view user_id,
                                                      domain::CodePurpose purpose) = 0;
  virtual void count_code_attempt(std::string_view user_id, domain::CodePurpose purpose) = 0;
  virtual void delete_code(std::string_view user_id, domain::CodePurpose purpose) = 0;
  // Deletes codes that expired before `now`; returns how many.
  virtual int purge_expired_codes(domain::TimePoint now) = 0;
};

}  // namespace hotel::identity::storage
