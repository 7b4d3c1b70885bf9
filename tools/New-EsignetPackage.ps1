<#
.SYNOPSIS
    Packs the built module (and, with -SandboxProject, the sandbox .NET tool) into .nupkg files.
.DESCRIPTION
    The module package is made by PSResourceGet's Compress-PSResource, the packing step of Publish-PSResource, so the
    file is what Publish-PSResource would upload to the PowerShell Gallery: the module folder as laid out by
    build.ps1 Build (no tests, no sandbox, no pdb), with a nuspec made from the manifest. The manifest is checked
    with Test-ModuleManifest first. The sandbox package is `dotnet pack` of the already built project (PackAsTool).
    Used by build.ps1 Package and by tests/Pester/Install.Tests.ps1. Writes the paths of the packages it made.
#>
param(
    # The module folder (out/Esignet): Esignet.psd1 and everything the module ships.
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputPath,
    # tests/Esignet.Sandbox/Esignet.Sandbox.csproj, built in -Configuration; omitted: the module package only.
    [string] $SandboxProject,
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$manifestPath = Join-Path $ModulePath 'Esignet.psd1'
if (-not (Test-Path $manifestPath)) { throw "No module at $ModulePath (Esignet.psd1 is missing). Run: dotnet pwsh ./build.ps1 Build" }
$null = New-Item -ItemType Directory -Path $OutputPath -Force
$manifest = Test-ModuleManifest -Path $manifestPath   # stops on any manifest error (missing file, bad field)

Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
$nupkg = Join-Path $OutputPath "Esignet.$($manifest.Version).nupkg"
if (Test-Path $nupkg) { Remove-Item $nupkg -Force }
Compress-PSResource -Path $ModulePath -DestinationPath $OutputPath
if (-not (Test-Path $nupkg)) { throw "Compress-PSResource did not write $nupkg." }
Get-Item $nupkg

if ($SandboxProject) {
    $tool = Join-Path $OutputPath "Esignet.Sandbox.$($manifest.Version).nupkg"
    if (Test-Path $tool) { Remove-Item $tool -Force }
    # Quiet but for errors: the SDK's hint about a package readme is not news on every build.
    $out = & dotnet pack $SandboxProject -c $Configuration --no-build --nologo -o $OutputPath -v quiet '-clp:ErrorsOnly;NoSummary' 2>&1
    if ($LASTEXITCODE -ne 0) { $out | Out-Host; throw "dotnet pack $SandboxProject failed with exit code $LASTEXITCODE" }
    if (-not (Test-Path $tool)) { throw "dotnet pack did not write $tool (is the sandbox's version the module's? Directory.Build.props reads it from Esignet.psd1)." }
    Get-Item $tool
}
