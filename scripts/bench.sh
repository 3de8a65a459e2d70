#!/usr/bin/env bash
# Measures the release build: asset sizes, chart redraw times, Lighthouse.
# Separate from `make test`: these are figures to watch, not pass/fail.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

"$ROOT/scripts/build.sh"
if [ ! -x tools/bench/node_modules/.bin/lighthouse ]; then
  say "Installing Lighthouse 12 for the benchmark"
  npm ci --prefix tools/bench --no-audit --no-fund --prefer-offline --loglevel=error
fi
say "Measuring"
node scripts/bench.mjs
