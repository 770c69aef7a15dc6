"""System tests of the hotels service through the real `hotel` binary, with the real identity
service issuing the tokens: the admin API with optimistic concurrency, roles, events in the feed
with full snapshots, photo uploads real and hostile, demo data, and a SIGKILL right after commits
that loses nothing."""
import json
import os
import threading
import unittest
from datetime import date, timedelta

from harness import http, wait_until
from hotels_support import SNAPSHOT_KEYS, Cluster, fixture, hotel_document, png_declaring


class HotelsSystemTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.c = Cluster()

    @classmethod
    def tearDownClass(cls):
        codes = cls.c.close()
        if codes != [0, 0]:
            raise AssertionError(f"exit codes {codes}")

    def events_of(self, hotel_id):
        return [e for e in self.c.feed() if e["subject"] == hotel_id]

    def test_admin_creates_edits_and_deletes_with_if_match(self):
        c = self.c
        created = c.call("POST", "/v1/hotels", "admin", hotel_document())
        self.assertEqual(created.status, 201, created.body)
        self.assertEqual(created.header("ETag"), '"1"')
        hotel = created.json()
        path = f"/v1/hotels/{hotel['id']}"
        self.assertEqual(hotel["created_by"], c.subs["admin"])

        edited = hotel_document(stars=5, managers=[c.subs["manager1"]])
        self.assertEqual(c.call("PUT", path, "admin", edited).status, 428)
        put = c.call("PUT", path, "admin", edited, {"If-Match": '"1"'})
        self.assertEqual(put.status, 200, put.body)
        self.assertEqual(put.header("ETag"), '"2"')
        stale = c.call("PUT", path, "admin", edited, {"If-Match": '"1"'})
        self.assertEqual(stale.status, 412)
        self.assertEqual(stale.header("Content-Type"), "application/problem+json")
        patched = c.call("PATCH", path, "admin", {"room_types": [
            {"id": "double", "name": "Double", "capacity": 2, "count": 12,
             "price": {"amount": 13900, "currency": "EUR"}}]}, {"If-Match": '"2"'})
        self.assertEqual(patched.status, 200, patched.body)
        self.assertEqual(c.call("DELETE", path, "admin", headers={"If-Match": '"3"'}).status, 204)
        self.assertEqual(c.call("GET", path, "admin").status, 404)

        events = self.events_of(hotel["id"])
        self.assertEqual([e["type"] for e in events],
                         ["hotel.created", "hotel.updated", "hotel.managers_changed",
                          "hotel.rooms_changed", "hotel.deleted"])
        self.assertEqual([e["data"]["version"] for e in events], [1, 2, 2, 3, 4])
        self.assertEqual(sorted(e["sequence"] for e in events), [e["sequence"] for e in events])
        for event in events[:-1]:
            self.assertEqual(set(event["data"]), SNAPSHOT_KEYS)
            self.assertEqual(event["source"], "hotel/hotels")
        self.assertEqual(events[1]["data"]["stars"], 5)
        self.assertEqual(events[2]["data"]["managers"], [c.subs["manager1"]])
        self.assertEqual(events[3]["data"]["room_types"][0]["count"], 12)
        self.assertEqual(events[4]["data"], {"id": hotel["id"], "version": 4})

    def test_field_errors_name_the_field(self):
        bad = hotel_document(country="Portugal")
        bad["room_types"][0]["count"] = -1
        response = self.c.call("POST", "/v1/hotels", "admin", bad)
        self.assertEqual((response.status, response.json()["field"]), (400, "country"))
        response = self.c.call("POST", "/v1/hotels", "admin", hotel_document(
            room_types=[{"name": "A", "capacity": 2, "count": -1,
                         "price": {"amount": 1, "currency": "EUR"}}]))
        self.assertEqual(response.json()["field"], "room_types[0].count")
        response = self.c.call("POST", "/v1/hotels", "admin", hotel_document(pool=True))
        self.assertEqual(response.json()["field"], "pool")

    def test_roles(self):
        c = self.c
        for role, status in [(None, 401), ("customer", 403), ("manager1", 403)]:
            self.assertEqual(c.call("POST", "/v1/hotels", role, hotel_document()).status, status)
            self.assertEqual(c.call("GET", "/v1/hotels?all=true", role).status,
                             401 if role is None else 403)
        hotel = c.create(managers=[c.subs["manager2"]])
        path = f"/v1/hotels/{hotel['id']}"
        self.assertEqual(c.call("GET", path, "manager2").status, 200)
        self.assertEqual(c.call("GET", path, "manager1").status, 403)
        self.assertEqual(c.call("GET", path, "customer").status, 403)
        self.assertEqual(c.call("GET", path).status, 401)
        self.assertEqual(c.call("PATCH", path, "manager2", {"stars": 1},
                                {"If-Match": '"1"'}).status, 403)

    def test_managers_are_checked_with_identity(self):
        c = self.c
        for managers, code in [([c.subs["customer"]], "not_a_manager"),
                               (["no-such-user"], "unknown_user"),
                               ([c.subs["admin"]], "not_a_manager")]:
            response = c.call("POST", "/v1/hotels", "admin", hotel_document(managers=managers))
            self.assertEqual((response.status, response.json()["code"],
                              response.json()["field"]), (400, code, "managers[0]"))
        self.assertEqual(c.create(managers=[c.subs["manager1"], c.subs["manager2"]])["managers"],
                         sorted([c.subs["manager1"], c.subs["manager2"]]))

    def test_demo_hotels_bind_to_the_demo_managers_at_their_first_call(self):
        c = self.c
        listed = c.call("GET", "/v1/hotels", "manager1").json()["hotels"]
        demo = [h for h in listed if h["created_by"] == "demo-data"]
        self.assertEqual(sorted(h["city"] for h in demo), ["Amsterdam", "Lisbon", "Marrakesh"])
        for h in demo:
            self.assertEqual(h["managers"], [c.subs["manager1"]])
            self.assertEqual(len(h["photos"]), 2)
            status, headers, body = http("GET", f"http://127.0.0.1:{c.port}{h['photos'][0]['url']}")
            self.assertEqual((status, headers["Content-Type"]), (200, "image/jpeg"))
        bound = [e for e in c.feed() if e["type"] == "hotel.managers_changed"
                 and e["data"]["created_by"] == "demo-data"]
        self.assertGreaterEqual(len(bound), 3)
        everything = c.call("GET", "/v1/hotels?all=true&limit=200", "admin").json()["hotels"]
        self.assertGreaterEqual(len([h for h in everything if h["created_by"] == "demo-data"]), 6)

    def test_real_photos_are_stored_and_served(self):
        c = self.c
        hotel = c.create()
        for name, content_type in [("lobby.jpg", "image/jpeg"), ("lobby.png", "image/png"),
                                   ("lobby.webp", "image/webp")]:
            response = c.upload(hotel["id"], name, content_type, fixture(name))
            self.assertEqual(response.status, 201, response.body)
            photo = response.json()["photo"]
            self.assertEqual((photo["content_type"], photo["width"], photo["height"]),
                             (content_type, 160, 120))
            status, headers, body = http("GET", f"http://127.0.0.1:{c.port}{photo['url']}")
            self.assertEqual((status, headers["Content-Type"], body), (200, content_type, fixture(name)))
            self.assertIn("immutable", headers["Cache-Control"])
            status, _, _ = http("GET", f"http://127.0.0.1:{c.port}{photo['url'].split('?')[0]}",
                                headers={"If-None-Match": headers["ETag"]})
            self.assertEqual(status, 304)
            status, headers, body = http("GET", f"http://127.0.0.1:{c.port}{photo['thumbnail_url']}")
            self.assertEqual((status, headers["Content-Type"], body[:3]), (200, "image/jpeg", b"\xff\xd8\xff"))
        snapshot = self.events_of(hotel["id"])[-1]["data"]
        self.assertEqual([p["order"] for p in snapshot["photos"]], [0, 1, 2])
        self.assertEqual([p["content_type"] for p in snapshot["photos"]],
                         ["image/jpeg", "image/png", "image/webp"])

    def test_hostile_uploads_are_refused(self):
        c = self.c
        hotel = c.create()
        jpeg = fixture("lobby.jpg")
        cases = [
            ("shell.jpg", "image/jpeg", b"<?php system($_GET['cmd']); ?>\n", 415, "photo"),
            ("bomb.png", "image/png", png_declaring(100000, 100000), 400, "photo"),
            ("empty.jpg", "image/jpeg", b"", 400, "photo"),
            ("truncated.jpg", "image/jpeg", jpeg[: len(jpeg) // 2], 400, "photo"),
            ("lobby.gif", "image/gif", jpeg, 415, "Content-Type"),
            ("lobby.png", "image/png", jpeg, 415, "Content-Type"),
        ]
        for filename, content_type, data, status, field in cases:
            response = c.upload(hotel["id"], filename, content_type, data)
            self.assertEqual((response.status, response.json()["field"]), (status, field), filename)
        self.assertIn("100000x100000", c.upload(hotel["id"], "bomb.png", "image/png",
                                                png_declaring(100000, 100000)).json()["detail"])
        self.assertEqual(len(self.events_of(hotel["id"])), 1)  # only hotel.created

        # A path-traversal file name is a name, never a path: the key is generated.
        response = c.upload(hotel["id"], "../../etc/passwd.jpg", "image/jpeg", jpeg)
        self.assertEqual(response.status, 201, response.body)
        blobs = os.path.join(c.data, "hotels", "blobs")
        stored = [os.path.relpath(os.path.join(d, f), blobs)
                  for d, _, files in os.walk(blobs) for f in files]
        self.assertFalse([p for p in stored if "passwd" in p or ".." in p], stored)
        self.assertFalse(os.path.exists(os.path.join(c.data, "etc", "passwd.jpg")))
        self.assertEqual(len([p for p in stored if p.startswith(f"photos/{hotel['id']}/")]), 2)

    def test_search_follows_the_hotels_feed(self):
        """The event contract end to end: what the admin API changes, search shows."""
        c = self.c
        hotel = c.create(name="Hotel Contract")
        photo = c.upload(hotel["id"], "lobby.png", "image/png", fixture("lobby.png")).json()["photo"]
        detail = wait_until(lambda: (lambda r: r[1] if r[0] == 200 and r[1]["version"] == 2
                                     else None)(c.search_detail(hotel["id"])),
                            what="search has the hotel with its photo")
        self.assertEqual(detail["name"], "Hotel Contract")
        self.assertEqual(detail["photos"][0]["thumbnail_url"], photo["thumbnail_url"])
        self.assertNotIn("managers", detail)
        renamed = c.call("PATCH", f"/v1/hotels/{hotel['id']}", "admin", {"name": "Hotel Renamed"},
                         {"If-Match": '"2"'})
        self.assertEqual(renamed.status, 200, renamed.body)
        wait_until(lambda: c.search_detail(hotel["id"])[1] and
                   c.search_detail(hotel["id"])[1]["name"] == "Hotel Renamed", what="renamed")
        c.call("DELETE", f"/v1/hotels/{hotel['id']}", "admin", headers={"If-Match": '"3"'})
        wait_until(lambda: c.search_detail(hotel["id"])[0] == 404, what="gone from search")
        demo = wait_until(lambda: (lambda r: r[1] if r[0] == 200 else None)(
            c.search_detail("0d3a5c1e-7b2f-4c8e-9a61-000000000003")), what="demo hotel in search")
        self.assertEqual(demo["city"], "Tokyo")

    def test_rooms_committed_in_booking_hold_the_room_count(self):
        """booking's inventory.changed events (a fake booking feed) reach the hotels service, which
        then refuses a room count below the rooms committed on a night ahead."""
        c = self.c
        hotel = c.create(name="Hotel Inventory")
        path = f"/v1/hotels/{hotel['id']}"
        ahead = (date.today() + timedelta(days=10)).isoformat()
        past = (date.today() - timedelta(days=10)).isoformat()
        c.booking.publish("inventory.changed", {
            "hotel_id": hotel["id"], "room_type_id": "double",
            "nights": [{"night": ahead, "capacity": 8, "held": 2, "booked": 4},
                       {"night": past, "capacity": 8, "held": 0, "booked": 8}]})

        def rooms(count, version):
            return c.call("PATCH", path, "admin", {"room_types": [dict(
                hotel["room_types"][0], count=count)]}, {"If-Match": f'"{version}"'})

        refused = wait_until(lambda: (lambda r: r if r.status == 409 else None)(rooms(5, 1)),
                             what="the projection refuses 5 doubles")
        self.assertEqual(refused.json()["field"], "room_types[0].count")
        self.assertIn("6 rooms", refused.json()["detail"])
        self.assertEqual(rooms(6, 1).status, 200)
        self.assertEqual(c.call("DELETE", path, "admin", headers={"If-Match": '"2"'}).status, 409)

        # A broken event is parked, not applied, and the feed moves on.
        c.booking.publish("inventory.changed", {"hotel_id": hotel["id"], "room_type_id": "double",
                                                "nights": [{"night": "someday"}]})
        c.booking.publish("inventory.changed", {
            "hotel_id": hotel["id"], "room_type_id": "double",
            "nights": [{"night": ahead, "capacity": 8, "held": 0, "booked": 0}]})
        wait_until(lambda: rooms(0, 2).status == 200, what="released rooms free the count")
        parked = wait_until(lambda: c.call("GET", "/v1/admin/dead-letters", "admin").json()
                            .get("dead_letters"), what="the broken event parked")
        self.assertIn("nights[0].night", json.dumps(parked))
        self.assertEqual(c.call("GET", "/v1/admin/dead-letters", "customer").status, 403)

    def test_sigkill_right_after_commits_loses_nothing(self):
        c = self.c
        # One commit, acknowledged, then SIGKILL before anything else happens.
        first = c.create(name="Hotel Acknowledged")
        c.hotels.kill()
        c.start_hotels()
        self.assertEqual([e["type"] for e in self.events_of(first["id"])], ["hotel.created"])

        # A stream of creates, SIGKILL mid-stream: every acknowledged create is in the feed,
        # and every hotel.created in the feed is a hotel that can be read.
        acknowledged, stop = [], threading.Event()

        def writer():
            while not stop.is_set():
                try:
                    response = c.call("POST", "/v1/hotels", "admin", hotel_document(name="Stream"))
                except OSError:
                    return
                if response.status == 201:
                    acknowledged.append(response.json()["id"])

        thread = threading.Thread(target=writer)
        thread.start()
        while len(acknowledged) < 10 and thread.is_alive():
            threading.Event().wait(0.01)
        c.hotels.kill()
        stop.set()
        thread.join(timeout=30)
        self.assertGreaterEqual(len(acknowledged), 10)
        c.start_hotels()
        events = c.feed()
        created = {e["subject"] for e in events if e["type"] == "hotel.created"}
        deleted = {e["subject"] for e in events if e["type"] == "hotel.deleted"}
        self.assertTrue(set(acknowledged) <= created, set(acknowledged) - created)
        for hotel_id in created - deleted:
            self.assertEqual(c.call("GET", f"/v1/hotels/{hotel_id}", "admin").status, 200)


if __name__ == "__main__":
    unittest.main()
