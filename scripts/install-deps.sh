#!/usr/bin/env bash
# Installs every Debian 12 package the project needs. Idempotent; run as root.
# Usage: scripts/install-deps.sh [--bench]   (--bench adds wrk, nginx, valgrind, perf and time for bench/)
set -euo pipefail

packages=(
  build-essential g++ cmake ninja-build ccache pkg-config git curl ca-certificates
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libssl-dev libsodium-dev libsqlite3-dev libsqlitecpp-dev sqlite3 libcurl4-openssl-dev
  libspdlog-dev libfmt-dev libcli11-dev libjemalloc-dev
  libvips-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  clang-format clang-tidy python3
)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(wrk nginx-light valgrind linux-perf time)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
