// Test support: the hotels API on a real server in-process, with the chassis auth middleware
// over test tokens, the SQLite store in a temp dir, an in-memory blob store and a scripted user
// directory. Callers are the four roles of the system plus anonymous.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "chassis/auth/middleware.hpp"
#include "chassis/auth/testing/verifier_harness.hpp"
#include "chassis/blob/testing/memory_blob_store.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/http/testing/test_server.hpp"
#include "services/hotels/api/routes.hpp"
#include "services/hotels/testing/hotel_database.hpp"

namespace hotel::hotels::testing {

// Answers from a table; counts lookups; can be told to be unavailable.
class ScriptedUserDirectory final : public clients::UserDirectory {
 public:
  http::Task<clients::ManagerStatus> manager_status(const std::string& user_id,
                                                    const http::Request& caller) override {
    ++lookups;
    last_authorization = caller.headers.get_or("Authorization", "");
    if (unavailable) throw http::Unavailable(5, "identity is down");
    const auto it = users.find(user_id);
    co_return it == users.end() ? clients::ManagerStatus::kUnknown : it->second;
  }
  std::map<std::string, clients::ManagerStatus> users;
  int lookups = 0;
  std::string last_authorization;
  bool unavailable = false;
};

enum class Caller { kAnonymous, kCustomer, kManager, kAdmin };

class ApiHarness {
 public:
  ApiHarness() {
    runtime_.start();
    users.users = {{"sub-manager1@hotel.test", clients::ManagerStatus::kManager},
                   {"sub-customer@hotel.test", clients::ManagerStatus::kNotManager}};
    http::Router router;
    api::add_routes(router, context_);
    http::ServerOptions options;
    options.access_log = false;
    options.header_limit = 64 * 1024;
    server_ = std::make_unique<http::testing::TestServer>(
        std::move(router), std::vector<http::Middleware>{auth::auth_middleware(verifier_)},
        options);
  }
  // The handlers' blocking work runs on this harness' workers, the requests on the test
  // server's loops: the requests are drained, then the workers joined (a worker that has just
  // handed its result back still holds the loop's executor), and only then the loops destroyed.
  ~ApiHarness() {
    server_->server().drain(std::chrono::milliseconds(2000));
    runtime_.stop();
    server_.reset();
  }

  std::string token(Caller caller) const {
    switch (caller) {
      case Caller::kAnonymous:
        return {};
      case Caller::kCustomer:
        return auth_.tokens.sign(auth_.tokens.access_claims("customer@hotel.test"));
      case Caller::kManager:
        return auth_.tokens.sign(
            auth_.tokens.access_claims("manager1@hotel.test", {"HotelManager"}));
      case Caller::kAdmin:
        return auth_.tokens.sign(auth_.tokens.access_claims("admin@hotel.test", {"Admin"}));
    }
    return {};
  }

  http::testing::SimpleResponse call(
      Caller caller, const std::string& method, const std::string& target,
      const std::string& body = {},
      std::vector<std::pair<std::string, std::string>> headers = {}) const {
    if (caller != Caller::kAnonymous)
      headers.emplace_back("Authorization", "Bearer " + token(caller));
    if (!body.empty() && !has(headers, "Content-Type")) {
      headers.emplace_back("Content-Type", "application/json");
    }
    return http::testing::fetch(server_->port(), method, target, body, headers);
  }

  // Creates the test document's hotel as the admin; returns its id.
  std::string create(const boost::json::object& document) const {
    const auto response =
        call(Caller::kAdmin, "POST", "/v1/hotels", boost::json::serialize(document));
    if (response.status != 201) throw std::runtime_error("create: " + response.body);
    return std::string(boost::json::parse(response.body).at("id").as_string());
  }

  std::uint16_t port() const { return server_->port(); }

  static boost::json::value json(const http::testing::SimpleResponse& response) {
    return boost::json::parse(response.body);
  }

  HotelDatabase database;
  blob::testing::MemoryBlobStore blobs;
  ScriptedUserDirectory users;

 private:
  static bool has(const std::vector<std::pair<std::string, std::string>>& headers,
                  const std::string& name) {
    for (const auto& [key, value] : headers) {
      if (key == name) return true;
    }
    return false;
  }

  auth::testing::VerifierHarness auth_;
  std::shared_ptr<auth::Verifier> verifier_ = auth_.make(auth_.options());
  core::Runtime runtime_{1, 2};
  application::HotelCommands commands_{database.store(), blobs};
  application::HotelQueries queries_{database.store(), blobs};
  api::ApiContext context_{runtime_, commands_, queries_, users, {}, 10 << 20};
  std::unique_ptr<http::testing::TestServer> server_;
};

}  // namespace hotel::hotels::testing
