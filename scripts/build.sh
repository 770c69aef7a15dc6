#!/usr/bin/env bash
# Configures and builds one flavour of the project.
# Usage: scripts/build.sh release|asan [targets...]
set -euo pipefail
cd "$(dirname "$0")/.."

flavour=${1:-release}
shift || true
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}
jobs=${HOTEL_BUILD_JOBS:-$(nproc)}

case "$flavour" in
  release) args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo) ;;
  asan) args=(-DCMAKE_BUILD_TYPE=Debug -DHOTEL_SANITIZE=ON) ;;
  *) echo "unknown flavour '$flavour' (release|asan)" >&2; exit 2 ;;
esac

dir=build/$flavour
if [[ ! -f $dir/build.ninja ]]; then
  cmake -S . -B "$dir" -G Ninja "${args[@]}"
fi
if (($#)); then
  cmake --build "$dir" -j"$jobs" --target "$@"
else
  cmake --build "$dir" -j"$jobs"
fi
