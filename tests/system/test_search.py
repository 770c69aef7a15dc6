"""System tests of the search service (the query side): the real `hotel` binary runs the identity
and search targets; the read model is built only from hotel events.

Tokens come from identity's password grant for the client hotel-bench (the demo users). The
hotels service's API is not on main yet, so a fake hotels feed (fake_hotels_feed.py) publishes the
contract's events in the chassis feed format, and search finds it through
HOTEL_SERVICES_HOTELS_ENDPOINTS (the hotels target does not run: it would shadow the fake)."""
import json
import os
import signal
import subprocess
import time
import unittest
import urllib.parse
from datetime import date, timedelta

from fake_hotels_feed import FakeHotelsFeed
from harness import HOTEL, TempDir, get_json, hotel, http, wait_until
from identity_support import client_secret, token_request

ADMIN = ("admin@hotel.test", "Admin#2026demo")
CUSTOMER = ("customer@hotel.test", "Customer#2026demo")
# Cheap argon2 for speed, and the benchmark client (password grant) on.
IDENTITY_ENV = {"HOTEL_IDENTITY_HASH_OPSLIMIT": "1", "HOTEL_IDENTITY_HASH_MEMLIMIT_KIB": "8192",
                "HOTEL_IDENTITY_BENCH_CLIENT": "true"}


def snapshot(hotel_id, version=1, **fields):
    """A hotel snapshot as the hotels service publishes it, with `fields` replaced."""
    data = {
        "id": hotel_id, "version": version, "name": f"Hotel {hotel_id}",
        "description": "A quiet place with a garden.", "address": "1 Main Street",
        "city": "Porto", "country": "PT", "latitude": 41.1579, "longitude": -8.6291, "stars": 3,
        "base_price": {"amount": 9000, "currency": "EUR"}, "amenities": ["wifi"],
        "check_in": "15:00", "check_out": "11:00", "instant_confirmation": False,
        "room_types": [{"id": f"{hotel_id}-double", "name": "Double", "capacity": 2, "count": 5,
                        "price": {"amount": 9000, "currency": "EUR"}}],
        "managers": ["manager-1"], "photos": [], "created_by": "admin-1",
        "updated_at": "2024-05-01T10:00:00Z",
    }
    data.update(fields)
    return data


def rooms(*pairs):
    return [{"id": f"rt-{i}", "name": "Room", "capacity": c, "count": 3,
             "price": {"amount": p, "currency": "EUR"}} for i, (c, p) in enumerate(pairs)]


CATALOGUE = [
    snapshot("sp-1", name="Paulista Palace", city="São Paulo", country="BR", stars=5,
             latitude=-23.5614, longitude=-46.6559, room_types=rooms((2, 30000), (4, 52000)),
             description="Rooftop pool over Avenida Paulista."),
    snapshot("sp-2", name="Hostel Liberdade", city="São Paulo", country="BR", stars=2,
             latitude=-23.5587, longitude=-46.6350, room_types=rooms((1, 6000))),
    snapshot("sp-3", name="Vila Madalena Inn", city="São Paulo", country="BR", stars=3,
             latitude=-23.5535, longitude=-46.6913, room_types=rooms((2, 14000), (3, 17000))),
    snapshot("sp-4", name="Sao Pedro Lodge", city="São Pedro", country="BR", stars=4,
             latitude=-22.5483, longitude=-47.9139, room_types=rooms((2, 21000))),
    snapshot("ad-1", name="Hotel Coma Bella", city="Sant Julià de Lòria", country="AD", stars=3,
             latitude=42.4637, longitude=1.4913, room_types=rooms((2, 11000), (4, 19000)),
             description="Mountain views and ski lockers."),
    snapshot("zh-1", name="Seehotel", city="Zürich", country="CH", stars=5,
             latitude=47.3769, longitude=8.5417, room_types=rooms((2, 42000)),
             description="Lake views and a café on the promenade."),
] + [snapshot(f"po-{i}", name=f"Porto Stay {i}", stars=1 + i % 5,
              room_types=rooms((2, 5000 + 1000 * (i % 4))),
              latitude=41.15 + i * 0.001, longitude=-8.62) for i in range(15)]


def password_token(port, data_dir, email, password):
    """An access token from identity's password grant for the client hotel-bench."""
    response = token_request(port, {"grant_type": "password", "username": email,
                                    "password": password, "client_id": "hotel-bench",
                                    "client_secret": client_secret(data_dir, "hotel-bench")})
    assert response.status == 200, response.body
    return response.json()["access_token"]


class SearchSystem:
    """One `hotel serve --target=identity,search --demo-data` process with a fake hotels feed."""

    def __init__(self, data_dir, feed, extra_env=None):
        env = dict(feed.env())
        env.update(IDENTITY_ENV)
        env.update({"HOTEL_HTTP_WORKERS": "2"})
        env.update(extra_env or {})
        self.data_dir, self.feed, self.env = data_dir, feed, env
        self.start()
        port = self.proc.ports["identity"]
        self.user = {"Authorization": "Bearer " + password_token(port, data_dir, *CUSTOMER)}
        self.admin = {"Authorization": "Bearer " + password_token(port, data_dir, *ADMIN)}

    def start(self):
        self.proc = hotel(["identity", "search"], self.data_dir, self.env, args=["--demo-data"])
        self.proc.wait_ports(["identity", "search"])
        wait_until(lambda: get_json(self.proc.url("search", "/health/ready"))[0] == 200,
                   what="search ready")

    def get(self, path, headers=None):
        status, _, body = http("GET", self.proc.url("search", path),
                               headers=self.user if headers is None else headers)
        return status, json.loads(body) if body else None

    def search(self, **params):
        status, body = self.get("/v1/search?" + urllib.parse.urlencode(params))
        assert status == 200, (status, body)
        return body

    def ids(self, **params):
        return [h["id"] for h in self.search(**params)["hotels"]]

    def metric(self, line_start):
        _, _, body = http("GET", self.proc.url("search", "/metrics"))
        for line in body.decode().splitlines():
            if line.startswith(line_start + " "):
                return float(line.split()[-1])
        return None

    def caught_up(self, hotels=None):
        """Waits until the read model applied everything the feed has (search polls with
        after=<its cursor>) and, when given, holds `hotels` live hotels."""
        def done():
            applied_all = self.feed.requested and self.feed.requested[-1] >= len(self.feed.events)
            return applied_all and (hotels is None or self.metric("search_index_hotels") == hotels)
        wait_until(done, timeout=60, what="search caught up with the hotels feed")

    def stop(self):
        return self.proc.stop()


class SearchTest(unittest.TestCase):
    def setUp(self):
        self.tmp = TempDir()
        self.data = self.tmp.__enter__()
        self.feed = FakeHotelsFeed()
        self.s = SearchSystem(self.data, self.feed)

    def tearDown(self):
        try:
            self.assertEqual(self.s.stop(), 0)
        finally:
            self.feed.close()
            self.tmp.__exit__(None, None, None)

    def publish_catalogue(self):
        for h in CATALOGUE:
            self.feed.publish("hotel.created", h)
        self.s.caught_up(len(CATALOGUE))

    def test_signed_in_users_only(self):
        self.assertEqual(self.s.get("/v1/search", headers={})[0], 401)
        self.assertEqual(self.s.get("/v1/search/hotels/x", headers={})[0], 401)
        status, _, _ = http("POST", self.s.proc.url("search", "/v1/admin/search/rebuild"),
                            headers=self.s.user)
        self.assertEqual(status, 403)

    def test_search_reflects_each_change(self):
        self.feed.publish("hotel.created", snapshot("h-1", name="Harbour Inn"))
        wait_until(lambda: self.s.ids(q="harbour") == ["h-1"], what="created hotel visible")
        self.feed.publish("hotel.updated", snapshot("h-1", 2, name="Harbour Inn",
                                                    city="Lisboa", latitude=38.72,
                                                    longitude=-9.14))
        wait_until(lambda: self.s.ids(city="lisb") == ["h-1"], what="edited hotel visible")
        self.assertEqual(self.s.ids(city="porto"), [])
        self.feed.publish("hotel.rooms_changed", snapshot("h-1", 3, city="Lisboa",
                                                          room_types=rooms((4, 20000))))
        wait_until(lambda: self.s.ids(guests=4) == ["h-1"], what="new room type searchable")
        status, detail = self.s.get("/v1/search/hotels/h-1")
        self.assertEqual(status, 200)
        self.assertEqual(detail["version"], 3)
        self.assertNotIn("managers", detail)
        self.feed.publish("hotel.deleted", {"id": "h-1", "version": 4})
        wait_until(lambda: self.s.get("/v1/search/hotels/h-1")[0] == 404, what="deleted")
        self.assertEqual(self.s.ids(), [])
        # A late, older update does not bring the deleted hotel back.
        self.feed.publish("hotel.updated", snapshot("h-1", 3, name="Ghost"))
        self.s.caught_up()
        self.assertEqual(self.s.ids(q="ghost"), [])

    def test_filters_sorts_pages_and_facets(self):
        self.publish_catalogue()
        s = self.s
        self.assertEqual(set(s.ids(city="sao")), {"sp-1", "sp-2", "sp-3", "sp-4"})
        self.assertEqual(set(s.ids(city="SÃO PAULO")), {"sp-1", "sp-2", "sp-3"})
        self.assertEqual(s.ids(city="LORIA"), ["ad-1"])
        self.assertEqual(s.ids(city="zurich"), ["zh-1"])
        self.assertEqual(s.ids(q="cafe"), ["zh-1"])
        self.assertEqual(s.ids(q="rooftop pool"), ["sp-1"])
        self.assertEqual(s.ids(city="sao", min_stars=4), ["sp-1", "sp-4"])  # rating sort
        self.assertEqual(s.ids(city="sao", sort="price"), ["sp-2", "sp-3", "sp-4", "sp-1"])
        self.assertEqual(s.ids(city="sao", guests=3, sort="price"), ["sp-3", "sp-1"])
        self.assertEqual(s.ids(city="sao", min_price=15000, max_price=40000, sort="price"),
                         ["sp-3", "sp-4", "sp-1"])
        near = s.search(lat=-23.5614, lon=-46.6559, radius_km=5)
        self.assertEqual([h["id"] for h in near["hotels"]], ["sp-1", "sp-2", "sp-3"])
        distances = [h["distance_km"] for h in near["hotels"]]
        self.assertEqual(distances, sorted(distances))
        self.assertEqual(near["facets"]["total"], 3)
        stay = date.today() + timedelta(days=10)
        self.assertEqual(len(s.ids(city="porto", check_in=stay.isoformat(),
                                   check_out=(stay + timedelta(days=3)).isoformat())), 15)

        facets = s.search(limit=1)["facets"]
        self.assertEqual(facets["total"], len(CATALOGUE))
        self.assertEqual(facets["cities"][0], {"city": "Porto", "country": "PT", "count": 15})
        self.assertEqual(sum(f["count"] for f in facets["stars"]), len(CATALOGUE))

        for sort in ("price", "rating"):
            walked, cursor, pages = [], None, 0
            while True:
                params = {"city": "porto", "sort": sort, "limit": 4}
                if cursor:
                    params["cursor"] = cursor
                page = s.search(**params)
                self.assertEqual("facets" in page, cursor is None)
                walked += [h["id"] for h in page["hotels"]]
                pages += 1
                cursor = page["next_cursor"]
                if not cursor:
                    break
            self.assertEqual(pages, 4)
            self.assertEqual(sorted(walked), sorted(f"po-{i}" for i in range(15)), sort)
            key = (lambda h: h["price"]["amount"]) if sort == "price" else (
                lambda h: -h["stars"])
            full = s.search(city="porto", sort=sort, limit=100)["hotels"]
            self.assertEqual([key(h) for h in full], sorted(key(h) for h in full))
            self.assertEqual([h["id"] for h in full], walked)

    def test_every_bad_parameter_is_named(self):
        today = date.today()
        cases = {
            "town=porto": "town", "min_stars=0": "min_stars", "max_price=-5": "max_price",
            "guests=many": "guests", "lat=1": "lon", "lat=95&lon=0": "lat",
            "radius_km=10": "radius_km", "sort=distance": "sort", "sort=cheap": "sort",
            "limit=500": "limit", "cursor=zzz": "cursor", "city=%20-%20": "city",
            f"check_in={today + timedelta(days=2)}&check_out={today + timedelta(days=1)}":
                "check_out",
            f"check_in={today + timedelta(days=1)}&check_out={today + timedelta(days=40)}":
                "check_out",
            "check_in=2024-02-30&check_out=2024-03-02": "check_in",
            "check_in=2099-01-01": "check_out",
        }
        for query, field in cases.items():
            status, body = self.s.get("/v1/search?" + query)
            self.assertEqual(status, 400, query)
            self.assertEqual(body["field"], field, query)
        self.publish_catalogue()
        cursor = self.s.search(city="porto", limit=2)["next_cursor"]
        status, body = self.s.get("/v1/search?city=lisboa&limit=2&cursor=" + cursor)
        self.assertEqual((status, body["field"]), (400, "cursor"))

    def test_unknown_events_are_skipped_and_malformed_ones_parked(self):
        self.feed.publish("hotel.photo_processed", {"id": "h-9"})
        broken = snapshot("h-bad")
        del broken["latitude"]
        self.feed.publish("hotel.created", broken)
        self.feed.publish("hotel.created", snapshot("h-ok"))
        wait_until(lambda: self.s.ids() == ["h-ok"], timeout=90, what="events after the bad one")
        status, body = self.s.get("/v1/admin/dead-letters", headers=self.s.admin)
        self.assertEqual(status, 200)
        letters = body["dead_letters"]
        self.assertEqual([d["seq"] for d in letters], [2])
        self.assertIn("latitude", letters[0]["error"])

    def test_metrics_show_freshness(self):
        self.publish_catalogue()
        self.assertEqual(self.s.metric("search_index_hotels"), len(CATALOGUE))
        self.assertEqual(self.s.metric("event_to_index_seconds_count"), len(CATALOGUE))
        self.assertEqual(self.s.metric('event_subscription_lag{subscription="search.hotels"}'), 0)
        self.assertEqual(self.s.metric("search_index_breaker_state"), 0)

    def test_a_killed_search_resumes_from_its_cursor(self):
        self.publish_catalogue()
        before = self.s.search(city="sao", sort="price")
        self.s.proc.kill()
        requests_before = len(self.feed.requested)
        self.feed.publish("hotel.updated", snapshot("sp-2", 2, name="Hostel Liberdade",
                                                    city="São Paulo", country="BR", stars=2,
                                                    room_types=rooms((1, 99000))))
        self.feed.publish("hotel.created", snapshot("new-1", city="São Paulo", country="BR"))
        self.s.start()
        self.s.caught_up(len(CATALOGUE) + 1)
        first_after_restart = self.feed.requested[requests_before]
        self.assertGreaterEqual(first_after_restart, len(CATALOGUE))
        after = self.s.search(city="sao", sort="price")
        self.assertEqual(len(after["hotels"]), len(before["hotels"]) + 1)
        self.assertEqual(after["hotels"][-1]["id"], "sp-2")

    def test_rebuild_reproduces_the_same_results(self):
        self.publish_catalogue()
        self.feed.publish("hotel.updated", snapshot("po-3", 2, name="Porto Stay renamed",
                                                    stars=5))
        self.feed.publish("hotel.deleted", {"id": "po-4", "version": 2})
        self.s.caught_up(len(CATALOGUE) - 1)
        queries = [{}, {"city": "sao", "sort": "price"}, {"q": "renamed"},
                   {"lat": -23.5614, "lon": -46.6559}, {"city": "porto", "limit": 5}]
        expected = [self.s.search(**q) for q in queries]

        status, _, body = http("POST", self.s.proc.url("search", "/v1/admin/search/rebuild"),
                               headers=self.s.admin)
        self.assertEqual(status, 202, body)
        self.s.caught_up(len(CATALOGUE) - 1)
        self.assertEqual([self.s.search(**q) for q in queries], expected)

        # Offline: the CLI clears the read model and the cursor; the next start replays the feed.
        self.assertEqual(self.s.stop(), 0)
        out = subprocess.run([HOTEL, "search", "rebuild", "--data-dir", self.data],
                             capture_output=True, text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        requests_before = len(self.feed.requested)
        self.s.start()
        self.s.caught_up(len(CATALOGUE) - 1)
        self.assertEqual(self.feed.requested[requests_before], 0)
        self.assertEqual([self.s.search(**q) for q in queries], expected)


if __name__ == "__main__":
    unittest.main()
