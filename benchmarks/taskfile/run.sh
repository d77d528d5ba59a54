#!/usr/bin/env bash
# Times TaskFile.load on a generated task file (100,000 tasks, ~340 MB by default) in a
# release build, and reports wall time per round and peak resident memory.
#
#   benchmarks/taskfile/run.sh [TASKS] [ROUNDS]
#
# The file is generated once into benchmarks/data/ (git-ignored) by generate_tasks.py with a
# fixed seed, so every run measures the same bytes. Don't run it while something else is
# building: the machine's cores are what is being measured.
set -euo pipefail
cd "$(dirname "$0")/../.."

tasks="${1:-100000}"
rounds="${2:-3}"
data="benchmarks/data/tasks-${tasks}.jsonl"

if [[ ! -f "$data" ]]; then
    mkdir -p benchmarks/data
    python3 benchmarks/generate_tasks.py --tasks "$tasks" --seed 1 -o "$data"
fi

# -enable-testing: the test target also holds @testable tests, which a plain release build
# refuses to compile.
swift build -c release --build-tests -Xswiftc -enable-testing >/dev/null
bundle="$(swift build -c release --show-bin-path)/preferPackageTests.xctest"

# Warm the page cache so that the disk is not what gets measured.
cat "$data" >/dev/null
echo "file: $data ($(stat -c %s "$data") bytes)"
PREFER_BENCH_TASKS="$data" PREFER_BENCH_ROUNDS="$rounds" \
    /usr/bin/time -v "$bundle" PreferCoreTests.TaskFileBenchmarkTests 2>&1 \
    | grep -E 'prefer-bench|Maximum resident|Elapsed \(wall|error|failed' || true
