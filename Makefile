# The README's commands. Each one installs what it needs first (scripts/bootstrap.sh).
.PHONY: serve test build bench bootstrap

## Serve the explainer with live reload at http://127.0.0.1:8080/
serve:
	@scripts/serve.sh

## Run every test: native, browser components, end to end
test:
	@scripts/test.sh

## Build the static site into dist/ (PUBLIC_URL=/sub/ for a sub-path)
build:
	@scripts/build.sh

## Measure sizes, chart redraw time and Lighthouse scores (writes bench/results.json)
bench:
	@scripts/bench.sh

## Install the tools only
bootstrap:
	@scripts/bootstrap.sh
