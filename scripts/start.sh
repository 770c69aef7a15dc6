#!/usr/bin/env bash
# Installs, builds and starts the whole system (every service in one process, embedded storage)
# with demo data. Run as root on Debian 12. Stop with Ctrl-C (SIGINT) or SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/build.sh release hotel
data=${HOTEL_DATA_DIR:-$PWD/data}
mkdir -p "$data"
exec build/release/app/hotel serve --target=all --data-dir "$data" --demo-data "$@"
