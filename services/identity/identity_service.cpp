#include "services/identity/identity_service.hpp"

#include "chassis/core/clock.hpp"
#include "chassis/events/feed.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/service/service.hpp"
#include "services/identity/api/routes.hpp"
#include "services/identity/application/housekeeping.hpp"
#include "services/identity/application/secret_names.hpp"
#include "services/identity/domain/crypto.hpp"
#include "services/identity/storage/migrations.hpp"

namespace hotel::identity {
namespace {

const core::Clock& clock() { return core::SystemClock::instance(); }

// The feed carries user.confirmation_requested with live codes: service tokens only.
events::FeedOptions protected_feed() {
  events::FeedOptions feed;
  feed.policy.access = http::Access::service("events/read");
  return feed;
}

std::string csrf_key(secrets::SecretsProvider& secrets) {
  return application::secret_or_create(secrets, "identity-csrf-key",
                                       [] { return domain::random_token(); });
}

}  // namespace

IdentityService::IdentityService(service::ServiceContext& context, IdentitySettings settings)
    : FeedService(context, storage::migrations(), store::Synchronous::kFull, protected_feed()),
      settings_(std::move(settings)),
      store_(database(), outbox()),
      pool_(store_, context.secrets, clock(), settings_.options),
      tokens_(store_, clock(), settings_.options),
      clients_(store_, context.secrets),
      sessions_(store_, clock(), settings_.sessions),
      keys_(store_, context.secrets, generator_, clock(), settings_.options.keys),
      signer_(keys_, clock(), settings_.signing),
      api_{context.runtime,
           context.logger,
           clock(),
           settings_,
           pool_,
           tokens_,
           clients_,
           sessions_,
           keys_,
           signer_,
           csrf_key(context.secrets)},
      housekeeping_(context.runtime, context.logger, "identity.housekeeping",
                    settings_.housekeeping_interval, [this] { housekeeping(); }) {
  auto web = application::default_web_client();
  web.redirect_uris = settings_.web_redirect_uris;
  clients_.seed(web);
  if (settings_.bench_client) clients_.seed_bench_client();
  const auto active = keys_.ensure_active();
  context.logger.info("signing key", {{"kid", active.kid}, {"signing", signer_.signing_kid()}});
}

IdentityService::~IdentityService() = default;

void IdentityService::add_routes(http::Router& router) {
  FeedService::add_routes(router);
  api::add_api_routes(router, api_);
}

void IdentityService::seed_demo_data() {
  const int created = pool_.seed_demo_users();
  std::string accounts;
  for (const auto& demo : application::demo_users()) {
    if (!accounts.empty()) accounts += ", ";
    accounts += std::string(demo.email) + " / " + demo.password;
    if (demo.group) accounts += " (" + std::string(domain::to_string(*demo.group)) + ")";
  }
  context_.logger.info("demo accounts", {{"created", created}, {"accounts", accounts}});
}

void IdentityService::start() { housekeeping_.start(); }

void IdentityService::stop() { housekeeping_.stop(); }

void IdentityService::housekeeping() {
  const int purged = application::purge_expired(store_, clock(), settings_.options);
  const auto before = keys_.ring().active();
  const auto active = keys_.ensure_active();
  if (!before || before->kid != active.kid) {
    signer_.reload();
    context_.logger.info("signing key rotated by age", {{"kid", active.kid}});
  }
  if (purged > 0) context_.logger.info("housekeeping", {{"purged", purged}});
}

}  // namespace hotel::identity
