"""End to end through the gateway, the only public entry: identity + gateway in one process,
hotels in a second, search in a third, each found through its configured endpoints (fixed
loopback ports, so a killed process comes back where the others look for it). An admin creates,
edits, photographs and deletes hotels through the gateway and search reflects each change;
managers, customers, anonymous callers and forged tokens are refused at the gateway; a hotels
process killed between its commit and the event's delivery to search loses nothing."""
import json
import os
import socket
import subprocess
import unittest
import urllib.parse

from harness import TempDir, get_json, hotel, http, wait_until
from hotels_support import BOUNDARY, IDENTITY_ENV, USERS, fixture, hotel_document, multipart
from identity_support import call, decode_jwt, password_token, sign_rs256


WEB_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "web")


def free_ports(count):
    """Loopback ports free right now (held open together so they differ)."""
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


class EndToEndTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = TempDir()
        cls.data = cls._tmp.__enter__()
        names = ("identity", "gateway", "hotels", "search")
        cls.ports = dict(zip(names, free_ports(len(names))))
        cls.env = dict(IDENTITY_ENV, HOTEL_GATEWAY_WEB_DIR=WEB_DIR)
        for name, port in cls.ports.items():
            cls.env[f"HOTEL_SERVICES_{name.upper()}_PORT"] = str(port)
            cls.env[f"HOTEL_SERVICES_{name.upper()}_ENDPOINTS"] = f"127.0.0.1:{port}"
        cls.front = cls.start(["identity", "gateway"], ["--demo-data"])
        cls.hotels = cls.start(["hotels"], ["--demo-data"])
        cls.search = cls.start(["search"])
        cls.tokens = {"anonymous": None}
        for role, credentials in USERS.items():  # through the gateway
            cls.tokens[role] = password_token(cls.ports["gateway"], cls.data, *credentials)
        header, claims = decode_jwt(cls.tokens["customer"])
        attacker = os.path.join(cls.data, "attacker.pem")
        subprocess.run(["openssl", "genrsa", "-out", attacker, "2048"], check=True,
                       capture_output=True)
        cls.tokens["forged"] = sign_rs256(
            header, dict(claims, **{"cognito:groups": ["Admin"]}), attacker)

    @classmethod
    def tearDownClass(cls):
        codes = [p.stop() for p in (cls.search, cls.hotels, cls.front)]
        cls._tmp.__exit__(None, None, None)
        if codes != [0, 0, 0]:
            raise AssertionError(f"exit codes {codes}")

    @classmethod
    def start(cls, targets, args=()):
        process = hotel(targets, cls.data, cls.env, args=args)
        process.wait_ports(targets)
        for name in targets:
            wait_until(lambda n=name: get_json(process.admin_url(n, "/health/ready"))[0] == 200,
                       what=f"{name} ready")
        return process

    # --- calls through the gateway -------------------------------------------------------------
    def call(self, method, path, role="admin", body=None, headers=None):
        all_headers = dict(headers or {})
        if self.tokens[role]:
            all_headers["Authorization"] = "Bearer " + self.tokens[role]
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
            all_headers.setdefault("Content-Type", "application/json")
        return call(self.ports["gateway"], method, path, body, all_headers)

    def search_for(self, role="customer", **params):
        response = self.call("GET", "/v1/search?" + urllib.parse.urlencode(params), role)
        self.assertEqual(response.status, 200, response.body)
        return response.json()

    def names_found(self, **params):
        return [h["name"] for h in self.search_for(**params)["hotels"]]

    def wait_search(self, predicate, what, **params):
        return wait_until(lambda: predicate(self.names_found(**params)), what=what)

    def create(self, **changes):
        response = self.call("POST", "/v1/hotels", body=hotel_document(**changes))
        self.assertEqual(response.status, 201, response.body)
        return response.json()

    # --- tests -------------------------------------------------------------------------------
    def test_admin_changes_through_the_gateway_show_in_search(self):
        hotel = self.create(name="Gateway Grand", city="Évora", stars=3,
                            latitude=38.5714, longitude=-7.9135)
        path = f"/v1/hotels/{hotel['id']}"
        self.wait_search(lambda names: names == ["Gateway Grand"], "created hotel found",
                         city="evora")
        # Reading the hotels API is for admins and the hotel's own managers (customers read
        # hotels through search).
        for role, status in {"anonymous": 401, "customer": 403, "manager1": 403, "admin": 200}.items():
            self.assertEqual(self.call("GET", path, role).status, status, role)

        photo = self.call("POST", f"{path}/photos", body=multipart(
            "lobby.png", "image/png", fixture("lobby.png")),
            headers={"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
        self.assertEqual(photo.status, 201, photo.body)
        thumbnail = photo.json()["photo"]["thumbnail_url"]
        image = self.call("GET", thumbnail, "anonymous")
        self.assertEqual(image.status, 200)
        self.assertTrue(image.header("Content-Type").startswith("image/"))

        renamed = self.call("PATCH", path, body={"name": "Gateway Palace", "stars": 5},
                            headers={"If-Match": '"2"'})
        self.assertEqual(renamed.status, 200, renamed.body)
        self.wait_search(lambda names: names == ["Gateway Palace"], "renamed hotel found",
                         city="évora", min_stars=5)
        found = self.search_for(city="evora")["hotels"][0]
        self.assertEqual(found["thumbnail_url"], thumbnail)
        detail = self.call("GET", f"/v1/search/hotels/{hotel['id']}", "customer")
        self.assertEqual(detail.status, 200)
        self.assertEqual(detail.json()["stars"], 5)

        stale = self.call("PUT", path, body=hotel_document(name="Lost Update"),
                          headers={"If-Match": '"2"'})
        self.assertEqual(stale.status, 412)
        self.assertEqual(stale.header("Content-Type"), "application/problem+json")

        self.assertEqual(self.call("DELETE", path, headers={"If-Match": '"3"'}).status, 204)
        self.wait_search(lambda names: names == [], "deleted hotel gone", city="evora")
        self.assertEqual(self.call("GET", path).status, 404)
        wait_until(lambda: self.call("GET", f"/v1/search/hotels/{hotel['id']}", "customer")
                   .status == 404, what="detail gone")

    def test_only_admins_change_hotels(self):
        hotel = self.create(name="Role Check Inn")
        path = f"/v1/hotels/{hotel['id']}"
        expected = {"anonymous": 401, "forged": 401, "customer": 403, "manager1": 403,
                    "manager2": 403}
        for role, status in expected.items():
            with self.subTest(role=role):
                created = self.call("POST", "/v1/hotels", role, hotel_document())
                self.assertEqual(created.status, status, created.body)
                if status == 401:
                    self.assertIn("Bearer", created.header("WWW-Authenticate") or "")
                else:
                    self.assertEqual(created.header("Content-Type"), "application/problem+json")
                for method in ("PUT", "PATCH", "DELETE"):
                    body = None if method == "DELETE" else hotel_document(name="Taken Over")
                    response = self.call(method, path, role, body, {"If-Match": '"1"'})
                    self.assertEqual(response.status, status, (method, response.body))
        self.assertEqual(self.call("GET", path).json()["name"], "Role Check Inn")
        # Search is for signed-in users only.
        self.assertEqual(self.call("GET", "/v1/search?city=lis", "anonymous").status, 401)
        self.assertEqual(self.call("GET", "/v1/search?city=lis", "forged").status, 401)
        for role in ("customer", "manager1", "admin"):
            self.assertEqual(self.call("GET", "/v1/search?city=lis", role).status, 200, role)
        # Bad input is named, never a 5xx.
        bad = self.call("GET", "/v1/search?min_stars=9", "customer")
        self.assertEqual(bad.status, 400)
        self.assertEqual(bad.json()["field"], "min_stars")
        invalid = self.call("POST", "/v1/hotels", body=hotel_document(latitude=123))
        self.assertEqual(invalid.status, 400)
        self.assertIn("latitude", invalid.body)

    def test_a_hotels_process_killed_before_delivery_loses_nothing(self):
        # Search is down, so the event cannot be delivered; hotels commits and dies at once.
        self.assertEqual(type(self).search.stop(), 0)
        hotel = self.create(name="Survivor Lodge", city="Faro", latitude=37.0194,
                            longitude=-7.9304)
        type(self).hotels.kill()
        type(self).hotels = self.start(["hotels"])
        type(self).search = self.start(["search"])
        self.wait_search(lambda names: "Survivor Lodge" in names, "event delivered after restart",
                         city="faro")
        self.assertEqual(self.call("GET", f"/v1/hotels/{hotel['id']}").status, 200)

    def test_demo_hotels_are_searchable_and_the_web_ui_is_served(self):
        self.wait_search(lambda names: len(names) > 0, "demo hotels in search", city="tok")
        status, headers, _ = http("GET", f"http://127.0.0.1:{self.ports['gateway']}/hotel/")
        self.assertEqual(status, 200)
        self.assertTrue(headers.get("ETag"))


if __name__ == "__main__":
    unittest.main()
