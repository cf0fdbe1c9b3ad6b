#!/usr/bin/env pwsh
# Entry point of the TomoSaxs pipeline on Windows/PowerShell; mirrors build.sh option for option.
#   ./build.ps1 <Target> --scan <name> [--slices 0-3,7 | --slice N] [--executor local|slurm] [--jobs N]
#               [--partition P] [--time T] [--mem M] [--cpus-per-task N] [--account A] [--sbatch-arg ARG ...]
#               [--set stage.param=value ...] [--plan] [--force] [--verbosity LEVEL]
# On a SLURM cluster prefer build.sh: it also turns SIGTERM into MSBuild's cancellation (see README.md).
$ErrorActionPreference = 'Stop'
$repo = $PSScriptRoot
$env:DOTNET_CLI_USE_MSBUILD_SERVER = '0'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

function Fail([string]$message) { [Console]::Error.WriteLine("build.ps1: $message"); exit 2 }

function Show-Usage {
@'
Usage: ./build.ps1 <Target> [--scan NAME] [options]

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
'@
}

# MSBuild property values cannot hold a raw ';' or ','; escape them (and '%' itself).
function Escape([string]$value) { $value -replace '%', '%25' -replace ';', '%3B' -replace ',', '%2C' }

# An option with a value may also be written --option=value (handy for --sbatch-arg=--qos=high).
$words = @()
foreach ($word in $args) {
  if ([string]$word -match '^--(scan|slices|slice|executor|jobs|set|verbosity|partition|time|mem|cpus-per-task|account|sbatch-arg)=(.*)$') {
    $words += "--$($Matches[1])"; $words += $Matches[2]
  } else { $words += [string]$word }
}

$target = ''; $props = @(); $sets = @(); $sbatchArgs = @(); $slurmOptions = @(); $executor = 'local'
$jobs = [Environment]::ProcessorCount; $verbosity = 'minimal'; $help = $false; $plan = $false
$slurmNames = @{ '--partition' = 'Partition'; '--time' = 'Time'; '--mem' = 'Mem'; '--cpus-per-task' = 'CpusPerTask'; '--account' = 'Account' }
for ($i = 0; $i -lt $words.Count; $i++) {
  $a = [string]$words[$i]
  $next = if ($i + 1 -lt $words.Count) { [string]$words[$i + 1] } else { $null }
  switch -CaseSensitive ($a) {
    { $_ -in '-h', '--help', 'help' } { $help = $true; continue }
    '--scan'      { if ($null -eq $next) { Fail '--scan needs a name' }; $props += "-p:Scan=$next"; $i++; continue }
    '--slices'    { if ($next -notmatch '^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$') { Fail "--slices '$next' is not a list such as 0-3,7" }
                    $props += "-p:Slices=$($next -replace ',', '%2C')"; $i++; continue }
    '--slice'     { if ($next -notmatch '^[0-9]+$') { Fail "--slice '$next' is not a slice number" }
                    $props += "-p:Slice=$next"; $i++; continue }
    '--executor'  { if ($next -notin 'local', 'slurm') { Fail "--executor must be local or slurm, not '$next'" }
                    $executor = $next; $props += "-p:Executor=$next"; $i++; continue }
    { $_ -in '--partition', '--time', '--mem', '--cpus-per-task', '--account' } {
                    if (-not $next) { Fail "$a needs a value" }
                    if ($a -eq '--cpus-per-task' -and $next -notmatch '^[1-9][0-9]*$') { Fail "--cpus-per-task must be a positive whole number, not '$next'" }
                    if ($next.Contains('|')) { Fail "$a '$next' cannot contain '|'" }
                    $slurmOptions += $a; $props += "-p:Slurm$($slurmNames[$a])=$(Escape $next)"; $i++; continue }
    '--sbatch-arg' { if (-not $next) { Fail '--sbatch-arg needs an sbatch option, e.g. --sbatch-arg=--qos=high' }
                    if ($next.Contains('|')) { Fail "--sbatch-arg '$next' cannot contain '|'" }
                    $slurmOptions += $a; $sbatchArgs += $next; $i++; continue }
    '--jobs'      { if ($next -notmatch '^[1-9][0-9]*$') { Fail "--jobs must be a positive whole number, not '$next'" }
                    $jobs = [int]$next; $i++; continue }
    '--set'       { if ($next -notlike '*.*=*') { Fail "--set '$next' is not of the form stage.param=value" }
                    $sets += $next; $i++; continue }
    '--plan'      { $plan = $true; continue }
    '--force'     { $props += '-p:Force=true'; continue }
    '--verbosity' { if ($null -eq $next) { Fail '--verbosity needs a level' }; $verbosity = $next; $i++; continue }
    default {
      if ($a.StartsWith('-')) { Fail "unknown option '$a' (see ./build.ps1 --help)" }
      if ($target) { Fail "only one target at a time ('$target' and '$a' given)" }
      $target = $a
    }
  }
}

# The overrides (and the sbatch arguments) travel in one property each, joined with '|'.
if ($sets.Count -gt 0) { $props += "-p:Set=$(Escape ($sets -join '|'))" }
if ($sbatchArgs.Count -gt 0) { $props += "-p:SlurmArgs=$(Escape ($sbatchArgs -join '|'))" }
if ($slurmOptions.Count -gt 0 -and $executor -ne 'slurm') { Fail "$($slurmOptions[0]) is an sbatch option; it applies only with --executor slurm" }

if ($help -or -not $target) { Show-Usage; ''; $target = 'Help'; $verbosity = 'minimal'; $plan = $false }

# RequestedTarget tells PrepareScan which stages to stamp and explain; --plan runs the Plan target instead of the
# requested one, so nothing but the explanation runs.
$msbuildTarget = if ($plan) { 'Plan' } else { $target }

# With --executor slurm, fan-outs list the jobs they submit in this file until the jobs end; whatever is still listed
# when MSBuild has exited (it does not always wait for a task host that is cancelling them) is cancelled here.
$jobsFile = $null
if ($executor -eq 'slurm' -and $msbuildTarget -ne 'Help') {
  $jobsFile = [System.IO.Path]::GetTempFileName()
  $props += "-p:SlurmJobsFile=$jobsFile"
}
$status = 1
try {
  & dotnet msbuild (Join-Path $repo 'build/TomoSaxs.Build.proj') -nologo -nr:false "-m:$jobs" "-v:$verbosity" `
    "-t:$msbuildTarget" "-p:RequestedTarget=$target" "-p:Jobs=$jobs" @props
  $status = $LASTEXITCODE
} finally {
  if ($jobsFile) {
    $listed = @(Get-Content $jobsFile -ErrorAction SilentlyContinue | Where-Object { $_.Trim() })
    if ($listed.Count -gt 0) {
      [Console]::Error.WriteLine("build.ps1: cancelling the SLURM jobs this build submitted and did not see end: $($listed -join ' ')")
      & scancel @listed 2>$null
      if ($status -eq 0) { $status = 1 }
    }
    Remove-Item $jobsFile -ErrorAction SilentlyContinue
  }
}
exit $status
