#!/usr/bin/env bash
# `dicombq dump` against pydicom's to_json_dict over the same files in the same run: the pydicom corpus repeated
# REPEAT times (default 30), one process per tool over every file, output to a file; wall and CPU time of each
# (/usr/bin/time) and the load average before each, since the build machine is shared.
# Usage: scripts/bench-dump.sh [REPEAT] [DIR]     (DIR default: the pydicom corpus of Debian python3-pydicom)
# Env: DICOMBQ (the command to run, default ./dicombq; another build's launcher, e.g. to compare before and after)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repeat="${1:-30}"
corpus="${2:-/usr/lib/python3/dist-packages/pydicom/data}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
find "$corpus" -type f | grep -v -E '\.(py|pyc|txt|json|dump|gz|md)$|/README$' | sort > "$work/once"
for _ in $(seq "$repeat"); do cat "$work/once"; done > "$work/files"
count="$(wc -l < "$work/files")"
echo "files: $count ($(wc -l < "$work/once") under $corpus, $repeat times); $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
dicombq="${DICOMBQ:-./dicombq}"
$dicombq --version > /dev/null  # builds the jar first if needed, outside the measurement

report() {
  # the last line: /usr/bin/time puts "Command exited with non-zero status" first (dump exits 1 on unreadable files)
  read -r wall user sys < <(tail -n 1 "$2")
  awk -v name="$1" -v n="$count" -v w="$wall" -v u="$user" -v s="$sys" -v lines="$3" 'BEGIN {
    printf "%s: %d objects, %.2f s wall (%.0f files/s), %.2f s CPU (user %.2f + sys %.2f; %.0f files per CPU-second)\n",
      name, lines, w, n / w, u + s, u, s, n / (u + s) }'
}

echo "== dicombq dump (one JVM over every file); load: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f '%e %U %S' -o "$work/dicombq.time" $dicombq dump @"$work/files" > "$work/dicombq.out" 2> /dev/null || true
report "dicombq dump" "$work/dicombq.time" "$(wc -l < "$work/dicombq.out")"

echo "== pydicom $(/usr/bin/python3 -c 'import pydicom; print(pydicom.__version__)') dcmread + to_json_dict + json.dumps (one process); load: $(cut -d' ' -f1-3 /proc/loadavg)"
cat > "$work/to_json.py" <<'PY'
import json, sys, warnings
import pydicom
warnings.simplefilter("ignore")
out = sys.stdout
for path in [line.rstrip("\n") for line in open(sys.argv[1]) if line.strip()]:
    try:
        ds = pydicom.dcmread(path, force=True)
        out.write(json.dumps(ds.to_json_dict(bulk_data_threshold=1024, bulk_data_element_handler=lambda e: "")) + "\n")
    except Exception as e:
        sys.stderr.write("%s: %s\n" % (path, e))
PY
/usr/bin/time -f '%e %U %S' -o "$work/pydicom.time" /usr/bin/python3 "$work/to_json.py" "$work/files" > "$work/pydicom.out" 2> /dev/null || true
report "pydicom to_json_dict" "$work/pydicom.time" "$(wc -l < "$work/pydicom.out")"
awk -v a="$(tail -n 1 "$work/pydicom.time" | cut -d' ' -f1)" -v b="$(tail -n 1 "$work/dicombq.time" | cut -d' ' -f1)" \
  -v c="$(tail -n 1 "$work/pydicom.time" | awk '{print $2 + $3}')" -v d="$(tail -n 1 "$work/dicombq.time" | awk '{print $2 + $3}')" \
  'BEGIN { printf "dicombq / pydicom: %.1fx by wall time, %.1fx by CPU time\n", a / b, c / d }'
