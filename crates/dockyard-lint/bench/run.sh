#!/usr/bin/env bash
# The linter benchmark (not a test): lints generated pathological Dockerfiles
# of 100, 1,000 and 10,000 instructions with `dockyard lint` natively, with
# the same command compiled to WebAssembly (wasm32-wasip1, run by Node's
# WASI), and with hadolint 2.15.1, and prints wall time and peak memory.
#
#   crates/dockyard-lint/bench/run.sh [SIZES...]
#
# HADOLINT_TIMEOUT (seconds, default 900) bounds each hadolint run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sizes=("${@:-100 1000 10000}")
read -r -a sizes <<< "${sizes[*]}"

cargo build --quiet --release -p dockyard-cli --manifest-path "$top/Cargo.toml"
native="$top/target/release/dockyard"
rustup target add wasm32-wasip1 >/dev/null 2>&1 || true
cargo build --quiet --release -p dockyard-cli --target wasm32-wasip1 --manifest-path "$top/Cargo.toml"
wasm="$top/target/wasm32-wasip1/release/dockyard.wasm"
cat > "$work/wasi.mjs" <<'JS'
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
const [wasmPath, dir, file] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: ['dockyard', 'lint', '--no-color', '-f', 'json', file], preopens: { '.': dir }, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
JS

measure() { # command... -> "wall_s max_rss_mb"
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null 2> "$work/err" || true
  tail -n 1 "$work/time" | awk '{ printf "%8.2f s %7.1f MB", $1, $2 / 1024 }'
}

printf '%-12s %-24s %-24s %-24s\n' instructions "dockyard (native)" "dockyard (wasm, node)" "hadolint 2.15.1"
for n in "${sizes[@]}"; do
  python3 "$here/gen.py" "$n" "$work/bench.Dockerfile"
  a=$(measure "$native" lint --no-color -f json "$work/bench.Dockerfile")
  b=$(measure node --no-warnings "$work/wasi.mjs" "$wasm" "$work" bench.Dockerfile)
  c=$(measure timeout "${HADOLINT_TIMEOUT:-900}" hadolint --no-color -f json "$work/bench.Dockerfile")
  printf '%-12s %-24s %-24s %-24s\n' "$n" "$a" "$b" "$c"
done
