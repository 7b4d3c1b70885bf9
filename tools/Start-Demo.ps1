<#
.SYNOPSIS
    The main job, end to end, on this machine: what the README's first command runs.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $WorkPath
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
if (Test-Path $WorkPath) { Remove-Item $WorkPath -Recurse -Force }
$keys = Join-Path $WorkPath 'keys'

Write-Host 'Generating a signing key pair (RSA 2048, RS256, kid = RFC 7638 thumbprint)...' -ForegroundColor Cyan
$key = New-EsignetJwk -Path (Join-Path $keys 'demo-portal')
$key | Format-List KeyId, KeyType, KeySize, Algorithm, Use, PrivateKeyPemPath, PrivateJwkPath, PublicJwkPath
Write-Host 'Public JWK (safe to share; this is what gets registered):' -ForegroundColor Cyan
$key.PublicJwk
