# Sourced by the bench scripts.

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
