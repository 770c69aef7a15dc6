#include "services/identity/application/hosted_sessions.hpp"

#include "services/identity/application/options.hpp"
#include "services/identity/domain/crypto.hpp"

namespace hotel::identity::application {

HostedSessions::HostedSessions(storage::IdentityStore& store, const core::Clock& clock,
                               domain::SessionRules rules)
    : store_(store), clock_(clock), rules_(rules) {}

domain::IssuedSession HostedSessions::start(std::string_view user_id, domain::TimePoint auth_time) {
  auto issued = domain::start_session(rules_, std::string(user_id), auth_time, now_ms(clock_));
  store_.write([&](storage::UnitOfWork& work) { work.sessions().insert(issued.record); });
  return issued;
}

std::optional<LiveSession> HostedSessions::resume(std::string_view token) const {
  if (token.empty()) return std::nullopt;
  return store_.read([&](storage::UnitOfWork& work) -> std::optional<LiveSession> {
    auto session = work.sessions().find(domain::sha256_hex(token));
    if (!session || !domain::is_live(*session, now_ms(clock_))) return std::nullopt;
    auto stored = work.users().find_by_id(session->user_id);
    if (!stored || stored->user.status() != domain::UserStatus::kConfirmed) return std::nullopt;
    return LiveSession{std::move(*session), std::move(stored->user)};
  });
}

void HostedSessions::link_code(std::string_view token, std::string_view code) {
  store_.write([&](storage::UnitOfWork& work) {
    work.sessions().link_code(domain::sha256_hex(token), domain::sha256_hex(code));
  });
}

int HostedSessions::end(std::string_view token) {
  if (token.empty()) return 0;
  return store_.write([&](storage::UnitOfWork& work) {
    const std::string hash = domain::sha256_hex(token);
    const auto now = now_ms(clock_);
    int revoked = 0;
    for (const auto& code_hash : work.sessions().linked_codes(hash)) {
      revoked += work.tokens().revoke_from_code(code_hash, now);
    }
    work.sessions().remove(hash);
    return revoked;
  });
}

int HostedSessions::end_all(std::string_view user_id) {
  return store_.write(
      [&](storage::UnitOfWork& work) { return work.sessions().remove_user(user_id); });
}

}  // namespace hotel::identity::application
