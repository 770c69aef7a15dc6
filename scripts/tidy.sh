#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) over the project's sources, or over the files given.
# Slow on 2 cores (Beast-heavy translation units): not part of scripts/test.sh; run it before
# committing changes to the files you touched: scripts/tidy.sh chassis/http/server.cpp
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh release hotel >/dev/null
if (($#)); then files=("$@"); else mapfile -t files < <(git ls-files 'chassis/*.cpp' 'services/*.cpp' 'app/*.cpp' | grep -v '_test.cpp$'); fi
status=0
for f in "${files[@]}"; do
  clang-tidy -p build/release --quiet "$f" 2>/dev/null || status=1
done
exit $status
