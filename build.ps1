#!/usr/bin/env pwsh
# Entry point of the TomoSaxs pipeline on Windows/PowerShell; mirrors build.sh option for option.
#   ./build.ps1 <Target> --scan <name> [--slices 0-3,7 | --slice N] [--executor local|slurm] [--jobs N]
#               [--set stage.param=value ...] [--plan] [--force] [--verbosity LEVEL]
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
  --executor local|slurm  where per-slice work runs (default: local)
  --jobs N                parallel MSBuild nodes for local runs (default: number of cores)
  --set stage.param=VALUE override a scan.yaml parameter (repeatable)
  --plan                  print what would run and why; run nothing
  --force                 rebuild the target's stage even if up to date (stages upstream only if stale)
  --verbosity LEVEL       MSBuild verbosity: quiet|minimal|normal|detailed (default: minimal)
  -h, --help              this text and the list of targets
'@
}

$target = ''; $props = @(); $sets = @(); $jobs = [Environment]::ProcessorCount; $verbosity = 'minimal'; $help = $false; $plan = $false
for ($i = 0; $i -lt $args.Count; $i++) {
  $a = [string]$args[$i]
  $next = if ($i + 1 -lt $args.Count) { [string]$args[$i + 1] } else { $null }
  switch -CaseSensitive ($a) {
    { $_ -in '-h', '--help', 'help' } { $help = $true; continue }
    '--scan'      { if ($null -eq $next) { Fail '--scan needs a name' }; $props += "-p:Scan=$next"; $i++; continue }
    '--slices'    { if ($next -notmatch '^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$') { Fail "--slices '$next' is not a list such as 0-3,7" }
                    $props += "-p:Slices=$($next -replace ',', '%2C')"; $i++; continue }
    '--slice'     { if ($next -notmatch '^[0-9]+$') { Fail "--slice '$next' is not a slice number" }
                    $props += "-p:Slice=$next"; $i++; continue }
    '--executor'  { if ($next -notin 'local', 'slurm') { Fail "--executor must be local or slurm, not '$next'" }
                    $props += "-p:Executor=$next"; $i++; continue }
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

if ($sets.Count -gt 0) {
  # MSBuild property values cannot hold a raw ';' or ','; escape them and join the overrides with '|'.
  $joined = ($sets -join '|') -replace '%', '%25' -replace ';', '%3B' -replace ',', '%2C'
  $props += "-p:Set=$joined"
}

if ($help -or -not $target) { Show-Usage; ''; $target = 'Help'; $verbosity = 'minimal'; $plan = $false }

# RequestedTarget tells PrepareScan which stages to stamp and explain; --plan runs the Plan target instead of the
# requested one, so nothing but the explanation runs.
$msbuildTarget = if ($plan) { 'Plan' } else { $target }

& dotnet msbuild (Join-Path $repo 'build/TomoSaxs.Build.proj') -nologo -nr:false "-m:$jobs" "-v:$verbosity" `
  "-t:$msbuildTarget" "-p:RequestedTarget=$target" "-p:Jobs=$jobs" @props
exit $LASTEXITCODE
