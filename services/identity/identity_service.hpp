// The identity service: the user pool, tokens, clients and signing keys over the service's
// database, the OAuth 2.0 / OpenID Connect endpoints and hosted UI (api/), and the event feed,
// readable only with a service token carrying the events/read scope (it carries live codes).
#pragma once

#include <memory>

#include "services/common/feed_service.hpp"
#include "services/identity/api/api_context.hpp"
#include "services/identity/application/rsa_key_generator.hpp"
#include "services/identity/periodic_task.hpp"
#include "services/identity/settings.hpp"
#include "services/identity/storage/sqlite_identity_store.hpp"

namespace hotel::identity {

class IdentityService final : public services::FeedService {
 public:
  // Opens and migrates the database, seeds the OAuth clients (writing the service clients'
  // secrets on first start) and makes the first signing key.
  IdentityService(service::ServiceContext& context, IdentitySettings settings);
  ~IdentityService() override;

  void add_routes(http::Router& router) override;
  void seed_demo_data() override;
  void start() override;
  void stop() override;

 private:
  void housekeeping();

  IdentitySettings settings_;
  storage::SqliteIdentityStore store_;
  application::UserPool pool_;
  application::TokenService tokens_;
  application::ClientRegistry clients_;
  application::HostedSessions sessions_;
  application::RsaKeyGenerator generator_;
  application::KeyService keys_;
  application::TokenSigner signer_;
  api::ApiContext api_;
  PeriodicTask housekeeping_;
};

}  // namespace hotel::identity
