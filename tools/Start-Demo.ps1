<#
.SYNOPSIS
    The main job, end to end, on this machine: what the README's first command runs.
.DESCRIPTION
    Starts the bundled sandbox (a local eSignet + PMS stand-in), connects to it with client credentials the way a
    deployment's Keycloak is used, pipes the sample CSV through New-EsignetOidcClient -GenerateKey, and prints
    the Client IDs and key file paths. Then, PMS from nothing: the sandbox's PMS starts empty, so the demo
    onboards the auth partner and its policy (Initialize-EsignetPmsPartner), registers the PMS sample under them,
    and runs both again to show that nothing changes.
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

Write-Host 'Starting the sandbox (eSignet 1.8, PMS 1.2.2 with nothing in it, Keycloak-style token server)...' -ForegroundColor Cyan
$sandbox = Start-EsignetSandbox -Configuration $Configuration -Arguments '--pms-empty'
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

    Write-Host 'PMS from nothing: onboarding the auth partner and its Auth policy (group, policy, partner, certificates, mapping):' -ForegroundColor Cyan
    Connect-EsignetServer @connect -ClientCredential (Get-SandboxCredential -ClientId $sandbox.PmsClientId -Secret $sandbox.Secret)
    $onboard = @{
        PartnerId = 'openg2p-auth-partner'; OrganizationName = 'OpenG2P'; EmailId = 'ops@openg2p.example.org'
        ContactNumber = '9999999999'; Address = '1 Main Street'; PolicyGroup = 'openg2p-policy-group'; PolicyName = 'openg2p-auth-policy'
        CertificateDirectory = Join-Path $WorkPath 'pms-certificates'
    }
    $partner = Initialize-EsignetPmsPartner @onboard
    $partner.Steps | Format-Table Step, Outcome, Detail -AutoSize | Out-Host

    Write-Host 'Registering samples/pms-clients.csv through PMS under that partner and policy (PMS computes the Client ID from the key):' -ForegroundColor Cyan
    # The sample's policyId column names the policy; PMS gave it an id, which the onboarding output carries.
    $pmsClients = { Import-Csv (Join-Path $samples 'pms-clients.csv') | Select-Object * -ExcludeProperty policyId, authPartnerId }
    & $pmsClients | New-EsignetOidcClient -Api Pms -AuthPartnerId $partner.AuthPartnerId -PolicyId $partner.PolicyId -GenerateKey -KeyDirectory $keys |
        Format-Table ClientId, Outcome, ClientName -AutoSize | Out-Host

    Write-Host 'Running both again changes nothing:' -ForegroundColor Cyan
    $again = Initialize-EsignetPmsPartner @onboard
    Write-Host "  onboarding: $($again.Summary)"
    & $pmsClients | New-EsignetOidcClient -Api Pms -AuthPartnerId $again.AuthPartnerId -PolicyId $again.PolicyId -GenerateKey -KeyDirectory $keys |
        Format-Table ClientId, Outcome, ClientName -AutoSize | Out-Host

    Write-Host 'Client IDs:' -ForegroundColor Cyan
    Get-EsignetClient -All -Api Esignet | ForEach-Object { "  $($_.ClientId)  (eSignet, key $($_.PrivateKeyPemPath))" }
    Get-EsignetClient -All -Api Pms | ForEach-Object { "  $($_.ClientId)  (PMS, $($_.ClientName))" }
}
finally {
    Disconnect-EsignetServer -ErrorAction SilentlyContinue
    $sandbox | Stop-EsignetSandbox
}
