"""System tests of the identity service through the real `hotel` binary: the OAuth 2.0 /
OpenID Connect flows a browser goes through (authorization code with PKCE, refresh rotation,
revocation, implicit grant, logout) and the hosted UI's sign-up, confirmation, password reset and
lockout. Administration is in test_identity_admin.py, attacks in test_identity_attacks.py."""
import unittest
import urllib.parse

from harness import get_json
from identity_support import (ADMIN, CUSTOMER, ISSUER, WEB, Browser, IdentityBase, authorize_path,
                              call, decode_jwt, pkce_pair, token_request, client_secret,
                              verify_rs256)


class IdentityFlowsTest(IdentityBase):
    def test_discovery_document_and_jwks(self):
        status, doc = get_json(self.p.url("identity", "/.well-known/openid-configuration"))
        self.assertEqual(status, 200)
        self.assertEqual(doc["issuer"], ISSUER)
        self.assertEqual(doc["authorization_endpoint"], ISSUER + "/oauth2/authorize")
        self.assertEqual(doc["token_endpoint"], ISSUER + "/oauth2/token")
        self.assertEqual(doc["userinfo_endpoint"], ISSUER + "/oauth2/userInfo")
        self.assertEqual(doc["jwks_uri"], ISSUER + "/.well-known/jwks.json")
        self.assertEqual(doc["code_challenge_methods_supported"], ["S256"])
        response = self.get("/.well-known/jwks.json")
        self.assertEqual(response.status, 200)
        self.assertRegex(response.header("Cache-Control"), r"^public, max-age=\d+$")
        for key in response.json()["keys"]:
            self.assertEqual((key["kty"], key["alg"], key["use"]), ("RSA", "RS256", "sig"))
            self.assertNotIn("d", key)

    def test_authorization_code_with_pkce_the_way_a_browser_does_it(self):
        browser = Browser(self.port)
        code, verifier, params = self.sign_in(browser, *ADMIN)
        session = [c for c in browser.set_cookie_lines if c.startswith("hotel_session=")]
        self.assertEqual(len(session), 1)
        self.assertIn("HttpOnly", session[0])
        self.assertIn("SameSite=Lax", session[0])
        self.assertNotIn("Secure", session[0])  # the issuer is http here

        response = self.redeem(code, verifier)
        self.assertEqual(response.status, 200, response.body)
        self.assertEqual(response.header("Cache-Control"), "no-store")
        tokens = response.json()
        self.assertEqual(tokens["token_type"], "Bearer")
        self.assertEqual(tokens["expires_in"], 3600)
        jwks = self.jwks()
        header, claims = decode_jwt(tokens["id_token"])
        self.assertEqual(header["alg"], "RS256")
        self.assertTrue(verify_rs256(tokens["id_token"], jwks))
        self.assertEqual(claims["iss"], ISSUER)
        self.assertEqual(claims["aud"], "hotel-web")
        self.assertEqual(claims["token_use"], "id")
        self.assertEqual(claims["nonce"], params["nonce"])
        self.assertEqual(claims["email"], ADMIN[0])
        self.assertEqual(claims["cognito:username"], ADMIN[0])
        self.assertEqual(claims["cognito:groups"], ["Admin"])
        self.assertEqual((claims["given_name"], claims["family_name"]), ("Ada", "Admin"))
        self.assertEqual(claims["exp"] - claims["iat"], 3600)
        self.assertLessEqual(claims["auth_time"], claims["iat"])
        self.assertTrue(claims["jti"])
        _, access = decode_jwt(tokens["access_token"])
        self.assertTrue(verify_rs256(tokens["access_token"], jwks))
        self.assertEqual((access["token_use"], access["client_id"]), ("access", "hotel-web"))
        self.assertEqual(access["scope"], "openid email profile")
        self.assertEqual(access["sub"], claims["sub"])
        self.assertNotIn("nonce", access)

        info = self.get("/oauth2/userInfo", tokens["access_token"])
        self.assertEqual(info.status, 200, info.body)
        self.assertEqual(info.json()["email"], ADMIN[0])
        self.assertEqual(info.json()["sub"], claims["sub"])

        # A live session skips the login form, like Cognito's hosted UI.
        _, challenge = pkce_pair()
        again = browser.get(authorize_path(**self.authorize_params(challenge, state="s2")))
        self.assertEqual(again.status, 302)
        self.assertTrue(again.header("Location").startswith(WEB + "?code="))
        self.assertEqual(again.location_params()["state"], "s2")

        # Refresh rotates; the old refresh token then fails and takes its family down.
        first = tokens["refresh_token"]
        rotated = self.refresh(first)
        self.assertEqual(rotated.status, 200, rotated.body)
        second = rotated.json()["refresh_token"]
        self.assertNotEqual(first, second)
        self.assertTrue(verify_rs256(rotated.json()["id_token"], jwks))
        reused = self.refresh(first)
        self.assertEqual(reused.status, 400)
        self.assertEqual(reused.json()["error"], "invalid_grant")
        self.assertEqual(self.refresh(second).json()["error"], "invalid_grant")

        # Revocation (RFC 7009) of a fresh family.
        _, fresh, _ = self.browser_tokens(*CUSTOMER)
        revoked = call(self.port, "POST", "/oauth2/revoke",
                       f"token={fresh['refresh_token']}&client_id=hotel-web",
                       {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(revoked.status, 200)
        self.assertEqual(self.refresh(fresh["refresh_token"]).json()["error"], "invalid_grant")
        unknown = call(self.port, "POST", "/oauth2/revoke", "token=nonsense&client_id=hotel-web",
                       {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(unknown.status, 200)

    def test_implicit_grant_and_prompt(self):
        browser, _, _ = self.browser_tokens(*CUSTOMER)
        response = browser.get(authorize_path(response_type="token", client_id="hotel-web",
                                              redirect_uri=WEB, scope="openid email",
                                              state="imp", nonce="n-imp"))
        self.assertEqual(response.status, 302)
        location = response.header("Location")
        self.assertTrue(location.startswith(WEB + "#"))
        fragment = response.location_params()
        self.assertEqual((fragment["state"], fragment["token_type"]), ("imp", "Bearer"))
        self.assertEqual(decode_jwt(fragment["id_token"])[1]["nonce"], "n-imp")
        self.assertEqual(self.get("/oauth2/userInfo", fragment["access_token"]).status, 200)
        # prompt=login shows the form despite the session; prompt=none without one says so.
        _, challenge = pkce_pair()
        forced = browser.get(authorize_path(**self.authorize_params(challenge, prompt="login")))
        self.assertTrue(forced.header("Location").startswith("/login?"))
        anonymous = Browser(self.port).get(
            authorize_path(**self.authorize_params(challenge, prompt="none", state="pn")))
        self.assertEqual(anonymous.location_params(),
                         {"error": "login_required", "error_description":
                          "the user is not signed in", "state": "pn"})

    def test_logout_ends_the_session_and_revokes_its_tokens(self):
        browser, tokens, _ = self.browser_tokens(*CUSTOMER)
        out = browser.get("/logout?" + urllib.parse.urlencode(
            {"client_id": "hotel-web", "logout_uri": WEB}))
        self.assertEqual(out.status, 302)
        self.assertEqual(out.header("Location"), WEB)
        self.assertNotIn("hotel_session", browser.cookies)
        self.assertEqual(self.refresh(tokens["refresh_token"]).json()["error"], "invalid_grant")
        _, challenge = pkce_pair()
        back = browser.get(authorize_path(**self.authorize_params(challenge)))
        self.assertTrue(back.header("Location").startswith("/login?"))
        plain = browser.get("/logout")
        self.assertEqual(plain.status, 200)
        self.assertIn("You are signed out.", plain.body)

    def test_sign_up_confirm_with_the_code_from_the_feed_then_sign_in(self):
        browser = Browser(self.port)
        verifier, challenge = pkce_pair()
        params = self.authorize_params(challenge)
        query = urllib.parse.urlencode(params)
        weak = browser.submit("/signup?" + query, {"email": "new.guest@hotel.test",
                                                   "given_name": "New", "family_name": "Guest",
                                                   "password": "short"})
        self.assertEqual(weak.status, 400)
        self.assertIn("Password must have at least 8 characters, an upper-case letter, a digit "
                      "and a symbol.", weak.body)
        made = browser.submit("/signup?" + query, {"email": "New.Guest@hotel.test",
                                                   "given_name": "New", "family_name": "Guest",
                                                   "password": "Guest#2026pass"})
        self.assertEqual(made.status, 303, made.body[:500])
        self.assertTrue(made.header("Location").startswith("/confirm?"))
        self.assertIn("email=new.guest%40hotel.test", made.header("Location"))
        # Not confirmed yet: the right password leads to the confirmation form, with a new code.
        early = browser.submit("/login?" + query, {"email": "new.guest@hotel.test",
                                                   "password": "Guest#2026pass"})
        self.assertEqual(early.status, 303)
        self.assertTrue(early.header("Location").startswith("/confirm?"))

        code = self.code_from_feed("new.guest@hotel.test", "sign_up")
        wrong = browser.submit(made.header("Location"), {"email": "new.guest@hotel.test",
                                                         "code": "000000" if code != "000000"
                                                         else "111111"})
        self.assertEqual(wrong.status, 400)
        self.assertIn("The code is not valid.", wrong.body)
        confirmed = browser.submit(made.header("Location"), {"email": "new.guest@hotel.test",
                                                             "code": code})
        self.assertEqual(confirmed.status, 303, confirmed.body[:500])
        self.assertIn("notice=confirmed", confirmed.header("Location"))
        signed_in = browser.submit(confirmed.header("Location"),
                                   {"email": "new.guest@hotel.test", "password": "Guest#2026pass"})
        self.assertEqual(signed_in.status, 302, signed_in.body[:500])
        self.assertEqual(signed_in.location_params()["state"], params["state"])
        tokens = self.redeem(signed_in.location_params()["code"], verifier).json()
        claims = decode_jwt(tokens["id_token"])[1]
        self.assertEqual(claims["email"], "new.guest@hotel.test")
        self.assertTrue(claims["email_verified"])
        self.assertNotIn("cognito:groups", claims)
        taken = browser.submit("/signup", {"email": "new.guest@hotel.test", "given_name": "A",
                                           "family_name": "B", "password": "Guest#2026pass"})
        self.assertEqual(taken.status, 409)

    def test_forgot_and_reset_password(self):
        self.create_user("forgetful@hotel.test", "Before#2026pass")
        browser = Browser(self.port)
        asked = browser.submit("/forgot-password", {"email": "forgetful@hotel.test"})
        self.assertEqual(asked.status, 303)
        unknown = Browser(self.port).submit("/forgot-password", {"email": "nobody@hotel.test"})
        self.assertEqual(unknown.status, 303)  # the same answer: nothing tells them apart
        self.assertEqual(unknown.header("Location").replace("nobody", "forgetful"),
                         asked.header("Location"))
        code = self.code_from_feed("forgetful@hotel.test", "reset_password")
        weak = browser.submit(asked.header("Location"), {"email": "forgetful@hotel.test",
                                                         "code": code, "password": "weakweak"})
        self.assertEqual(weak.status, 400)
        self.assertIn("Password must have", weak.body)
        reset = browser.submit(asked.header("Location"), {"email": "forgetful@hotel.test",
                                                          "code": code,
                                                          "password": "After#2026pass"})
        self.assertEqual(reset.status, 303, reset.body[:500])
        self.assertIn("notice=reset", reset.header("Location"))
        self.password_tokens("forgetful@hotel.test", "After#2026pass")
        old = browser.submit("/login", {"email": "forgetful@hotel.test",
                                        "password": "Before#2026pass"})
        self.assertEqual(old.status, 401)

    def test_lockout_after_repeated_failures_and_no_enumeration(self):
        self.create_user("target@hotel.test", "Target#2026pass")
        browser = Browser(self.port)
        unknown = browser.submit("/login", {"email": "ghost@hotel.test", "password": "Nope#1234"})
        wrong = browser.submit("/login", {"email": "target@hotel.test", "password": "Nope#1234"})
        self.assertEqual((unknown.status, wrong.status), (401, 401))
        message = "Incorrect e-mail address or password."
        self.assertIn(message, unknown.body)
        self.assertIn(message, wrong.body)
        for _ in range(4):
            self.assertEqual(browser.submit("/login", {"email": "target@hotel.test",
                                                       "password": "Nope#1234"}).status, 401)
        locked = browser.submit("/login", {"email": "target@hotel.test",
                                           "password": "Target#2026pass"})
        self.assertEqual(locked.status, 429)
        self.assertIn("Too many failed sign-in attempts. Try again in 15 minutes.", locked.body)
        self.assertTrue(840 <= int(locked.header("Retry-After")) <= 900)
        grant = token_request(self.port, {"grant_type": "password", "username":
                                          "target@hotel.test", "password": "Target#2026pass",
                                          "client_id": "hotel-bench", "client_secret":
                                          client_secret(self.data, "hotel-bench")})
        self.assertEqual(grant.status, 400)
        self.assertEqual(grant.json()["error"], "invalid_grant")
        self.assertIn("try again in", grant.json()["error_description"])
        self.assertIsNotNone(grant.header("Retry-After"))


if __name__ == "__main__":
    unittest.main()
