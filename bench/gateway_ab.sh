#!/usr/bin/env bash
# Two (or more) gateway_bench binaries in alternating rounds in front of one nginx `return 200`
# upstream: requests/s and the gateway's own user and system CPU time per signed-in request
# (from /proc), as means over the rounds. Alternating rounds of the binaries under comparison
# are what a change is measured by on a shared machine whose speed drifts between runs.
# With ACCESS_LOG=1 the gateways write their access log (one line per request to a file in the
# run's workspace), as a deployed gateway does.
# Usage: [ACCESS_LOG=1] bench/gateway_ab.sh <rounds> <seconds> <gateway_bench> <gateway_bench> [...]
#   e.g. bench/gateway_ab.sh 4 6 /tmp/before/gateway_bench build/bench/bench/gateway_bench
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=$1
seconds=$2
shift 2
bash scripts/install-deps.sh --bench
source bench/lib/common.sh
bench_workspace
upstream_port=18191
start_bookings_upstream "$upstream_port"

# one_run <binary>: "requests/s user_us system_us" for one wrk run against a fresh gateway
one_run() {
  local log_dir=()
  if [[ ${ACCESS_LOG:-0} == 1 ]]; then
    rm -rf "$work/access-log"
    mkdir -p "$work/access-log"
    log_dir=("$work/access-log")
  fi
  "$1" "127.0.0.1:$upstream_port" "${log_dir[@]}" >"$work/gateway.out" 2>"$work/gateway.err" &
  local gateway=$!
  # This runs in a subshell, which the workspace's cleanup does not see: stop the gateway on
  # any way out, so that a failed check leaves no process behind.
  # shellcheck disable=SC2064 # the PID is meant to be expanded now
  trap "kill $gateway 2>/dev/null || true" EXIT
  wait_for_gateway "$work/gateway.out"
  local port=$gateway_port
  local auth="Authorization: Bearer $token"
  local code
  code=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -H "$auth" \
    "http://127.0.0.1:$port/v1/bookings")
  if [[ $code != 200 ]]; then
    echo "$1: the first request got '$code', not 200; gateway stderr:" >&2
    cat "$work/gateway.err" >&2
    return 1
  fi
  local before after
  read -r -a before < <(cpu_ticks "$gateway")
  wrk -t2 -c64 -d"${seconds}s" -H "$auth" "http://127.0.0.1:$port/v1/bookings" >"$work/wrk.out"
  read -r -a after < <(cpu_ticks "$gateway")
  kill "$gateway"
  wait "$gateway" 2>/dev/null || true
  python3 - "$work/wrk.out" "$((after[0] - before[0]))" "$((after[1] - before[1]))" \
    "$(getconf CLK_TCK)" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
user, system, hz = map(int, sys.argv[2:5])
total = int(re.search(r"(\d+) requests in", text).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
print(f"{rps:.0f} {user * 1e6 / hz / total:.2f} {system * 1e6 / hz / total:.2f}")
PY
}

declare -A sums
for round in $(seq "$rounds"); do
  for binary in "$@"; do
    read -r rps user system < <(one_run "$binary")
    echo "round $round $binary: $rps req/s, user $user us, system $system us per request"
    sums[$binary]+="$rps $user $system;"
  done
done
for binary in "$@"; do
  python3 - "$binary" "${sums[$binary]}" <<'PY'
import sys
rows = [list(map(float, r.split())) for r in sys.argv[2].split(";") if r.strip()]
mean = [sum(c) / len(rows) for c in zip(*rows)]
print(f"mean {sys.argv[1]}: {mean[0]:.0f} req/s, CPU {mean[1] + mean[2]:.2f} us/request "
      f"(user {mean[1]:.2f}, system {mean[2]:.2f})")
PY
done
