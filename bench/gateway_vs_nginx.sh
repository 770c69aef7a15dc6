#!/usr/bin/env bash
# Requests/s and p50/p99 latency through the gateway against nginx `proxy_pass`, in front of the
# same small upstream (nginx `return 200` with a small JSON body), on loopback, in one run:
#   gateway, signed in: GET /v1/bookings with a bearer token (verified at the gateway: RS256,
#     verified-token cache), relayed with forwarding and correlation headers;
#   gateway, public:    GET /.well-known/openid-configuration (a public route, no token);
#   nginx proxy_pass:   GET /v1/bookings with the same bearer token, relayed but not verified
#     (no auth), keep-alive upstream pool; the proxy and the
#     upstream are the same two nginx workers, so a proxied request may never leave one process;
#   nginx proxy_pass, separate upstream: the same, in front of an upstream run by another nginx
#     (2 workers of its own), so that every request crosses processes as through the gateway.
# Rounds alternate so that no contender gets a warmer machine; wrk shares the cores.
# Writes bench/results/gateway-vs-nginx.{md,json}.
# Usage: bench/gateway_vs_nginx.sh [duration_s=10] [connections=64] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-64}
rounds=${3:-3}

bash scripts/install-deps.sh --bench
source bench/lib/common.sh
build_bench gateway_bench

bench_workspace

upstream_port=18091
proxy_port=18092
separate_upstream_port=18093
separate_proxy_port=18094
start_bookings_upstream "$separate_upstream_port" "$work/nginx-upstream"

start_nginx "$work/nginx" "  upstream app { server 127.0.0.1:$upstream_port; keepalive 128; }
$(bookings_upstream "$upstream_port")
  upstream separate { server 127.0.0.1:$separate_upstream_port; keepalive 128; }
$(nginx_proxy_server "$proxy_port" app)
$(nginx_proxy_server "$separate_proxy_port" separate)"
pids+=("$nginx_pid")
proxy_nginx_pid=$nginx_pid

start_gateway build/bench/bench/gateway_bench "$upstream_port"

for port in $upstream_port $proxy_port $separate_upstream_port $separate_proxy_port; do
  wait_for_http "http://127.0.0.1:$port/v1/bookings"
done
auth="Authorization: Bearer $token"
test "$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "http://127.0.0.1:$gateway_port/v1/bookings")" = 200
test "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$gateway_port/v1/bookings")" = 401

# The proxy's own CPU per request: the gateway process, or the workers of the nginx that proxies
# (measured only where that nginx does not also serve the upstream).
gateway_cpu=("$gateway_pid")
mapfile -t nginx_proxy_cpu < <(ps -o pid= --ppid "$proxy_nginx_pid" | tr -d " ")

# wrk's --latency report and the measured processes' CPU time →
# "requests/s p50_ms p99_ms cpu_us_per_request" (cpu 0: not measured)
run_wrk() {  # url header|"" pid...
  local args=(-t2 -c"$connections" -d"${duration}s" --latency)
  if [[ -n $2 ]]; then args+=(-H "$2"); fi
  local url=$1
  shift 2
  local before=(0 0) after=(0 0)
  (($#)) && read -r -a before < <(cpu_ticks "$@")
  wrk "${args[@]}" "$url" >"$work/wrk.out"
  (($#)) && read -r -a after < <(cpu_ticks "$@")
  local user=$((after[0] - before[0])) system=$((after[1] - before[1]))
  if grep -q 'Non-2xx' "$work/wrk.out"; then
    echo "non-2xx answers from $url" >&2
    cat "$work/wrk.out" >&2
    exit 1
  fi
  python3 - "$work/wrk.out" "$user" "$system" "$(getconf CLK_TCK)" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
user, system, hz = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def ms(label):
    value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
total = int(re.search(r"(\d+) requests in", text).group(1))
per_request = lambda ticks: ticks * 1e6 / hz / total
print(f"{rps:.0f} {ms('50%'):.2f} {ms('99%'):.2f} {per_request(user + system):.1f} "
      f"{per_request(user):.2f} {per_request(system):.2f}")
PY
}

declare -A results
names=(gateway_signed_in gateway_public nginx_proxy nginx_proxy_separate)
load_before=$(cut -d' ' -f1 /proc/loadavg)
for round in $(seq "$rounds"); do
  results[gateway_signed_in]+="$(run_wrk "http://127.0.0.1:$gateway_port/v1/bookings" "$auth" \
    "${gateway_cpu[@]}");"
  results[gateway_public]+="$(run_wrk "http://127.0.0.1:$gateway_port/.well-known/openid-configuration" "" \
    "${gateway_cpu[@]}");"
  # nginx gets the same request, bearer token included (relayed upstream, not verified).
  results[nginx_proxy]+="$(run_wrk "http://127.0.0.1:$proxy_port/v1/bookings" "$auth");"
  results[nginx_proxy_separate]+="$(run_wrk "http://127.0.0.1:$separate_proxy_port/v1/bookings" "$auth" \
    "${nginx_proxy_cpu[@]}");"
  line="round $round (req/s p50 p99 cpu_us user_us system_us):"
  for n in "${names[@]}"; do
    last=${results[$n]%;}
    line+=" $n=[${last##*;}]"
  done
  echo "$line"
done

python3 - "$duration" "$connections" "$rounds" "$(nginx -v 2>&1 | cut -d/ -f2)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  "$load_before $(cut -d' ' -f1 /proc/loadavg)" \
  "${results[gateway_signed_in]}" "${results[gateway_public]}" "${results[nginx_proxy]}" \
  "${results[nginx_proxy_separate]}" <<'PY'
import datetime, json, os, statistics, sys
duration, connections, rounds, nginx_version, cpu, load = sys.argv[1:7]
names = ["gateway_signed_in", "gateway_public", "nginx_proxy", "nginx_proxy_separate"]
runs = {}
for name, text in zip(names, sys.argv[7:11]):
    rounds_data = [list(map(float, r.split())) for r in text.split(";") if r.strip()]
    runs[name] = {"rps": [r[0] for r in rounds_data], "p50_ms": [r[1] for r in rounds_data],
                  "p99_ms": [r[2] for r in rounds_data],
                  "cpu_us_per_request": [r[3] for r in rounds_data],
                  "user_us_per_request": [r[4] for r in rounds_data],
                  "system_us_per_request": [r[5] for r in rounds_data]}
    runs[name]["median"] = {k: statistics.median(v) for k, v in list(runs[name].items())}
date = datetime.datetime.now(datetime.timezone.utc)
os.makedirs("bench/results", exist_ok=True)
label = {"gateway_signed_in": "gateway, signed in (`GET /v1/bookings`, bearer token)",
         "gateway_public": "gateway, public (`GET /.well-known/openid-configuration`)",
         "nginx_proxy": "nginx `proxy_pass`, no auth (`GET /v1/bookings`, same bearer token)",
         "nginx_proxy_separate": "nginx `proxy_pass`, no auth, upstream in another nginx"}
# Each ratio is taken within a round (the contenders of a round run back to back), then the
# median over the rounds: a machine that gets busier or quieter during the run moves every
# contender of a round alike, but not the medians of rounds taken apart.
def ratio_to(base):
    return {name: statistics.median(a / b for a, b in zip(runs[name]["rps"], runs[base]["rps"]))
            for name in names}
vs_nginx, vs_separate = ratio_to("nginx_proxy"), ratio_to("nginx_proxy_separate")
for name in names:
    runs[name]["median_ratio_to_nginx"] = vs_nginx[name]
    runs[name]["median_ratio_to_nginx_separate"] = vs_separate[name]
with open("bench/results/gateway-vs-nginx.json", "w") as f:
    json.dump({"date": date.isoformat(timespec="seconds"), "cpus": os.cpu_count(),
               "duration_s": int(duration), "connections": int(connections),
               "load_before_after": list(map(float, load.split())), "runs": runs}, f, indent=1)
lines = [
    "# Gateway vs nginx proxy_pass, in front of the same upstream",
    "",
    f"- Date: {date:%Y-%m-%d}, {os.cpu_count()} cores ({cpu}), loopback; wrk, the gateway, nginx and "
    "the upstream share the cores.",
    f"- Load average before / after: {' / '.join(load.split())} (the machine is shared: compare "
    "contenders within one run, not across runs).",
    f"- Load: wrk -t2 -c{connections} -d{duration}s --latency, {rounds} alternating rounds; medians of "
    "the rounds.",
    f"- Upstream: nginx {nginx_version} `return 200 '{{\"bookings\":[]}}'` (2 workers, shared with "
    "the proxy; request heads read into a 4 KiB buffer).",
    "- Gateway: `bench/gateway/gateway_bench` (the gateway service with its built-in route table and "
    "whole middleware chain: security headers, CORS, rate limits (limits off), the chassis "
    "verifier (RS256, verified-token cache), forwarding and correlation headers, breaker, "
    "bulkhead), 2 I/O threads, access log off, linked with jemalloc.",
    "- nginx: `proxy_pass` to a keep-alive upstream pool, 2 workers, access log off, no auth: it "
    "gets the gateway's request, bearer token included, and relays the token unverified. In "
    "the first nginx row the upstream is served by the proxy's own two workers (a proxied request "
    "can stay inside one process); in the second by another nginx with 2 workers of its own, so "
    "that every request crosses processes, as it does through the gateway.",
    "- CPU µs/request: the proxy's own CPU time (user + system, from /proc) over the requests "
    "wrk completed: the gateway process, or the proxying nginx's workers where they serve no "
    "upstream (not measured for the first nginx row). Unlike requests/s it hardly depends on "
    "what else the shared machine runs. Then user and system time apart (medians of the rounds).",
    "- vs nginx: the contender's requests/s over nginx's in the same round, median over the "
    "rounds (robust to the machine's load changing between rounds).",
    "",
    "| contender | requests/s per round | median req/s | p50 ms | p99 ms | CPU µs/request | "
    "user / system µs | vs nginx | vs nginx, separate upstream |",
    "|---|---|---|---|---|---|---|---|---|",
]
for name in names:
    r = runs[name]
    m = r["median"]
    measured = m["cpu_us_per_request"] > 0
    cpu = f"{m['cpu_us_per_request']:.1f}" if measured else "–"
    split = (f"{m['user_us_per_request']:.1f} / {m['system_us_per_request']:.1f}" if measured
             else "–")
    lines.append(f"| {label[name]} | {' '.join(f'{x:.0f}' for x in r['rps'])} | {m['rps']:.0f} | "
                 f"{m['p50_ms']:.2f} | {m['p99_ms']:.2f} | {cpu} | {split} | {vs_nginx[name]:.2f} | "
                 f"{vs_separate[name]:.2f} |")
with open("bench/results/gateway-vs-nginx.md", "w") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
