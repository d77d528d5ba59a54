#!/usr/bin/env bash
# The reliability and security suite (docs/RELIABILITY.md), as CI runs it after `swift test`:
# the scenario suite against the built binary, then a fuzz smoke run. Runs as root (it mounts
# a tmpfs); installs strace, tmux and a C compiler if missing. Bounded: about 6 minutes.
#
#   scripts/reliability/ci.sh            RELIABILITY_KILLS (default 100), FUZZ_SECONDS (default 60)
set -uo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)

need=()
command -v strace >/dev/null 2>&1 || need+=(strace)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v cc >/dev/null 2>&1 || need+=(gcc)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
exec </dev/null
swift build >/dev/null || { swift build; exit 1; }  # a no-op after `swift test`; never test a stale binary

# Every scenario has a hard ceiling so a hang cannot eat the CI budget.
log="$(mktemp)"; trap 'rm -f "$log"' EXIT
timeout 420 python3 scripts/reliability/suite.py | tee "$log"
suite=${PIPESTATUS[0]}
suite_passed=$(grep -c '^PASS ' "$log"); suite_failed=$(grep -c '^FAIL ' "$log")
fuzz_seconds="${FUZZ_SECONDS:-60}"
timeout 300 bash fuzz/run.sh "$fuzz_seconds" | tee -a "$log"
fuzz=${PIPESTATUS[0]}
fuzz_passed=$(grep -c '^fuzz: .* ok ' "$log"); fuzz_failed=$(grep -c '^fuzz: .*CRASH' "$log")
[ "$fuzz" -eq 0 ] || [ "$fuzz_failed" -gt 0 ] || fuzz_failed=1  # a build failure or timeout counts
[ "$suite" -eq 0 ] || [ "$suite_failed" -gt 0 ] || suite_failed=1
elapsed=$(( $(date +%s) - started ))
passed=$(( suite_passed + fuzz_passed )); failed=$(( suite_failed + fuzz_failed ))
echo "reliability: took ${elapsed}s"
echo "reliability: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$suite" -eq 0 ] && [ "$fuzz" -eq 0 ]
