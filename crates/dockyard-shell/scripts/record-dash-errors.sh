#!/bin/sh
# Re-records tests/it/dash_errors.txt from the inputs in tests/it/dash_inputs.txt by asking
# the real dash (`/bin/sh` on Debian) to parse each one: `sh -n -c INPUT`.
# Inputs use printf %b escapes (\n, \t, \\). Each output line is INPUT<TAB>DASH-STDERR,
# with an empty second field when dash accepts the input.
set -eu
cd "$(dirname "$0")/.."
out=tests/it/dash_errors.txt
: > "$out"
while IFS= read -r input; do
  script=$(printf '%b_' "$input")
  script=${script%_}
  err=$(sh -n -c "$script" 2>&1 | tr '\n' ' ' | sed 's/ $//') || true
  printf '%s\t%s\n' "$input" "$err" >> "$out"
done < tests/it/dash_inputs.txt
