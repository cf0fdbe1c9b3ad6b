#!/usr/bin/env bash
# Correct benchmark (docs/benchmarks.md): one slice of the bench preset (9 angles × 50 Pilatus 2M frames), corrected
# (read + correct + write) against the same I/O without correcting: the background and buffer frames Correct matches
# (read once each) and the boxes of the sample frames Correct corrects are read, and every frame is written as
# float32 in the same layout (frames Correct skips as the fill value, unread). Prints the load average before each pass.
# Needs the bench phantom: ./build.sh Phantom --scan bench.   bench/correct/run.sh [SLICE] [THREADS]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
slice="${1:-0}"
threads="${2:-$(nproc)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_NOLOGO=1
dotnet build "$repo/bench/TomoSaxs.Benchmarks/TomoSaxs.Benchmarks.csproj" -c Release -nr:false -v:quiet -clp:NoSummary -o "$work/bin" >&2
scan="$repo/scans/bench/scan.yaml"
truth="$repo/artifacts/bench/truth"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB; .NET $(dotnet --version)"
# Warm the page cache once so both passes read the same way.
dotnet "$work/bin/tomosaxs-bench.dll" correct "$scan" "$truth" "$slice" io full "$work/warm.h5" "$threads" > /dev/null
rm -f "$work/warm.h5"
for store in full q_box_half; do
  for mode in io correct; do
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    dotnet "$work/bin/tomosaxs-bench.dll" correct "$scan" "$truth" "$slice" "$mode" "$store" "$work/out.h5" "$threads"
    rm -f "$work/out.h5"
  done
done
