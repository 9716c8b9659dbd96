#!/usr/bin/env bash
# Scale-out benchmark (docs/BENCHMARKS.md "Scale out"): the same store exported in one run, first on one machine
# (`dicom-stores export bq FOLDER` into a fresh embedded warehouse, as scripts/bench-realistic-export.sh does), then
# as the Beam pipeline on Flink's embedded cluster (parallelism 2) into `dicombq serve --bigquery-emulator`; each
# under /usr/bin/time (wall, CPU, peak RSS), with the load average before each and the emulator's CPU for the load.
# Usage: scripts/bench-scale-out.sh STORE_DIR      STORE_DIR from scripts/make-realistic-store.py (e.g. /tmp/rs20k)
#   needs dist-beam/target/dicombq-beam.jar: ./mvnw -B -Pbeam -pl dist-beam -am package -DskipTests
# Env: JAR (default dist-beam/target/dicombq-beam.jar), PARALLELISM (default 2), SKIP_SINGLE=1 (only the pipeline).
set -euo pipefail
cd "$(dirname "$0")/.."
STORE="$(cd "$1" && pwd)"
JAR="$(realpath "${JAR:-dist-beam/target/dicombq-beam.jar}")"
JAVA="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/java"
PARALLELISM="${PARALLELISM:-2}"
WORK="$(mktemp -d /tmp/dicombq-bench-scale-out-XXXXXX)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
EMULATOR=""
trap '[ -n "$EMULATOR" ] && kill "$EMULATOR" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
count="$(find "$STORE" -name '*.dcm' | wc -l)"
echo "store: $count files, $(du -sb "$STORE" | cut -f1) bytes, under $STORE; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
report() { # NAME TIMEFILE
  read -r wall user sys rss < <(tail -n 1 "$2")
  echo "$1: ${wall} s wall, ${user} s user, ${sys} s sys, peak RSS $((rss / 1024)) MiB:" \
    "$(awk -v n="$count" -v s="$wall" 'BEGIN { printf "%.0f", n / s }') instances/s"
}
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }

if [ -z "${SKIP_SINGLE:-}" ]; then
  echo "== single node: dicom-stores export bq FOLDER (embedded warehouse); load $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA" -jar "$JAR" --data-dir="$WORK/single" datasets create bench-project.bench > /dev/null
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/single.time" "$JAVA" -Xmx1g -jar "$JAR" --data-dir="$WORK/single" \
    dicom-stores export bq "$STORE" --bq-table=bq://bench-project.bench.single > "$WORK/single.out" 2>&1 \
    || { cat "$WORK/single.out"; exit 1; }
  tail -n 2 "$WORK/single.out"
  report "single node" "$WORK/single.time"
fi

"$JAVA" -Xmx3g -jar "$JAR" --data-dir="$WORK/emulator" serve --bigquery-emulator --port "$PORT" > "$WORK/emulator.log" 2>&1 &
EMULATOR=$!
for attempt in $(seq 1 600); do
  if "$JAVA" -jar "$JAR" --data-dir="$WORK/client" --warehouse=bigquery --bigquery-endpoint="http://127.0.0.1:$PORT" \
      datasets create bench-project.bench > /dev/null 2>&1; then break; fi
  [ "$attempt" = 600 ] && { echo "the emulator did not answer" >&2; exit 1; }
  sleep 0.5
done
emulator_before="$(cpu_seconds "$EMULATOR")"
echo "== Flink embedded, parallelism $PARALLELISM, into the emulator; load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f '%e %U %S %M' -o "$WORK/flink.time" "$JAVA" -Xmx3g -jar "$JAR" --data-dir="$WORK/driver" \
  --warehouse=bigquery --bigquery-endpoint="http://127.0.0.1:$PORT" \
  dicom-stores export bq "$STORE" --bq-table=bq://bench-project.bench.flink \
  --runner=flink --flink-master='[local]' --parallelism="$PARALLELISM" --temp-location="$WORK/beam-temp" \
  > "$WORK/flink.out" 2>&1 || { cat "$WORK/flink.out"; exit 1; }
tail -n 2 "$WORK/flink.out"
report "flink (start-up, listing, reading, BigQueryIO load and copy included)" "$WORK/flink.time"
echo "emulator CPU during the pipeline (load and copy jobs into its warehouse): $(awk -v a="$emulator_before" \
  -v b="$(cpu_seconds "$EMULATOR")" 'BEGIN { printf "%.1f", b - a }') s"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
