#!/usr/bin/env bash
# The whole test suite: installs what is needed, checks formatting, builds the release flavour
# and runs every test (unit, system, fault), then builds the ASan+UBSan flavour and runs the
# unit tests under it. Run as root on Debian 12.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/check-format.sh

echo "== release build"
bash scripts/build.sh release
echo "== ASan+UBSan build"
bash scripts/build.sh asan unit_tests

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
echo "== unit tests under ASan+UBSan"
(cd build/asan && ctest --output-on-failure -j2 -L unit)
echo "== all tests (release)"
(cd build/release && ctest --output-on-failure -j2)
