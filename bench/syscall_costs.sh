#!/usr/bin/env bash
# What a failed receive (EAGAIN), an epoll_ctl(MOD) and an empty epoll_wait cost on this
# machine, on a loopback TCP connection, with Google Benchmark (the figures the gateway's
# read-path choices in docs/architecture.md are weighed with). Prints the table; writes nothing.
# Usage: bench/syscall_costs.sh [repetitions=3]
set -euo pipefail
cd "$(dirname "$0")/.."
repetitions=${1:-3}
source bench/lib/common.sh
build_bench syscall_bench
build/bench/bench/syscall_bench --benchmark_repetitions="$repetitions" \
  --benchmark_report_aggregates_only=true
