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
  --executor local|slurm  where per-slice work runs (default: local); slurm submits one job array per
                          per-slice stage and waits for it (see README.md, "Running on a SLURM cluster")
  --jobs N                parallel MSBuild nodes for local runs (default: number of cores)
  --partition NAME        sbatch --partition    } with --executor slurm: override scan.yaml's
  --time TIME             sbatch --time         } slurm: block, e.g. --time 04:00:00 --mem 16G
  --mem SIZE              sbatch --mem          }
  --cpus-per-task N       sbatch --cpus-per-task}
  --account NAME          sbatch --account      }
  --sbatch-arg ARG        a further sbatch option, e.g. --sbatch-arg=--qos=high (repeatable)
  --set stage.param=VALUE override a scan.yaml parameter (repeatable)
  --plan                  print what would run and why; run nothing
  --force                 rebuild the target's stage even if up to date (stages upstream only if stale)
  --verbosity LEVEL       MSBuild verbosity: quiet|minimal|normal|detailed (default: minimal)
  -h, --help              this text and the list of targets
TXT
}

die() { echo "build.sh: $*" >&2; exit 2; }
# MSBuild property values cannot hold a raw ';' or ','; escape them (and '%' itself).
escape() { local v="${1//%/%25}"; v="${v//;/%3B}"; printf '%s' "${v//,/%2C}"; }

target=""; props=(); sets=(); sbatch_args=(); slurm_options=(); executor=local
jobs="$(nproc 2>/dev/null || echo 1)"; verbosity=minimal; help=0; plan=0
while [ $# -gt 0 ]; do
  # An option with a value may also be written --option=value (handy for --sbatch-arg=--qos=high).
  if [[ "$1" =~ ^--(scan|slices|slice|executor|jobs|set|verbosity|partition|time|mem|cpus-per-task|account|sbatch-arg)=(.*)$ ]]; then
    shift; set -- "--${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" "$@"
  fi
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
                 executor="$2"; props+=("-p:Executor=$2"); shift ;;
    --partition|--time|--mem|--cpus-per-task|--account)
                 [ $# -ge 2 ] && [ -n "$2" ] || die "$1 needs a value"
                 [ "$1" != --cpus-per-task ] || [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "--cpus-per-task must be a positive whole number, not '$2'"
                 [[ "$2" != *"|"* ]] || die "$1 '$2' cannot contain '|'"
                 case "$1" in
                   --partition) name=Partition ;; --time) name=Time ;; --mem) name=Mem ;;
                   --cpus-per-task) name=CpusPerTask ;; --account) name=Account ;;
                 esac
                 slurm_options+=("$1"); props+=("-p:Slurm$name=$(escape "$2")"); shift ;;
    --sbatch-arg) [ $# -ge 2 ] && [ -n "$2" ] || die "--sbatch-arg needs an sbatch option, e.g. --sbatch-arg=--qos=high"
                 [[ "$2" != *"|"* ]] || die "--sbatch-arg '$2' cannot contain '|'"
                 slurm_options+=("$1"); sbatch_args+=("$2"); shift ;;
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
  # The overrides (and the sbatch arguments below) travel in one property each, joined with '|'.
  joined="$(printf '%s|' "${sets[@]}")"; props+=("-p:Set=$(escape "${joined%|}")")
fi
if [ ${#sbatch_args[@]} -gt 0 ]; then
  joined="$(printf '%s|' "${sbatch_args[@]}")"; props+=("-p:SlurmArgs=$(escape "${joined%|}")")
fi
if [ ${#slurm_options[@]} -gt 0 ] && [ "$executor" != slurm ]; then
  die "${slurm_options[0]} is an sbatch option; it applies only with --executor slurm"
fi

if [ "$help" = 1 ] || [ -z "$target" ]; then
  usage; echo
  target=Help; verbosity=minimal; plan=0
fi

# RequestedTarget tells PrepareScan which stages to stamp and explain; --plan runs the Plan target instead of the
# requested one, so nothing but the explanation runs.
msbuild_target="$target"
[ "$plan" = 1 ] && msbuild_target=Plan

# MSBuild runs as a child rather than in place of this script, so that an interruption always becomes MSBuild's own
# cancellation (what Ctrl-C does): on SIGTERM .NET would otherwise end MSBuild at once, with exit code 0, and leave its
# task hosts running, e.g. a SLURM fan-out whose jobs then never get cancelled. A background child of a script ignores
# SIGINT; the subshell restores it before exec.
# With --executor slurm, fan-outs list the jobs they submit in this file until the jobs end. MSBuild, interrupted,
# does not always wait for the task host that is cancelling them, so whatever is still listed when MSBuild has exited
# is cancelled here: exactly this build's jobs, never anyone else's.
jobs_file=""
if [ "$executor" = slurm ] && [ "$msbuild_target" != Help ]; then
  jobs_file="$(mktemp "${TMPDIR:-/tmp}/tomosaxs-slurm-jobs.XXXXXX")"
  props+=("-p:SlurmJobsFile=$jobs_file")
fi
# Cancels the listed jobs and waits (briefly) until they have left the queue; false when none was listed.
cancel_listed_jobs() {
  [ -n "$jobs_file" ] && [ -s "$jobs_file" ] || return 1
  local ids; ids="$(tr '\n' ' ' < "$jobs_file")"; ids="${ids% }"; : > "$jobs_file"
  echo "build.sh: cancelling the SLURM jobs this build submitted and did not see end: $ids" >&2
  # shellcheck disable=SC2086 # one word per job id
  scancel $ids 2>/dev/null || true
  for _ in $(seq 30); do
    [ -n "$(squeue --noheader --jobs="${ids// /,}" --format=%i 2>/dev/null)" ] || break
    sleep 1
  done
}
trap '[ -z "$jobs_file" ] || { cancel_listed_jobs || true; rm -f "$jobs_file"; }' EXIT

# MSBuild runs as a child rather than in place of this script, so that an interruption always becomes MSBuild's own
# cancellation (what Ctrl-C does): on SIGTERM .NET would otherwise end MSBuild at once, with exit code 0, and leave its
# task hosts running, e.g. a SLURM fan-out whose jobs then never get cancelled. A background child of a script ignores
# SIGINT; the subshell restores it before exec.
msbuild=""; interrupted=""
interrupt() { interrupted="$1"; [ -z "$msbuild" ] || kill -INT "$msbuild" 2>/dev/null || true; }
trap 'interrupt 2' INT
trap 'interrupt 15' TERM
trap 'interrupt 1' HUP
( trap - INT QUIT TERM HUP; exec dotnet msbuild "$repo/build/TomoSaxs.Build.proj" -nologo -nr:false "-m:$jobs" "-v:$verbosity" \
    "-t:$msbuild_target" "-p:RequestedTarget=$target" -p:Jobs="$jobs" ${props[@]+"${props[@]}"} ) &
msbuild=$!
[ -z "$interrupted" ] || kill -INT "$msbuild" 2>/dev/null || true
while :; do
  status=0; wait "$msbuild" || status=$?
  # wait returns early when a trapped signal arrives; MSBuild is then still cancelling.
  kill -0 "$msbuild" 2>/dev/null || break
done
# Jobs still listed mean MSBuild ended before they did (interrupted, or killed): that build did not succeed.
if cancel_listed_jobs && [ "$status" -eq 0 ]; then status=1; fi
if [ -n "$interrupted" ]; then status=$((128 + interrupted)); fi
exit "$status"
