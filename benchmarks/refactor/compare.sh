#!/usr/bin/env bash
# Acceptance check of issue 13 (one reader per file kind): the refactored binary must write
# the same bytes as the binary before it, and be as fast.
#
#   benchmarks/refactor/compare.sh            # check outputs, then time
#   benchmarks/refactor/compare.sh check      # outputs only
#   benchmarks/refactor/compare.sh time       # timing table only
#
# OLD  the release binary built from main before the refactor (332fe33);
#      default /work/wt/old-prefer/prefer
# NEW  the release binary under test; default .build/release/prefer
# DATA the report benchmark's 300k-label data (benchmarks/report/generate_data.py, 100,000
#      tasks); generated when missing; default benchmarks/data/report-100k (git-ignored)
# FIXTURES where the old binary's outputs are kept (written once, on the first run, then
#      compared against); OUTSIDE the repository, removed by hand when the refactor is merged;
#      default /work/wt/refactor-fixtures/outputs
# ROUNDS timing rounds (default 5); each round runs every command of both binaries once,
#      old and new interleaved, and the table shows the median.
#
# "check" runs every case below with OLD (only when its fixture is missing) and NEW and
# `cmp`s stdout, stderr and the exit status. Cases: report in text, json, markdown and html,
# with --tasks, --gold, --by and a fixed --seed with bootstrap; the three exports; validate;
# make-tasks on MT-Bench; and hand-made session files with a BOM, CRLF, blank lines, a torn
# tail, a bad line, a foreign tool's unterminated last line and a planted link; and a file of
# 36 bad and odd lines (ERRS) for validate's every message.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
# shellcheck source=benchmarks/lib/timing.sh
. benchmarks/lib/timing.sh
OLD=${OLD:-/work/wt/old-prefer/prefer}
NEW=${NEW:-$ROOT/.build/release/prefer}
DATA=${DATA:-$ROOT/benchmarks/data/report-100k}
FIXTURES=${FIXTURES:-/work/wt/refactor-fixtures/outputs}
ROUNDS=${ROUNDS:-5}
MTBENCH=${MTBENCH:-/work/shared/data/mt-bench}
MODE=${1:-all}
[ -x "$OLD" ] || { echo "no old binary at $OLD (set OLD)" >&2; exit 2; }
[ -x "$NEW" ] || { echo "no new binary at $NEW (swift build -c release, or set NEW)" >&2; exit 2; }
if [ ! -f "$DATA/tasks.jsonl" ]; then python3 benchmarks/report/generate_data.py --tasks 100000 --out "$DATA"; fi

EX=benchmarks/report/example/sessions
TASKS=examples/demo/tasks.jsonl
GOLD=examples/demo/gold.jsonl
BIG="$DATA/sessions --tasks $DATA/tasks.jsonl"

# Hand-made session files: every tolerance and error of SPEC §4 a reader has. Written the
# same way every run (fixed bytes), under FIXTURES so that the paths in messages are stable.
EDGE=$FIXTURES/edge
make_edge() {
    rm -rf "$EDGE"
    mkdir -p "$EDGE/ok/ana" "$EDGE/bad/bo" "$EDGE/foreign"
    local start='{"v":1,"type":"session_start","rater":"ana","session":"s1","at":"2026-11-28T09:00:00.000Z","scale":["A","B","tie","both_bad"]}'
    local l1='{"v":1,"type":"label","rater":"ana","session":"s1","at":"2026-11-28T09:00:01.000Z","task":"demo-01-python-median","choice":"B","left":"A","ms":1200}'
    local l2='{"v":1,"type":"label","rater":"ana","session":"s1","at":"2026-11-28T09:00:02.5+01:00","task":"demo-02-capital-of-australia","choice":"A","note":"caf\u00e9 \"quoted\""}'
    local l3='{"type":"label","rater":"ana","task":"demo-03-markdown-sorting-table","choice":"tie","ms":1.0e3}'
    local u='{"v":1,"type":"undo","rater":"ana","session":"s1","at":"2026-11-28T09:00:03.000Z","task":"demo-01-python-median"}'
    local k='{"v":1,"type":"skip","rater":"ana","session":"s1","at":"2026-11-28T09:00:04.000Z","task":"demo-04-chinese-photosynthesis"}'
    local odd='{"v":1,"type":"shown","rater":"ana","session":"s1","at":"2026-11-28T09:00:05.000Z","task":"demo-05"}'
    # BOM, CRLF, blank lines, an unknown type, a torn tail.
    printf '\xEF\xBB\xBF%s\r\n\r\n%s\r\n  \n%s\n%s\n%s\n%s\n%s\n{"v":1,"type":"lab' "$start" "$l1" "$l2" "$l3" "$u" "$k" "$odd" > "$EDGE/ok/ana/a.jsonl"
    # A bad line in the middle, a wrong field kind, another rater in ana's folder... (bo's here)
    printf '%s\n{"v":1,"type":"label"\n{"v":1,"type":"label","rater":"bo","task":7,"choice":"A"}\n{"v":2,"type":"label","rater":"bo","task":"t","choice":"A"}\n%s\n' \
        "${start//ana/bo}" "$l1" > "$EDGE/bad/bo/b.jsonl"
    # A foreign tool's file: no session_start, the last line complete but unterminated.
    printf '{"type":"label","rater":"judge","task":"demo-01-python-median","choice":"A"}\n{"type":"label","rater":"judge","task":"demo-02-capital-of-australia","choice":"B"}' > "$EDGE/foreign/judge.jsonl"
    ln -sf ../foreign/judge.jsonl "$EDGE/ok/ana/link.jsonl"
}

# Every error and warning `validate` names for a line (SPEC §4), one line each, mid-file,
# some with escaped keys; written once, like EDGE (added with the one session-line decoder).
ERRS=$FIXTURES/edge-errors
make_errors() {
    rm -rf "$ERRS"; mkdir -p "$ERRS"
    local s='{"v":1,"type":"session_start","rater":"ana","session":"s1","at":"2026-11-28T09:00:00.000Z","scale":["A","B"],"tasks_sha256":"x"}'
    {
        echo "$s"
        echo '{"v":1,"type":"label","rater":"ana"'
        echo 'not json'
        echo '[1,2]'
        echo '"just a string"'
        echo '{"type":"label","rater":5,"task":"t1","choice":"A"}'
        echo '{"v":2,"type":"label","rater":"a","task":"t1","choice":"A"}'
        echo '{"v":"1","type":"label","rater":"a","task":"t1","choice":"A"}'
        echo '{"v":1.0,"type":"label","rater":"a","task":"t1","choice":"A"}'
        echo '{"type":"label","rater":"a","task":"t1","choice":"A","ms":-5}'
        echo '{"type":"label","rater":"a","task":"t1","choice":"A","ms":12.5}'
        echo '{"type":"label","rater":"a","task":"t1","choice":"A","ms":1.2e3}'
        echo '{"type":"label","rater":"a","task":"t1","choice":"A","ms":"9"}'
        echo '{"type":"label","rater":"a","task":"t1","choice":"A","left":"L"}'
        echo '{"type":"label","rater":"a","task":"t1","choice":"A","left":"\u0041"}'
        echo '{"type":"label","rater":"a","task":"","choice":"A"}'
        echo '{"type":"label","rater":"a","task":"t1"}'
        echo '{"type":"label","rater":"a","task":"t1","choice":null}'
        echo '{"type":"label","rater":"a","task":"t1","choice":["A"]}'
        echo '{"type":"undo","rater":"a"}'
        echo '{"type":"skip","rater":"a","task":{}}'
        echo '{"type":"label","rater":"a","at":"yesterday","task":"t","choice":"A"}'
        echo '{"type":"label","rater":"a","at":7,"task":"t","choice":"A"}'
        echo '{"a":1,"a":2}'
        echo '{"type":"label","rater":"a","task":"t1","choice":"A","note":7}'
        echo '{"type":"label","rater":"a","task":"t1","choice":"A","task_sha256":false}'
        echo '{"type":"label","rater":"a","session":3,"task":"t1","choice":"A"}'
        echo '{"type":"adjudication","rater":"a","task":"t1"}'
        echo '{"\u0074ype":"label","r\u0061ter":"ana","session":"s1","task":"t1","choice":"C"}'
        echo '{"type":"label","rater":"ana","session":"s1","task":"t1","choice":"B","at":"2026-11-28T08:00:00Z"}'
        echo '{"type":"adjudication","rater":"ana","session":"s1","task":"t1","choice":"Z"}'
        echo '{"type":"pause","rater":"bad name","task":"t1"}'
        echo '{"type":"","rater":"a"}'
        echo '{"rater":"a"}'
        echo '{"type":"label","rater":"ana","task":"t1","choice":"A","repeat":true}'
        echo '{"type":"session_end","rater":"ana","task":5}'
        printf '{"type":"label","rater":"ana","task":"t1","choice":"A"'
    } > "$ERRS/e.jsonl"
}

# name|arguments (run from the repository root; word-split on spaces)
cases=(
    "ex-report-text|report $EX"
    "ex-report-json|report $EX --format json"
    "ex-report-md|report $EX --format markdown"
    "ex-report-tasks-text|report $EX --tasks $TASKS --gold $GOLD --seed 7 --bootstrap 300"
    "ex-report-tasks-json|report $EX --tasks $TASKS --gold $GOLD --seed 7 --bootstrap 300 --format json"
    "ex-report-tasks-md|report $EX --tasks $TASKS --gold $GOLD --seed 7 --bootstrap 300 --format markdown"
    "ex-report-tasks-html|report $EX --tasks $TASKS --gold $GOLD --seed 7 --bootstrap 300 --format html"
    "ex-report-by-text|report $EX --tasks $TASKS --by category --seed 3 --bootstrap 100"
    "ex-report-by-json|report $EX --tasks $TASKS --by category --seed 3 --bootstrap 100 --format json"
    "ex-report-ordinal|report $EX --categories A,B,tie,both_bad --ordinal --format json --bootstrap 0"
    "ex-export-labels|export $EX --tasks $TASKS --format labels"
    "ex-export-aggregate|export $EX --tasks $TASKS --format aggregate"
    "ex-export-dpo|export $EX --tasks $TASKS --format dpo"
    "ex-export-dpo-min|export $EX --tasks $TASKS --format dpo --min-votes 2 --min-agreement 0.6"
    "ex-validate|validate $EX $TASKS $GOLD --tasks $TASKS"
    "ex-validate-sessions|validate $EX"
    "edge-report|report $EDGE/ok --format json --bootstrap 0"
    "edge-report-tasks|report $EDGE/ok --tasks $TASKS --bootstrap 0"
    "edge-report-bad|report $EDGE/bad"
    "edge-report-foreign|report $EDGE/foreign --format json --bootstrap 0"
    "edge-export-labels|export $EDGE/ok $EDGE/foreign --tasks $TASKS --format labels"
    "edge-export-aggregate|export $EDGE/ok $EDGE/foreign --tasks $TASKS --format aggregate"
    "edge-export-dpo|export $EDGE/ok --tasks $TASKS --format dpo"
    "edge-export-bad|export $EDGE/bad --tasks $TASKS --format labels"
    "edge-validate|validate $EDGE/ok $EDGE/foreign --tasks $TASKS"
    "edge-validate-bad|validate $EDGE/bad"
    "errors-validate|validate $ERRS"
    "errors-validate-tasks|validate $ERRS --tasks $TASKS"
    "errors-report|report $ERRS"
    "big-report-json|report $BIG --bootstrap 0 --format json"
    "big-report-text|report $BIG --seed 11 --bootstrap 200"
    "big-report-md|report $BIG --by category --bootstrap 0 --format markdown"
    "big-report-gold|report $BIG --gold $DATA/gold.jsonl --bootstrap 0 --format json"
    "big-export-labels|export $BIG --format labels"
    "big-export-aggregate|export $BIG --format aggregate"
    "big-export-dpo|export $BIG --format dpo"
    "big-validate|validate $DATA/sessions"
)
if [ -d "$MTBENCH/model_answer" ]; then
    cases+=("mt-make-tasks|make-tasks --questions $MTBENCH/question.jsonl --answers $MTBENCH/model_answer --pairs sample:2 --seed 5"
            "mt-make-tasks-turns|make-tasks --questions $MTBENCH/question.jsonl --answers $MTBENCH/model_answer --models gpt-4,claude-v1 --turns both")
fi

run_case() {  # binary, arguments, output prefix: stdout, stderr, exit status
    local bin=$1 args=$2 out=$3 rc=0
    # shellcheck disable=SC2086
    "$bin" $args > "$out.stdout" 2> "$out.stderr" < /dev/null || rc=$?
    echo "$rc" > "$out.rc"
}

check() {
    mkdir -p "$FIXTURES/old"
    [ -d "$EDGE" ] || make_edge
    [ -d "$ERRS" ] || make_errors
    local work failed=0 name args kind
    work=$(mktemp -d)
    for entry in "${cases[@]}"; do
        name=${entry%%|*}; args=${entry#*|}
        [ -f "$FIXTURES/old/$name.rc" ] || run_case "$OLD" "$args" "$FIXTURES/old/$name"
        run_case "$NEW" "$args" "$work/$name"
        for kind in stdout stderr rc; do
            if ! cmp -s "$FIXTURES/old/$name.$kind" "$work/$name.$kind"; then
                echo "DIFFERS: $name ($kind): diff $FIXTURES/old/$name.$kind $work/$name.$kind" >&2
                failed=1
            fi
        done
        [ "$failed" = 1 ] || printf 'same: %-24s %8s bytes, exit %s\n' "$name" "$(wc -c < "$work/$name.stdout")" "$(cat "$work/$name.rc")"
    done
    if [ "$failed" = 1 ]; then echo "outputs differ (new outputs kept in $work)" >&2; return 1; fi
    rm -rf "$work"
    echo "all ${#cases[@]} cases byte-identical (stdout, stderr, exit status)"
}

timing() {
    local names=("report --bootstrap 0 (json)" "report --bootstrap 1000" "export labels" "export aggregate" "export dpo" "validate sessions")
    local args=("report $BIG --bootstrap 0 --format json" "report $BIG --seed 1 --bootstrap 1000"
                "export $BIG --format labels" "export $BIG --format aggregate" "export $BIG --format dpo"
                "validate $DATA/sessions")
    cat "$DATA/tasks.jsonl" "$DATA"/sessions/*/*.jsonl > /dev/null
    declare -A times
    local k which bin load
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    for _ in $(seq "$ROUNDS"); do
        for k in "${!args[@]}"; do
            for which in old new; do
                bin=$OLD; [ "$which" = new ] && bin=$NEW
                # shellcheck disable=SC2086
                times[$which,$k]+="$(once "$bin" ${args[$k]}) "
            done
        done
    done
    printf 'load average before: %s, after: %s (2 cores)\n\n' "$load" "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf '| command (300k labels) | wall old | wall new | new/old | CPU old | CPU new | new/old |\n'
    printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n'
    local wo wn co cn
    for k in "${!args[@]}"; do
        wo=$(echo "${times[old,$k]}" | field 1 | median); wn=$(echo "${times[new,$k]}" | field 1 | median)
        co=$(echo "${times[old,$k]}" | field 2 | median); cn=$(echo "${times[new,$k]}" | field 2 | median)
        printf '| `%s` | %.2f s | %.2f s | %.3f | %.2f s | %.2f s | %.3f |\n' "${names[$k]}" "$wo" "$wn" \
            "$(awk -v a="$wn" -v b="$wo" 'BEGIN { print a / b }')" "$co" "$cn" "$(awk -v a="$cn" -v b="$co" 'BEGIN { print a / b }')"
    done
    echo "(medians of $ROUNDS interleaved rounds)"
}

case $MODE in
    check) check ;;
    time) timing ;;
    all) check && timing ;;
    *) echo "usage: $0 [check|time|all]" >&2; exit 2 ;;
esac
