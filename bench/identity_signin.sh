#!/usr/bin/env bash
# Sign-ins per second through the identity service's token endpoint: POST /oauth2/token with
# grant_type=password for the benchmark client hotel-bench (enabled with
# identity.bench_client), so that every request runs the whole sign-in: throttle bookkeeping,
# argon2id verification, a refresh token family, and an access and an ID token signed with
# RS256. wrk drives it with bench/identity_signin.lua over 32 bench users, time-bounded rounds.
# The argon2id cost is the service's default (libsodium's INTERACTIVE: 2 passes, 64 MiB) unless
# HOTEL_IDENTITY_HASH_OPSLIMIT / HOTEL_IDENTITY_HASH_MEMLIMIT_KIB say otherwise.
# Writes bench/results/identity-signin.{md,json}.
# Usage: bench/identity_signin.sh [duration_s=15] [connections=8] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
connections=${2:-8}
rounds=${3:-3}
users=32
password='Bench#2026pass'
opslimit=${HOTEL_IDENTITY_HASH_OPSLIMIT:-2}
memlimit_kib=${HOTEL_IDENTITY_HASH_MEMLIMIT_KIB:-65536}
workers=${HOTEL_HTTP_WORKERS:-4}
export HOTEL_IDENTITY_HASH_OPSLIMIT=$opslimit HOTEL_IDENTITY_HASH_MEMLIMIT_KIB=$memlimit_kib

bash scripts/install-deps.sh --bench
bash scripts/build.sh release hotel
hotel=build/release/app/hotel
source bench/lib/common.sh
bench_workspace

port=18090
for i in $(seq 0 $((users - 1))); do
  "$hotel" users add --email "bench$i@hotel.test" --password "$password" \
    --data-dir "$work/data" >/dev/null
done
HOTEL_LOG_LEVEL=warn HOTEL_LOG_FILES=false HOTEL_HTTP_ACCESS_LOG=false \
  HOTEL_HTTP_WORKERS=$workers HOTEL_IDENTITY_BENCH_CLIENT=true HOTEL_SERVICES_IDENTITY_PORT=$port \
  "$hotel" serve --target identity --data-dir "$work/data" >"$work/hotel.log" 2>&1 &
pids+=($!)
server=$!
wait_for_http "http://127.0.0.1:$port/health/ready"

export BENCH_USERS=$users
BENCH_SECRET=$(cat "$work/data/secrets/identity-client-secret-hotel-bench")
BENCH_PASSWORD_ENCODED=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$password")
export BENCH_SECRET BENCH_PASSWORD_ENCODED

run_wrk() {  # seconds -> the script's JSON summary line
  wrk -t2 -c"$connections" -d"${1}s" --timeout 10s -s bench/identity_signin.lua \
    "http://127.0.0.1:$port" | grep '^{'
}

run_wrk 3 >/dev/null  # warm-up: page the argon2 memory in, fill the verifier's caches
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }  # user + system, in clock ticks
load_before=$(cut -d' ' -f1 /proc/loadavg)
ticks_before=$(cpu_ticks)
results=()
for round in $(seq "$rounds"); do
  results+=("$(run_wrk "$duration")")
  echo "round $round: ${results[-1]}"
done
load_after=$(cut -d' ' -f1 /proc/loadavg)
cpu_seconds=$(awk -v a="$ticks_before" -v b="$(cpu_ticks)" -v hz="$(getconf CLK_TCK)" \
  'BEGIN {printf "%.2f", (b - a) / hz}')

mkdir -p bench/results
python3 - "$opslimit" "$memlimit_kib" "$workers" "$connections" "$duration" "$load_before" \
  "$load_after" "$cpu_seconds" "${results[@]}" <<'PY'
import json, os, statistics, sys, time
(opslimit, memlimit_kib, workers, connections, duration, load_before, load_after,
 cpu_seconds) = sys.argv[1:9]
rounds = [json.loads(line) for line in sys.argv[9:]]
for r in rounds:
    r["per_second"] = r["requests"] / r["seconds"]
median = statistics.median(r["per_second"] for r in rounds)
cpu_ms = 1000 * float(cpu_seconds) / sum(r["requests"] for r in rounds)
bound = os.cpu_count() * 1000 / cpu_ms
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
summary = {"date": time.strftime("%Y-%m-%d"), "cpu": cpu, "cores": os.cpu_count(),
           "argon2id": {"opslimit": int(opslimit), "memlimit_kib": int(memlimit_kib)},
           "workers": int(workers), "connections": int(connections), "rounds": rounds,
           "median_per_second": median, "server_cpu_ms_per_signin": cpu_ms,
           "cpu_bound_per_second": bound, "load_before": load_before, "load_after": load_after}
with open("bench/results/identity-signin.json", "w") as f:
    json.dump(summary, f, indent=2)
lines = [
    "# Identity: sign-ins per second",
    "",
    f"- Date: {summary['date']}, {summary['cores']} cores ({cpu}), loopback, shared with other "
    f"work (1-minute load average {load_before} before, {load_after} after).",
    "- Request: `POST /oauth2/token` `grant_type=password` with client `hotel-bench` (HTTP Basic), "
    "32 users; each sign-in runs the throttle bookkeeping (2 SQLite writes), one argon2id "
    "verification, a refresh token family (1 write) and signs an access and an ID token (RS256).",
    f"- argon2id cost: opslimit {opslimit}, memlimit {int(memlimit_kib) // 1024} MiB "
    "(libsodium's INTERACTIVE, the service's default).",
    f"- Server: `hotel serve --target identity`, RelWithDebInfo, {workers} worker threads for "
    "blocking work, 2 I/O threads. Load: wrk -t2 "
    f"-c{connections}, {len(rounds)} rounds of {duration} s after a 3 s warm-up; wrk shares the "
    "cores.",
    "",
    "| round | sign-ins | sign-ins/s | p50 (ms) | p90 (ms) | p99 (ms) | failed |",
    "|---|---|---|---|---|---|---|",
]
for i, r in enumerate(rounds, 1):
    lines.append(f"| {i} | {r['requests']} | {r['per_second']:.1f} | {r['p50_ms']:.1f} | "
                 f"{r['p90_ms']:.1f} | {r['p99_ms']:.1f} | {r['failed']} |")
lines += ["", f"Median: **{median:.1f} sign-ins/s** on the shared machine.", "",
          f"Server CPU per sign-in (user + system time of the process over the rounds / "
          f"sign-ins): **{cpu_ms:.1f} ms**. It hardly depends on the other load: on "
          f"{os.cpu_count()} idle cores the service would top out near {os.cpu_count()} × 1000 / "
          f"{cpu_ms:.1f} ≈ **{bound:.0f} sign-ins/s**.",
          "", "At libsodium's minimum argon2 cost (`HOTEL_IDENTITY_HASH_OPSLIMIT=1 "
          "HOTEL_IDENTITY_HASH_MEMLIMIT_KIB=8 bench/identity_signin.sh`) the same request costs "
          "about 1 ms of CPU (SQLite writes, two RS256 signatures, HTTP): at the default cost "
          "argon2id is nearly all of it, and a higher cost lowers the rate in proportion."]
with open("bench/results/identity-signin.md", "w") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
