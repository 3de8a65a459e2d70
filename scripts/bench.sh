#!/usr/bin/env bash
# Measures the release build: asset sizes, chart redraw times, Lighthouse.
# Separate from `make test`: these are figures to watch, not pass/fail.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

"$ROOT/scripts/build.sh"
say "Measuring"
node scripts/bench.mjs
