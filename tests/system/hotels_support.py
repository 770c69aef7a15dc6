"""Helpers for the hotels system tests: the identity + hotels pair of processes, tokens from the
identity service's password grant (client hotel-bench), multipart bodies, hostile images."""
import json
import os
import struct
import zlib

from fake_hotels_feed import FakeHotelsFeed
from harness import TempDir, get_json, hotel, wait_until
from identity_support import call, decode_jwt, password_token

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "fixtures")
USERS = {"admin": ("admin@hotel.test", "Admin#2026demo"),
         "manager1": ("manager1@hotel.test", "Manager#2026demo"),
         "manager2": ("manager2@hotel.test", "Manager#2026demo"),
         "customer": ("customer@hotel.test", "Customer#2026demo")}
IDENTITY_ENV = {"HOTEL_IDENTITY_HASH_OPSLIMIT": "1", "HOTEL_IDENTITY_HASH_MEMLIMIT_KIB": "8192",
                "HOTEL_IDENTITY_BENCH_CLIENT": "true"}
SNAPSHOT_KEYS = {"id", "version", "name", "description", "address", "city", "country", "latitude",
                 "longitude", "stars", "base_price", "amenities", "check_in", "check_out",
                 "instant_confirmation", "room_types", "managers", "photos", "created_by",
                 "updated_at"}
BOUNDARY = "hotelSystemTestBoundary"


def fixture(name):
    with open(os.path.join(FIXTURES, name), "rb") as f:
        return f.read()


def png_declaring(width, height):
    """A PNG header declaring width x height RGB pixels with a tiny IDAT: a decompression bomb
    as it looks before anything is inflated."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def multipart(filename, content_type, data, name="photo"):
    head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; "
            f"filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n").encode()
    return head + data + f"\r\n--{BOUNDARY}--\r\n".encode()


def hotel_document(**changes):
    document = {
        "name": "Hotel Miradouro", "description": "Above the Alfama rooftops.",
        "address": "Largo das Portas do Sol 4, Lisboa", "city": "Lisbon", "country": "PT",
        "latitude": 38.7124, "longitude": -9.1303, "stars": 4,
        "base_price": {"amount": 13900, "currency": "EUR"}, "amenities": ["wifi", "terrace"],
        "check_in": "15:00", "check_out": "11:00", "instant_confirmation": False,
        "room_types": [{"id": "double", "name": "Double", "capacity": 2, "count": 8,
                        "price": {"amount": 13900, "currency": "EUR"}}]}
    document.update(changes)
    return document


class Cluster:
    """identity in one process (demo users, the benchmark client), hotels and search in another
    that finds identity through services.identity.endpoints (search follows the hotels feed in
    its own process). Only the processes it started are stopped."""

    def __init__(self):
        self._tmp = TempDir()
        self.data = self._tmp.__enter__()
        self.identity = hotel(["identity"], self.data, IDENTITY_ENV, args=["--demo-data"])
        self.identity.wait_ports(["identity"])
        self.identity_port = self.identity.ports["identity"]
        self._ready(self.identity, "identity")
        self.booking = FakeHotelsFeed("booking")  # booking's inventory events
        self.hotels = None
        self.start_hotels()
        self.tokens = {role: self._token(*credentials) for role, credentials in USERS.items()}
        self.subs = {role: decode_jwt(token)[1]["sub"] for role, token in self.tokens.items()}

    def start_hotels(self):
        env = {"HOTEL_SERVICES_IDENTITY_ENDPOINTS": f"127.0.0.1:{self.identity_port}",
               **self.booking.env()}
        self.hotels = hotel(["hotels", "search"], self.data, env, args=["--demo-data"])
        self.hotels.wait_ports(["hotels", "search"])
        self.port = self.hotels.ports["hotels"]
        self.search_port = self.hotels.ports["search"]
        self._ready(self.hotels, "hotels")
        self._ready(self.hotels, "search")

    def close(self):
        codes = [self.hotels.stop(), self.identity.stop()]
        self.booking.close()
        self._tmp.__exit__(None, None, None)
        return codes

    @staticmethod
    def _ready(process, name):
        wait_until(lambda: get_json(process.url(name, "/health/ready"))[0] == 200,
                   what=f"{name} ready")

    def _token(self, email, password):
        return password_token(self.identity_port, self.data, email, password)

    # --- calls to hotels ---------------------------------------------------------------------
    def call(self, method, path, role=None, body=None, headers=None):
        all_headers = dict(headers or {})
        if role:
            all_headers["Authorization"] = "Bearer " + self.tokens[role]
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
            all_headers.setdefault("Content-Type", "application/json")
        return call(self.port, method, path, body, all_headers)

    def upload(self, hotel_id, filename, content_type, data, name="photo"):
        return self.call("POST", f"/v1/hotels/{hotel_id}/photos", "admin",
                         multipart(filename, content_type, data, name),
                         {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})

    def create(self, **changes):
        response = self.call("POST", "/v1/hotels", "admin", hotel_document(**changes))
        assert response.status == 201, response.body
        return response.json()

    def search_detail(self, hotel_id):
        """(status, body) of the search service's detail of a hotel, as a customer."""
        response = call(self.search_port, "GET", f"/v1/search/hotels/{hotel_id}",
                        headers={"Authorization": "Bearer " + self.tokens["customer"]})
        return response.status, (response.json() if response.status == 200 else None)

    def feed(self, after=0):
        events = []
        while True:
            status, page = get_json(f"http://127.0.0.1:{self.port}/v1/events?after={after}&limit=1000&wait=0")
            assert status == 200
            events += page["events"]
            if not page["events"]:
                return events
            after = page["events"][-1]["sequence"]
