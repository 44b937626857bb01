#!/usr/bin/env bash
# The make benchmark (not a test): `make -n` on generated Makefiles of 1,000
# and 10,000 targets (pattern rules, target-specific and ordinary
# variables), GNU make 4.3 against `dockyard make -n` natively. Prints wall
# time and peak memory, and checks that both print the same thing.
#
#   crates/dockyard-make/bench/run.sh [SIZES...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
read -r -a sizes <<< "${*:-1000 10000}"

cargo build --quiet --release -p dockyard-cli --manifest-path "$top/Cargo.toml"
dockyard="$top/target/release/dockyard"

measure() { # command... -> "wall_s max_rss_mb"
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$work/out" 2>&1 || true
  tail -n 1 "$work/time" | awk '{ printf "%8.2f s %7.1f MB", $1, $2 / 1024 }'
}

printf '%-8s %-22s %-22s %s\n' targets "GNU make 4.3" "dockyard make" "same output"
for n in "${sizes[@]}"; do
  rm -rf "$work/p" && mkdir -p "$work/p"
  python3 "$here/gen.py" "$n" "$work/p"
  a=$(cd "$work/p" && measure make -n) && cp "$work/out" "$work/real"
  b=$(cd "$work/p" && measure "$dockyard" make -n) && cp "$work/out" "$work/ours"
  same=$(cmp -s "$work/real" "$work/ours" && echo yes || echo NO)
  printf '%-8s %-22s %-22s %s\n' "$n" "$a" "$b" "$same"
done
