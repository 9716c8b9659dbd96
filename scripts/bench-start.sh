#!/usr/bin/env bash
# A command's start: one-instance exports by several launchers, alternating round by round, each into a fresh data
# directory; the seconds until "Started export operation" and until the process exits (medians and means). The first
# round is left out: after a build, the launcher records its class-data archive then.
# Usage: scripts/bench-start.sh ROUNDS FILE_OR_FOLDER LAUNCHER ...
#   e.g. scripts/bench-start.sh 30 /tmp/one ../wt-base/dicombq ./dicombq
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds="$1"
store="$(realpath "$2")"
shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for round in $(seq 0 "$rounds"); do
  for launcher in "$@"; do
    rm -rf "$work/data"
    "$launcher" --data-dir="$work/data" datasets create bench-project.bench > /dev/null
    timing="$(python3 - "$launcher" --data-dir="$work/data" dicom-stores export bq "$store" \
        --bq-table=bq://bench-project.bench.t <<'PY'
import subprocess, sys, time
start = time.time()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
started = None
for line in process.stdout:
    if started is None and line.startswith("Started export operation"):
        started = time.time() - start
if process.wait() != 0 or started is None:
    sys.exit("the export failed")
print("%.3f %.3f" % (started, time.time() - start))
PY
)"
    [ "$round" -gt 0 ] && echo "$launcher $timing"
  done
done | sort -k1,1 -k2n | awk '
  { started[$1] = started[$1] " " $2; n[$1]++; s[$1] += $2; e[$1] += $3; all[$1, n[$1]] = $2 }
  END { for (l in n) printf "%s: started median %.3f s, mean %.3f s; exit mean %.3f s (%d runs)\n",
        l, all[l, int((n[l] + 1) / 2)], s[l] / n[l], e[l] / n[l], n[l] }'
