#include "services/identity/application/token_service.hpp"

#include "services/identity/domain/crypto.hpp"
#include "services/identity/domain/words.hpp"

namespace hotel::identity::application {
namespace {

using domain::CodeRejection;
using domain::RefreshRejection;

AuthorizeError challenge_error(domain::ChallengeProblem problem) {
  switch (problem) {
    case domain::ChallengeProblem::kRequired:
      return AuthorizeError::kChallengeRequired;
    case domain::ChallengeProblem::kUnknownMethod:
    case domain::ChallengeProblem::kPlainNotAllowed:
      return AuthorizeError::kChallengeMethodNotSupported;
    case domain::ChallengeProblem::kMalformed:
      break;
  }
  return AuthorizeError::kChallengeMalformed;
}

std::optional<domain::User> enabled_user(storage::UnitOfWork& work, std::string_view user_id) {
  auto stored = work.users().find_by_id(user_id);
  if (!stored || !stored->user.enabled) return std::nullopt;
  return std::move(stored->user);
}

}  // namespace

TokenService::TokenService(storage::IdentityStore& store, const core::Clock& clock,
                           const IdentityOptions& options)
    : store_(store), clock_(clock), options_(options) {}

domain::IssuedRefreshToken TokenService::issue_refresh_token(std::string_view user_id,
                                                             std::string_view client_id,
                                                             std::string_view scope,
                                                             domain::TimePoint auth_time) {
  auto issued = domain::start_family(
      options_.refresh_tokens,
      {std::string(user_id), std::string(client_id), std::string(scope), auth_time, ""},
      now_ms(clock_));
  store_.write(
      [&](storage::UnitOfWork& work) { work.tokens().insert_refresh_token(issued.record); });
  return issued;
}

core::Result<RefreshedSession, RefreshRejection> TokenService::rotate_refresh_token(
    std::string_view token, std::string_view client_id) {
  return store_.write([&](storage::UnitOfWork& work)
                          -> core::Result<RefreshedSession, RefreshRejection> {
    const auto now = now_ms(clock_);
    const auto current = work.tokens().find_refresh_token(domain::sha256_hex(token));
    if (!current) return core::fail(RefreshRejection::kUnknown);
    if (auto checked = domain::check_refresh(*current, client_id, now); !checked) {
      if (checked.error() == RefreshRejection::kReused) {
        work.tokens().revoke_family(current->family_id, now);
      }
      return core::fail(checked.error());
    }
    auto user = enabled_user(work, current->user_id);
    if (!user) {
      work.tokens().revoke_family(current->family_id, now);
      return core::fail(RefreshRejection::kUserDisabled);
    }
    work.tokens().mark_rotated(current->hash, now);
    auto next = domain::successor(*current, now);
    work.tokens().insert_refresh_token(next.record);
    return RefreshedSession{std::move(*user), current->scope, current->auth_time, std::move(next)};
  });
}

bool TokenService::revoke_refresh_token(std::string_view token, std::string_view client_id) {
  return store_.write([&](storage::UnitOfWork& work) {
    const auto current = work.tokens().find_refresh_token(domain::sha256_hex(token));
    if (!current || current->client_id != client_id) return false;
    work.tokens().revoke_family(current->family_id, now_ms(clock_));
    return true;
  });
}

int TokenService::revoke_all_for_user(std::string_view user_id) {
  return store_.write([&](storage::UnitOfWork& work) {
    return work.tokens().revoke_user(user_id, now_ms(clock_));
  });
}

core::Result<IssuedAuthorization, AuthorizeError> TokenService::create_authorization_code(
    const AuthorizationRequest& request) {
  return store_.write(
      [&](storage::UnitOfWork& work) -> core::Result<IssuedAuthorization, AuthorizeError> {
        auto target = check_authorization(work, request.client_id, request.redirect_uri,
                                          domain::GrantType::kAuthorizationCode, request.scope);
        if (!target) return core::fail(target.error());
        const auto method =
            domain::check_challenge(options_.authorization_codes, request.code_challenge_method,
                                    request.code_challenge, target->client.is_public());
        if (!method) return core::fail(challenge_error(method.error()));
        if (!enabled_user(work, request.user_id)) {
          return core::fail(AuthorizeError::kUserUnavailable);
        }
        auto issued = domain::issue_authorization_code(options_.authorization_codes,
                                                       {.client_id = request.client_id,
                                                        .redirect_uri = request.redirect_uri,
                                                        .code_challenge = request.code_challenge,
                                                        .challenge_method = method.value(),
                                                        .nonce = request.nonce,
                                                        .scope = domain::join_words(target->scopes),
                                                        .user_id = request.user_id,
                                                        .auth_time = request.auth_time},
                                                       now_ms(clock_));
        work.tokens().insert_authorization_code(issued.record);
        return IssuedAuthorization{std::move(issued.code), std::move(target->redirect_uri),
                                   std::move(target->scopes), issued.record.expires_at};
      });
}

core::Result<RedeemedCode, CodeRejection> TokenService::redeem_authorization_code(
    std::string_view code, const domain::CodeRedemption& redemption) {
  return store_.write([&](storage::UnitOfWork& work) -> core::Result<RedeemedCode, CodeRejection> {
    const auto now = now_ms(clock_);
    const auto record = work.tokens().find_authorization_code(domain::sha256_hex(code));
    if (!record) return core::fail(CodeRejection::kUnknown);
    if (auto checked = domain::check_redemption(*record, redemption, now); !checked) {
      if (checked.error() == CodeRejection::kReplayed) {
        work.tokens().revoke_from_code(record->hash, now);
      }
      return core::fail(checked.error());
    }
    work.tokens().mark_redeemed(record->hash, now);
    auto user = enabled_user(work, record->grant.user_id);
    if (!user) return core::fail(CodeRejection::kUserDisabled);
    RedeemedCode redeemed{std::move(*user), record->grant, std::nullopt};
    const auto client = work.clients().find(record->grant.client_id);
    if (client && client->allows(domain::GrantType::kRefreshToken)) {
      const domain::CodeGrant& grant = record->grant;
      redeemed.refresh_token = domain::start_family(
          options_.refresh_tokens,
          {grant.user_id, grant.client_id, grant.scope, grant.auth_time, record->hash}, now);
      work.tokens().insert_refresh_token(redeemed.refresh_token->record);
    }
    return redeemed;
  });
}

}  // namespace hotel::identity::application
