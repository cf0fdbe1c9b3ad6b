#!/usr/bin/env bash
# Runs a command and reports its wall-clock time and the peak resident memory of its process tree: the largest
# single process (for a build, the MSBuild task host that runs the stage) and the largest total at any moment.
# /proc is sampled every 0.2 s, so a peak shorter than that can be missed.
#
#   bench/stages/peak-rss.sh <command> [args…]
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 <command> [args…]" >&2; exit 2; }

descendants() {
  local pid=$1 child
  echo "$pid"
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do descendants "$child"; done
}

start=$(date +%s.%N)
"$@" &
root=$!
largest=0; total_peak=0
while kill -0 "$root" 2>/dev/null; do
  total=0
  for pid in $(descendants "$root"); do
    rss=$(awk '/^VmRSS:/ { print $2 }' /proc/"$pid"/status 2>/dev/null || true)
    [ -n "$rss" ] || continue
    total=$((total + rss))
    [ "$rss" -gt "$largest" ] && largest=$rss
  done
  [ "$total" -gt "$total_peak" ] && total_peak=$total
  sleep 0.2
done
status=0; wait "$root" || status=$?
end=$(date +%s.%N)
printf 'peak-rss: wall %.1f s; largest process %.2f GB; whole tree %.2f GB (exit %d)\n' \
  "$(echo "$end - $start" | bc)" "$(echo "$largest / 1048576" | bc -l)" "$(echo "$total_peak / 1048576" | bc -l)" "$status" >&2
exit "$status"
