#!/usr/bin/env bash
# Requests/s and CPU per signed-in request through the gateway with its access log on (one JSON
# line per request to a file, as a deployed gateway writes it), against nginx `proxy_pass` with
# an access log of the same fields to a file, in front of the same upstream (an nginx
# `return 200` of its own), in alternating rounds on loopback. Both logs are written in batches:
# the gateway's info lines every 250 ms or 64 KiB, nginx with `buffer=64k flush=250ms`; a third
# row is nginx writing each line at once (its default). Prints a table; writes nothing else.
# Usage: bench/gateway_access_log.sh [rounds=3] [seconds=10] [gateway_bench]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
seconds=${2:-10}
binary=${3:-}
bash scripts/install-deps.sh --bench
source bench/lib/common.sh
if [[ -z $binary ]]; then
  build_bench gateway_bench
  binary=build/bench/bench/gateway_bench
fi
binary=$(realpath "$binary")

bench_workspace
upstream_port=18291
buffered_port=18292
unbuffered_port=18293
start_bookings_upstream "$upstream_port"
# The fields of the gateway's access-log line that nginx knows of.
start_nginx "$work/proxy" "  log_format lines escape=json '{\"ts\":\"\$time_iso8601\",\"level\":\"info\",\"service\":\"proxy\",\"msg\":\"request\",\"request_id\":\"\$request_id\",\"method\":\"\$request_method\",\"path\":\"\$uri\",\"status\":\$status,\"bytes\":\$body_bytes_sent,\"latency_ms\":\$request_time,\"remote\":\"\$remote_addr\",\"upstream\":\"\$upstream_addr\"}';
  upstream app { server 127.0.0.1:$upstream_port; keepalive 128; }
$(nginx_proxy_server "$buffered_port" app "access_log $work/proxy/buffered.log lines buffer=64k flush=250ms;")
$(nginx_proxy_server "$unbuffered_port" app "access_log $work/proxy/unbuffered.log lines;")"
pids+=("$nginx_pid")
proxy_nginx=$nginx_pid
mkdir -p "$work/gateway-log"
start_gateway "$binary" "$upstream_port" "$work/gateway-log"
auth="Authorization: Bearer $token"
for port in $buffered_port $unbuffered_port; do
  wait_for_http "http://127.0.0.1:$port/v1/bookings"
done
test "$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "http://127.0.0.1:$gateway_port/v1/bookings")" = 200

mapfile -t nginx_workers < <(ps -o pid= --ppid "$proxy_nginx" | tr -d ' ')

declare -A rps cpu
run() {  # name url pid...
  local name=$1 url=$2
  shift 2
  local before after requests
  before=$(cpu_ticks "$@" | awk '{print $1 + $2}')
  wrk -t2 -c64 -d"${seconds}s" -H "$auth" "$url" >"$work/wrk.out"
  after=$(cpu_ticks "$@" | awk '{print $1 + $2}')
  if grep -q 'Non-2xx' "$work/wrk.out"; then
    cat "$work/wrk.out" >&2
    exit 1
  fi
  requests=$(awk '/requests in/{print $1}' "$work/wrk.out")
  rps[$name]+="$(awk '/Requests\/sec/{printf "%.0f", $2}' "$work/wrk.out") "
  cpu[$name]+="$(python3 -c "print(f'{($after - $before) * 1e6 / $(getconf CLK_TCK) / $requests:.1f}')") "
}

for _ in $(seq "$rounds"); do
  run gateway "http://127.0.0.1:$gateway_port/v1/bookings" "$gateway_pid"
  run nginx_buffered "http://127.0.0.1:$buffered_port/v1/bookings" "${nginx_workers[@]}"
  run nginx_unbuffered "http://127.0.0.1:$unbuffered_port/v1/bookings" "${nginx_workers[@]}"
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
echo "| contender | requests/s per round | median req/s | CPU µs/request (median) |"
echo "|---|---|---|---|"
for name in gateway nginx_buffered nginx_unbuffered; do
  case $name in
    gateway) label="gateway, signed in, access log on (token verified)" ;;
    nginx_buffered) label="nginx proxy_pass, access log buffer=64k flush=250ms (no auth)" ;;
    nginx_unbuffered) label="nginx proxy_pass, access log line by line (no auth)" ;;
  esac
  echo "| $label | ${rps[$name]}| $(echo "${rps[$name]}" | median) | $(echo "${cpu[$name]}" | median) |"
done
echo
echo "gateway access-log lines: $(wc -l <"$work/gateway-log/gateway.log"); nginx: $(cat "$work/proxy/buffered.log" "$work/proxy/unbuffered.log" | wc -l)"
