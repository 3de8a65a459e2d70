#!/usr/bin/env bash
# Serves the explainer with live reload at the address Trunk prints.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

"$ROOT/scripts/bootstrap.sh"
PORT="${PORT:-8080}"
say "Serving at http://127.0.0.1:$PORT/"
# Its own folder, so dist/ only ever holds a release build.
exec trunk serve --offline --address 127.0.0.1 --port "$PORT" --dist target/dev-dist
