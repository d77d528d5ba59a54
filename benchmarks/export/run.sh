#!/usr/bin/env bash
# Times `prefer export` (every format, to stdout and with -o) against `prefer report
# --bootstrap 0` on the report benchmark's data: 100,000 tasks (~340 MB), 300,000 labels.
# The goal (issue 4): every export within 2x the report's time on the same data.
#
#   benchmarks/export/run.sh            # generates the data once, builds release, times
#   ROUNDS=5 benchmarks/export/run.sh   # best of 5 instead of 3
#
# Run it on a quiet machine: the timings are wall-clock, best of ROUNDS.
set -euo pipefail
cd "$(dirname "$0")/../.."

DATA=${DATA:-benchmarks/data/report-100k}
ROUNDS=${ROUNDS:-3}
OUT=${OUT:-benchmarks/out/export}
mkdir -p "$OUT"

if [ ! -f "$DATA/tasks.jsonl" ] || [ ! -d "$DATA/sessions" ]; then
    if [ -f benchmarks/report/generate_data.py ]; then
        python3 benchmarks/report/generate_data.py --tasks 100000 --out "$DATA"
    else
        echo "no data in $DATA and no benchmarks/report/generate_data.py to make it" >&2
        exit 1
    fi
fi

swift build -c release --product prefer >&2
PREFER=.build/release/prefer
# The report to compare with; another build's binary can be named while report is not merged.
REPORT_PREFER=${REPORT_PREFER:-$PREFER}

# best_of LABEL COMMAND...: runs the command ROUNDS times (stdout to /dev/null), prints the best.
best_of() {
    local label=$1; shift
    local best=""
    for _ in $(seq "$ROUNDS"); do
        local start end took
        start=$(date +%s.%N)
        "$@" > /dev/null 2> "$OUT/last-stderr.txt"
        end=$(date +%s.%N)
        took=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
        if [ -z "$best" ] || awk -v t="$took" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$took; fi
    done
    printf '%-34s %6.2f s\n' "$label" "$best" >&2
    echo "$best"
}

echo "data: $DATA ($(du -h "$DATA/tasks.jsonl" | cut -f1) tasks file, $(find "$DATA/sessions" -name '*.jsonl' | wc -l) session files)" >&2
# Warm the page cache so the first timed command does not pay for the disk.
cat "$DATA/tasks.jsonl" "$DATA"/sessions/*/*.jsonl > /dev/null

report=""
if $REPORT_PREFER report --help > /dev/null 2>&1; then
    report=$(best_of "report --bootstrap 0" $REPORT_PREFER report "$DATA/sessions" --tasks "$DATA/tasks.jsonl" --bootstrap 0 --format json)
else
    echo "prefer report is not in this build: export timings only" >&2
fi

status=0
for format in labels aggregate dpo; do
    took=$(best_of "export --format $format > /dev/null" $PREFER export "$DATA/sessions" --tasks "$DATA/tasks.jsonl" --format "$format")
    file_took=$(best_of "export --format $format -o FILE" $PREFER export "$DATA/sessions" --tasks "$DATA/tasks.jsonl" --format "$format" -o "$OUT/$format.jsonl")
    if [ -n "$report" ]; then
        for t in "$took" "$file_took"; do
            ratio=$(awk -v t="$t" -v r="$report" 'BEGIN { printf "%.2f", t / r }')
            verdict=ok
            if awk -v t="$t" -v r="$report" 'BEGIN { exit !(t > 2 * r) }'; then verdict="OVER 2x"; status=1; fi
            printf '  %s: %s s = %sx the report (%s)\n' "$format" "$t" "$ratio" "$verdict" >&2
        done
    fi
done
ls -l "$OUT"/*.jsonl >&2
tail -1 "$OUT/last-stderr.txt" >&2
exit $status
