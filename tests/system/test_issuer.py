"""A token issuer for system tests, standing in for the identity service's keys: an RSA key made
with the openssl command, its JWKS served at /.well-known/jwks.json by a small HTTP server on
127.0.0.1 (point a service at it with HOTEL_SERVICES_IDENTITY_ENDPOINTS), and RS256 access tokens
with Cognito's claims signed by `openssl dgst`. No Python packages beyond the standard library."""
import base64
import json
import os
import subprocess
import tempfile
import time

from local_http import JsonServer

ISSUER = "http://localhost:8080"  # auth.issuer's default


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class TestIssuer:
    def __init__(self, kid="system-test-key"):
        self.kid = kid
        self._dir = tempfile.mkdtemp(prefix="hotel-issuer-")
        self._key = os.path.join(self._dir, "key.pem")
        subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt",
                        "rsa_keygen_bits:2048", "-out", self._key], check=True,
                       capture_output=True)
        out = subprocess.run(["openssl", "rsa", "-in", self._key, "-noout", "-modulus"],
                             check=True, capture_output=True, text=True).stdout
        modulus = bytes.fromhex(out.strip().split("=", 1)[1])
        self.jwks = {"keys": [{"kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256",
                               "n": b64url(modulus), "e": "AQAB"}]}
        jwks = self.jwks
        self._server = JsonServer(lambda path, query: (200, jwks) if path ==
                                  "/.well-known/jwks.json" else (404, {"error": "not found"}))
        self.port = self._server.port

    def env(self):
        """What a `hotel` process needs to trust this issuer."""
        return {"HOTEL_SERVICES_IDENTITY_ENDPOINTS": f"127.0.0.1:{self.port}"}

    def token(self, sub="user-1", groups=(), ttl=3600, client_id="hotel-web"):
        now = int(time.time())
        header = {"alg": "RS256", "kid": self.kid, "typ": "JWT"}
        claims = {"iss": ISSUER, "sub": sub, "token_use": "access", "client_id": client_id,
                  "username": sub, "cognito:groups": list(groups), "scope": "openid",
                  "iat": now, "exp": now + ttl, "jti": b64url(os.urandom(12))}
        signing_input = (b64url(json.dumps(header).encode()) + "." +
                         b64url(json.dumps(claims).encode()))
        signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", self._key],
                                   input=signing_input.encode(), check=True,
                                   capture_output=True).stdout
        return signing_input + "." + b64url(signature)

    def close(self):
        self._server.close()
        for name in os.listdir(self._dir):
            os.unlink(os.path.join(self._dir, name))
        os.rmdir(self._dir)
