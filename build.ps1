#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests and demonstrates the Esignet module.
.DESCRIPTION
    Run as: dotnet pwsh ./build.ps1 <Task>
      Build    (default) compile and lay out the importable module at out/Esignet/Esignet.psd1
      Test     Build, then run xUnit and Pester; ends with "Tests: N passed, N failed"
      Demo     Build, then run the main job (see README)
      Sandbox  Build, then start the local eSignet/PMS sandbox in the foreground
      Bench    Build, then run the performance suite (bench/) and update the README's Performance table
      Package  Build, then write out/package/Esignet.<version>.nupkg (what Publish-PSResource uploads) and
               Esignet.Sandbox.<version>.nupkg (the sandbox as a .NET tool, command esignet-sandbox)
      Release  -Version x.y.z: CHANGELOG's Unreleased section becomes x.y.z's, and Esignet.psd1 gets x.y.z
      Clean    Remove out/ and every bin/ and obj/ folder
.PARAMETER Configuration
    Release (default) or Debug.
#>
# A plain (not advanced) script on purpose: from sh, -SandboxArgs '--esignet-version','1.7' reaches pwsh -File as
# the one argument "--esignet-version,1.7", which an advanced script refuses as a parameter name; a plain script
# binds it, and the Sandbox task splits it (tools/Sandbox.psm1, Split-SandboxArgument). Task is the first position.
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Sandbox', 'Bench', 'Package', 'Release', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # Extra arguments for the Sandbox task, e.g. -SandboxArgs '--esignet-version','1.7'
    [string[]] $SandboxArgs = @(),

    # Bench: latency the sandbox adds to every API request, and how many runs each median is taken over.
    [int] $LatencyMs = 20,
    [int] $Runs = 3,
    # Bench: only these scenarios (e.g. 2,4), rewriting only their rows of the README table, dated, with -BenchNote.
    [string[]] $Scenario = @(),
    [string] $BenchNote,

    # Release: the new version, x.y.z, greater than the last release.
    [string] $Version
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'Esignet'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Invoke-Native {
    # Runs a native command and stops the build when it fails.
    param([string] $FilePath, [string[]] $Arguments)
    & $FilePath @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$FilePath $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Get-PwshCommand {
    # The PowerShell this script runs in, as a command line for child processes (works under 'dotnet pwsh').
    $exe = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { return @($exe, (Join-Path $PSHOME 'pwsh.dll')) }
    return @($exe)
}

function Get-ModuleTargetFramework {
    # One source of truth: the cmdlet project's target framework is set in Directory.Build.props.
    [xml] $props = Get-Content (Join-Path $Root 'Directory.Build.props') -Raw
    $tfm = @($props.Project.PropertyGroup | ForEach-Object { $_.EsignetModuleTargetFramework } | Where-Object { $_ })[0]
    if (-not $tfm) { throw 'EsignetModuleTargetFramework is not set in Directory.Build.props' }
    $tfm
}

function Invoke-Build {
    Invoke-Native dotnet @('build', (Join-Path $Root 'Esignet.PowerShell.sln'), '-c', $Configuration, '--nologo', '-v', 'quiet', '-clp:ErrorsOnly;NoSummary')
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $ModuleOut -Force

    # The project lays the binaries out (src/Esignet.PowerShell/Esignet.PowerShell.csproj): the cmdlet assembly at the
    # root, Esignet.Core and its libraries under dependencies/ for the module's private load context.
    $bin = Join-Path $Root "src/Esignet.PowerShell/bin/$Configuration/$(Get-ModuleTargetFramework)"
    Get-ChildItem $bin -Filter *.dll | Copy-Item -Destination $ModuleOut
    $dependencies = New-Item -ItemType Directory -Path (Join-Path $ModuleOut 'dependencies') -Force
    Get-ChildItem (Join-Path $bin 'dependencies') -Filter *.dll | Copy-Item -Destination $dependencies
    Copy-Item (Join-Path $Root 'Esignet.psd1') $ModuleOut
    # The licence travels with the module, and the built manifest's ReleaseNotes are this version's CHANGELOG section.
    Copy-Item (Join-Path $Root 'LICENSE') $ModuleOut
    Import-Module (Join-Path $Root 'tools/Release.psm1') -Force
    Set-ManifestReleaseNotes -ManifestPath (Join-Path $ModuleOut 'Esignet.psd1') `
        -Text (Get-EsignetReleaseNotes -ManifestPath (Join-Path $Root 'Esignet.psd1') -ChangelogPath (Join-Path $Root 'CHANGELOG.md'))
    Get-ChildItem (Join-Path $Root 'module') | Copy-Item -Destination $ModuleOut -Recurse
    & (Join-Path $Root 'tools/New-MamlHelp.ps1') -SourcePath (Join-Path $Root 'module/help') -DestinationPath (Join-Path $ModuleOut 'en-US/Esignet.PowerShell.dll-Help.xml')
    Remove-Item (Join-Path $ModuleOut 'help') -Recurse -Force -ErrorAction SilentlyContinue
    Write-Host "Module: $(Join-Path $ModuleOut 'Esignet.psd1')"
}

function Get-PesterModulePath {
    Invoke-Native dotnet @('restore', (Join-Path $Root 'tests/Tools/Tools.csproj'), '--nologo', '-v', 'quiet')
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $line = (& dotnet nuget locals global-packages --list) -join "`n"
        $packages = ($line -replace '(?s)^.*global-packages:\s*', '').Trim()
    }
    $manifest = Get-ChildItem (Join-Path $packages 'pester') -Directory | Sort-Object { [version]$_.Name } -Descending |
        ForEach-Object { Join-Path $_.FullName 'tools/Pester.psd1' } | Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $manifest) { throw "Pester was not restored into $packages" }
    return $manifest
}

function Read-TrxCounts {
    param([string] $Directory)
    $passed = 0; $failed = 0
    foreach ($file in Get-ChildItem $Directory -Filter *.trx -Recurse -ErrorAction SilentlyContinue) {
        [xml] $trx = Get-Content $file.FullName -Raw
        $c = $trx.TestRun.ResultSummary.Counters
        $passed += [int]$c.passed
        $failed += [int]$c.failed + [int]$c.error + [int]$c.timeout + [int]$c.aborted
    }
    return [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

function Invoke-Test {
    Invoke-Build
    $results = Join-Path $Out 'TestResults'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }

    Write-Host "`n== xUnit ==" -ForegroundColor Cyan
    & dotnet test (Join-Path $Root 'Esignet.PowerShell.sln') -c $Configuration --no-build --nologo `
        --logger 'trx' --logger 'console;verbosity=minimal' --results-directory (Join-Path $results 'xunit')
    $xunitExit = $LASTEXITCODE
    $xunit = Read-TrxCounts (Join-Path $results 'xunit')
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) { $xunit.Failed = 1 }   # a crash or build problem still counts as a failure

    Write-Host "`n== Pester ==" -ForegroundColor Cyan
    $pester = Get-PesterModulePath
    $countsFile = Join-Path $results 'pester-counts.json'
    $null = New-Item -ItemType Directory -Path $results -Force
    $pwsh = Get-PwshCommand
    $runner = Join-Path $Root 'tests/Pester/Invoke-PesterSuite.ps1'
    $pwshArgs = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $runner,
        '-PesterPath', $pester, '-ModulePath', (Join-Path $ModuleOut 'Esignet.psd1'), '-CountsPath', $countsFile,
        '-ResultsPath', (Join-Path $results 'pester.xml'), '-Configuration', $Configuration)
    & $pwsh[0] @pwshArgs
    $pesterCounts = if (Test-Path $countsFile) { Get-Content $countsFile -Raw | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 1 } }

    $passed = $xunit.Passed + [int]$pesterCounts.Passed
    $failed = $xunit.Failed + [int]$pesterCounts.Failed
    Write-Host ''
    Write-Host "xUnit: $($xunit.Passed) passed, $($xunit.Failed) failed"
    Write-Host "Pester: $($pesterCounts.Passed) passed, $($pesterCounts.Failed) failed"
    Write-Host "Tests: $passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    $pwsh = Get-PwshCommand
    $demo = Join-Path $Root 'tools/Start-Demo.ps1'
    & $pwsh[0] @(@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-File', $demo, '-ModulePath', (Join-Path $ModuleOut 'Esignet.psd1'), '-WorkPath', (Join-Path $Out 'demo'), '-Configuration', $Configuration))
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Sandbox {
    Invoke-Build
    $dll = Join-Path $Root "tests/Esignet.Sandbox/bin/$Configuration/net10.0/Esignet.Sandbox.dll"
    # From sh, -SandboxArgs '--esignet-version','1.7' arrives as one string: split it as PowerShell would have.
    Import-Module (Join-Path $Root 'tools/Sandbox.psm1') -Force
    $SandboxArgs = @(Split-SandboxArgument $SandboxArgs)
    if ($SandboxArgs -notcontains '--urls') { $SandboxArgs = @('--urls', 'http://127.0.0.1:5080') + $SandboxArgs }
    & dotnet $dll @SandboxArgs
}

function Invoke-Bench {
    Invoke-Build
    $pwsh = Get-PwshCommand
    $bench = Join-Path $Root 'bench/Invoke-Benchmark.ps1'
    # A child process, so the bench imports the module fresh and measures nothing of the build.
    & $pwsh[0] @(@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-File', $bench, '-ModulePath', (Join-Path $ModuleOut 'Esignet.psd1'),
        '-Configuration', $Configuration, '-LatencyMs', $LatencyMs, '-Runs', $Runs, '-OutPath', (Join-Path $Out 'bench/results.md'), '-ReadmePath', (Join-Path $Root 'README.md')) +
        $(if ($Scenario) { @('-Scenario', ($Scenario -join ',')) } else { @() }) + $(if ($BenchNote) { @('-Note', $BenchNote) } else { @() }))
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Package {
    Invoke-Build
    $packages = Join-Path $Out 'package'
    if (Test-Path $packages) { Remove-Item $packages -Recurse -Force }
    $files = & (Join-Path $Root 'tools/New-EsignetPackage.ps1') -ModulePath $ModuleOut -OutputPath $packages `
        -SandboxProject (Join-Path $Root 'tests/Esignet.Sandbox/Esignet.Sandbox.csproj') -Configuration $Configuration
    $files | ForEach-Object { Write-Host "Package: $($_.FullName)" }
}

function Invoke-Release {
    if (-not $Version) { throw 'Release needs -Version x.y.z, e.g. dotnet pwsh ./build.ps1 Release -Version 0.2.0' }
    Import-Module (Join-Path $Root 'tools/Release.psm1') -Force
    $release = Invoke-EsignetRelease -ManifestPath (Join-Path $Root 'Esignet.psd1') -ChangelogPath (Join-Path $Root 'CHANGELOG.md') -Version $Version
    Write-Host "Esignet.psd1: ModuleVersion $($release.Previous) -> $($release.Version); CHANGELOG.md: '$($release.Heading)' under an empty Unreleased section."
    Write-Host "Next: review and commit both files, tag v$($release.Version), run 'dotnet pwsh ./build.ps1 Package', then Publish-PSResource -Path out/Esignet."
}

function Invoke-Clean {
    if (Test-Path $Out) { Remove-Item $Out -Recurse -Force }
    Get-ChildItem $Root -Directory -Recurse -Include bin, obj | Where-Object { $_.FullName -notmatch '[\\/]\.' } |
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue
    Write-Host 'Cleaned.'
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Sandbox' { Invoke-Sandbox }
    'Bench' { Invoke-Bench }
    'Package' { Invoke-Package }
    'Release' { Invoke-Release }
    'Clean' { Invoke-Clean }
}
