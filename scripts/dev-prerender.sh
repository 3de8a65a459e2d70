#!/usr/bin/env bash
# Trunk's post-build hook: under `make serve` (a debug build), writes every
# page into Trunk's staging folder, so the dev server shows the prerendered
# pages the islands hydrate. A release build is left alone: scripts/build.sh
# minifies first and prerenders after.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = "debug" ] || exit 0
cd "$(dirname "$0")/.."
exec cargo run --quiet --no-default-features --features ssr --bin prerender -- "$TRUNK_STAGING_DIR"
