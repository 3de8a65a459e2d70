#!/usr/bin/env bash
# Builds the static site into dist/: the release wasm (optimised by wasm-opt),
# then one index.html per page so every address works on any static host.
# PUBLIC_URL sets the base path for a sub-path deploy, e.g. PUBLIC_URL=/iraq/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

"$ROOT/scripts/bootstrap.sh"
say "Building the release into dist/ (public URL: ${PUBLIC_URL:-from Trunk.toml})"
trunk build --release --offline ${PUBLIC_URL:+--public-url "$PUBLIC_URL"}
say "Writing a page for every address"
# The prerenderer shares its debug build with the native tests: no extra compile.
cargo run --quiet --no-default-features --features ssr --bin prerender -- dist
