#!/usr/bin/env bash
# The whole test suite: generated files fresh, types clean, formatted and linted, unit tests (src/**/*.test.ts), then
# integration tests (test/**/*.test.ts) against real Docker, the AWS SDK v3 and the aws CLI.
# `scripts/test.sh unit`, `scripts/test.sh integration` or `scripts/test.sh console` (the web console in Chromium) runs one part.
set -euo pipefail
shopt -s globstar nullglob
cd "$(dirname "$0")/.."
part=${1:-all}
files=()
if [ "$part" = all ]; then
  echo "== generated shapes are fresh"
  npx tsx scripts/gen-shapes.ts --check
  echo "== type check"
  npx tsc -p tsconfig.json --noEmit
  npx tsc -p console/tsconfig.json --noEmit
  echo "== format and lint (Biome; \`npm run format\` fixes what it can)"
  npx biome check .
fi
[ "$part" = all ] || [ "$part" = unit ] && files+=(src/**/*.test.ts)
[ "$part" = all ] || [ "$part" = integration ] && files+=(test/**/*.test.ts)
[ "$part" = console ] && files+=(src/console/*.test.ts test/console/*.test.ts)
if [ "$part" != unit ]; then
  echo "== web console build (the browser tests open it)"
  npm run --silent build:console >/dev/null
fi
echo "== tests (${#files[@]} files)"
# TAP as the run goes, then every failure again at the end (scripts/test-failures.mjs), where a long log's last page shows it.
run_tests() {
  node --import tsx --test --test-concurrency=1 \
    --test-reporter=tap --test-reporter-destination=stdout \
    --test-reporter=./scripts/test-failures.mjs --test-reporter-destination=stdout \
    "$@"
}
failed_list=$(mktemp)
trap 'rm -f "$failed_list"' EXIT
export SLIPWAY_FAILED_FILES=$failed_list
run_tests "${files[@]}" && exit 0
# Real Docker, HAProxy and Chromium on a shared machine: one or two files with failures are run once more, and a
# failure that does not come back is reported as flaky (by name, at the end) instead of failing the run. A change
# that breaks more, or a failure outside any file, fails at once.
mapfile -t failed < "$failed_list"
if [ "${#failed[@]}" -eq 0 ] || [ "${#failed[@]}" -gt 2 ] || printf '%s\n' "${failed[@]}" | grep -qvx '/.*\.test\.ts'; then
  exit 1
fi
echo "== once more: ${failed[*]}"
run_tests "${failed[@]}" || exit 1
echo "# FLAKY: failed once and passed when run again — ${failed[*]} (see the failures listed above)"
