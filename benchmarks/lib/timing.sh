# Shared by the benchmark scripts that time binaries against each other (sourced).
# On a machine shared with other builds the wall clock mostly measures the others; CPU time
# (user + system) is what the binary itself spent, so both are kept.

# "wall:cpu" seconds of one run of the command given, output discarded.
once() {
    local t
    t=$(mktemp)
    /usr/bin/time -f "%e %U %S" -o "$t" "$@" > /dev/null 2>&1 || true
    awk '{ printf "%.3f:%.3f", $1, $2 + $3 }' "$t"
    rm -f "$t"
}
# The median of the space-separated numbers on stdin.
median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# Field N (1: wall, 2: CPU) of each "wall:cpu" on stdin.
field() { tr ' ' '\n' | grep . | cut -d: -f"$1" | tr '\n' ' '; }
