"""Helpers for the search system tests and the search benchmark: the identity + hotels + search
processes (or a fake hotels feed in place of hotels), tokens from identity's password grant for
hotel-bench, hotel documents, and the search read model's cursor."""
import json
import os
import sqlite3
import urllib.parse

from harness import TempDir, get_json, hotel, http, wait_until
from hotels_support import IDENTITY_ENV, USERS, hotel_document
from identity_support import call, password_token


def rooms(*pairs):
    return [{"id": f"room-{i}", "name": f"Room {i}", "capacity": c, "count": 3,
             "price": {"amount": p, "currency": "EUR"}} for i, (c, p) in enumerate(pairs)]


def document(name, **fields):
    return hotel_document(name=name, **fields)


def ready(process, name):
    wait_until(lambda: get_json(process.url(name, "/health/ready"))[0] == 200,
               what=f"{name} ready")


class SearchProcess:
    """A `hotel serve --target=search` process and the calls the tests make to it."""

    def __init__(self, data_dir, env):
        self.data_dir, self.env = data_dir, env
        self.start()

    def start(self):
        self.proc = hotel(["search"], self.data_dir, self.env)
        self.proc.wait_ports(["search"])
        ready(self.proc, "search")

    def url(self, path):
        return self.proc.url("search", path)

    def get(self, path, token):
        status, _, body = http("GET", self.url(path),
                               headers={"Authorization": f"Bearer {token}"} if token else {})
        return status, json.loads(body) if body else None

    def metric(self, name):
        _, _, body = http("GET", self.url("/metrics"))
        for line in body.decode().splitlines():
            if line.startswith(name + " "):
                return float(line.split()[-1])
        return None

    def cursor(self):
        """The subscription's cursor, read from the read model's database."""
        path = os.path.join(self.data_dir, "search", "search.db")
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("SELECT last_seq FROM event_cursors WHERE subscription ="
                             " 'search.hotels'").fetchone()
        return row[0] if row else 0


class Cluster:
    """identity (demo users) + hotels + search, three processes; `feed` replaces hotels."""

    def __init__(self, feed=None):
        self._tmp = TempDir()
        self.data = self._tmp.__enter__()
        self.feed = feed
        self.identity = hotel(["identity"], self.data, IDENTITY_ENV, args=["--demo-data"])
        self.identity.wait_ports(["identity"])
        ready(self.identity, "identity")
        identity_port = self.identity.ports["identity"]
        env = {"HOTEL_SERVICES_IDENTITY_ENDPOINTS": f"127.0.0.1:{identity_port}"}
        self.hotels = None
        if feed is None:
            self.hotels = hotel(["hotels"], self.data, env)
            self.hotels.wait_ports(["hotels"])
            ready(self.hotels, "hotels")
            hotels_endpoint = f"127.0.0.1:{self.hotels.ports['hotels']}"
        else:
            hotels_endpoint = f"127.0.0.1:{feed.port}"
        self.search = SearchProcess(self.data, dict(env, HOTEL_SERVICES_HOTELS_ENDPOINTS=hotels_endpoint))
        self.tokens = {role: password_token(identity_port, self.data, *USERS[role])
                       for role in ("admin", "customer")}
        self.ids = {}  # catalogue key -> hotel id

    def close(self):
        codes = [self.search.proc.stop()]
        if self.hotels:
            codes.append(self.hotels.stop())
        codes.append(self.identity.stop())
        self._tmp.__exit__(None, None, None)
        return codes

    # --- hotels ----------------------------------------------------------------------------
    def hotels_call(self, method, path, body=None, version=None):
        headers = {"Authorization": "Bearer " + self.tokens["admin"]}
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body)
        if version is not None:
            headers["If-Match"] = f'"{version}"'
        response = call(self.hotels.ports["hotels"], method, path, body, headers)
        assert response.status in (200, 201, 204), (method, path, response.status, response.body)
        return response.json() if response.body else None

    def create(self, key, doc):
        created = self.hotels_call("POST", "/v1/hotels", doc)
        self.ids[key] = created["id"]
        return created

    def last_seq(self):
        if self.feed is not None:
            return len(self.feed.events)
        _, page = get_json(self.hotels.url("hotels", "/v1/events?after=0&limit=1&wait=0"))
        return page["last_seq"]

    def caught_up(self):
        """Waits until search applied every event the hotels feed holds."""
        seq = self.last_seq()
        wait_until(lambda: self.search.cursor() >= seq, timeout=60,
                   what=f"search cursor at {seq}")

    # --- search ----------------------------------------------------------------------------
    def search_json(self, role="customer", **params):
        status, body = self.search.get("/v1/search?" + urllib.parse.urlencode(params),
                                       self.tokens[role])
        assert status == 200, (status, body)
        return body

    def keys(self, **params):
        """The catalogue keys of the hotels found, in order."""
        by_id = {hotel_id: key for key, hotel_id in self.ids.items()}
        return [by_id.get(h["id"], h["id"]) for h in self.search_json(**params)["hotels"]]
