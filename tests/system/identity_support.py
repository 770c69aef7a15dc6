"""Helpers for the identity system tests: a browser that keeps cookies and does not follow
redirects, OAuth client calls, PKCE, and JWT decoding, RS256 verification against a JWKS (pure
Python) and signing (with the openssl command, for forged-token tests)."""
import base64
import hashlib
import html
import http.client
import json
import os
import re
import secrets
import subprocess
import urllib.parse

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
