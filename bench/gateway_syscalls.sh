#!/usr/bin/env bash
# System calls per signed-in request through the gateway and through nginx `proxy_pass` (no
# auth, the same request with its bearer token), each in front of an nginx `return 200`
# upstream of its own: receives (and how many of them found no data), sends, epoll_waits and
# context switches (a thread put to sleep or preempted),
# counted with `perf stat` on syscall tracepoints while wrk runs. Needs perf with tracepoint
# access (root). Prints one line per proxy; writes nothing.
# Usage: bench/gateway_syscalls.sh <gateway_bench> [seconds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "$1")
seconds=${2:-5}
bash scripts/install-deps.sh --bench
source bench/lib/common.sh
bench_workspace
upstream_port=18391
proxy_port=18392
start_bookings_upstream "$upstream_port"
start_nginx "$work/proxy" "  upstream app { server 127.0.0.1:$upstream_port; keepalive 128; }
$(nginx_proxy_server "$proxy_port" app)"
pids+=("$nginx_pid")
proxy_nginx=$nginx_pid
start_gateway "$binary" "$upstream_port"
auth="Authorization: Bearer $token"
sleep 0.5

# count <name> <url> <pid,...>: perf stat on the given processes while wrk runs
count() {
  perf stat -x, -o "$work/perf.csv" -p "$3" \
    -e syscalls:sys_enter_recvfrom,syscalls:sys_exit_recvfrom,syscalls:sys_enter_sendmsg \
    -e syscalls:sys_enter_writev,syscalls:sys_enter_epoll_wait,context-switches &
  local perf=$!
  sleep 0.5
  wrk -t2 -c64 -d"${seconds}s" -H "$auth" "$2" >"$work/wrk.out"
  kill -INT "$perf"
  wait "$perf" || true
  python3 - "$1" "$work/perf.csv" "$work/wrk.out" <<'PY'
import re, sys
name, csv, wrk = sys.argv[1:4]
counts = {}
for line in open(csv):
    parts = line.strip().split(",")
    if len(parts) > 2 and parts[0].isdigit():
        counts[parts[2].split(":")[-1]] = int(parts[0])
requests = int(re.search(r"(\d+) requests in", open(wrk).read()).group(1))
per = lambda key: counts.get(key, 0) / requests
print(f"{name}: {requests} requests; per request: receives {per('sys_enter_recvfrom'):.2f}, "
      f"sends {per('sys_enter_sendmsg') + per('sys_enter_writev'):.2f}, "
      f"epoll_waits {per('sys_enter_epoll_wait'):.2f}, "
      f"context switches {per('context-switches'):.2f}")
PY
}
# A receive that finds no data is a receive beyond the two a proxied request needs (one from the
# client, one from the upstream).
count gateway "http://127.0.0.1:$gateway_port/v1/bookings" "$gateway_pid"
count "nginx proxy_pass" "http://127.0.0.1:$proxy_port/v1/bookings" \
  "$(ps -o pid= --ppid "$proxy_nginx" | tr -d ' ' | paste -sd,)"
