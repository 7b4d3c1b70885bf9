<#
.SYNOPSIS
    Runs the Pester suite against the built module and writes pass/fail counts for build.ps1 to sum.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $CountsPath,
    [string] $ResultsPath,
    # The build configuration, so tests start the sandbox that was just built.
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -MinimumVersion 5.0 -Force
$env:ESIGNET_TEST_MODULE = (Resolve-Path $ModulePath).Path
$env:ESIGNET_TEST_CONFIGURATION = $Configuration

$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
if ($ResultsPath) {
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputPath = $ResultsPath
}
$result = Invoke-Pester -Configuration $config

# Skipped or not-run tests are not passes; containers that failed to load count as failures.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount } |
    ConvertTo-Json | Set-Content -Path $CountsPath -Encoding utf8
exit ([int]($failed -gt 0))
