#!/usr/bin/env bash
# Entry point of the TomoSaxs pipeline:  ./build.sh <Target> --scan <name> [options]
# Everything runs through the MSBuild project build/TomoSaxs.Build.proj; this script only maps options.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

usage() {
  cat <<'TXT'
Usage: ./build.sh <Target> [--scan NAME] [options]

Options:
  --scan NAME             scan definition scans/NAME/scan.yaml
  --slices LIST           slices to build, e.g. 0-3,7 (default: all)
  --slice N               the one slice a <Stage>Slice target builds (what a SLURM array task runs)
  --executor local|slurm  where per-slice work runs (default: local)
  --jobs N                parallel MSBuild nodes for local runs (default: number of cores)
  --set stage.param=VALUE override a scan.yaml parameter (repeatable)
  --plan                  print what would run and why; run nothing
  --force                 rebuild the target's stage even if up to date (stages upstream only if stale)
  --verbosity LEVEL       MSBuild verbosity: quiet|minimal|normal|detailed (default: minimal)
  -h, --help              this text and the list of targets
TXT
}

die() { echo "build.sh: $*" >&2; exit 2; }

target=""; props=(); sets=(); jobs="$(nproc 2>/dev/null || echo 1)"; verbosity=minimal; help=0; plan=0
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help|help) help=1 ;;
    --scan)      [ $# -ge 2 ] || die "--scan needs a name"; props+=("-p:Scan=$2"); shift ;;
    --slices)    [ $# -ge 2 ] || die "--slices needs a list such as 0-3,7"
                 [[ "$2" =~ ^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$ ]] || die "--slices '$2' is not a list such as 0-3,7"
                 props+=("-p:Slices=${2//,/%2C}"); shift ;;
    --slice)     [ $# -ge 2 ] || die "--slice needs a slice number"
                 [[ "$2" =~ ^[0-9]+$ ]] || die "--slice '$2' is not a slice number"
                 props+=("-p:Slice=$2"); shift ;;
    --executor)  [ $# -ge 2 ] || die "--executor needs local or slurm"
                 [[ "$2" == local || "$2" == slurm ]] || die "--executor must be local or slurm, not '$2'"
                 props+=("-p:Executor=$2"); shift ;;
    --jobs)      [ $# -ge 2 ] || die "--jobs needs a number"
                 [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "--jobs must be a positive whole number, not '$2'"
                 jobs="$2"; shift ;;
    --set)       [ $# -ge 2 ] || die "--set needs stage.param=value"
                 [[ "$2" == *.*=* ]] || die "--set '$2' is not of the form stage.param=value"
                 sets+=("$2"); shift ;;
    --plan)      plan=1 ;;
    --force)     props+=("-p:Force=true") ;;
    --verbosity) [ $# -ge 2 ] || die "--verbosity needs a level"; verbosity="$2"; shift ;;
    -*)          die "unknown option '$1' (see ./build.sh --help)" ;;
    *)           [ -z "$target" ] || die "only one target at a time ('$target' and '$1' given)"; target="$1" ;;
  esac
  shift
done

if [ ${#sets[@]} -gt 0 ]; then
  # MSBuild property values cannot hold a raw ';' or ','; escape them and join the overrides with '|'.
  joined="$(printf '%s|' "${sets[@]}")"; joined="${joined%|}"
  joined="${joined//%/%25}"; joined="${joined//;/%3B}"; joined="${joined//,/%2C}"
  props+=("-p:Set=$joined")
fi

if [ "$help" = 1 ] || [ -z "$target" ]; then
  usage; echo
  target=Help; verbosity=minimal; plan=0
fi

# RequestedTarget tells PrepareScan which stages to stamp and explain; --plan runs the Plan target instead of the
# requested one, so nothing but the explanation runs.
msbuild_target="$target"
[ "$plan" = 1 ] && msbuild_target=Plan

exec dotnet msbuild "$repo/build/TomoSaxs.Build.proj" -nologo -nr:false "-m:$jobs" "-v:$verbosity" \
  "-t:$msbuild_target" "-p:RequestedTarget=$target" -p:Jobs="$jobs" "${props[@]}"
