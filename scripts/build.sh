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
# One wasm per chart, and one with none: a page loads only the drawing code
# of the chart it shows (the full wasm above is for pages with several).
# Only this crate recompiles for each; the second build of a run (the
# sub-path one) finds them all in cargo's cache.
VARIANTS="target/variants${PUBLIC_URL:+-sub}"
rm -rf "$VARIANTS"
for chart in none troops timeline opinion parliament commitments agenda oil builder; do
  label="pages with ${chart/none/no} chart"; [ "$chart" = builder ] && label="the embed builder"
  say "Building the wasm for $label"
  case "$chart" in
    none) features="hydrate" ;;
    # The embed builder's page: no chart, and the builder's island.
    builder) features="hydrate,builder" ;;
    *) features="hydrate,chart-$chart" ;;
  esac
  trunk build --release --offline --dist "$VARIANTS/$chart" --no-default-features --features "$features" \
    ${PUBLIC_URL:+--public-url "$PUBLIC_URL"} 2>&1 | grep -E "ERROR|error" || true
  node scripts/minify.mjs "$VARIANTS/$chart"
done
say "Writing a page for every address"
# The prerenderer shares its debug build with the native tests: no extra compile.
cargo run --quiet --no-default-features --features ssr --bin prerender -- "$DIST" "$VARIANTS"
