#!/usr/bin/env bash
# Integration benchmark (docs/benchmarks.md): TomoSaxs operators vs pyFAI 0.21 on the same Pilatus 2M frame, in one run.
# Needs the Debian packages python3-pyfai and python3-h5py for the comparison side.
#   bench/integration/run.sh [FRAMES]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
frames="${1:-200}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_NOLOGO=1

dotnet build "$repo/bench/TomoSaxs.Benchmarks/TomoSaxs.Benchmarks.csproj" -c Release -nr:false -v:quiet -clp:NoSummary -o "$work/bin" >&2
ours="$(dotnet "$work/bin/tomosaxs-bench.dll" integration "$work" "$frames")"
pyfai_frames=$(( frames < 20 ? frames : 20 ))
theirs="$(/usr/bin/python3 "$repo/bench/integration/pyfai_integration.py" "$work/frame.h5" "$work/geometry.poni" "$work/bands.json" "$pyfai_frames" 2>/dev/null)"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB; .NET $(dotnet --version)"
echo "tomosaxs: $ours"
echo "pyfai:    $theirs"
/usr/bin/python3 - "$ours" "$theirs" <<'PY'
import json, sys
ours, theirs = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"operator build (cold): {ours['operator_build_s']:.2f} s; pyFAI first frame (builds its 7 CSR engines): {theirs['first_frame_s']:.2f} s")
print(f"per frame, one core: {ours['per_frame_one_core_s']*1e3:.2f} ms ({ours['frames_per_s_one_core']:.0f} frames/s)")
print(f"per frame, {ours['cores']} cores: {ours['per_frame_all_cores_s']*1e3:.2f} ms ({ours['frames_per_s_all_cores']:.0f} frames/s)")
print(f"band I(chi) alone, one core: {ours['per_frame_band_ichi_only_s']*1e3:.3f} ms per frame")
print(f"pyFAI {theirs['pyfai_version']}, reused integrator: {theirs['per_frame_s']*1e3:.1f} ms per frame")
print(f"throughput ratio (one core vs pyFAI): {theirs['per_frame_s']/ours['per_frame_one_core_s']:.0f}x")
PY
