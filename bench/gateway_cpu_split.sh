#!/usr/bin/env bash
# Where the machine's CPU goes per signed-in request, process by process: wrk, the proxy and the
# upstream, for the gateway and for nginx `proxy_pass` (no auth), each in front of an upstream of
# its own (nginx `return 200`, 2 workers). On a 2-core machine that all of them share, requests/s
# follow the sum: a proxy whose messages cost its neighbours more loses throughput even at the
# same CPU of its own. User and system time from /proc (wrk's from its rusage), over the
# requests wrk completed; alternating rounds, medians.
# Writes bench/results/gateway-cpu-split.{md,json}.
# Usage: bench/gateway_cpu_split.sh [duration_s=5] [rounds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-5}
rounds=${2:-5}

bash scripts/install-deps.sh --bench
source bench/lib/common.sh
build_bench gateway_bench
bench_workspace

nginx_upstream_port=18591
proxy_port=18592
gateway_upstream_port=18593
start_bookings_upstream "$nginx_upstream_port" "$work/nginx-upstream"
nginx_upstream=$nginx_pid
start_bookings_upstream "$gateway_upstream_port" "$work/gateway-upstream"
gateway_upstream=$nginx_pid
start_nginx "$work/proxy" "  upstream app { server 127.0.0.1:$nginx_upstream_port; keepalive 128; }
$(nginx_proxy_server "$proxy_port" app)"
pids+=("$nginx_pid")
proxy_nginx=$nginx_pid
start_gateway build/bench/bench/gateway_bench "$gateway_upstream_port"
for port in $nginx_upstream_port $gateway_upstream_port $proxy_port; do
  wait_for_http "http://127.0.0.1:$port/v1/bookings"
done
auth="Authorization: Bearer $token"
test "$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "http://127.0.0.1:$gateway_port/v1/bookings")" = 200

workers() { ps -o pid= --ppid "$1" | tr -d ' '; }
mapfile -t nginx_upstream_workers < <(workers "$nginx_upstream")
mapfile -t gateway_upstream_workers < <(workers "$gateway_upstream")
mapfile -t proxy_workers < <(workers "$proxy_nginx")

# measure <url> <proxy pids (comma-separated)> <upstream pids (comma-separated)> →
# "requests/s wrk_user wrk_system proxy_user proxy_system upstream_user upstream_system" (µs)
measure() {
  local proxy upstream
  IFS=, read -r -a proxy <<<"$2"
  IFS=, read -r -a upstream <<<"$3"
  local proxy_before upstream_before proxy_after upstream_after
  proxy_before=$(cpu_ticks "${proxy[@]}")
  upstream_before=$(cpu_ticks "${upstream[@]}")
  /usr/bin/time -f "%U %S" -o "$work/wrk.time" \
    wrk -t2 -c64 -d"${duration}s" -H "$auth" "$1" >"$work/wrk.out"
  proxy_after=$(cpu_ticks "${proxy[@]}")
  upstream_after=$(cpu_ticks "${upstream[@]}")
  if grep -q 'Non-2xx' "$work/wrk.out"; then
    echo "non-2xx answers from $1" >&2
    exit 1
  fi
  python3 - "$work/wrk.out" "$work/wrk.time" "$(getconf CLK_TCK)" $proxy_before $proxy_after \
    $upstream_before $upstream_after <<'PY'
import re, sys
text = open(sys.argv[1]).read()
wrk_user, wrk_system = map(float, open(sys.argv[2]).read().split()[-2:])
hz = int(sys.argv[3])
t = list(map(int, sys.argv[4:12]))
total = int(re.search(r"(\d+) requests in", text).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
us = lambda seconds: seconds * 1e6 / total
print(f"{rps:.0f} {us(wrk_user):.2f} {us(wrk_system):.2f} {us((t[2] - t[0]) / hz):.2f} "
      f"{us((t[3] - t[1]) / hz):.2f} {us((t[6] - t[4]) / hz):.2f} {us((t[7] - t[5]) / hz):.2f}")
PY
}

join() { local IFS=,; echo "$*"; }
declare -A results
for round in $(seq "$rounds"); do
  results[gateway]+="$(measure "http://127.0.0.1:$gateway_port/v1/bookings" "$gateway_pid" \
    "$(join "${gateway_upstream_workers[@]}")");"
  results[nginx]+="$(measure "http://127.0.0.1:$proxy_port/v1/bookings" \
    "$(join "${proxy_workers[@]}")" "$(join "${nginx_upstream_workers[@]}")");"
  gateway_last=${results[gateway]%;}
  nginx_last=${results[nginx]%;}
  echo "round $round (req/s, then µs wrk, proxy, upstream, user and system):" \
    "gateway [${gateway_last##*;}] nginx [${nginx_last##*;}]"
done

python3 - "$duration" "$rounds" "$(cut -d' ' -f1 /proc/loadavg)" "${results[gateway]}" \
  "${results[nginx]}" <<'PY'
import datetime, json, os, statistics, sys
duration, rounds, load = sys.argv[1:4]
keys = ["rps", "wrk_user", "wrk_system", "proxy_user", "proxy_system", "upstream_user",
        "upstream_system"]
runs = {}
for name, text in zip(["gateway", "nginx"], sys.argv[4:6]):
    rows = [list(map(float, r.split())) for r in text.split(";") if r.strip()]
    runs[name] = {k: [row[i] for row in rows] for i, k in enumerate(keys)}
    runs[name]["median"] = {k: statistics.median(runs[name][k]) for k in keys}
date = datetime.datetime.now(datetime.timezone.utc)
os.makedirs("bench/results", exist_ok=True)
with open("bench/results/gateway-cpu-split.json", "w") as f:
    json.dump({"date": date.isoformat(timespec="seconds"), "cpus": os.cpu_count(),
               "duration_s": int(duration), "load_after": float(load), "runs": runs}, f, indent=1)
label = {"gateway": "gateway, signed in (token verified)", "nginx": "nginx `proxy_pass`, no auth"}
lines = [
    "# CPU per request, process by process: gateway vs nginx proxy_pass",
    "",
    f"- Date: {date:%Y-%m-%d}, {os.cpu_count()} cores, loopback; load average after the run {load}.",
    f"- `GET /v1/bookings` with a bearer token; wrk -t2 -c64 -d{duration}s, {rounds} alternating "
    "rounds, medians. Each proxy in front of an nginx `return 200` upstream of its own (2 "
    "workers, 4 KiB header buffer); the gateway as in gateway-vs-nginx.md (access log off).",
    "- µs of CPU per request, user / system; total: all three processes.",
    "",
    "| contender | req/s | wrk | proxy | upstream | total |",
    "|---|---|---|---|---|---|",
]
for name in ["gateway", "nginx"]:
    m = runs[name]["median"]
    total = sum(m[k] for k in keys[1:])
    cell = lambda p: f"{m[p + '_user']:.2f} / {m[p + '_system']:.2f}"
    lines.append(f"| {label[name]} | {m['rps']:.0f} | {cell('wrk')} | {cell('proxy')} | "
                 f"{cell('upstream')} | {total:.1f} |")
with open("bench/results/gateway-cpu-split.md", "w") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
