// Owning pointers for OpenSSL objects, and the error helper shared by the auth files.
#pragma once

#include <memory>
#include <string>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>

namespace hotel::auth::detail {

template <class T, void (*Free)(T*)>
struct OpenSslDeleter {
  void operator()(T* p) const { Free(p); }
};

using BnPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BIGNUM, BN_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO, BIO_free_all>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, OpenSslDeleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSslDeleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;

// Takes ownership of `key` (may be null).
std::shared_ptr<EVP_PKEY> share_pkey(EVP_PKEY* key);

// Throws std::runtime_error with `what` and OpenSSL's queued error text; clears the queue.
[[noreturn]] void throw_openssl(const std::string& what);

}  // namespace hotel::auth::detail
