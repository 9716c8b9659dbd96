#!/usr/bin/env bash
# Realistic exports of several builds or JVM options, alternating round by round, so each round compares them in
# the same minutes (this host's speed moves by a third within an hour). Each run is scripts/bench-realistic-export.sh
# without dcmdump into a fresh warehouse, after the previous one is deleted and synced; it prints wall time, CPU time,
# peak RSS, rate, and the collector's pauses (young and full, from -Xlog:gc).
# Usage: scripts/bench-alternating.sh ROUNDS STORE 'LABEL|LAUNCHER|DICOMBQ_JAVA_OPTS' ...
#   e.g. scripts/bench-alternating.sh 3 /tmp/rs20k 'base|../wt-base/dicombq|' 'main|./dicombq|' 'c1|./dicombq|-XX:TieredStopAtLevel=1'
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds="$1"
store="$2"
shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for round in $(seq "$rounds"); do
  for spec in "$@"; do
    label="${spec%%|*}"
    rest="${spec#*|}"
    launcher="${rest%%|*}"
    options="${rest#*|}"
    rm -rf "$work/run"
    sync
    sleep 2
    mkdir -p "$work/run"
    result="$(DICOMBQ="$launcher" SKIP_DCMDUMP=1 WORK="$work/run" scripts/bench-realistic-export.sh "$store" \
        "$options -Xlog:gc:file=$work/run/gc.log" | grep '^dicombq export:' \
        | sed -E 's/^dicombq export: //; s/, 0\.00x dcmdump//')"
    pauses="$(cat "$work/run"/gc.log* | awk '/Pause/ { ms = $NF; sub("ms", "", ms);
        if ($0 ~ /Full/) { full += ms; nfull++ } else { young += ms; nyoung++ } }
        END { printf "GC pauses: %d young %.2f s, %d full %.2f s", nyoung, young / 1000, nfull, full / 1000 }')"
    echo "round $round $label: $result; $pauses; load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
