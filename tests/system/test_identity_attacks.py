"""Attacks on the identity service through the real `hotel` binary: replayed codes, codes with
the wrong verifier, redirect URI or client, open redirects, CSRF, script injection, forged,
expired and foreign tokens at /oauth2/userInfo, malformed token requests."""
import hashlib
import hmac
import json
import os
import unittest
import urllib.parse

from identity_support import (CUSTOMER, WEB, Browser, IdentityBase, authorize_path, b64url, basic,
                              call, client_secret, decode_jwt, pkce_pair, sign_rs256,
                              token_request)


class IdentityAttackTest(IdentityBase):
    def test_a_replayed_code_fails_and_revokes_what_it_issued(self):
        browser = Browser(self.port)
        code, verifier, _ = self.sign_in(browser, *CUSTOMER)
        first = self.redeem(code, verifier)
        self.assertEqual(first.status, 200)
        replay = self.redeem(code, verifier)
        self.assertEqual((replay.status, replay.json()["error"]), (400, "invalid_grant"))
        self.assertIn("already used", replay.json()["error_description"])
        self.assertEqual(self.refresh(first.json()["refresh_token"]).json()["error"],
                         "invalid_grant")

    def test_codes_bound_to_verifier_redirect_and_client(self):
        browser = Browser(self.port)
        code, verifier, _ = self.sign_in(browser, *CUSTOMER)
        wrong_verifier = self.redeem(code, pkce_pair()[0])
        self.assertEqual(wrong_verifier.json(),
                         {"error": "invalid_grant",
                          "error_description": "code_verifier does not match the code_challenge"})
        self.assertEqual(self.redeem(code, "").json()["error_description"],
                         "code_verifier is required")
        other_redirect = self.redeem(code, verifier, redirect_uri="http://localhost:8080/other/")
        self.assertEqual(other_redirect.json()["error"], "invalid_grant")
        bench = self.redeem(code, verifier, client_id=None,
                            headers={"Authorization": basic("hotel-bench", client_secret(
                                self.data, "hotel-bench"))})
        self.assertEqual((bench.status, bench.json()["error"]), (400, "unauthorized_client"))
        service = self.redeem(code, verifier, client_id=None,
                              headers={"Authorization": basic("booking-service", client_secret(
                                  self.data, "booking-service"))})
        self.assertEqual((service.status, service.json()["error"]), (400, "unauthorized_client"))
        posing = self.redeem(code, verifier, client_id=None,
                             headers={"Authorization": basic("hotel-web", "a-secret")})
        self.assertEqual((posing.status, posing.json()["error"]), (401, "invalid_client"))
        # None of this spent the code: the rightful client still redeems it once.
        self.assertEqual(self.redeem(code, verifier).status, 200)

    def test_open_redirects_are_refused_with_a_page(self):
        _, challenge = pkce_pair()
        for evil in ["http://evil.test/", "//evil.test/", "http://localhost:8080.evil.test/",
                     "http://localhost:8080@evil.test/hotel/", "http://evil.test\\@localhost:8080/"
                     "hotel/", "http://localhost:8080/hotel/../../evil", "HTTP://LOCALHOST:8080/"
                     "hotel/", "http://localhost:8080/hotel/?next=http://evil.test",
                     "http://localhost:8080/hotel", "http://localhost:8080/hotel/ ",
                     "http://localhost:8080/hotel/#x", "javascript:alert(1)"]:
            response = call(self.port, "GET", authorize_path(
                **self.authorize_params(challenge, redirect_uri=evil)))
            self.assertEqual(response.status, 400, evil)
            self.assertIsNone(response.header("Location"), evil)
            self.assertIn("text/html", response.header("Content-Type"))
            self.assertIn("not registered", response.body)
        unknown_client = call(self.port, "GET", authorize_path(
            **self.authorize_params(challenge, client_id="evil-app", redirect_uri="http://e/")))
        self.assertEqual((unknown_client.status, unknown_client.header("Location")), (400, None))
        doubled = call(self.port, "GET", authorize_path(**self.authorize_params(challenge)) +
                       "&redirect_uri=http%3A%2F%2Fevil.test%2F")
        self.assertEqual((doubled.status, doubled.header("Location")), (400, None))
        logout = call(self.port, "GET", "/logout?client_id=hotel-web&logout_uri=http%3A%2F%2F"
                      "evil.test%2F")
        self.assertEqual((logout.status, logout.header("Location")), (400, None))
        # A registered URI with a bad request goes back with an RFC 6749 error.
        no_pkce = call(self.port, "GET", authorize_path(
            **self.authorize_params(challenge, code_challenge="", state="x")))
        self.assertEqual(no_pkce.location_params()["error"], "invalid_request")
        self.assertEqual(no_pkce.location_params()["state"], "x")

    def test_forms_need_the_csrf_token_of_their_own_cookie(self):
        victim = Browser(self.port)
        page = victim.get("/login")
        token = Browser.csrf(page)
        fields = {"email": CUSTOMER[0], "password": CUSTOMER[1]}
        for attempt in [fields, dict(fields, csrf="x" * 64), dict(fields, csrf=token + "0")]:
            refused = victim.post("/login", attempt)
            self.assertEqual(refused.status, 403)
            self.assertIn("This form has expired or did not come from this site.", refused.body)
            self.assertNotIn("hotel_session", victim.cookies)
        attacker = Browser(self.port)  # a token from another browser's page: no cookie to match
        self.assertEqual(attacker.post("/login", dict(fields, csrf=token)).status, 403)
        self.assertEqual(victim.post("/login", dict(fields, csrf=token)).status, 303)
        csrf_cookie = [c for c in victim.set_cookie_lines if c.startswith("hotel_csrf=")][0]
        self.assertIn("HttpOnly", csrf_cookie)
        self.assertIn("SameSite=Strict", csrf_cookie)
        for path in ["/signup", "/confirm", "/forgot-password", "/reset-password"]:
            self.assertEqual(Browser(self.port).post(path, {"email": "a@hotel.test"}).status, 403,
                             path)

    def test_interpolated_values_are_escaped(self):
        _, challenge = pkce_pair()
        script = '"><script>alert(1)</script>'
        page = call(self.port, "GET", "/login?" + urllib.parse.urlencode(
            self.authorize_params(challenge, state=script)) + "&email=" +
            urllib.parse.quote(script) + "&notice=" + urllib.parse.quote(script))
        self.assertEqual(page.status, 200)
        self.assertNotIn("<script>", page.body)
        self.assertIn("&lt;script&gt;", page.body)
        self.assertIn("default-src 'none'", page.header("Content-Security-Policy"))

    def test_forged_and_expired_tokens_at_user_info(self):
        tokens = self.password_tokens(*CUSTOMER)
        header, claims = decode_jwt(tokens["access_token"])
        key = self.jwks()["keys"][0]

        def unsigned(alg, signature=b""):
            head = b64url(json.dumps({"alg": alg, "typ": "JWT", "kid": header["kid"]}).encode())
            return f"{head}.{b64url(json.dumps(claims).encode())}.{b64url(signature)}"

        hs256 = unsigned("HS256")
        hs256 = hs256.rsplit(".", 1)[0] + "." + b64url(hmac.new(
            key["n"].encode(), hs256.rsplit(".", 1)[0].encode(), hashlib.sha256).digest())
        pem = os.path.join(self.data, "secrets", "identity-signing-key-" + header["kid"])
        expired = sign_rs256(header, dict(claims, iat=claims["iat"] - 7300,
                                          exp=claims["iat"] - 3700), pem)
        tampered = sign_rs256(header, dict(claims, iss="http://evil.test"), pem)
        for name, token in [("none", unsigned("none")), ("HS256", hs256),
                            ("expired", expired), ("other issuer", tampered),
                            ("id token", tokens["id_token"]), ("garbage", "a.b.c")]:
            response = self.get("/oauth2/userInfo", token)
            self.assertEqual(response.status, 401, name)
            self.assertIn("invalid_token", response.header("WWW-Authenticate"), name)
        self.assertEqual(self.get("/oauth2/userInfo").status, 401)
        service = self.get("/oauth2/userInfo", self.service_token("booking-service"))
        self.assertEqual((service.status, service.json()["error"]), (403, "insufficient_scope"))
        self.assertEqual(self.get("/oauth2/userInfo", tokens["access_token"]).status, 200)

    def test_token_endpoint_refuses_malformed_requests(self):
        as_json = call(self.port, "POST", "/oauth2/token", '{"grant_type":"password"}',
                       {"Content-Type": "application/json"})
        self.assertEqual((as_json.status, as_json.json()["error"]), (400, "invalid_request"))
        cases = [({"grant_type": "magic", "client_id": "hotel-web"}, "unsupported_grant_type"),
                 ({"client_id": "hotel-web"}, "invalid_request"),
                 ({"grant_type": "authorization_code"}, "invalid_request"),
                 ({"grant_type": "password", "client_id": "hotel-web", "username": "a",
                   "password": "b"}, "unauthorized_client"),
                 ({"grant_type": "authorization_code", "client_id": "hotel-web",
                   "code": "forged", "code_verifier": "v" * 43, "redirect_uri": WEB},
                  "invalid_grant")]
        for fields, error in cases:
            response = token_request(self.port, fields)
            self.assertEqual(response.json()["error"], error, fields)
            self.assertEqual(response.status, 400, fields)
        repeated = call(self.port, "POST", "/oauth2/token",
                        "grant_type=refresh_token&grant_type=password&client_id=hotel-web",
                        {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(repeated.json()["error"], "invalid_request")


if __name__ == "__main__":
    unittest.main()
