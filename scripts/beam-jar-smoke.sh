#!/usr/bin/env bash
# Runs the runnable Flink jar as a user would (docs/scale-out.md): `java -jar dicombq-beam.jar` exports a small
# folder as a Beam pipeline on Flink's embedded cluster into `dicombq serve --bigquery-emulator`, then checks that
# the table holds what the single-node export of the same folder holds. Exits non-zero on any difference.
# Usage: scripts/beam-jar-smoke.sh [JAR]
#   build first: ./mvnw -B -Pbeam -pl dist-beam -am package -DskipTests   (JAR: dist-beam/target/dicombq-beam.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR="$(realpath "${1:-dist-beam/target/dicombq-beam.jar}")"
JAVA="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/java"
CORPUS=/usr/lib/python3/dist-packages/pydicom/data/test_files
[ -f "$JAR" ] || { echo "no $JAR: build it with ./mvnw -B -Pbeam -pl dist-beam -am package -DskipTests" >&2; exit 2; }
[ -d "$CORPUS" ] || { echo "no pydicom corpus at $CORPUS: run scripts/install-test-deps" >&2; exit 2; }
WORK="$(mktemp -d /tmp/dicombq-beam-jar-smoke-XXXXXX)"
EMULATOR=""
trap '[ -n "$EMULATOR" ] && kill "$EMULATOR" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
dicombq() { "$JAVA" -Xmx1g -jar "$JAR" "$@"; }
remote=(--data-dir="$WORK/client" --warehouse=bigquery --bigquery-endpoint="http://127.0.0.1:$PORT")

mkdir -p "$WORK/store/series-2"
cp "$CORPUS"/{CT_small.dcm,MR_small.dcm,rtplan.dcm,JPEG2000.dcm} "$WORK/store/"
cp "$CORPUS"/{ExplVR_BigEnd.dcm,liver_1frame.dcm} "$WORK/store/series-2/"

dicombq --data-dir="$WORK/emulator" serve --bigquery-emulator --port "$PORT" > "$WORK/emulator.log" 2>&1 &
EMULATOR=$!
for attempt in $(seq 1 240); do
  if dicombq "${remote[@]}" datasets create smoke-project.smoke > /dev/null 2>&1; then break; fi
  kill -0 "$EMULATOR" 2>/dev/null || { cat "$WORK/emulator.log" >&2; exit 1; }
  [ "$attempt" = 240 ] && { echo "the emulator did not answer on port $PORT" >&2; exit 1; }
  sleep 0.5
done

echo "== java -jar $(basename "$JAR") … --runner=flink --flink-master=[local] --parallelism=2"
# Flink's own warnings (long operator names, detached mode) are kept in a file, shown only if the export fails.
dicombq "${remote[@]}" dicom-stores export bq "$WORK/store" --bq-table=bq://smoke-project.smoke.flink \
    --runner=flink --flink-master='[local]' --parallelism=2 --temp-location="$WORK/beam-temp" > "$WORK/flink.out" 2>&1 \
  || { cat "$WORK/flink.out" >&2; exit 1; }
grep -v ' WARN ' "$WORK/flink.out" | tail -n 2

echo "== the same folder exported on this machine"
dicombq --data-dir="$WORK/local" datasets create smoke-project.smoke
dicombq --data-dir="$WORK/local" dicom-stores export bq "$WORK/store" --bq-table=bq://smoke-project.smoke.local | tail -n 2

COLUMNS="SOPInstanceUID, StudyInstanceUID, SeriesInstanceUID, Modality, PatientID, BlobStorageSize,"
COLUMNS+=" CAST(LastUpdated AS STRING) AS LastUpdated, ARRAY_LENGTH(DroppedTags) AS Dropped"
dicombq "${remote[@]}" query --format=csv "SELECT $COLUMNS FROM \`smoke-project.smoke.flink\` ORDER BY SOPInstanceUID" > "$WORK/flink.csv" 2> "$WORK/query.err"
dicombq --data-dir="$WORK/local" query --format=csv "SELECT $COLUMNS FROM \`smoke-project.smoke.local\` ORDER BY SOPInstanceUID" > "$WORK/local.csv" 2>> "$WORK/query.err"
ROWS=$(($(wc -l < "$WORK/local.csv") - 1))
if [ "$ROWS" -ne 6 ] || ! diff "$WORK/local.csv" "$WORK/flink.csv"; then
  echo "FAILED: the Flink jar's table differs from the single-node export ($ROWS rows locally)" >&2
  exit 1
fi
echo "OK: the Flink jar exported the same $ROWS rows as the single-node export"
