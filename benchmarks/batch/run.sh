#!/usr/bin/env bash
# Batch routing at scale (issue 14): 100,000 tasks, 50 raters, ~300,000 existing labels.
#
#   benchmarks/batch/run.sh [TASKS] [LABELS]
#
# 1. Generates the task file (benchmarks/generate_tasks.py, seed 1) and the batch's session
#    files (make_sessions.py) once into benchmarks/data/ (git-ignored); all but 10 tasks
#    already have their labels, the worst case for choosing the next task.
# 2. Times the real start-up: the release `prefer label --batch` in a private tmux server,
#    from launch until the first task is on screen (capture-pane polled every 10 ms), 3 runs,
#    each with the CPU time of the process (/usr/bin/time: user + sys, launch to quit), which
#    other work on the machine does not inflate, and the load average at the time.
# 3. Runs BatchRoutingBenchmarkTests (release, -enable-testing): start-up inside the process,
#    then 200 steps of "five other raters append a line; look, route, load the next task"
#    and the router step alone.
# Don't run it while something else is building: the machine's cores are what is measured.
set -euo pipefail
cd "$(dirname "$0")/../.."

tasks="${1:-100000}"
labels="${2:-300000}"
data="benchmarks/data/tasks-${tasks}.jsonl"
batch="benchmarks/data/batch-${tasks}-${labels}"

if [[ ! -f "$data" ]]; then
    mkdir -p benchmarks/data
    python3 benchmarks/generate_tasks.py --tasks "$tasks" --seed 1 -o "$data"
fi
# The sessions are made anew each run: the step benchmark appends to them.
rm -rf "$batch"
python3 benchmarks/batch/make_sessions.py --tasks "$data" --out "$batch" --labels "$labels"

# The launch is timed with the plain release binary, the one raters run: an -enable-testing
# build (needed by step 3) is measurably slower (1.29-1.37 s against 0.73-0.81 s at start-up,
# docs/BATCH.md). The two builds differ in flags, so each run of this script builds twice.
cpu="$(mktemp -d)"
socket="prefer-batch-bench-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$cpu"' EXIT
swift build -c release --product prefer >/dev/null
cp "$(swift build -c release --show-bin-path)/prefer" "$cpu/prefer"
cat "$data" "$batch"/sessions/*/*.jsonl >/dev/null
for run in 1 2 3; do
    rm -rf "$batch/sessions/benchrater"
    start=$(date +%s%N)
    tmux -L "$socket" -f /dev/null new-session -d -s b -x 120 -y 40 \
        "/usr/bin/time -o $cpu/run-$run -f '%U s user, %S s sys' $cpu/prefer label --batch $batch/batch.toml --sessions $batch/sessions --rater benchrater; sleep 5"
    until tmux -L "$socket" capture-pane -p -t b 2>/dev/null | grep -q "Response 1"; do sleep 0.01; done
    end=$(date +%s%N)
    tmux -L "$socket" send-keys -t b q
    sleep 0.3
    echo "prefer-bench batch: run $run: launch to first task on screen $(( (end - start) / 1000000 )) ms" \
         "(CPU $(cat "$cpu/run-$run" 2>/dev/null || echo '?'); load average $(cut -d' ' -f1 /proc/loadavg))"
    tmux -L "$socket" kill-server 2>/dev/null || true
done
rm -rf "$batch/sessions/benchrater"

swift build -c release --build-tests -Xswiftc -enable-testing >/dev/null
bin="$(swift build -c release --show-bin-path)"
PREFER_BENCH_BATCH="$batch" /usr/bin/time -v "$bin/preferPackageTests.xctest" \
    PreferCLITests.BatchRoutingBenchmarkTests 2>&1 \
    | grep -E 'prefer-bench|Maximum resident|error|failed' || true
