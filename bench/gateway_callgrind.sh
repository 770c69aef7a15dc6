#!/usr/bin/env bash
# Instructions and heap allocations per signed-in request through the gateway, counted by
# callgrind: a figure that, unlike requests/s or CPU time, does not move with what else the
# machine runs. gateway_bench runs under valgrind in front of an nginx `return 200` upstream;
# instrumentation is switched on after a warm-up (the token is verified once, then cached), and
# the gateway's counters are dumped after <requests> sequential keep-alive requests
# (GET /v1/bookings with a bearer token) over <connections> connections.
# Prints instructions and heap allocations per request, and the top
# functions (self cost); the callgrind file stays in <out_dir> for callgrind_annotate.
# Usage: bench/gateway_callgrind.sh <gateway_bench binary> [requests=2000] [connections=4]
#        [out_dir=/tmp/gateway-callgrind]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "$1")
requests=${2:-2000}
connections=${3:-4}
out=${4:-/tmp/gateway-callgrind}
bash scripts/install-deps.sh --bench

source bench/lib/common.sh
bench_workspace
mkdir -p "$out"
rm -f "$out"/callgrind.out*

upstream_port=18095
start_bookings_upstream "$upstream_port"

valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out/callgrind.out.%p" \
  "$binary" "127.0.0.1:$upstream_port" >"$work/gateway.out" 2>"$work/valgrind.err" &
gateway_pid=$!
pids+=("$gateway_pid")
wait_for_gateway "$work/gateway.out" 600

# drive <count>: sequential requests over keep-alive connections, each answer checked
drive() {
  python3 - "$work/gateway.out" "$1" "$connections" <<'PY'
import http.client, json, sys, threading
entry = next(json.loads(l) for l in open(sys.argv[1]) if '"listening"' in l)
count, connections = int(sys.argv[2]), int(sys.argv[3])
headers = {"Authorization": "Bearer " + entry["token"]}
def run(n):
    conn = http.client.HTTPConnection("127.0.0.1", entry["port"])
    for _ in range(n):
        conn.request("GET", "/v1/bookings", headers=headers)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            sys.exit(f"status {response.status}")
threads = [threading.Thread(target=run, args=(count // connections,)) for _ in range(connections)]
for t in threads: t.start()
for t in threads: t.join()
PY
}

drive 200
callgrind_control --instr=on "$gateway_pid" >/dev/null
callgrind_control --zero "$gateway_pid" >/dev/null
drive "$requests"
callgrind_control --dump=measured "$gateway_pid" >/dev/null
callgrind_control --instr=off "$gateway_pid" >/dev/null

python3 - "$out" "$requests" <<'PY'
import collections, glob, re, subprocess, sys
out, requests = sys.argv[1], int(sys.argv[2])
files = glob.glob(f"{out}/callgrind.out.*")
# Allocation entry points: a call into one of them from anywhere else is one heap allocation
# (operator new calls malloc under glibc, not under jemalloc: counting entries counts both once).
def is_allocator(name):
    return (name in ("malloc", "calloc", "realloc", "memalign", "aligned_alloc", "posix_memalign")
            or name.startswith("operator new"))
total, entries = 0, collections.Counter()
for path in files:
    names, caller, target = {}, None, None
    for line in open(path, errors="replace"):
        if line.startswith("summary:"):
            total += int(line.split()[1])
        # function names are given once, at their first fn= or cfn=, then by id
        m = re.match(r"(c?)fn=\((\d+)\)(?: (.*))?", line)
        if m:
            if m.group(3): names[m.group(2)] = m.group(3).strip()
            name = names.get(m.group(2), "")
            if m.group(1):
                target = name
            else:
                caller, target = name, None
            continue
        m = re.match(r"calls=(\d+)", line)
        if m and target is not None:
            if is_allocator(target) and not is_allocator(caller) and "memalign" not in caller:
                entries[target] += int(m.group(1))
            target = None
def per(name_test):
    return sum(n for f, n in entries.items() if name_test(f)) / requests
print(f"requests: {requests}")
print(f"instructions per request: {total / requests:.0f}")
print(f"heap allocations per request: {per(lambda f: True):.1f}")
print(f"  of them through operator new: {per(lambda f: f.startswith('operator new')):.1f}")
print(f"  of them aligned (Asio's frames and handlers past its cache): "
      f"{per(lambda f: f in ('memalign', 'aligned_alloc', 'posix_memalign')):.1f}")
for path in files:
    text = subprocess.run(["callgrind_annotate", path], capture_output=True, text=True).stdout
    print("\n".join(text.splitlines()[:60]))
PY
