#!/usr/bin/env bash
# Images/hour of `radlens score` in-process vs the spark engine on the same N Kermany JPEGs (RADLENS_DATA).
#   spark/bench/spark-bench.sh [N] [MASTERS...]  (default: 60 images; local[1] local[2] local-cluster[2,1,1024])
# Prints one table row per engine: wall seconds (JVM start to exit), images/hour, and for Spark the model-load time
# the executors reported (once per executor JVM). Results go to a temp folder that is removed afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-60}"; shift || true
MASTERS=("${@:-local[1]}")
[ $# -eq 0 ] && MASTERS=("local[1]" "local[2]" "local-cluster[2,1,1024]")
DATA="${RADLENS_DATA:-$(dirname "$ROOT")/shared/data}/cxr/kermany/images"
[ -d "$DATA" ] || { echo "spark-bench: no Kermany images in $DATA (set RADLENS_DATA)" >&2; exit 2; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/in"
mapfile -t files < <(find "$DATA" -name '*.jpg' | sort)
cp "${files[@]:0:$N}" "$TMP/in/"
n=$(ls "$TMP/in" | wc -l)
row() { # name, seconds, scoring-job img/s, model load
  awk -v n="$n" -v name="$1" -v s="$2" -v r="$3" -v x="$4" 'BEGIN {
    printf "| %-26s | %5d | %7.1f | %9.0f | %s | %s |\n", name, n, s, n * 3600 / s, r == "" ? "-" : r * 3600, x }'
}
echo "| engine | images | wall s (JVM start to exit) | images/h (wall) | images/h (scoring job only) | model load |"
echo "|---|---|---|---|---|---|"
t0=$(date +%s.%N)
"$ROOT/radlens" score "$TMP/in" --out "$TMP/out-inprocess" --workers "$(nproc)" --progress >"$TMP/log" 2>&1 || true
rate=$(tr '\r' '\n' < "$TMP/log" | sed -n 's/^\[#*-*\].* \([0-9.]*\) img\/s.*/\1/p' | tail -1)
row "in-process ($(nproc) workers)" "$(echo "$(date +%s.%N) - $t0" | bc)" "$rate" "once, in the run"
for m in "${MASTERS[@]}"; do
  t0=$(date +%s.%N)
  "$ROOT/radlens" score "$TMP/in" --out "$TMP/out-$m" --engine spark --master "$m" --progress >"$TMP/log" 2>&1 || true
  load=$(sed -n 's/.*model loaded \(.*\)/\1/p' "$TMP/log")
  rate=$(tr '\r' '\n' < "$TMP/log" | sed -n 's/^\[spark\].* \([0-9.]*\) img\/s.*/\1/p' | tail -1)
  row "spark $m" "$(echo "$(date +%s.%N) - $t0" | bc)" "$rate" "${load:-?}"
  cmp -s "$TMP/out-inprocess/results.csv" "$TMP/out-$m/results.csv" || echo "spark-bench: $m results differ from in-process!" >&2
done
