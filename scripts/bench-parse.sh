#!/usr/bin/env bash
# Header-only parse throughput, side by side on the same files: dicombq (in-process, warm), pydicom
# dcmread(stop_before_pixels=True) (in-process, warm) and dcmtk's dcmdump (one process over all files).
# Usage: scripts/bench-parse.sh [DIR]   (default: the pydicom corpus, 182 files; see docs/BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
corpus="${1:-/usr/lib/python3/dist-packages/pydicom/data}"
list="$(mktemp)"
trap 'rm -f "$list"' EXIT
find "$corpus" -type f | grep -v -E '\.(py|pyc|txt|json|dump|gz|md)$|/README$' | sort > "$list"
count="$(wc -l < "$list")"
echo "files: $count under $corpus; machine: $(nproc) cores, $(uname -m); $(date -u +%Y-%m-%dT%H:%MZ)"

echo
echo "== dicombq bench parse (1 thread, 3 s warm-up, median of 5 rounds of >= 1 s)"
dicombq_out="$(./dicombq bench parse --warmup 3 --rounds 5 "@$list")"
echo "$dicombq_out" | tail -n 1
dicombq_fps="$(echo "$dicombq_out" | awk '/^median:/ {print $2}')"

echo
echo "== pydicom $(/usr/bin/python3 -c 'import pydicom; print(pydicom.__version__)') dcmread(stop_before_pixels=True, force=True), in-process (3 s warm-up, median of 5 rounds of >= 1 s)"
pydicom_fps="$(/usr/bin/python3 - "$list" <<'PY'
import sys, time, warnings
import pydicom
files = [line.rstrip("\n") for line in open(sys.argv[1]) if line.strip()]
warnings.simplefilter("ignore")
def run():
    for path in files:
        try:
            pydicom.dcmread(path, stop_before_pixels=True, force=True)
        except Exception:
            pass
def measure(seconds):
    start = time.perf_counter()
    count = 0
    while True:
        run()
        count += len(files)
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count / elapsed
measure(3)
rates = sorted(measure(1) for _ in range(5))
print(round(rates[len(rates) // 2]))
PY
)"
echo "median: $pydicom_fps files/s"

echo
echo "== dcmtk dcmdump -q (one process over all files, best of 5, output to /dev/null)"
best=""
for _ in 1 2 3 4 5; do
  start="$(date +%s%N)"
  xargs -a "$list" -d '\n' dcmdump -q > /dev/null 2>&1 || true
  elapsed=$(( $(date +%s%N) - start ))
  if [ -z "$best" ] || [ "$elapsed" -lt "$best" ]; then best="$elapsed"; fi
done
dcmtk_fps="$(awk -v n="$count" -v ns="$best" 'BEGIN {printf "%d", n / (ns / 1e9)}')"
echo "best: $dcmtk_fps files/s"

echo
awk -v d="$dicombq_fps" -v p="$pydicom_fps" -v c="$dcmtk_fps" 'BEGIN {
  printf "dicombq / pydicom: %.1fx   dicombq / dcmdump: %.1fx   dicombq / PixelMed (~2,000 files/s, CORPUS.md): %.1fx\n", d / p, d / c, d / 2000 }'
