# Shared helpers for the Pester suite.
Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1')   # for Connect-TestSandbox; test files import it too

function Get-TestModulePath {
    if (-not $env:ESIGNET_TEST_MODULE) { throw 'ESIGNET_TEST_MODULE is not set; run the suite through build.ps1 Test.' }
    $env:ESIGNET_TEST_MODULE
}

function Get-PwshCommand {
    # The running PowerShell as a command line for child processes (works under 'dotnet pwsh').
    $exe = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { return @($exe, (Join-Path $PSHOME 'pwsh.dll')) }
    @($exe)
}

function Invoke-FreshPwsh {
    # Runs a script in a new pwsh process (no profile) and returns its output lines and exit code.
    param([Parameter(Mandatory)] [string] $Script, [string] $WorkingDirectory = (Get-Location).Path)
    $pwsh = Get-PwshCommand
    $file = Join-Path ([IO.Path]::GetTempPath()) ("esignet-test-{0}.ps1" -f [guid]::NewGuid().ToString('N'))
    Set-Content -Path $file -Value $Script -Encoding utf8
    try {
        Push-Location $WorkingDirectory
        $output = & $pwsh[0] @(@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)) 2>&1
        [pscustomobject]@{ Output = @($output | ForEach-Object { "$_" }); ExitCode = $LASTEXITCODE }
    }
    finally {
        Pop-Location
        Remove-Item $file -ErrorAction SilentlyContinue
    }
}

function Get-NuGetPackagePath {
    # A package that tests/Tools/Tools.csproj downloads (build.ps1 Test restores it before Pester runs).
    param([Parameter(Mandatory)] [string] $Id, [Parameter(Mandatory)] [string] $Version)
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $line = (& dotnet nuget locals global-packages --list) -join "`n"
        $packages = ($line -replace '(?s)^.*global-packages:\s*', '').Trim()
    }
    $path = Join-Path $packages "$($Id.ToLowerInvariant())/$Version"
    if (-not (Test-Path $path)) { throw "NuGet package $Id $Version is not in $packages; restore tests/Tools/Tools.csproj (build.ps1 Test does)." }
    $path
}

function Get-UnixMode {
    param([string] $Path)
    '{0:D3}' -f [Convert]::ToInt32([Convert]::ToString([int][IO.File]::GetUnixFileMode($Path), 8))
}

function Get-HostOutput {
    # What a script block writes to the host (e.g. -WhatIf messages, which no stream carries), via a transcript.
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)
    $file = Join-Path ([IO.Path]::GetTempPath()) ("esignet-host-{0}.txt" -f [guid]::NewGuid().ToString('N'))
    $null = Start-Transcript -Path $file
    try { $null = & $ScriptBlock *>&1 }
    finally { $null = Stop-Transcript }
    $text = Get-Content $file -Raw
    Remove-Item $file -ErrorAction SilentlyContinue
    $text
}

function Connect-TestSandbox {
    # Connects the module to a sandbox from Start-EsignetSandbox with one of its service accounts (client
    # credentials through its Keycloak stand-in): eSignet and PMS both, or PMS alone with -PmsOnly.
    param(
        [Parameter(Mandatory)] $Sandbox,
        [string] $Version = '1.8',
        [string] $PmsVersion = '1.2.2',
        [string] $ClientId = 'esignet-admin',
        [string] $Ledger,
        [switch] $PmsOnly,
        [switch] $PassThru
    )
    $common = @{
        PmsUri = $Sandbox.Uri; PmsVersion = $PmsVersion; TokenUri = $Sandbox.TokenUri; LedgerPath = $Ledger; PassThru = $PassThru
        ClientCredential = Get-SandboxCredential -ClientId $ClientId
        WarningAction = 'SilentlyContinue'
    }
    if ($PmsOnly) { Connect-EsignetServer @common }
    else { Connect-EsignetServer -Uri $Sandbox.Uri -ServerVersion $Version @common }
}

Export-ModuleMember -Function Get-TestModulePath, Get-PwshCommand, Invoke-FreshPwsh, Get-NuGetPackagePath, Get-UnixMode, Get-HostOutput, Connect-TestSandbox
