#!/usr/bin/env bash
# Export throughput on a realistic store, side by side in one run: dcmdump over every file (one process), then
# `dicombq dicom-stores export bq` of the same folder into a fresh embedded warehouse; each with wall time, CPU time
# and peak RSS (/usr/bin/time), and the load average before each, since the build machine is shared.
# Usage: scripts/bench-realistic-export.sh STORE_DIR [DICOMBQ_JAVA_OPTS]
#   STORE_DIR from scripts/make-realistic-store.py; e.g. scripts/bench-realistic-export.sh /tmp/rs20k '-Xmx512m'
# Env: DICOMBQ (launcher, default ./dicombq), WORK (where the warehouse goes and stays; default a temporary folder,
#      removed at the end),
#      SKIP_DCMDUMP=1 (only the export, e.g. for the memory runs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
store="$(cd "$1" && pwd)"
opts="${2:-}"
dicombq="${DICOMBQ:-./dicombq}"
work="${WORK:-}"
if [ -z "$work" ]; then
  # a warehouse of the whole store (59 KB per instance): removed at the end unless WORK names where to keep it
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
count="$(find "$store" -name '*.dcm' | wc -l)"
bytes="$(du -sb "$store" | cut -f1)"
echo "store: $count files, $((bytes / count)) bytes per file, under $store; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"

rate() { awk -v n="$count" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }

dcmdump_wall=0
if [ -z "${SKIP_DCMDUMP:-}" ]; then
  echo "== dcmdump +sd +r (one process, output to /dev/null); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f '%e %U %S %M' -o "$work/dcmdump.time" dcmdump -q +sd +r "$store" > /dev/null 2>&1 || true
  read -r wall user sys rss < <(tail -n 1 "$work/dcmdump.time")
  echo "dcmdump: ${wall} s wall, ${user} s user, ${sys} s sys, peak RSS $((rss / 1024)) MiB: $(rate "$wall") files/s"
  dcmdump_wall="$wall"
fi

echo "== dicombq dicom-stores export bq (DICOMBQ_JAVA_OPTS='$opts'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
data="$work/data"
DICOMBQ_JAVA_OPTS="$opts" "$dicombq" --data-dir="$data" datasets create bench-project.bench > /dev/null
# each progress line (the CLI rewrites one line in place, about once a second) stamped with the time it arrived
/usr/bin/time -f '%e %U %S %M' -o "$work/export.time" env DICOMBQ_JAVA_OPTS="$opts" \
  "$dicombq" --data-dir="$data" dicom-stores export bq "$store" --bq-table=bq://bench-project.bench.realistic 2>&1 \
  | stdbuf -o0 tr '\r' '\n' | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done \
  > "$work/export.out" || { cut -d' ' -f2- "$work/export.out"; exit 1; }
tail -n 2 "$work/export.out" | cut -d' ' -f2-
read -r wall user sys rss < <(tail -n 1 "$work/export.time")
echo "dicombq export: ${wall} s wall, ${user} s user, ${sys} s sys, peak RSS $((rss / 1024)) MiB: $(rate "$wall") instances/s," \
  "$(awk -v a="$dcmdump_wall" -v b="$wall" 'BEGIN { printf "%.2f", a / b }')x dcmdump"
# The rate once the JVM has warmed up, from half the store done to 95 % (meaningful on stores of 50,000 and more: a
# 20,000-instance export is still compiling its code at the half; docs/BENCHMARKS.md, session 22).
second_half="$(awk -v n="$count" '/ instances done/ { if (!a && $2 >= n / 2) { a = 1; t0 = $1; d0 = $2 }
  if ($2 <= 0.95 * n) { t1 = $1; d1 = $2 } } END { if (a && t1 > t0) printf "%.0f", (d1 - d0) / (t1 - t0) }' "$work/export.out")"
if [ -n "$second_half" ]; then
  echo "second half of the export (half to 95 % done): $second_half instances/s$( [ "$dcmdump_wall" != 0 ] &&
    awk -v r="$second_half" -v w="$dcmdump_wall" -v n="$count" 'BEGIN { printf ", %.2fx dcmdump", r / (n / w) }')"
fi
stored="$(du -sb "$data" | cut -f1)"
echo "stored: $stored bytes in $data ($((stored / count)) bytes per instance, all files of the data directory)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
