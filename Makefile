# Dockyard follows the course's own convention:
#   make install   everything the project needs (idempotent: skips what is present)
#   make lint      formatting and clippy
#   make test      native tests, browser tests in headless Chromium, end-to-end tests
#   make all       install, lint, test
# and also:
#   make serve     build and serve the site on 127.0.0.1:8080 with live reload
#   make build     the release site in dist/
#   make size      raw and gzip sizes of dist/

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
BINARYEN_VERSION := 132.0.0
# The wasm-bindgen CLI must match the library in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;q}' Cargo.lock)

TOOLS := $(CURDIR)/.tools
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(TOOLS)/node_modules/.bin:$(CARGO_BIN):$(PATH)

# Browser tests: wasm-bindgen-test drives Debian's chromium via chromedriver.
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER := wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT ?= 120

E2E := tests/e2e
WASM_TARGET := wasm32-unknown-unknown
# Crates that must also build for the browser (all but the native CLI).
NATIVE_ONLY := dockyard-cli

.PHONY: help all install lint test test-native test-wasm test-e2e build serve size clean \
	install-rust-target install-trunk install-wasm-bindgen install-wasm-opt \
	install-chromium install-e2e-deps

help:
	@echo "make install | lint | test | all | serve | build | size | clean"

all: install lint test

# ---------------------------------------------------------------- install
install: install-rust-target install-trunk install-wasm-bindgen install-wasm-opt \
	install-chromium install-e2e-deps

install-rust-target:
	@if rustup target list --installed | grep -qx '$(WASM_TARGET)'; then \
		echo "present: rust target $(WASM_TARGET)"; \
	else rustup target add $(WASM_TARGET); fi

install-trunk:
	@if trunk --version 2>/dev/null | grep -qx 'trunk $(TRUNK_VERSION)'; then \
		echo "present: trunk $(TRUNK_VERSION)"; \
	else cargo install --locked trunk --version $(TRUNK_VERSION); fi

# Without --locked: the CLI's own lockfile names a crate the registry lacks.
install-wasm-bindgen:
	@test -n '$(WASM_BINDGEN_VERSION)' || { echo "no wasm-bindgen in Cargo.lock" >&2; exit 1; }
	@if wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WASM_BINDGEN_VERSION)' \
		&& command -v wasm-bindgen-test-runner >/dev/null; then \
		echo "present: wasm-bindgen $(WASM_BINDGEN_VERSION)"; \
	else cargo install --force wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi

# Debian's binaryen is too old for current rustc output; the npm package is
# current. It goes into .tools/ (git-ignored), not the global npm prefix.
install-wasm-opt:
	@if wasm-opt --version 2>/dev/null | grep -q 'version $(firstword $(subst ., ,$(BINARYEN_VERSION)))\b'; then \
		echo "present: wasm-opt $(BINARYEN_VERSION)"; \
	else mkdir -p $(TOOLS) && npm install --prefix $(TOOLS) --no-audit --no-fund --no-save \
		binaryen@$(BINARYEN_VERSION); fi

install-chromium:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then \
		echo "present: chromium and chromium-driver"; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y \
			--no-install-recommends chromium chromium-driver; \
	else \
		echo "Dockyard's browser tests need Debian's chromium and chromium-driver packages." >&2; \
		echo "Install them with: sudo apt-get install chromium chromium-driver" >&2; \
		exit 1; \
	fi

install-e2e-deps: $(E2E)/node_modules/.installed

$(E2E)/node_modules/.installed: $(E2E)/package.json $(E2E)/package-lock.json
	npm ci --prefix $(E2E) --no-audit --no-fund
	touch $@

# ---------------------------------------------------------------- lint
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --exclude $(NATIVE_ONLY) --target $(WASM_TARGET) --lib -- -D warnings
	cargo clippy -p dockyard-web --target $(WASM_TARGET) --all-targets -- -D warnings

# ---------------------------------------------------------------- test
test: install test-native test-wasm test-e2e

test-native:
	cargo test --workspace

# The cores must build for the browser too; the web crate's tests run there.
test-wasm:
	cargo build --workspace --exclude $(NATIVE_ONLY) --target $(WASM_TARGET)
	cd crates/dockyard-web && cargo test --target $(WASM_TARGET)

test-e2e: build
	node --test $(E2E)/

# ---------------------------------------------------------------- site
# The shipped site names no paths of the machine that built it: panic
# locations are made relative to the registry and to this checkout.
CARGO_REGISTRY_SRC := $(or $(CARGO_HOME),$(HOME)/.cargo)/registry/src
SITE_RUSTFLAGS := --remap-path-prefix=$(CARGO_REGISTRY_SRC)=crates.io --remap-path-prefix=$(CURDIR)=dockyard

build: install-rust-target install-trunk install-wasm-bindgen install-wasm-opt
	RUSTFLAGS="$(SITE_RUSTFLAGS)" trunk build --release --offline
	@if grep -qaF -e "$(CURDIR)" -e "$(CARGO_REGISTRY_SRC)" -r dist; then \
		echo "dist/ mentions a path of this machine" >&2; exit 1; fi

serve: install
	trunk serve --offline

size:
	@test -d dist || { echo "dist/ is missing: run make build first" >&2; exit 1; }
	@cd dist && total_raw=0 && total_gz=0 && \
	printf '%-48s %10s %10s\n' file bytes gzip && \
	while IFS= read -r f; do \
		raw=$$(wc -c < "$$f"); gz=$$(gzip -9 -c "$$f" | wc -c); \
		total_raw=$$((total_raw + raw)); total_gz=$$((total_gz + gz)); \
		printf '%-48s %10d %10d\n' "$${f#./}" "$$raw" "$$gz"; \
	done < <(find . -type f | sort) && \
	printf '%-48s %10d %10d\n' total "$$total_raw" "$$total_gz"

clean:
	cargo clean
	rm -rf dist
