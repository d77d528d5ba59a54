#!/usr/bin/env bash
# What `report --tasks` costs, binary against binary (issue 17 follow-up: the labeled task
# lines hashed and measured inside the task scan instead of read back after it). Each round
# runs `report --bootstrap 0 --format json` with and without --tasks for every binary once,
# interleaved; the table shows the median wall and CPU (user + sys) times of ROUNDS rounds.
#
#   BINS="/path/old/prefer /path/base/prefer .build/release/prefer" [ROUNDS=5] \
#   [DATA=benchmarks/data/report-100k] benchmarks/report/tasks_cost.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=benchmarks/lib/timing.sh
. benchmarks/lib/timing.sh
DATA=${DATA:-benchmarks/data/report-100k}
ROUNDS=${ROUNDS:-5}
read -r -a bins <<< "${BINS:-.build/release/prefer}"
if [ ! -f "$DATA/tasks.jsonl" ]; then python3 benchmarks/report/generate_data.py --tasks 100000 --out "$DATA"; fi
cat "$DATA/tasks.jsonl" "$DATA"/sessions/*/*.jsonl > /dev/null
names=("with --tasks" "no --tasks")
args=("report $DATA/sessions --tasks $DATA/tasks.jsonl --bootstrap 0 --format json"
      "report $DATA/sessions --bootstrap 0 --format json")
declare -A times
load=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq "$ROUNDS"); do
    for k in "${!args[@]}"; do
        for b in "${!bins[@]}"; do
            # shellcheck disable=SC2086
            times[$b,$k]+="$(once "${bins[$b]}" ${args[$k]}) "
        done
    done
done
printf 'load average before: %s, after: %s (2 cores)\n\n' "$load" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| binary | report | wall (median of %s) | CPU, user + sys |\n| --- | --- | ---: | ---: |\n' "$ROUNDS"
for b in "${!bins[@]}"; do
    for k in "${!args[@]}"; do
        printf '| `%s` | %s | %.2f s | %.2f s |\n' "${bins[$b]}" "${names[$k]}" \
            "$(echo "${times[$b,$k]}" | field 1 | median)" "$(echo "${times[$b,$k]}" | field 2 | median)"
    done
done
