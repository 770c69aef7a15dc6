#!/usr/bin/env bash
# Where a gateway_bench build spends its CPU under load: `perf record` (real CPU, kernel
# included) on the gateway process while wrk sends signed-in requests through it to an nginx
# `return 200` upstream; prints the share per binary and the top symbols. The perf.data file
# stays in <out> for `perf report`.
# Usage: bench/gateway_profile.sh <gateway_bench> [seconds=8] [out=/tmp/gateway-perf.data]
#   ACCESS_LOG=1 profiles it with its access log on.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "$1")
seconds=${2:-8}
out=${3:-/tmp/gateway-perf.data}
bash scripts/install-deps.sh --bench
source bench/lib/common.sh
bench_workspace
upstream_port=18491
start_bookings_upstream "$upstream_port"
log_dir=()
if [[ ${ACCESS_LOG:-0} == 1 ]]; then
  mkdir -p "$work/access-log"
  log_dir=("$work/access-log")
fi
start_gateway "$binary" "$upstream_port" "${log_dir[@]}"
wait_for_http "http://127.0.0.1:$gateway_port/.well-known/openid-configuration"
perf record -F 4999 -o "$out" -p "$gateway_pid" 2>/dev/null &
perf_pid=$!
sleep 0.3
wrk -t2 -c64 -d"${seconds}s" -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$gateway_port/v1/bookings" | grep -E "Requests/sec"
kill -INT "$perf_pid"
wait "$perf_pid" || true
echo "share per binary:"
perf report -i "$out" --no-children --sort dso 2>/dev/null | grep -E '^ +[0-9]' | head -10
echo "top symbols outside the kernel:"
perf report -i "$out" --no-children --sort dso,sym 2>/dev/null | grep -E '^ +[0-9]' |
  grep -v kernel.kallsyms | head -30 | cut -c1-150
