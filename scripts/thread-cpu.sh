#!/usr/bin/env bash
# CPU time of a running process by thread name, until it ends: what JFR's execution samples do not show (they count
# only threads running Java code, not the JIT compilers, the garbage collector or time in native code).
# Usage: scripts/thread-cpu.sh PID [INTERVAL_SECONDS]
#   e.g. DICOMBQ_JAVA_OPTS=-Xmx512m ./dicombq dicom-stores export bq … & scripts/thread-cpu.sh $!
# Prints seconds of user + system time per thread name (names cut to 15 characters by Linux; threads of one pool
# share a name), each thread as last seen: a thread that ends between two polls loses its last interval.
set -euo pipefail
pid="$1"
interval="${2:-0.5}"
ticks="$(getconf CLK_TCK)"
declare -A cpu name
while [ -d "/proc/$pid/task" ]; do
  for task in /proc/"$pid"/task/*; do
    stat="$(cat "$task/stat" 2>/dev/null)" || continue
    # fields after the parenthesised name: state is 3rd overall, utime 14th, stime 15th
    read -r -a rest <<< "${stat##*) }"
    tid="${task##*/}"
    cpu[$tid]=$(( rest[11] + rest[12] ))
    name[$tid]="$(cat "$task/comm" 2>/dev/null || echo '?')"
  done
  sleep "$interval"
done
for tid in "${!cpu[@]}"; do
  echo "${name[$tid]}	${cpu[$tid]}"
done | awk -F'\t' -v t="$ticks" '{ s[$1] += $2 } END { for (n in s) printf "%8.2f s  %s\n", s[n] / t, n }' | sort -rn
