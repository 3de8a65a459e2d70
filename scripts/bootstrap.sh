#!/usr/bin/env bash
# Installs everything building and testing need, and nothing twice: each step
# checks first, so a machine that has it all is through in a few seconds.
# No prebuilt binaries are downloaded: Rust tools build from crates.io,
# Chromium comes from Debian, wasm-opt and playwright-core from npm.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Building trunk $TRUNK_VERSION (about 9 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "Building wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes, once)"
  # Not --locked: the CLI's own lock file pins a yanked crate.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER" ]; then
  say "Installing Chromium and ChromeDriver from Debian"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ ! -f tools/node_modules/.package-lock.json ] || ! cmp -s tools/package-lock.json tools/node_modules/.stamp-lock; then
  say "Installing the npm tools (binaryen for wasm-opt, playwright-core)"
  npm ci --prefix tools --no-audit --no-fund --prefer-offline --loglevel=error
  cp tools/package-lock.json tools/node_modules/.stamp-lock
fi

# Lighthouse 12 (13 needs Node 22): the test suite holds the accessibility,
# best-practices and SEO scores at 100, and `make bench` reports the rest.
if [ ! -f tools/bench/node_modules/.package-lock.json ] || ! cmp -s tools/bench/package-lock.json tools/bench/node_modules/.stamp-lock; then
  say "Installing Lighthouse 12"
  npm ci --prefix tools/bench --no-audit --no-fund --prefer-offline --loglevel=error
  cp tools/bench/package-lock.json tools/bench/node_modules/.stamp-lock
fi

# pdftotext reads back the pages the suite prints to PDF.
if ! command -v pdftotext >/dev/null; then
  say "Installing poppler-utils from Debian, to read printed pages back"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils >/dev/null
fi

# Java runs the Nu Html Checker (npm vnu-jar) over every built page.
if ! command -v java >/dev/null; then
  say "Installing a Java runtime from Debian, for the Nu Html Checker"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq default-jre-headless >/dev/null
fi

# Debian's binaryen 108 corrupts Trunk's output; make sure ours comes first.
case "$(wasm-opt --version 2>/dev/null)" in
  "wasm-opt version 132"*) ;;
  *) echo "wasm-opt on PATH is not binaryen 132 from tools/: $(command -v wasm-opt)" >&2; exit 1 ;;
esac
