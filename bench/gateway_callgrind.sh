#!/usr/bin/env bash
# Instructions and heap allocations per signed-in request through the gateway, counted by
# callgrind: a figure that, unlike requests/s or CPU time, does not move with what else the
# machine runs. gateway_bench runs under valgrind in front of an nginx `return 200` upstream;
# instrumentation is switched on after a warm-up (the token is verified once, then cached), and
# the gateway's counters are dumped after <requests> sequential keep-alive requests
# (GET /v1/bookings with a bearer token) over <connections> connections.
# Prints instructions per request, malloc and operator new calls per request, and the top
# functions (self cost); the callgrind file stays in <out_dir> for callgrind_annotate.
# Usage: bench/gateway_callgrind.sh <gateway_bench binary> [requests=2000] [connections=4]
#        [out_dir=/tmp/gateway-callgrind]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "$1")
requests=${2:-2000}
connections=${3:-4}
out=${4:-/tmp/gateway-callgrind}

source bench/lib/common.sh
bench_workspace
mkdir -p "$out"
rm -f "$out"/callgrind.out*

upstream_port=18095
start_nginx "$work/nginx" "  server {
    listen 127.0.0.1:$upstream_port;
    location / { default_type application/json; return 200 '{\"bookings\":[]}'; }
  }"
pids+=("$nginx_pid")

valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out/callgrind.out.%p" \
  "$binary" "127.0.0.1:$upstream_port" >"$work/gateway.out" 2>"$work/valgrind.err" &
gateway_pid=$!
pids+=("$gateway_pid")
for _ in $(seq 600); do
  grep -q '"listening"' "$work/gateway.out" 2>/dev/null && break
  sleep 0.1
done

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
total, calls = 0, collections.Counter()
for path in files:
    names, target = {}, None
    for line in open(path, errors="replace"):
        if line.startswith("summary:"):
            total += int(line.split()[1])
        m = re.match(r"cfn=\((\d+)\)(?: (.*))?", line)
        if m:
            if m.group(2): names[m.group(1)] = m.group(2).strip()
            target = names.get(m.group(1), "")
            continue
        m = re.match(r"calls=(\d+)", line)
        if m and target is not None:
            calls[target] += int(m.group(1))
            target = None
def per(name_test):
    return sum(n for f, n in calls.items() if name_test(f)) / requests
print(f"requests: {requests}")
print(f"instructions per request: {total / requests:.0f}")
print(f"malloc calls per request: {per(lambda f: f == 'malloc'):.1f}")
print(f"operator new calls per request: {per(lambda f: f.startswith('operator new')):.1f}")
print(f"free calls per request: {per(lambda f: f == 'free'):.1f}")
for path in files:
    text = subprocess.run(["callgrind_annotate", path], capture_output=True, text=True).stdout
    print("\n".join(text.splitlines()[:60]))
PY
