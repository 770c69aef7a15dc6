// The production KeyGenerator: a fresh 2048-bit RSA key from the auth chassis, as PKCS#8 PEM.
#pragma once

#include <string>

#include "chassis/auth/rsa_key.hpp"
#include "services/identity/domain/key_ring.hpp"

namespace hotel::identity::application {

class RsaKeyGenerator final : public domain::KeyGenerator {
 public:
  std::string generate_private_pem() override { return auth::RsaPrivateKey::generate().to_pem(); }
};

}  // namespace hotel::identity::application
