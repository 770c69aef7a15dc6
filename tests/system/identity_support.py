"""Helpers for the identity system tests: a browser that keeps cookies and does not follow
redirects, OAuth client calls, PKCE, and JWT decoding, RS256 verification against a JWKS (pure
Python) and signing (with the openssl command, for forged-token tests), and IdentityBase: a test
case class that runs one identity service with demo data for its tests, with the calls they
share (service and password-grant tokens, the browser's code + PKCE dance, codes from the feed)."""
import base64
import hashlib
import html
import http.client
import json
import os
import re
import secrets
import subprocess
import unittest
import urllib.parse

from harness import TempDir, get_json, hotel, wait_until

WEB = "http://localhost:8080/hotel/"
ISSUER = "http://localhost:8080"
ADMIN = ("admin@hotel.test", "Admin#2026demo")
CUSTOMER = ("customer@hotel.test", "Customer#2026demo")
# Cheap argon2 for speed; the benchmark client on; the per-address throttle out of the way of
# the many deliberate failures in the tests (the per-account one stays at its default of 5).
ENV = {"HOTEL_IDENTITY_HASH_OPSLIMIT": "1", "HOTEL_IDENTITY_HASH_MEMLIMIT_KIB": "8192",
       "HOTEL_IDENTITY_BENCH_CLIENT": "true", "HOTEL_IDENTITY_ADDRESS_MAX_FAILURES": "1000"}

# DigestInfo prefix of SHA-256 for EMSA-PKCS1-v1_5 (RFC 8017 section 9.2).
_SHA256_PREFIX = bytes.fromhex("3031300d060960864801650304020105000420")


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def pkce_pair():
    verifier = b64url(secrets.token_bytes(32))
    return verifier, b64url(hashlib.sha256(verifier.encode()).digest())


def decode_jwt(token):
    header, payload, _ = token.split(".")
    return json.loads(b64url_decode(header)), json.loads(b64url_decode(payload))


def verify_rs256(token, jwks):
    """True when the token's RS256 signature verifies with the JWKS key named by its kid."""
    header_b64, payload_b64, signature_b64 = token.split(".")
    header = json.loads(b64url_decode(header_b64))
    keys = [k for k in jwks["keys"] if k["kid"] == header.get("kid")]
    if header.get("alg") != "RS256" or not keys:
        return False
    n = int.from_bytes(b64url_decode(keys[0]["n"]), "big")
    e = int.from_bytes(b64url_decode(keys[0]["e"]), "big")
    size = (n.bit_length() + 7) // 8
    encoded = pow(int.from_bytes(b64url_decode(signature_b64), "big"), e, n).to_bytes(size, "big")
    digest = hashlib.sha256(f"{header_b64}.{payload_b64}".encode()).digest()
    expected = b"\x00\x01" + b"\xff" * (size - 3 - 19 - 32) + b"\x00" + _SHA256_PREFIX + digest
    return encoded == expected


def sign_rs256(header, payload, pem_path):
    """A compact JWT signed with the private key in pem_path (openssl dgst)."""
    signing_input = (b64url(json.dumps(header).encode()) + "." +
                     b64url(json.dumps(payload).encode()))
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", pem_path],
                               input=signing_input.encode(), capture_output=True,
                               check=True).stdout
    return signing_input + "." + b64url(signature)


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # list of (name, value)
        self.body = body

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def all(self, name):
        return [value for key, value in self.headers if key.lower() == name.lower()]

    def json(self):
        return json.loads(self.body)

    def location_params(self):
        """The query (or fragment) parameters of the Location header."""
        parts = urllib.parse.urlsplit(self.header("Location"))
        return {k: v[0] for k, v in urllib.parse.parse_qs(parts.fragment or parts.query).items()}


def call(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        data = body.encode() if isinstance(body, str) else body
        connection.request(method, path, body=data, headers=headers or {})
        response = connection.getresponse()
        return Response(response.status, response.getheaders(),
                        response.read().decode("utf-8", "replace"))
    finally:
        connection.close()


def form(fields):
    return urllib.parse.urlencode(fields)


def basic(client_id, secret):
    raw = urllib.parse.quote(client_id, safe="") + ":" + urllib.parse.quote(secret, safe="")
    return "Basic " + base64.b64encode(raw.encode()).decode()


def token_request(port, fields, headers=None):
    all_headers = {"Content-Type": "application/x-www-form-urlencoded"}
    all_headers.update(headers or {})
    return call(port, "POST", "/oauth2/token", form(fields), all_headers)


def client_secret(data_dir, client_id):
    with open(os.path.join(data_dir, "secrets", "identity-client-secret-" + client_id)) as f:
        return f.read()


def password_grant(port, data_dir, email, password):
    """identity's answer (access, id and refresh tokens) to the password grant for the client
    hotel-bench, from `port` (identity itself or the gateway in front of it)."""
    response = token_request(port, {"grant_type": "password", "username": email,
                                    "password": password, "client_id": "hotel-bench",
                                    "client_secret": client_secret(data_dir, "hotel-bench")})
    assert response.status == 200, response.body
    return response.json()


def password_token(port, data_dir, email, password):
    """An access token from identity's password grant for the client hotel-bench."""
    return password_grant(port, data_dir, email, password)["access_token"]


class Browser:
    """Keeps cookies per name (the server sets them without Domain), never follows redirects."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.set_cookie_lines = []

    def request(self, method, path, body=None, headers=None):
        all_headers = dict(headers or {})
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = call(self.port, method, path, body, all_headers)
        for line in response.all("Set-Cookie"):
            self.set_cookie_lines.append(line)
            name, _, rest = line.partition("=")
            value = rest.split(";")[0]
            if "Max-Age=0" in line:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return response

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, form(fields),
                            {"Content-Type": "application/x-www-form-urlencoded"})

    @staticmethod
    def csrf(page):
        match = re.search(r'name="csrf" value="([^"]+)"', page.body)
        if not match:
            raise AssertionError("no CSRF token in the page")
        return match.group(1)

    def submit(self, page_path, fields, action=None):
        """GETs the form page, then POSTs the fields with its CSRF token to the form's action."""
        page = self.get(page_path)
        if page.status != 200:
            raise AssertionError(f"GET {page_path} answered {page.status}: {page.body[:300]}")
        action = action or re.search(r'<form method="post" action="([^"]+)"', page.body).group(1)
        return self.post(html.unescape(action), dict(fields, csrf=self.csrf(page)))


def authorize_path(**params):
    return "/oauth2/authorize?" + urllib.parse.urlencode(params)


class IdentityBase(unittest.TestCase):
    extra_env = {}

    @classmethod
    def setUpClass(cls):
        cls._tmp = TempDir()
        cls.data = cls._tmp.__enter__()
        cls.p = hotel(["identity"], cls.data, dict(ENV, **cls.extra_env), args=["--demo-data"])
        cls.p.wait_ports(["identity"])
        cls.port = cls.p.ports["identity"]
        wait_until(lambda: get_json(cls.p.url("identity", "/health/ready"))[0] == 200,
                   what="identity ready")

    @classmethod
    def tearDownClass(cls):
        code = cls.p.stop()
        cls._tmp.__exit__(None, None, None)
        if code != 0:
            raise AssertionError(f"identity exited with {code}")

    # --- clients of the service -------------------------------------------------------------
    def get(self, path, token=None):
        return call(self.port, "GET", path, headers={"Authorization": f"Bearer {token}"} if token
                    else {})

    def send_json(self, method, path, body, token):
        return call(self.port, method, path, json.dumps(body),
                    {"Content-Type": "application/json", "Authorization": f"Bearer {token}"})

    def jwks(self):
        return self.get("/.well-known/jwks.json").json()

    def service_token(self, client_id, scope=""):
        fields = {"grant_type": "client_credentials"}
        if scope:
            fields["scope"] = scope
        response = token_request(self.port, fields,
                                 {"Authorization": basic(client_id,
                                                         client_secret(self.data, client_id))})
        self.assertEqual(response.status, 200, response.body)
        return response.json()["access_token"]

    def password_tokens(self, email, password):
        return password_grant(self.port, self.data, email, password)

    def admin_token(self):
        return self.password_tokens(*ADMIN)["access_token"]

    def create_user(self, email, password="Guest#2026pass", group=None):
        body = {"email": email, "password": password, "given_name": "Grace",
                "family_name": "Hopper"}
        if group:
            body["group"] = group
        response = self.send_json("POST", "/v1/users", body, self.admin_token())
        self.assertEqual(response.status, 201, response.body)
        return response.json()

    def code_from_feed(self, email, purpose):
        """The newest code sent to `email`, read from the protected feed as notification would."""
        token = self.service_token("notification-service", "events/read")
        response = self.get("/v1/events?after=0&limit=1000&wait=0", token)
        self.assertEqual(response.status, 200, response.body)
        codes = [e["data"]["code"] for e in response.json()["events"]
                 if e["type"] == "user.confirmation_requested" and e["data"]["email"] == email
                 and e["data"]["purpose"] == purpose]
        self.assertTrue(codes, f"no {purpose} code for {email}")
        return codes[-1]

    # --- the browser's authorization code + PKCE dance ---------------------------------------
    def authorize_params(self, challenge, **extra):
        params = {"response_type": "code", "client_id": "hotel-web", "redirect_uri": WEB,
                  "scope": "openid email profile", "state": "st-" + b64url(os.urandom(6)),
                  "nonce": "n-" + b64url(os.urandom(6)), "code_challenge": challenge,
                  "code_challenge_method": "S256"}
        params.update(extra)
        return params

    def sign_in(self, browser, email, password, **extra):
        """authorize -> login page -> POST -> 302 with code; returns (code, verifier, params)."""
        verifier, challenge = pkce_pair()
        params = self.authorize_params(challenge, **extra)
        to_login = browser.get(authorize_path(**params))
        self.assertEqual(to_login.status, 302, to_login.body)
        self.assertTrue(to_login.header("Location").startswith("/login?"))
        done = browser.submit(to_login.header("Location"), {"email": email, "password": password})
        self.assertEqual(done.status, 302, done.body[:500])
        self.assertTrue(done.header("Location").startswith(WEB + "?"))
        returned = done.location_params()
        self.assertEqual(returned["state"], params["state"])
        return returned["code"], verifier, params

    def redeem(self, code, verifier, redirect_uri=WEB, client_id="hotel-web", headers=None):
        fields = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
                  "code_verifier": verifier}
        if client_id:
            fields["client_id"] = client_id
        return token_request(self.port, fields, headers)

    def refresh(self, refresh_token):
        return token_request(self.port, {"grant_type": "refresh_token", "client_id": "hotel-web",
                                          "refresh_token": refresh_token})

    def browser_tokens(self, email, password):
        browser = Browser(self.port)
        code, verifier, params = self.sign_in(browser, email, password)
        response = self.redeem(code, verifier)
        self.assertEqual(response.status, 200, response.body)
        return browser, response.json(), params
