#!/usr/bin/env bash
# Fuzzes the strict JSON code and the task-line schema with libFuzzer + AddressSanitizer for
# a fixed time budget (RELIABILITY: "fuzz the task parser … with zero crashes").
#
#   benchmarks/taskfile/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
src=Sources/PreferCore
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name PreferCore \
    "$src"/JSON/*.swift "$src"/Text/HiddenCharacters.swift "$src"/Tasks/PreferenceTask.swift \
    "$src"/Tasks/TaskLineSchema.swift "$src"/Tasks/TaskLineSchema+Decode.swift \
    benchmarks/taskfile/FuzzTaskLine.swift -o "$work/fuzz" 2>&1 | grep -v 'ld.gold: warning' || true
mkdir -p "$work/corpus"
python3 benchmarks/generate_tasks.py --tasks 20 --seed 3 | split -l 1 - "$work/corpus/task-"
printf '[1,"\\u00e9",{"a":{"b":[]}},-0.5e+3,true,null]' >"$work/corpus/array"
"$work/fuzz" -max_total_time="$seconds" -max_len=8192 "$work/corpus" 2>&1 | tail -3
