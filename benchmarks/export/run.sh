#!/usr/bin/env bash
# Times `prefer export` (every format, to stdout and with -o) against `prefer report
# --bootstrap 0` on the report benchmark's data: 100,000 tasks (~340 MB), 300,000 labels.
# The goal (issue 4): every export within 2x the report's time on the same data. It is
# judged on exports to stdout (here /dev/null): the export's own work. With -o the file
# system also writes and fsyncs the output (up to a gigabyte), which the report never does;
# those runs are shown next to the time `dd conv=fsync` takes to write the same bytes.
#
#   benchmarks/export/run.sh            # generates the data once, builds release, times
#   ROUNDS=7 benchmarks/export/run.sh   # best of 7 instead of 3
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

# time_once COMMAND...: runs the command once (stdout to /dev/null), prints seconds.
time_once() {
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2> "$OUT/last-stderr.txt"
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

echo "data: $DATA ($(du -h "$DATA/tasks.jsonl" | cut -f1) tasks file, $(find "$DATA/sessions" -name '*.jsonl' | wc -l) session files)" >&2
# Warm the page cache so the first timed command does not pay for the disk.
cat "$DATA/tasks.jsonl" "$DATA"/sessions/*/*.jsonl > /dev/null

# Every round runs the report and then each export once, and each command keeps its best
# time: the machine's speed drifts over a run, and interleaving puts the report and the
# exports through the same drift.
names=(report)
commands=("$REPORT_PREFER report $DATA/sessions --tasks $DATA/tasks.jsonl --bootstrap 0 --format json")
for format in labels aggregate dpo; do
    names+=("$format > /dev/null" "$format -o FILE")
    commands+=("$PREFER export $DATA/sessions --tasks $DATA/tasks.jsonl --format $format"
               "$PREFER export $DATA/sessions --tasks $DATA/tasks.jsonl --format $format -o $OUT/$format.jsonl")
done
declare -a best
for _ in $(seq "$ROUNDS"); do
    for k in "${!commands[@]}"; do
        # shellcheck disable=SC2086  # each command is words on purpose
        took=$(time_once ${commands[$k]})
        if [ -z "${best[$k]:-}" ] || awk -v t="$took" -v b="${best[$k]}" 'BEGIN { exit !(t < b) }'; then best[$k]=$took; fi
    done
done

report=${best[0]}
printf '%-34s %6.2f s\n' "report --bootstrap 0" "$report" >&2
status=0
for k in $(seq 1 $((${#commands[@]} - 1))); do
    ratio=$(awk -v t="${best[$k]}" -v r="$report" 'BEGIN { printf "%.2f", t / r }')
    case "${names[$k]}" in
    *"-o FILE")
        format=${names[$k]%% *}
        file="$OUT/$format.jsonl"
        disk=$(time_once dd if="$file" of="$OUT/dd-copy.jsonl" bs=4M conv=fsync)
        rm -f "$OUT/dd-copy.jsonl"
        printf 'export %-27s %6.2f s = %sx the report (dd conv=fsync of the same %s MB: %s s)\n' \
            "${names[$k]}" "${best[$k]}" "$ratio" "$(( $(stat -c %s "$file") / 1000000 ))" "$disk" >&2 ;;
    *)
        verdict=ok
        if awk -v t="${best[$k]}" -v r="$report" 'BEGIN { exit !(t > 2 * r) }'; then verdict="OVER 2x"; status=1; fi
        printf 'export %-27s %6.2f s = %sx the report (%s)\n' "${names[$k]}" "${best[$k]}" "$ratio" "$verdict" >&2 ;;
    esac
done
ls -l "$OUT"/*.jsonl >&2
tail -1 "$OUT/last-stderr.txt" >&2
exit $status
