#!/usr/bin/env bash
# Builds the static site into dist/: the release wasm (optimised by wasm-opt),
# then one index.html per page so every address works on any static host.
# PUBLIC_URL sets the base path for a sub-path deploy, e.g. PUBLIC_URL=/iraq/;
# DIST sets the output folder (default dist/).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

"$ROOT/scripts/bootstrap.sh"
say "Building the release into dist/ (public URL: ${PUBLIC_URL:-from Trunk.toml})"
DIST="${DIST:-dist}"
trunk build --release --offline --dist "$DIST" ${PUBLIC_URL:+--public-url "$PUBLIC_URL"}
node scripts/minify.mjs "$DIST"
say "Writing a page for every address"
# The prerenderer shares its debug build with the native tests: no extra compile.
cargo run --quiet --no-default-features --features ssr --bin prerender -- "$DIST"
