#!/usr/bin/env bash
# Old binary against new on the report benchmark's data (100,000 tasks, 300,000 labels):
# `report --bootstrap 0` and every export format to stdout, interleaved (each round runs
# every command of both binaries once), median of ROUNDS; also checks that both binaries
# export the same bytes. Used for issue 12 ("the report and export benchmarks are no
# slower"); the table is in docs/RELIABILITY.md. With SAME_REPORT=1 the report's JSON must be
# byte-identical too (for a change that must not alter the report, such as issue 17's speed
# work: docs/REPORT.md), with --bootstrap 0 and with 200 resamples.
#
#   OLD=/path/to/old/prefer NEW=.build/release/prefer [SAME_REPORT=1] benchmarks/export/compare.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${DATA:-benchmarks/data/report-100k}
ROUNDS=${ROUNDS:-5}
OLD=${OLD:?set OLD to the old release binary}
NEW=${NEW:-.build/release/prefer}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
if [ ! -f "$DATA/tasks.jsonl" ]; then python3 benchmarks/report/generate_data.py --tasks 100000 --out "$DATA"; fi
cat "$DATA/tasks.jsonl" "$DATA"/sessions/*/*.jsonl > /dev/null

names=("report --bootstrap 0" "export labels" "export aggregate" "export dpo")
args=("report $DATA/sessions --tasks $DATA/tasks.jsonl --bootstrap 0 --format json")
for format in labels aggregate dpo; do args+=("export $DATA/sessions --tasks $DATA/tasks.jsonl --format $format"); done

# The report without --tasks reads only the sessions: old against new there is the session
# readers' own cost, apart from what --tasks now adds (the task-file rule, judged lengths).
names+=("report --bootstrap 0, no --tasks")
args+=("report $DATA/sessions --bootstrap 0 --format json")
checked=(1 2 3)
if [ "${SAME_REPORT:-0}" = 1 ]; then
    args+=("report $DATA/sessions --tasks $DATA/tasks.jsonl --gold $DATA/gold.jsonl --bootstrap 200 --seed 7 --format json")
    names+=("report --bootstrap 200")
    checked+=(0 4 5)
fi
for k in "${checked[@]}"; do
    # shellcheck disable=SC2086
    "$OLD" ${args[$k]} > "$OUT/old" 2>/dev/null; "$NEW" ${args[$k]} > "$OUT/new" 2>/dev/null
    cmp -s "$OUT/old" "$OUT/new" || { echo "${names[$k]}: old and new bytes differ" >&2; exit 1; }
done

once() {  # seconds of one run, output discarded
    local start end
    start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}
declare -A times
for _ in $(seq "$ROUNDS"); do
    for k in "${!args[@]}"; do
        for which in old new; do
            bin=$OLD; [ "$which" = new ] && bin=$NEW
            # shellcheck disable=SC2086
            times[$which,$k]+="$(once "$bin" ${args[$k]}) "
        done
    done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
printf '| command | old (median of %s) | new | new/old |\n| --- | --- | --- | --- |\n' "$ROUNDS"
for k in "${!args[@]}"; do
    o=$(echo "${times[old,$k]}" | median); n=$(echo "${times[new,$k]}" | median)
    printf '| `%s` | %.2f s | %.2f s | %.2f |\n' "${names[$k]}" "$o" "$n" "$(awk -v a="$n" -v b="$o" 'BEGIN { print a / b }')"
done
