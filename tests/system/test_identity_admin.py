"""System tests of identity administration through the real `hotel` binary: the admin and
self-service /v1/users endpoints, the `hotel users` and `hotel keys` commands on the running
service's data, client-credentials tokens and the protected event feed, and signing key rotation
(published at once, signing only after the activation delay)."""
import json
import os
import re
import subprocess
import time
import unittest

from harness import HOTEL, wait_until
from identity_support import (CUSTOMER, ENV, IdentityBase, basic, call, client_secret,
                              decode_jwt, token_request, verify_rs256)


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
