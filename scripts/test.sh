#!/usr/bin/env bash
# Every test, at three levels: native Rust, components in headless Chromium,
# and end to end against the release build served on loopback.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

"$ROOT/scripts/bootstrap.sh"

say "0/3 Format and lints (native and wasm code paths)"
cargo fmt --check
cargo clippy --quiet --no-default-features --features ssr --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --lib --bins --test web -- -D warnings

say "1/3 Native tests: content checks, routes, charts (SVG), rendered pages"
cargo test --no-default-features --features ssr

say "2/3 Component tests in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --test web

say "3/3 End-to-end tests against the release build"
# A site address, so canonical links are written and checked.
export SITE_URL="https://example.org"
"$ROOT/scripts/build.sh"
node --test tests/e2e/

say "3/3 End-to-end again, deployed under a sub-path"
PUBLIC_URL=/explainers/iraq/ DIST=target/dist-sub "$ROOT/scripts/build.sh"
DIST=target/dist-sub BASE_PATH=/explainers/iraq node --test tests/e2e/
