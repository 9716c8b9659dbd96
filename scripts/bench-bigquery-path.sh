#!/usr/bin/env bash
# The BigQuery path against the embedded one, on one store: a fresh `dicombq serve --bigquery-emulator`, one export
# through it (`--warehouse=bigquery --bigquery-endpoint`), the emulator's CPU for that export (/proc/PID/stat around
# it), its row count checked by a query, then the same export into a fresh embedded warehouse. Issue 19's goal: the
# BigQuery path within 1.5x of the embedded one.
# Usage: scripts/bench-bigquery-path.sh STORE_DIR [PORT]
#   e.g. scripts/bench-bigquery-path.sh /tmp/rs6k   (the first 10 patients of scripts/make-realistic-store.py's store)
# Env: DICOMBQ (launcher, default ./dicombq), EMULATOR_JAVA_OPTS (the emulator's DICOMBQ_JAVA_OPTS), WARM=N (N
#   exports of the same store into other tables of the same emulator before the measured one: an emulator that has
#   compiled its hot code, as a long-running one has; default 0, a fresh emulator), IDLE=S (seconds of idling before
#   each of the two measured exports, so that both start with the memory a process finds after a pause: on a virtual
#   machine that hands freed memory back to its host, a process that runs right after another one that freed memory
#   faults its pages in far more cheaply than one that runs after a pause, docs/BENCHMARKS.md session 21; default 0).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
store="$(cd "$1" && pwd)"
port="${2:-9391}"
dicombq="${DICOMBQ:-./dicombq}"
work="$(mktemp -d)"
emulator=""
trap '[ -n "$emulator" ] && kill "$emulator" 2>/dev/null; rm -rf "$work"' EXIT
ticks="$(getconf CLK_TCK)"
cpu() { awk -v t="$ticks" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }

DICOMBQ_JAVA_OPTS="${EMULATOR_JAVA_OPTS:-}" "$dicombq" --data-dir="$work/emulator" serve --bigquery-emulator \
  --port "$port" > "$work/emulator.log" 2>&1 &
for _ in $(seq 150); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.2
done
emulator="$(pgrep -f "serve --bigquery-emulator --port $port" | head -n 1)"
bigquery=(--data-dir="$work/cli" --warehouse=bigquery --bigquery-endpoint="http://127.0.0.1:$port")
"$dicombq" "${bigquery[@]}" datasets create bench-project.bench > /dev/null
for warm in $(seq "${WARM:-0}"); do
  "$dicombq" "${bigquery[@]}" dicom-stores export bq "$store" --bq-table="bq://bench-project.bench.warm$warm" \
    > "$work/warm.out" 2>&1 || { cat "$work/warm.out"; exit 1; }
done
sleep "${IDLE:-0}"
before="$(cpu "$emulator")"
/usr/bin/time -f '%e %U %S' -o "$work/bigquery.time" "$dicombq" "${bigquery[@]}" dicom-stores export bq "$store" \
  --bq-table=bq://bench-project.bench.t > "$work/bigquery.out" 2>&1 || { cat "$work/bigquery.out"; exit 1; }
after="$(cpu "$emulator")"
rows="$("$dicombq" "${bigquery[@]}" query --project=bench-project 'SELECT COUNT(*) AS n FROM `bench-project.bench.t`' | tr -d ' \n')"
read -r bq_wall bq_user bq_sys < "$work/bigquery.time"
echo "BigQuery path (${WARM:-0} exports before): ${bq_wall} s wall, exporter ${bq_user} s user ${bq_sys} s sys, emulator" \
  "$(awk -v a="$before" -v b="$after" 'BEGIN { printf "%.2f", b - a }') s CPU; rows $rows; load $(cut -d' ' -f1-3 /proc/loadavg)"
kill "$emulator"
wait "$emulator" 2>/dev/null || true
emulator=""
"$dicombq" --data-dir="$work/h2" datasets create bench-project.bench > /dev/null
sleep "${IDLE:-0}"
/usr/bin/time -f '%e %U %S' -o "$work/h2.time" "$dicombq" --data-dir="$work/h2" dicom-stores export bq "$store" \
  --bq-table=bq://bench-project.bench.t > "$work/h2.out" 2>&1 || { cat "$work/h2.out"; exit 1; }
read -r h2_wall h2_user h2_sys < "$work/h2.time"
echo "embedded: ${h2_wall} s wall, ${h2_user} s user ${h2_sys} s sys; the BigQuery path takes" \
  "$(awk -v a="$bq_wall" -v b="$h2_wall" 'BEGIN { printf "%.2f", a / b }')x the embedded one's time"
