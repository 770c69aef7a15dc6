"""System tests of the search service (the query side) through the real `hotel` binary: identity
(demo users; tokens from its password grant for hotel-bench), hotels and search each run as their
own process on loopback; hotels are created, edited and deleted through the hotels API and the
search read model follows from the hotels feed alone.

SearchContractTest puts a fake hotels feed (fake_hotels_feed.py, the chassis feed format) in
place of the hotels service to send what the real one never does: unknown event types, snapshots
that break the contract, and events out of order."""
import subprocess
import unittest
from datetime import date, timedelta

from fake_hotels_feed import FakeHotelsFeed
from harness import HOTEL, http, wait_until
from hotels_support import hotel_document
from search_support import Cluster, document, rooms

SAO_PAULO = {"city": "São Paulo", "country": "BR", "address": "Avenida Paulista 1"}
CATALOGUE = {
    "sp-1": document("Paulista Palace", stars=5, latitude=-23.5614, longitude=-46.6559,
                     room_types=rooms((2, 30000), (4, 52000)),
                     description="Rooftop pool over Avenida Paulista.", **SAO_PAULO),
    "sp-2": document("Hostel Liberdade", stars=2, latitude=-23.5587, longitude=-46.6350,
                     room_types=rooms((1, 6000)), **SAO_PAULO),
    "sp-3": document("Vila Madalena Inn", stars=3, latitude=-23.5535, longitude=-46.6913,
                     room_types=rooms((2, 14000), (3, 17000)), **SAO_PAULO),
    "sp-4": document("Sao Pedro Lodge", stars=4, city="São Pedro", country="BR",
                     latitude=-22.5483, longitude=-47.9139, room_types=rooms((2, 21000))),
    "ad-1": document("Hotel Coma Bella", stars=3, city="Sant Julià de Lòria", country="AD",
                     latitude=42.4637, longitude=1.4913, room_types=rooms((2, 11000), (4, 19000)),
                     description="Mountain views and ski lockers."),
    "zh-1": document("Seehotel", stars=5, city="Zürich", country="CH", latitude=47.3769,
                     longitude=8.5417, room_types=rooms((2, 42000)),
                     description="Lake views and a café on the promenade."),
}
CATALOGUE.update({f"po-{i}": document(f"Porto Stay {i}", city="Porto", stars=1 + i % 5,
                                      latitude=41.15 + i * 0.001, longitude=-8.62,
                                      room_types=rooms((2, 5000 + 1000 * (i % 4))))
                  for i in range(15)})


class SearchWithHotelsTest(unittest.TestCase):
    def setUp(self):
        self.c = Cluster()

    def tearDown(self):
        self.assertEqual(self.c.close(), [0, 0, 0])

    def create_catalogue(self):
        for key, doc in CATALOGUE.items():
            self.c.create(key, doc)
        self.c.caught_up()

    def test_signed_in_users_only(self):
        s, tokens = self.c.search, self.c.tokens
        self.assertEqual(s.get("/v1/search", None)[0], 401)
        self.assertEqual(s.get("/v1/search/hotels/x", None)[0], 401)
        self.assertEqual(s.get("/v1/search", tokens["customer"])[0], 200)
        status, _, _ = http("POST", s.url("/v1/admin/search/rebuild"),
                            headers={"Authorization": "Bearer " + tokens["customer"]})
        self.assertEqual(status, 403)

    def test_search_reflects_each_change_made_through_the_hotels_api(self):
        c = self.c
        hotel_id = c.create("h", document("Harbour Inn", city="Porto"))["id"]
        wait_until(lambda: c.keys(q="harbour") == ["h"], what="created hotel searchable")
        c.hotels_call("PUT", f"/v1/hotels/{hotel_id}",
                      document("Harbour Inn", city="Lisboa", latitude=38.72, longitude=-9.14),
                      version=1)
        wait_until(lambda: c.keys(city="lisb") == ["h"], what="edited hotel searchable")
        self.assertEqual(c.keys(city="porto"), [])
        c.hotels_call("PATCH", f"/v1/hotels/{hotel_id}", {"room_types": rooms((4, 20000))},
                      version=2)
        wait_until(lambda: c.keys(guests=4) == ["h"], what="new room type searchable")
        status, detail = c.search.get(f"/v1/search/hotels/{hotel_id}", c.tokens["customer"])
        self.assertEqual(status, 200)
        self.assertEqual(detail["version"], 3)
        self.assertEqual(detail["room_types"][0]["capacity"], 4)
        self.assertNotIn("managers", detail)
        self.assertNotIn("created_by", detail)
        c.hotels_call("DELETE", f"/v1/hotels/{hotel_id}", version=3)
        wait_until(lambda: c.search.get(f"/v1/search/hotels/{hotel_id}",
                                        c.tokens["customer"])[0] == 404, what="deleted")
        self.assertEqual(c.keys(), [])

    def test_filters_sorts_pages_and_facets(self):
        self.create_catalogue()
        c = self.c
        self.assertEqual(set(c.keys(city="sao")), {"sp-1", "sp-2", "sp-3", "sp-4"})
        self.assertEqual(set(c.keys(city="SÃO PAULO")), {"sp-1", "sp-2", "sp-3"})
        self.assertEqual(c.keys(city="LORIA"), ["ad-1"])
        self.assertEqual(c.keys(city="zurich"), ["zh-1"])
        self.assertEqual(c.keys(q="cafe"), ["zh-1"])
        self.assertEqual(c.keys(q="rooftop pool"), ["sp-1"])
        self.assertEqual(c.keys(city="sao", min_stars=4), ["sp-1", "sp-4"])  # by rating
        self.assertEqual(c.keys(city="sao", sort="price"), ["sp-2", "sp-3", "sp-4", "sp-1"])
        self.assertEqual(c.keys(city="sao", guests=3, sort="price"), ["sp-3", "sp-1"])
        self.assertEqual(c.keys(city="sao", min_price=15000, max_price=40000, sort="price"),
                         ["sp-3", "sp-4", "sp-1"])
        near = c.search_json(lat=-23.5614, lon=-46.6559, radius_km=5)
        self.assertEqual(len(near["hotels"]), 3)
        self.assertEqual(c.keys(lat=-23.5614, lon=-46.6559, radius_km=5), ["sp-1", "sp-2", "sp-3"])
        distances = [h["distance_km"] for h in near["hotels"]]
        self.assertEqual(distances, sorted(distances))
        self.assertEqual(near["facets"]["total"], 3)
        stay = date.today() + timedelta(days=10)
        self.assertEqual(len(c.keys(city="porto", check_in=stay.isoformat(),
                                    check_out=(stay + timedelta(days=3)).isoformat())), 15)

        facets = c.search_json(limit=1)["facets"]
        self.assertEqual(facets["total"], len(CATALOGUE))
        self.assertEqual(facets["cities"][0], {"city": "Porto", "country": "PT", "count": 15})
        self.assertEqual(sum(f["count"] for f in facets["stars"]), len(CATALOGUE))

        for sort in ("price", "rating"):
            walked, cursor, pages = [], None, 0
            while True:
                params = {"city": "porto", "sort": sort, "limit": 4}
                if cursor:
                    params["cursor"] = cursor
                page = c.search_json(**params)
                self.assertEqual("facets" in page, cursor is None)
                walked += [h["id"] for h in page["hotels"]]
                pages += 1
                cursor = page["next_cursor"]
                if not cursor:
                    break
            self.assertEqual(pages, 4)
            self.assertEqual(sorted(walked), sorted(c.ids[f"po-{i}"] for i in range(15)))
            key = (lambda h: h["price"]["amount"]) if sort == "price" else (lambda h: -h["stars"])
            full = c.search_json(city="porto", sort=sort, limit=100)["hotels"]
            self.assertEqual([key(h) for h in full], sorted(key(h) for h in full))
            self.assertEqual([h["id"] for h in full], walked)

    def test_every_bad_parameter_is_named(self):
        today = date.today()
        cases = {
            "town=porto": "town", "min_stars=0": "min_stars", "max_price=-5": "max_price",
            "guests=many": "guests", "lat=1": "lon", "lat=95&lon=0": "lat",
            "radius_km=10": "radius_km", "sort=distance": "sort", "sort=cheap": "sort",
            "limit=500": "limit", "cursor=zzz": "cursor", "city=%20-%20": "city",
            "city=a&city=b": "city",
            f"check_in={today + timedelta(days=2)}&check_out={today + timedelta(days=1)}":
                "check_out",
            f"check_in={today + timedelta(days=1)}&check_out={today + timedelta(days=40)}":
                "check_out",
            f"check_in={today - timedelta(days=3)}&check_out={today + timedelta(days=1)}":
                "check_in",
            "check_in=2024-02-30&check_out=2024-03-02": "check_in",
            "check_in=2099-01-01": "check_out",
        }
        for query, field in cases.items():
            status, body = self.c.search.get("/v1/search?" + query, self.c.tokens["customer"])
            self.assertEqual(status, 400, query)
            self.assertEqual(body["field"], field, query)
        self.create_catalogue()
        cursor = self.c.search_json(city="porto", limit=2)["next_cursor"]
        status, body = self.c.search.get("/v1/search?city=lisboa&limit=2&cursor=" + cursor,
                                         self.c.tokens["customer"])
        self.assertEqual((status, body["field"]), (400, "cursor"))

    def test_metrics_show_freshness(self):
        self.create_catalogue()
        s = self.c.search
        self.assertEqual(s.metric("search_index_hotels"), len(CATALOGUE))
        self.assertEqual(s.metric("event_to_index_seconds_count"), len(CATALOGUE))
        self.assertEqual(s.metric('event_subscription_lag{subscription="search.hotels"}'), 0)
        self.assertEqual(s.metric("search_index_breaker_state"), 0)

    def test_a_killed_search_resumes_from_its_cursor(self):
        self.create_catalogue()
        c = self.c
        cursor = c.search.cursor()
        self.assertEqual(c.keys(city="sao", sort="price"), ["sp-2", "sp-3", "sp-4", "sp-1"])
        c.search.proc.kill()
        c.hotels_call("PATCH", f"/v1/hotels/{c.ids['sp-2']}", {"room_types": rooms((1, 99000))},
                      version=1)
        c.create("new", document("Nova Pousada", **SAO_PAULO))
        c.search.start()
        c.caught_up()
        # Only the events after the cursor were applied by the new process.
        self.assertEqual(c.search.metric("event_to_index_seconds_count"),
                         c.last_seq() - cursor)
        self.assertEqual(c.keys(city="sao", sort="price"), ["new", "sp-3", "sp-4", "sp-1", "sp-2"])

    def test_rebuild_reproduces_the_same_results(self):
        self.create_catalogue()
        c = self.c
        c.hotels_call("PATCH", f"/v1/hotels/{c.ids['po-3']}", {"name": "Porto Stay renamed",
                                                                "stars": 5}, version=1)
        c.hotels_call("DELETE", f"/v1/hotels/{c.ids['po-4']}", version=1)
        c.caught_up()
        queries = [{}, {"city": "sao", "sort": "price"}, {"q": "renamed"},
                   {"lat": -23.5614, "lon": -46.6559}, {"city": "porto", "limit": 5}]
        expected = [c.search_json(**q) for q in queries]
        self.assertEqual(expected[0]["facets"]["total"], len(CATALOGUE) - 1)

        status, _, body = http("POST", c.search.url("/v1/admin/search/rebuild"),
                               headers={"Authorization": "Bearer " + c.tokens["admin"]})
        self.assertEqual(status, 202, body)
        c.caught_up()
        self.assertEqual([c.search_json(**q) for q in queries], expected)

        # Offline: the CLI clears the read model and the cursor; the next start replays the feed.
        self.assertEqual(c.search.proc.stop(), 0)
        out = subprocess.run([HOTEL, "search", "rebuild", "--data-dir", c.data],
                             capture_output=True, text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(c.search.cursor(), 0)
        c.search.start()
        c.caught_up()
        self.assertEqual([c.search_json(**q) for q in queries], expected)
        self.assertEqual(c.search.metric("event_to_index_seconds_count"), c.last_seq())


class SearchContractTest(unittest.TestCase):
    """What the hotels service never sends, from a fake feed."""

    def setUp(self):
        self.feed = FakeHotelsFeed()
        self.c = Cluster(feed=self.feed)

    def tearDown(self):
        try:
            self.assertEqual(self.c.close(), [0, 0])
        finally:
            self.feed.close()

    @staticmethod
    def snapshot(hotel_id, version, **fields):
        data = dict(hotel_document(), id=hotel_id, version=version, managers=[], photos=[],
                    created_by="admin", updated_at="2024-05-01T10:00:00Z")
        data.update(fields)
        return data

    def test_unknown_events_are_skipped_and_malformed_ones_parked(self):
        self.feed.publish("hotel.photo_processed", {"id": "h-9"})
        broken = self.snapshot("h-bad", 1)
        del broken["latitude"]
        self.feed.publish("hotel.created", broken)
        self.feed.publish("hotel.created", self.snapshot("h-ok", 1))
        wait_until(lambda: self.c.keys() == ["h-ok"], timeout=90, what="events after the bad one")
        status, body = self.c.search.get("/v1/admin/dead-letters", self.c.tokens["admin"])
        self.assertEqual(status, 200)
        letters = body["dead_letters"]
        self.assertEqual([d["seq"] for d in letters], [2])
        self.assertIn("latitude", letters[0]["error"])
        self.assertEqual(self.c.search.metric(
            'event_dead_letters{subscription="search.hotels"}'), 1)

    def test_older_events_arriving_late_change_nothing(self):
        self.feed.publish("hotel.created", self.snapshot("h-1", 1, name="First"))
        self.feed.publish("hotel.updated", self.snapshot("h-1", 3, name="Third"))
        self.feed.publish("hotel.updated", self.snapshot("h-1", 2, name="Second"))
        self.c.caught_up()
        self.assertEqual([h["name"] for h in self.c.search_json()["hotels"]], ["Third"])
        self.feed.publish("hotel.deleted", {"id": "h-1", "version": 4})
        self.feed.publish("hotel.updated", self.snapshot("h-1", 3, name="Ghost"))
        self.c.caught_up()
        self.assertEqual(self.c.keys(), [])
        self.assertEqual(self.c.search.get("/v1/search/hotels/h-1",
                                           self.c.tokens["customer"])[0], 404)


if __name__ == "__main__":
    unittest.main()
