#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) over the project's sources, or over the files given.
# clang-tidy cannot read GCC's precompiled header, so it reads the compile commands of a
# configuration without one (build/tidy: configured only, never built).
# Slow on 2 cores (Beast-heavy translation units): not part of scripts/test.sh; run it before
# committing changes to the files you touched: scripts/tidy.sh chassis/http/server.cpp
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/tidy -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
if (($#)); then files=("$@"); else mapfile -t files < <(git ls-files 'chassis/*.cpp' 'services/*.cpp' 'app/*.cpp' | grep -v '_test.cpp$'); fi
status=0
for f in "${files[@]}"; do
  # The warning flags only GCC knows are not clang-tidy's concern.
  clang-tidy -p build/tidy --quiet --extra-arg=-Wno-unknown-warning-option "$f" || status=1
done
exit $status
