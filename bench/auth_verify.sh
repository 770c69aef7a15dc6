#!/usr/bin/env bash
# Token verifications per second (cached and uncached) and token signing, with Google Benchmark.
# Builds a Release verify_bench into build/bench, runs it, and writes
# bench/results/auth-verify.{json,md}.
# Usage: bench/auth_verify.sh [repetitions=3]
set -euo pipefail
cd "$(dirname "$0")/.."
repetitions=${1:-3}

source bench/lib/common.sh
build_bench verify_bench

mkdir -p bench/results
load_before=$(cut -d' ' -f1 /proc/loadavg)
build/bench/bench/verify_bench --benchmark_format=json \
  --benchmark_out=bench/results/auth-verify.json --benchmark_out_format=json \
  --benchmark_repetitions="$repetitions" --benchmark_report_aggregates_only=true \
  --benchmark_min_time=1 >/dev/null

python3 - "$repetitions" "$load_before" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import json, sys
repetitions, load_before, load_after = sys.argv[1:4]
with open("bench/results/auth-verify.json") as f:
    run = json.load(f)
ctx = run["context"]
rows = [b for b in run["benchmarks"] if b.get("aggregate_name") == "median"]
lines = [
    "# Token verification and signing",
    "",
    f"- Date: {ctx['date'][:10]}, {ctx['num_cpus']} CPUs at {ctx['mhz_per_cpu']} MHz, "
    f"shared with other work; Release build; median of {repetitions} repetitions.",
    "- Token: a Cognito-shaped access token (RS256, 2048-bit key, "
    f"{int(next((b.get('token_bytes', 0) for b in rows if 'token_bytes' in b), 0))} bytes).",
    "- Cached: the verified-token cache answers (keyed SipHash of the signature + lookup + compare of header.payload + exp check).",
    "- Uncached: cache disabled; decode, header/issuer checks, RSA-2048 verify, claim checks.",
    "- Threads: each thread runs its own single-threaded io_context; the verifier is shared. "
    "Time per op is wall time divided by the operations of all threads.",
    f"- 1-minute load average before / after the run: {load_before} / {load_after} "
    "(other builds share the machine; multi-thread rows are only indicative).",
    "",
    "| benchmark | threads | wall time per op (µs) | ops/s (all threads) |",
    "|---|---|---|---|",
]
for b in rows:
    name = b["run_name"].split("/")[0]
    threads = b.get("threads", 1)
    unit = {"ns": 1e-3, "us": 1.0, "ms": 1e3}[b["time_unit"]]
    micros = b["real_time"] * unit
    per_second = b.get("items_per_second", 0)
    lines.append(f"| {name} | {threads} | {micros:.2f} | {per_second:,.0f} |")
with open("bench/results/auth-verify.md", "w") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
