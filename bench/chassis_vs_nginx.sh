#!/usr/bin/env bash
# Requests/s of the chassis HTTP server answering a small JSON body (/health/live of the gateway
# target's admin listener, access log off) against nginx's `return 200` with the same body, on
# loopback, in the same run. Both get the same wrk load; rounds alternate so that neither gets a
# warmer machine.
# Writes bench/results/chassis-vs-nginx.{md,json}.
# Usage: bench/chassis_vs_nginx.sh [duration_s=10] [connections=64] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-64}
rounds=${3:-3}

bash scripts/install-deps.sh --bench
bash scripts/build.sh release hotel
hotel=build/release/app/hotel
source bench/lib/common.sh
bench_workspace

hotel_port=18080
nginx_port=18081
body='{"status":"live"}'

HOTEL_LOG_LEVEL=warn HOTEL_LOG_FILES=false HOTEL_HTTP_ACCESS_LOG=false \
  HOTEL_HTTP_IO_THREADS=2 HOTEL_SERVICES_GATEWAY_PORT=0 HOTEL_GATEWAY_ADMIN_PORT=$hotel_port \
  "$hotel" serve --target gateway --data-dir "$work/data" >"$work/hotel.log" 2>&1 &
pids+=($!)

start_nginx "$work/nginx" "  server {
    listen 127.0.0.1:$nginx_port;
    location / { default_type application/json; return 200 '$body'; }
  }"
pids+=("$nginx_pid")

for port in $hotel_port $nginx_port; do
  wait_for_http "http://127.0.0.1:$port/health/live"
done

run_wrk() {  # port -> requests/s
  wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$1/health/live" \
    >"$work/wrk.out"
  awk '/Requests\/sec/ {print $2}' "$work/wrk.out"
}

hotel_runs=()
nginx_runs=()
for round in $(seq "$rounds"); do
  hotel_runs+=("$(run_wrk $hotel_port)")
  nginx_runs+=("$(run_wrk $nginx_port)")
  echo "round $round: hotel ${hotel_runs[-1]} req/s, nginx ${nginx_runs[-1]} req/s"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
hotel_median=$(median "${hotel_runs[@]}")
nginx_median=$(median "${nginx_runs[@]}")
ratio=$(awk -v h="$hotel_median" -v n="$nginx_median" 'BEGIN {printf "%.2f", h / n}')

mkdir -p bench/results
cat >bench/results/chassis-vs-nginx.json <<JSON
{"date":"$(date -u +%Y-%m-%dT%H:%M:%SZ)","cpus":$(nproc),"duration_s":$duration,"connections":$connections,
 "hotel_rps":[$(IFS=,; echo "${hotel_runs[*]}")],"nginx_rps":[$(IFS=,; echo "${nginx_runs[*]}")],
 "hotel_median":$hotel_median,"nginx_median":$nginx_median,"ratio":$ratio}
JSON
cat >bench/results/chassis-vs-nginx.md <<MD
# Chassis server vs nginx, small JSON response

- Date: $(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), loopback.
- Load: wrk -t2 -c$connections -d${duration}s, $rounds alternating rounds; wrk shares the cores.
- hotel: \`hotel serve --target gateway\`, 2 I/O threads, access log off, GET /health/live (admin listener).
- nginx $(nginx -v 2>&1 | cut -d/ -f2): 2 workers, access log off, \`return 200 '$body'\`.

| server | requests/s per round | median |
|---|---|---|
| hotel | ${hotel_runs[*]} | $hotel_median |
| nginx | ${nginx_runs[*]} | $nginx_median |

Ratio hotel / nginx: **$ratio** (aim: at least 0.70).
MD
cat bench/results/chassis-vs-nginx.md
