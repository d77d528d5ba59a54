#!/usr/bin/env bash
# Builds every libFuzzer target and runs each for its share of a time budget; exits non-zero
# on any crash and keeps the crashing input under fuzz/crashes/ (turn it into a regression
# input in fuzz/regressions/TARGET/, which every run replays first).
#
#   fuzz/run.sh [TOTAL-SECONDS] [TARGET ...]
set -euo pipefail
cd "$(dirname "$0")/.."
budget="${1:-60}"; shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzTaskLine FuzzJSONDifferential FuzzSessionReader FuzzSanitizer)
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export SWIFT_BACKTRACE=enable=no  # the Swift crash handler stalls under ASan
per=$(( budget / ${#targets[@]} )); [ "$per" -ge 1 ] || per=1
failed=0
for t in "${targets[@]}"; do
  bash fuzz/build.sh "$t" "$work/$t"
  mkdir -p "$work/corpus-$t" fuzz/crashes
  cp fuzz/seeds/* "$work/corpus-$t/" 2>/dev/null || true
  if [ -d "fuzz/regressions/$t" ] && ls "fuzz/regressions/$t"/* >/dev/null 2>&1; then
    "$work/$t" "fuzz/regressions/$t"/* >"$work/$t.replay" 2>&1 || { echo "fuzz: $t regression input crashes"; tail -20 "$work/$t.replay"; failed=1; }
  fi
  if "$work/$t" -max_total_time="$per" -max_len=8192 -artifact_prefix="fuzz/crashes/$t-" "$work/corpus-$t" \
       >"$work/$t.log" 2>&1; then
    echo "fuzz: $t ok ($(grep -E 'DONE' "$work/$t.log" | awk '{print $1}' | tr -d '#') runs in ${per}s, 0 crashes)"
  else
    echo "fuzz: $t CRASHED"; grep -E 'Fatal error|Precondition|ERROR|Test unit written' "$work/$t.log" | head -5
    failed=1
  fi
done
exit "$failed"
