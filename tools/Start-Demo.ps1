<#
.SYNOPSIS
    The main job, end to end, on this machine: what the README's first command runs.
.DESCRIPTION
    Starts the bundled sandbox (a local eSignet + PMS stand-in), connects to it with client credentials the way a
    deployment's Keycloak is used, pipes the sample CSV through New-EsignetOidcClient -GenerateKey, and prints
    the Client IDs and key file paths. Then reads one client back and registers the PMS sample the same way.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $WorkPath,
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
Import-Module (Join-Path $PSScriptRoot 'Sandbox.psm1') -Force
if (Test-Path $WorkPath) { Remove-Item $WorkPath -Recurse -Force }
$null = New-Item -ItemType Directory -Path $WorkPath
$samples = Join-Path (Split-Path $ModulePath -Parent) 'samples'

Write-Host 'Starting the sandbox (eSignet 1.8, PMS 1.2.2, Keycloak-style token server)...' -ForegroundColor Cyan
$sandbox = Start-EsignetSandbox -Configuration $Configuration
try {
    Write-Host "Sandbox at $($sandbox.Uri)" -ForegroundColor Cyan
    $connect = @{
        Uri              = $sandbox.Uri
        PmsUri           = $sandbox.Uri
        # No -ServerVersion or -PmsVersion: the module finds the release lines (ServerVersionFoundBy below).
        ClientCredential = Get-SandboxCredential -ClientId $sandbox.AdminClientId -Secret $sandbox.Secret
        TokenUri         = $sandbox.TokenUri
        LedgerPath       = Join-Path $WorkPath 'ledger.jsonl'
    }
    Connect-EsignetServer @connect
    Get-EsignetContext | Format-List EsignetUri, ServerVersion, ServerVersionFoundBy, PmsVersion, PmsVersionFoundBy, AuthMethod, TokenExpiresAt,
        @{ Name = 'TokenScopes'; Expression = { $_.TokenScopes -join ' ' } }, LedgerPath | Out-Host

    Write-Host 'Registering the clients of samples/esignet-clients.csv through eSignet, with new key pairs:' -ForegroundColor Cyan
    $keys = Join-Path $WorkPath 'keys'
    $results = Import-Csv (Join-Path $samples 'esignet-clients.csv') | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys
    $results | Format-Table LineNumber, ClientId, Outcome, Status -AutoSize | Out-Host

    Write-Host 'Running the same CSV again registers nothing twice:' -ForegroundColor Cyan
    Import-Csv (Join-Path $samples 'esignet-clients.csv') | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys |
        Format-Table ClientId, Outcome -AutoSize | Out-Host

    Write-Host 'Registering samples/pms-clients.csv through PMS (PMS computes the Client ID from the key):' -ForegroundColor Cyan
    Connect-EsignetServer @connect -ClientCredential (Get-SandboxCredential -ClientId $sandbox.PmsClientId -Secret $sandbox.Secret)
    Import-Csv (Join-Path $samples 'pms-clients.csv') | New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory $keys |
        Format-Table ClientId, Outcome, ClientName -AutoSize | Out-Host

    Write-Host 'Client IDs:' -ForegroundColor Cyan
    Get-EsignetClient -All -Api Esignet | ForEach-Object { "  $($_.ClientId)  (eSignet, key $($_.PrivateKeyPemPath))" }
    Get-EsignetClient -All -Api Pms | ForEach-Object { "  $($_.ClientId)  (PMS, $($_.ClientName))" }
}
finally {
    Disconnect-EsignetServer -ErrorAction SilentlyContinue
    $sandbox | Stop-EsignetSandbox
}
