"""The role matrix through the real binary: identity and the gateway in one `hotel` process
(demo users, the benchmark client), every other service replaced by a fake upstream that
counts what reaches it. Every route of the built-in table x {anonymous, customer, manager,
admin, expired token, forged token} gets the status the gateway must answer; refused requests
never reach a service. Tokens come from identity's password grant, through the gateway."""
import json
import os
import subprocess
import sys
import unittest

from harness import Process, TempDir, get_json, hotel, http, wait_until
from identity_support import call, decode_jwt, password_token, sign_rs256

HERE = os.path.dirname(os.path.abspath(__file__))
USERS = {"customer": ("customer@hotel.test", "Customer#2026demo"),
         "manager": ("manager1@hotel.test", "Manager#2026demo"),
         "admin": ("admin@hotel.test", "Admin#2026demo")}
CALLERS = ["anonymous", "customer", "manager", "admin", "expired", "forged"]
PUBLIC = [200] * 6
SIGNED_IN = [401, 200, 200, 200, 401, 401]
ADMIN_ONLY = [401, 403, 403, 200, 401, 401]
STAFF = [401, 403, 200, 200, 401, 401]  # Admin or HotelManager
NEVER = [404] * 6
# Routes to the fake upstream: its 200 means the gateway let the request through. Identity's
# routes reach the real identity service, which answers for itself.
MATRIX = [
    ("GET", "/.well-known/jwks.json", PUBLIC),
    ("GET", "/.well-known/openid-configuration", PUBLIC),
    ("GET", "/v1/users/me", SIGNED_IN),
    ("GET", "/v1/hotels", STAFF),
    ("GET", "/v1/hotels/h1", STAFF),
    ("GET", "/v1/hotels/h1/photos/p1", PUBLIC),
    ("POST", "/v1/hotels", ADMIN_ONLY),
    ("PUT", "/v1/hotels/h1", ADMIN_ONLY),
    ("PATCH", "/v1/hotels/h1", ADMIN_ONLY),
    ("DELETE", "/v1/hotels/h1", ADMIN_ONLY),
    ("POST", "/v1/hotels/h1/photos", ADMIN_ONLY),
    ("PUT", "/v1/hotels/h1/managers", ADMIN_ONLY),
    ("GET", "/v1/search?city=Lis", SIGNED_IN),
    ("GET", "/v1/bookings", SIGNED_IN),
    ("POST", "/v1/bookings", SIGNED_IN),
    ("GET", "/v1/bookings/b1", SIGNED_IN),
    ("POST", "/v1/bookings/b1/cancel", SIGNED_IN),
    ("POST", "/v1/bookings/b1/approve", SIGNED_IN),
    ("GET", "/v1/payments", SIGNED_IN),
    ("GET", "/v1/payments/p1", SIGNED_IN),
    ("GET", "/v1/mail", PUBLIC),
    ("GET", "/openapi.json", PUBLIC),
    ("GET", "/v1/events?after=0", NEVER),
    ("GET", "/v1/admin/dead-letters", NEVER),
]
FAKED = ["hotels", "search", "booking", "payment", "notification"]


class GatewayRoleMatrixTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = TempDir()
        cls.data = cls._tmp.__enter__()
        cls.up = Process([sys.executable, os.path.join(HERE, "fake_upstream.py")])
        cls.up.wait_ports(["upstream"])
        env = {"HOTEL_IDENTITY_HASH_OPSLIMIT": "1", "HOTEL_IDENTITY_HASH_MEMLIMIT_KIB": "8192",
               "HOTEL_IDENTITY_BENCH_CLIENT": "true", "HOTEL_HTTP_ACCESS_LOG": "true"}
        for service in FAKED:
            env[f"HOTEL_SERVICES_{service.upper()}_ENDPOINTS"] = f"127.0.0.1:{cls.up.ports['upstream']}"
        for rate_class in ("DEFAULT", "AUTH", "READ", "WRITE", "STATIC"):
            env[f"HOTEL_GATEWAY_RATE_{rate_class}_PER_ADDRESS"] = "0"
        cls.p = hotel(["identity", "gateway"], cls.data, env, args=["--demo-data"])
        cls.p.wait_ports(["identity", "gateway"])
        cls.port = cls.p.ports["gateway"]
        for name in ("identity", "gateway"):
            wait_until(lambda n=name: get_json(cls.p.admin_url(n, "/health/ready"))[0] == 200,
                       what=f"{name} ready")
        cls.tokens = {"anonymous": None}
        for role, (email, password) in USERS.items():  # through the gateway
            cls.tokens[role] = password_token(cls.port, cls.data, email, password)
        header, claims = decode_jwt(cls.tokens["admin"])
        key = os.path.join(cls.data, "secrets", "identity-signing-key-" + header["kid"])
        cls.tokens["expired"] = sign_rs256(
            header, dict(claims, iat=claims["iat"] - 7300, exp=claims["iat"] - 3700), key)
        attacker = os.path.join(cls.data, "attacker.pem")
        subprocess.run(["openssl", "genrsa", "-out", attacker, "2048"], check=True,
                       capture_output=True)
        customer_claims = decode_jwt(cls.tokens["customer"])[1]
        cls.tokens["forged"] = sign_rs256(
            header, dict(customer_claims, **{"cognito:groups": ["Admin"]}), attacker)

    @classmethod
    def tearDownClass(cls):
        code = cls.p.stop()
        cls.up.kill()
        cls._tmp.__exit__(None, None, None)
        if code != 0:
            raise AssertionError(f"hotel exited with {code}")

    def request(self, method, target, caller, headers=None):
        all_headers = dict(headers or {})
        if self.tokens[caller]:
            all_headers["Authorization"] = "Bearer " + self.tokens[caller]
        body = None if method == "GET" else "{}"
        if body:
            all_headers["Content-Type"] = "application/json"
        return call(self.port, method, target, body, all_headers)

    def fake_count(self):
        """Requests the fake upstream received so far."""
        _, _, body = http("POST", f"http://127.0.0.1:{self.up.ports['upstream']}/__mode", body="{}")
        return json.loads(body)["requests"]

    def test_every_route_for_every_caller(self):
        before = self.fake_count()
        reached = 0
        for method, target, expected in MATRIX:
            for caller, status in zip(CALLERS, expected):
                with self.subTest(route=f"{method} {target}", caller=caller):
                    response = self.request(method, target, caller)
                    self.assertEqual(response.status, status, response.body[:300])
                    if status == 401:
                        self.assertTrue(response.header("WWW-Authenticate").startswith("Bearer"))
                    if status in (401, 403):
                        self.assertEqual(response.header("Content-Type"),
                                         "application/problem+json")
                    if status == 200 and target.startswith("/v1/") and \
                            not target.startswith("/v1/users"):
                        reached += 1
        self.assertEqual(self.fake_count() - before, reached,
                         "exactly the requests the gateway let through reached a service")

    def test_the_original_authorization_travels(self):
        response = self.request("GET", "/v1/bookings", "customer")
        self.assertEqual(response.status, 200)
        seen = response.json()
        self.assertEqual(seen["headers"]["authorization"], "Bearer " + self.tokens["customer"])
        self.assertEqual(seen["headers"]["x-forwarded-for"], "127.0.0.1")

    def test_the_access_log_names_the_caller(self):
        response = self.request("GET", "/v1/search?city=Porto", "manager",
                                {"X-Request-Id": "roles-log-1"})
        self.assertEqual(response.status, 200)
        sub = decode_jwt(self.tokens["manager"])[1]["sub"]
        line = wait_until(lambda: next((json.loads(l) for l in self.p.lines
                                        if '"roles-log-1"' in l and '"service":"gateway"' in l
                                        and '"msg":"request"' in l), None),
                          timeout=5, what="access log line")
        self.assertEqual(line["sub"], sub)
        self.assertEqual(line["upstream"], "search")


if __name__ == "__main__":
    unittest.main()
