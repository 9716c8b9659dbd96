#!/usr/bin/env bash
# Scale-out benchmark (docs/BENCHMARKS.md "Scale out"): the same generated store exported on one machine and as a
# Beam pipeline on Flink's embedded cluster (parallelism 2) into the BigQuery emulator, in the same run.
# Usage: scripts/bench-scale-out.sh [INSTANCES]   (needs dist-beam/target/dicombq-beam.jar:
#        ./mvnw -B -Pbeam -pl dist-beam -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-20000}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/java"
# DICOMBQ_CP: a class path holding the CLI and the pipeline instead of the jar (e.g. it-tests' test class path)
if [ -n "${DICOMBQ_CP:-}" ]; then RUN=(-cp "$DICOMBQ_CP" io.dicombq.adapter.in.cli.Main); else RUN=(-jar dist-beam/target/dicombq-beam.jar); fi
WORK="$(mktemp -d /tmp/dicombq-bench-scale-out-XXXXXX)"
PORT="${PORT:-19050}"
trap 'kill "$EMULATOR" 2>/dev/null || true; rm -rf "$WORK"' EXIT
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. Generate the store and export it on this machine into the embedded warehouse (bench export prints the rate).
"$JAVA" -Xmx2g "${RUN[@]}" bench export --instances="$N" --work-dir="$WORK/single"
STORE="$WORK/single/instances"

# 2. The BigQuery emulator, then the same store through the pipeline on Flink's embedded cluster.
"$JAVA" -Xmx2g "${RUN[@]}" --data-dir="$WORK/emulator" serve --bigquery-emulator --port "$PORT" > "$WORK/emulator.log" 2>&1 &
EMULATOR=$!
for _ in $(seq 1 600); do
  if "$JAVA" "${RUN[@]}" --data-dir="$WORK/client" --warehouse=bigquery --bigquery-endpoint="http://127.0.0.1:$PORT" \
      datasets create bench-project.bench > /dev/null 2>&1; then break; fi
  sleep 0.5
done
START=$(date +%s.%N)
"$JAVA" -Xmx3g "${RUN[@]}" --data-dir="$WORK/driver" --warehouse=bigquery --bigquery-endpoint="http://127.0.0.1:$PORT" \
    dicom-stores export bq "$STORE" --bq-table=bq://bench-project.bench.flink \
    --runner=flink --flink-master='[local]' --parallelism=2 --temp-location="$WORK/beam-temp" --format=json \
    > "$WORK/flink.json"
END=$(date +%s.%N)
echo "flink (embedded, parallelism 2): $(grep -o '"success":"[0-9]*"' "$WORK/flink.json") in $(awk "BEGIN{printf \"%.1f\", $END - $START}") s wall, start-up included"
echo "machine after: load average $(cut -d' ' -f1-3 /proc/loadavg)"
