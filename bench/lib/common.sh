# Sourced by the bench scripts.

# build_bench <target>: builds a bench program (Release, build/bench) into
# build/bench/bench/<target>.
build_bench() {
  cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DHOTEL_BUILD_BENCH=ON \
    -DHOTEL_BUILD_TESTS=OFF >/dev/null
  cmake --build build/bench -j2 --target "$1"
}

# bench_workspace: sets $work (a fresh temporary directory) and $pids (processes the script
# starts); at exit every process in $pids is stopped and $work is removed.
bench_workspace() {
  work=$(mktemp -d)
  pids=()
  trap bench_cleanup EXIT
}

bench_cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}

# start_nginx <dir> <http-block-body>: writes <dir>/nginx.conf (2 workers, access log off,
# long keep-alive, temp paths inside <dir>) around the given servers and starts nginx in the
# background; its PID is in $nginx_pid.
start_nginx() {
  local dir=$1 servers=$2
  mkdir -p "$dir"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
$servers
}
CONF
  nginx -c "$dir/nginx.conf" &
  nginx_pid=$!
}

# wait_for_gateway <output file> [tries=100]: waits until a gateway_bench wrote its "listening"
# line to the file, then sets $gateway_port and $token (a signed customer access token) from it.
wait_for_gateway() {
  local out=$1 tries=${2:-100}
  for _ in $(seq "$tries"); do
    grep -q '"listening"' "$out" 2>/dev/null && break
    sleep 0.1
  done
  read -r gateway_port token < <(python3 -c '
import json, sys
entry = next(json.loads(l) for l in open(sys.argv[1]) if "\"listening\"" in l)
print(entry["port"], entry["token"])' "$out")
}

# start_gateway <gateway_bench> <upstream port> [access-log directory]: starts the gateway in
# front of the upstream, waits for it and sets $gateway_pid, $gateway_port and $token; the
# process is in $pids.
start_gateway() {
  "$1" "127.0.0.1:$2" "${@:3}" >"$work/gateway.out" &
  gateway_pid=$!
  pids+=("$gateway_pid")
  wait_for_gateway "$work/gateway.out"
}

# bookings_upstream <listen port>: an nginx server block answering every request with 200 and
# a small JSON body, the upstream the gateway benchmarks relay to.
bookings_upstream() {
  cat <<BLOCK
  server {
    listen 127.0.0.1:$1;
    client_header_buffer_size 4k;
    location / { default_type application/json; return 200 '{"bookings":[]}'; }
  }
BLOCK
}

# start_bookings_upstream <port> [dir=$work/upstream]: the benchmarks' upstream
# (bookings_upstream) in its own nginx under the directory, stopped with the workspace; its PID
# is in $nginx_pid.
start_bookings_upstream() {
  start_nginx "${2:-$work/upstream}" "$(bookings_upstream "$1")"
  pids+=("$nginx_pid")
}

# wait_for_http <url> [tries=100]: polls the URL every 0.1 s until it answers with a 2xx.
wait_for_http() {
  local tries=${2:-100}
  for _ in $(seq "$tries"); do
    curl -fs "$1" >/dev/null && return 0
    sleep 0.1
  done
  return 0  # the caller's own first request tells whether the server is there
}

# cpu_ticks <pid>...: "user system" CPU time the processes used so far, in clock ticks.
cpu_ticks() {
  local user=0 system=0 fields
  for pid in "$@"; do
    read -r -a fields <"/proc/$pid/stat"
    user=$((user + fields[13]))
    system=$((system + fields[14]))
  done
  echo "$user $system"
}

# nginx_proxy_server <listen port> <upstream name> [access_log directive]: an nginx server block
# relaying everything to the named keep-alive upstream pool (HTTP/1.1, X-Forwarded-For added),
# as bench/ compares with; the http block's `access_log off` unless a directive is given.
nginx_proxy_server() {
  cat <<BLOCK
  server {
    listen 127.0.0.1:$1;
    ${3:-}
    location / {
      proxy_pass http://$2;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
BLOCK
}
