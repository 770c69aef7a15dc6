"""System tests of the identity service through the real `hotel` binary: the OAuth 2.0 / OpenID
Connect flows a browser and other services go through, the hosted UI, administration over HTTP
and the CLI, and the attacks each part must withstand."""
import json
import os
import re
import subprocess
import time
import unittest
import urllib.parse

from harness import HOTEL, TempDir, get_json, hotel, wait_until
from identity_support import (Browser, authorize_path, b64url, basic, call, client_secret,
                              decode_jwt, pkce_pair, sign_rs256, token_request, verify_rs256)

WEB = "http://localhost:8080/hotel/"
ISSUER = "http://localhost:8080"
ADMIN = ("admin@hotel.test", "Admin#2026demo")
CUSTOMER = ("customer@hotel.test", "Customer#2026demo")
# Cheap argon2 for speed; the benchmark client on; the per-address throttle out of the way of
# the many deliberate failures below (the per-account one stays at its default of 5).
ENV = {"HOTEL_IDENTITY_HASH_OPSLIMIT": "1", "HOTEL_IDENTITY_HASH_MEMLIMIT_KIB": "8192",
       "HOTEL_IDENTITY_BENCH_CLIENT": "true", "HOTEL_IDENTITY_ADDRESS_MAX_FAILURES": "1000"}


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
        response = token_request(self.port, {"grant_type": "password", "username": email,
                                             "password": password, "client_id": "hotel-bench",
                                             "client_secret": client_secret(self.data,
                                                                            "hotel-bench")})
        self.assertEqual(response.status, 200, response.body)
        return response.json()

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


class IdentityAdminTest(IdentityBase):
    def test_admin_endpoints_are_for_admins(self):
        admin = self.admin_token()
        customer = self.password_tokens(*CUSTOMER)["access_token"]
        listed = self.get("/v1/users?limit=2", admin)
        self.assertEqual(listed.status, 200, listed.body)
        self.assertEqual(len(listed.json()["users"]), 2)
        self.assertTrue(listed.json()["next_cursor"])
        managers = self.get("/v1/users?group=HotelManager", admin).json()["users"]
        self.assertEqual({u["email"] for u in managers},
                         {"manager1@hotel.test", "manager2@hotel.test"})
        self.assertNotIn("password_hash", json.dumps(managers))
        self.assertEqual(self.get("/v1/users", customer).status, 403)
        self.assertEqual(self.get("/v1/users").status, 401)

        made = self.create_user("staff@hotel.test", group="HotelManager")
        self.assertEqual((made["status"], made["groups"]), ("CONFIRMED", ["HotelManager"]))
        again = self.send_json("POST", "/v1/users", {"email": "staff@hotel.test",
                                                     "password": "Guest#2026pass",
                                                     "given_name": "A", "family_name": "B"},
                               admin)
        self.assertEqual((again.status, again.json()["code"]), (409, "email_taken"))
        weak = self.send_json("POST", "/v1/users", {"email": "weak@hotel.test",
                                                    "password": "password", "given_name": "A",
                                                    "family_name": "B"}, admin)
        self.assertEqual((weak.status, weak.json()["field"]), (400, "password"))
        self.assertIn("an upper-case letter", weak.json()["detail"])
        bad_group = self.send_json("POST", "/v1/users", {"email": "g@hotel.test",
                                                         "password": "Guest#2026pass",
                                                         "given_name": "A", "family_name": "B",
                                                         "group": "Root"}, admin)
        self.assertEqual((bad_group.status, bad_group.json()["field"]), (400, "group"))

        sub = made["sub"]
        promoted = call(self.port, "PUT", f"/v1/users/{sub}/groups/Admin",
                        headers={"Authorization": f"Bearer {admin}"})
        self.assertEqual(promoted.json()["groups"], ["Admin", "HotelManager"])
        claims = decode_jwt(self.password_tokens("staff@hotel.test",
                                                 "Guest#2026pass")["id_token"])[1]
        self.assertEqual(claims["cognito:groups"], ["Admin", "HotelManager"])
        demoted = call(self.port, "DELETE", f"/v1/users/{sub}/groups/Admin",
                       headers={"Authorization": f"Bearer {admin}"})
        self.assertEqual(demoted.json()["groups"], ["HotelManager"])

        refresh = self.password_tokens("staff@hotel.test", "Guest#2026pass")["refresh_token"]
        disabled = self.send_json("POST", f"/v1/users/{sub}/disable", {}, admin)
        self.assertEqual(disabled.json()["status"], "DISABLED")
        refused = token_request(self.port, {"grant_type": "password", "username":
                                            "staff@hotel.test", "password": "Guest#2026pass",
                                            "client_id": "hotel-bench", "client_secret":
                                            client_secret(self.data, "hotel-bench")})
        self.assertEqual(refused.json()["error_description"], "the user is disabled")
        rotated = token_request(self.port, {"grant_type": "refresh_token", "refresh_token":
                                            refresh, "client_id": "hotel-bench", "client_secret":
                                            client_secret(self.data, "hotel-bench")})
        self.assertEqual(rotated.json()["error"], "invalid_grant")
        self.send_json("POST", f"/v1/users/{sub}/enable", {}, admin)
        self.password_tokens("staff@hotel.test", "Guest#2026pass")
        self.assertEqual(self.get("/v1/users/not-a-user", admin).status, 404)

    def test_own_account(self):
        self.create_user("self@hotel.test", "Self#2026pass")
        token = self.password_tokens("self@hotel.test", "Self#2026pass")["access_token"]
        me = self.get("/v1/users/me", token)
        self.assertEqual((me.status, me.json()["email"]), (200, "self@hotel.test"))
        changed = self.send_json("PATCH", "/v1/users/me", {"given_name": "Ada",
                                                          "phone_number": "+4712345678"}, token)
        self.assertEqual(changed.status, 200, changed.body)
        self.assertEqual((changed.json()["given_name"], changed.json()["family_name"]),
                         ("Ada", "Hopper"))
        for field, value in (("email", "other@hotel.test"), ("groups", ["Admin"]),
                             ("phone_number", "12")):
            refused = self.send_json("PATCH", "/v1/users/me", {field: value}, token)
            self.assertEqual((refused.status, refused.json()["field"]), (400, field))
        moved = self.send_json("POST", "/v1/users/me/password",
                               {"current_password": "Self#2026pass",
                                "new_password": "Moved#2026pass"}, token)
        self.assertEqual(moved.status, 204, moved.body)
        self.password_tokens("self@hotel.test", "Moved#2026pass")
        service = self.service_token("booking-service")
        self.assertEqual(self.get("/v1/users/me", service).status, 403)

    def test_cli_administers_the_same_database(self):
        env = dict(os.environ, **ENV)

        def cli(*args):
            return subprocess.run([HOTEL, *args, "--data-dir", self.data], capture_output=True,
                                  text=True, timeout=60, env=env)

        added = cli("users", "add", "--email", "Cli@Hotel.test", "--password", "Cli#2026pass",
                    "--group", "HotelManager")
        self.assertEqual(added.returncode, 0, added.stderr)
        self.assertIn("created cli@hotel.test", added.stdout)
        claims = decode_jwt(self.password_tokens("cli@hotel.test", "Cli#2026pass")["id_token"])[1]
        self.assertEqual(claims["cognito:groups"], ["HotelManager"])
        self.assertIn("cli@hotel.test", cli("users", "list", "--group", "HotelManager").stdout)
        self.assertEqual(cli("users", "group", "add", "--email", "cli@hotel.test", "--group",
                             "Admin").returncode, 0)
        listed = cli("users", "list").stdout
        self.assertRegex(listed, r"cli@hotel\.test\s+CONFIRMED\s+Admin,HotelManager")
        self.assertEqual(cli("users", "disable", "--email", "cli@hotel.test").returncode, 0)
        refused = token_request(self.port, {"grant_type": "password", "username":
                                            "cli@hotel.test", "password": "Cli#2026pass",
                                            "client_id": "hotel-bench", "client_secret":
                                            client_secret(self.data, "hotel-bench")})
        self.assertEqual(refused.status, 400)
        self.assertEqual(cli("users", "enable", "--email", "cli@hotel.test").returncode, 0)
        weak = cli("users", "add", "--email", "w@hotel.test", "--password", "weak")
        self.assertEqual(weak.returncode, 1)
        self.assertIn("password must have", weak.stderr)
        missing = cli("users", "disable", "--email", "nobody@hotel.test")
        self.assertEqual(missing.returncode, 1)
        self.assertIn("no user has the e-mail address", missing.stderr)

    def test_service_tokens_and_the_protected_feed(self):
        self.assertEqual(self.get("/v1/events?wait=0").status, 401)
        customer = self.password_tokens(*CUSTOMER)["access_token"]
        self.assertEqual(self.get("/v1/events?wait=0", customer).status, 403)
        booking = self.service_token("booking-service")
        claims = decode_jwt(booking)[1]
        self.assertEqual((claims["sub"], claims["client_id"]), ("booking-service",) * 2)
        self.assertNotIn("username", claims)
        self.assertEqual(self.get("/v1/events?wait=0", booking).status, 403)
        notification = self.service_token("notification-service", "events/read")
        self.assertEqual(self.get("/v1/events?wait=0", notification).status, 200)
        too_much = token_request(self.port, {"grant_type": "client_credentials",
                                             "scope": "payment/internal"},
                                 {"Authorization": basic("notification-service", client_secret(
                                     self.data, "notification-service"))})
        self.assertEqual((too_much.status, too_much.json()["error"]), (400, "invalid_scope"))
        wrong = token_request(self.port, {"grant_type": "client_credentials"},
                              {"Authorization": basic("notification-service", "guess")})
        self.assertEqual((wrong.status, wrong.json()["error"]), (401, "invalid_client"))
        self.assertTrue(wrong.header("WWW-Authenticate").startswith("Basic"))

    def test_key_rotation_publishes_first_and_signs_later(self):
        admin = self.admin_token()
        before = self.get("/v1/admin/keys", admin).json()
        rotated = self.send_json("POST", "/v1/admin/keys/rotate", {}, admin)
        self.assertEqual(rotated.status, 201, rotated.body)
        kids = [k["kid"] for k in self.jwks()["keys"]]
        self.assertIn(rotated.json()["kid"], kids)
        self.assertIn(before["signing_kid"], kids)
        # Still signing with the old key during the activation delay (60 s by default).
        fresh = self.password_tokens(*CUSTOMER)["access_token"]
        self.assertEqual(decode_jwt(fresh)[0]["kid"], before["signing_kid"])
        self.assertEqual(self.get("/v1/admin/keys", admin).json()["signing_kid"],
                         before["signing_kid"])
        customer = self.password_tokens(*CUSTOMER)["access_token"]
        self.assertEqual(self.send_json("POST", "/v1/admin/keys/rotate", {}, customer).status,
                         403)


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

        import hashlib
        import hmac
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


class IdentityKeyActivationTest(IdentityBase):
    """A key made by `hotel keys rotate` in another process is published by the running service
    within 5 s and signs only after the activation delay (35 s here), so that every verifier,
    which refetches an unknown kid at most every 30 s, can verify the first token it meets."""
    extra_env = {"HOTEL_IDENTITY_KEY_ACTIVATION_DELAY": "35s"}

    def test_rotation_from_the_cli(self):
        old = self.password_tokens(*CUSTOMER)["access_token"]
        old_kid = decode_jwt(old)[0]["kid"]
        self.assertEqual(self.get("/oauth2/userInfo", old).status, 200)  # the verifier has keys
        rotated = subprocess.run([HOTEL, "keys", "rotate", "--data-dir", self.data],
                                 capture_output=True, text=True, timeout=60,
                                 env=dict(os.environ, **ENV))
        self.assertEqual(rotated.returncode, 0, rotated.stderr)
        new_kid = re.search(r"new signing key (\w+)", rotated.stdout).group(1)
        started = time.time()
        wait_until(lambda: new_kid in [k["kid"] for k in self.jwks()["keys"]], timeout=10,
                   interval=0.5, what="the new key in the JWKS")
        self.assertEqual(decode_jwt(self.password_tokens(*CUSTOMER)["access_token"])[0]["kid"],
                         old_kid)
        new = wait_until(lambda: (lambda t: t if decode_jwt(t)[0]["kid"] == new_kid else None)(
            self.password_tokens(*CUSTOMER)["access_token"]), timeout=60, interval=1,
            what="tokens signed with the new key")
        self.assertGreaterEqual(time.time() - started, 25)
        self.assertTrue(verify_rs256(new, self.jwks()))
        self.assertEqual(self.get("/oauth2/userInfo", new).status, 200)
        self.assertEqual(self.get("/oauth2/userInfo", old).status, 200)


if __name__ == "__main__":
    unittest.main()
