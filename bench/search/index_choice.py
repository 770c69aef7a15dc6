#!/usr/bin/env python3
"""Measures the access paths the search read model could use, on the same SQLite library the
service links (Python's sqlite3 module uses the system libsqlite3), over generated hotels:

  city prefix (accent- and case-insensitive, any word of the city name):
    A  a B-tree over folded word-start keys: city_keys(key, hotel) WITHOUT ROWID,
       key >= 'sao' AND key < 'sap'
    B  an FTS5 table over the city name (unicode61 remove_diacritics 2, prefix indexes),
       MATCH '"sao"*'
  near (bounding box, then exact haversine):
    C  B-tree index on latitude, longitude filtered in the row
    D  R*Tree (rtree) over (lat, lon) boxes

    bench/search/index_choice.py --file /tmp/hotels-100k.ndjson [--queries 300]

Prints a Markdown table: p50 / p90 / p99 per query in milliseconds and the insert cost.
"""
import argparse
import json
import math
import os
import random
import sqlite3
import statistics
import tempfile
import time
import unicodedata

SPECIAL = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th", "ð": "d",
           "ħ": "h", "ı": "i", "ə": "e"}


def fold(text):
    out = []
    for ch in unicodedata.normalize("NFD", text.lower()):
        if unicodedata.combining(ch):
            continue
        out.append(SPECIAL.get(ch, ch))
    return "".join(out)


def word_starts(folded):
    words = [w for w in "".join(c if c.isalnum() else " " for c in folded).split()]
    return {" ".join(words[i:]) for i in range(len(words))}


def upper_bound(prefix):
    return prefix + "\U0010ffff"


def load(path, db):
    db.executescript("""
      CREATE TABLE hotels (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, city TEXT, stars INTEGER,
                           lat REAL, lon REAL, min_price INTEGER);
      CREATE INDEX hotels_lat ON hotels (lat);
      CREATE INDEX hotels_price ON hotels (min_price, id);
      CREATE TABLE city_keys (key TEXT, hotel INTEGER, PRIMARY KEY (key, hotel)) WITHOUT ROWID;
      CREATE VIRTUAL TABLE city_fts USING fts5 (city, content='',
          tokenize="unicode61 remove_diacritics 2", prefix='1 2 3');
      CREATE VIRTUAL TABLE hotels_geo USING rtree (hotel, min_lat, max_lat, min_lon, max_lon);
    """)
    timings = {"A": 0.0, "B": 0.0, "C": 0.0, "D": 0.0}
    cities = []
    with open(path, encoding="utf-8") as f:
        db.execute("BEGIN")
        for rowid, line in enumerate(f, start=1):
            h = json.loads(line)
            price = min(r["price"]["amount"] for r in h["room_types"])
            db.execute("INSERT INTO hotels VALUES (?,?,?,?,?,?,?)",
                       (rowid, h["id"], h["city"], h["stars"], h["latitude"], h["longitude"], price))
            cities.append((h["city"], h["latitude"], h["longitude"]))
            t = time.perf_counter()
            for key in word_starts(fold(h["city"])):
                db.execute("INSERT OR IGNORE INTO city_keys VALUES (?, ?)", (key, rowid))
            timings["A"] += time.perf_counter() - t
            t = time.perf_counter()
            db.execute("INSERT INTO city_fts (rowid, city) VALUES (?, ?)", (rowid, h["city"]))
            timings["B"] += time.perf_counter() - t
            t = time.perf_counter()
            db.execute("INSERT INTO hotels_geo VALUES (?,?,?,?,?)",
                       (rowid, h["latitude"], h["latitude"], h["longitude"], h["longitude"]))
            timings["D"] += time.perf_counter() - t
        db.execute("COMMIT")
    return cities, timings


def haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def bbox(lat, lon, radius_km):
    dlat = math.degrees(radius_km / 6371.0088)
    dlon = 180.0 if abs(lat) + dlat >= 89.9 else math.degrees(
        radius_km / (6371.0088 * math.cos(math.radians(abs(lat) + dlat))))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def timed(fn, args_list):
    samples, rows = [], 0
    for args in args_list:
        t = time.perf_counter()
        rows += fn(*args)
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    pick = lambda q: samples[min(len(samples) - 1, int(len(samples) * q))]  # noqa: E731
    return pick(0.5), pick(0.9), pick(0.99), rows / len(args_list)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", required=True)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        db = sqlite3.connect(os.path.join(tmp, "choice.db"), isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        t = time.perf_counter()
        cities, build = load(args.file, db)
        total_build = time.perf_counter() - t
        n = len(cities)
        picks = [rng.choice(cities) for _ in range(args.queries)]
        prefixes = []
        for city, _, _ in picks:
            words = fold(city).split()
            word = rng.choice(words) if words else fold(city)
            prefixes.append(word[:rng.randint(3, max(3, min(6, len(word))))])

        def city_a(prefix):
            rows = db.execute("SELECT h.id, h.min_price FROM hotels h WHERE h.rowid IN (SELECT hotel"
                              " FROM city_keys WHERE key >= ? AND key < ?) ORDER BY h.min_price,"
                              " h.id LIMIT 20", (prefix, upper_bound(prefix))).fetchall()
            count = db.execute("SELECT count(DISTINCT hotel) FROM city_keys WHERE key >= ? AND"
                               " key < ?", (prefix, upper_bound(prefix))).fetchone()[0]
            return count

        def city_b(prefix):
            match = '"' + prefix.replace('"', '') + '"*'
            rows = db.execute("SELECT h.id, h.min_price FROM hotels h WHERE h.rowid IN (SELECT rowid"
                              " FROM city_fts WHERE city_fts MATCH ?) ORDER BY h.min_price, h.id"
                              " LIMIT 20", (match,)).fetchall()
            count = db.execute("SELECT count(*) FROM city_fts WHERE city_fts MATCH ?",
                               (match,)).fetchone()[0]
            return count

        def near_c(lat, lon, radius):
            a, b, c, d = bbox(lat, lon, radius)
            rows = db.execute("SELECT id, lat, lon FROM hotels WHERE lat BETWEEN ? AND ? AND lon"
                              " BETWEEN ? AND ?", (a, b, c, d)).fetchall()
            return sum(1 for r in rows if haversine_km(lat, lon, r[1], r[2]) <= radius)

        def near_d(lat, lon, radius):
            a, b, c, d = bbox(lat, lon, radius)
            rows = db.execute("SELECT h.id, h.lat, h.lon FROM hotels_geo g JOIN hotels h ON"
                              " h.rowid = g.hotel WHERE g.min_lat >= ? AND g.max_lat <= ? AND"
                              " g.min_lon >= ? AND g.max_lon <= ?", (a, b, c, d)).fetchall()
            return sum(1 for r in rows if haversine_km(lat, lon, r[1], r[2]) <= radius)

        near_args = [(lat, lon, rng.choice([5, 10, 25, 50])) for _, lat, lon in picks]
        results = [
            ("A city prefix, word-start keys B-tree", build["A"], timed(city_a, [(p,) for p in prefixes])),
            ("B city prefix, FTS5 prefix query", build["B"], timed(city_b, [(p,) for p in prefixes])),
            ("C near, latitude B-tree + haversine", 0.0, timed(near_c, near_args)),
            ("D near, R*Tree + haversine", build["D"], timed(near_d, near_args)),
        ]
        print(f"{n} hotels, {args.queries} queries each, SQLite {sqlite3.sqlite_version},"
              f" load {total_build:.1f} s\n")
        print("| access path | insert cost (s, all rows) | p50 ms | p90 ms | p99 ms |"
              " rows matched (mean) |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, cost, (p50, p90, p99, rows) in results:
            print(f"| {name} | {cost:.2f} | {p50:.2f} | {p90:.2f} | {p99:.2f} | {rows:.0f} |")


if __name__ == "__main__":
    main()
