<#
.SYNOPSIS
    One coexistence scenario, run by Coexistence.Tests.ps1 in a fresh pwsh: an older Microsoft.IdentityModel, loaded
    and used the way Az, Microsoft.Graph or ExchangeOnline do, and the Esignet module, in the order given.
.DESCRIPTION
    Both sides do real work: the older library signs and validates JWTs, reads the module's JWK and signs a client
    assertion with the module's private key; the module makes a key and registers clients on the sandbox, before and
    after the library is there. Prints one line "FACTS <json>" for the test to check: what each side produced, and
    which load context every relevant assembly ended up in.
#>
param(
    [Parameter(Mandatory)] [ValidateSet('IdentityModelFirst', 'ModuleFirst')] [string] $Order,
    [Parameter(Mandatory)] [string] $ModulePath,
    # The folder holding the older Microsoft.IdentityModel.* and System.IdentityModel.Tokens.Jwt assemblies.
    [Parameter(Mandatory)] [string] $IdentityModelPath,
    [Parameter(Mandatory)] [string] $SandboxUri,
    [Parameter(Mandatory)] [string] $TokenUri,
    [Parameter(Mandatory)] [string] $WorkPath,
    [Parameter(Mandatory)] [string] $ClientIdPrefix
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1')

$IdentityModelAssemblies = 'Microsoft.IdentityModel.Abstractions', 'Microsoft.IdentityModel.Logging',
    'Microsoft.IdentityModel.Tokens', 'Microsoft.IdentityModel.JsonWebTokens', 'System.IdentityModel.Tokens.Jwt'

function Import-OlderIdentityModel {
    # Into the default load context, as a module's RequiredAssemblies or Add-Type would.
    # 6.x had no Microsoft.IdentityModel.Abstractions: load whichever of the set the version ships.
    foreach ($name in $IdentityModelAssemblies) {
        $file = Join-Path $IdentityModelPath "$name.dll"
        if (Test-Path $file) { Add-Type -Path $file }
    }
}

function Test-JwtRoundTrip {
    # What another module does with the library: sign a token and validate it.
    param([Parameter(Mandatory)] $SigningKey, [Parameter(Mandatory)] $ValidationKey, [string] $Issuer = 'coexistence', [string] $Audience = 'esignet')
    $handler = [System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler]::new()
    $claims = [Collections.Generic.Dictionary[string, object]]::new()
    $claims['sub'] = $Issuer
    $claims['jti'] = [guid]::NewGuid().ToString()
    $descriptor = [Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor]@{
        Issuer             = $Issuer
        Audience           = $Audience
        Claims             = $claims
        Expires            = [DateTime]::UtcNow.AddMinutes(5)
        SigningCredentials = [Microsoft.IdentityModel.Tokens.SigningCredentials]::new($SigningKey, 'RS256')
    }
    $jwt = $handler.CreateEncodedJwt($descriptor)
    $parameters = [Microsoft.IdentityModel.Tokens.TokenValidationParameters]@{
        ValidIssuer      = $Issuer
        ValidAudience    = $Audience
        IssuerSigningKey = $ValidationKey
    }
    $validated = $null
    $null = $handler.ValidateToken($jwt, $parameters, [ref] $validated)   # throws when the signature or a claim is wrong
    $validated.Subject -eq $Issuer -and $validated.SignatureAlgorithm -eq 'RS256'
}

function Test-OlderIdentityModel {
    $rsa = [Security.Cryptography.RSA]::Create(2048)
    $key = [Microsoft.IdentityModel.Tokens.RsaSecurityKey]::new($rsa)
    Test-JwtRoundTrip -SigningKey $key -ValidationKey $key
}

function New-Client([string] $Suffix, $Key) {
    $client = @{
        ClientId         = "$ClientIdPrefix-$Suffix"
        ClientName       = "Coexistence portal $Suffix"
        PublicKey        = $Key
        RelyingPartyId   = 'coexistence-rp'
        RedirectUri      = 'https://portal.example.org/callback'
        LogoUri          = 'https://portal.example.org/logo.png'
        UserClaim        = 'name', 'email'
        AuthContextRef   = 'mosip:idp:acr:generated-code'
        GrantType        = 'authorization_code'
        ClientAuthMethod = 'private_key_jwt'
    }
    New-EsignetOidcClient @client
}

$facts = [ordered]@{ Order = $Order }

if ($Order -eq 'IdentityModelFirst') {
    Import-OlderIdentityModel
    $facts.JwtBeforeModule = Test-OlderIdentityModel
}

Import-Module $ModulePath
$key = New-EsignetJwk -Path (Join-Path $WorkPath 'keys/portal')
Connect-EsignetServer -Uri $SandboxUri -PmsUri $SandboxUri -ServerVersion 1.8 -PmsVersion 1.2.2 -ClientCredential (Get-SandboxCredential) `
    -TokenUri $TokenUri -LedgerPath (Join-Path $WorkPath 'ledger.jsonl') -WarningAction SilentlyContinue
$first = New-Client 'first' $key
$facts.KeyId = $key.KeyId
$facts.FirstClient = [ordered]@{ ClientId = $first.ClientId; Outcome = $first.Outcome }

if ($Order -eq 'ModuleFirst') {
    Import-OlderIdentityModel
}
$facts.JwtAfterModule = Test-OlderIdentityModel

# The library reads the module's keys: its RFC 7638 thumbprint of our public JWK, and a private_key_jwt client
# assertion signed with our private JWK and checked with our public one (the module has no assertion cmdlet yet).
$public = [Microsoft.IdentityModel.Tokens.JsonWebKey]::new($key.PublicJwk)
$facts.ThumbprintByIdentityModel = [Microsoft.IdentityModel.Tokens.Base64UrlEncoder]::Encode($public.ComputeJwkThumbprint())
$private = [Microsoft.IdentityModel.Tokens.JsonWebKey]::new((Get-Content $key.PrivateJwkPath -Raw))
$facts.AssertionWithModuleKey = Test-JwtRoundTrip -SigningKey $private -ValidationKey $public -Issuer $first.ClientId -Audience $TokenUri

# The other copy accepts what the module's copy signed: a client assertion made by New-EsignetClientAssertion,
# validated by the older library with the module's public JWK.
$moduleAssertion = New-EsignetClientAssertion -ClientId $first.ClientId -Key $key -Audience $TokenUri -AsPlainText
$validated = $null
$null = [System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler]::new().ValidateToken($moduleAssertion,
    [Microsoft.IdentityModel.Tokens.TokenValidationParameters]@{ ValidIssuer = $first.ClientId; ValidAudience = $TokenUri; IssuerSigningKey = $public },
    [ref] $validated)
$facts.ModuleAssertionAcceptedByOtherCopy = $validated.Subject -eq $first.ClientId

# The module still works with the library in the session: a new key, a new client.
$secondKey = New-EsignetJwk -Path (Join-Path $WorkPath 'keys/second') -Curve P-256
$second = New-Client 'second' $secondKey
$facts.SecondClient = [ordered]@{ ClientId = $second.ClientId; Outcome = $second.Outcome }

$moduleFolder = Split-Path (Resolve-Path $ModulePath).Path -Parent
$loaded = foreach ($assembly in [AppDomain]::CurrentDomain.GetAssemblies()) {
    if ($assembly.IsDynamic) { continue }
    [pscustomobject]@{
        Name     = $assembly.GetName().Name
        Version  = $assembly.GetName().Version.ToString()
        Context  = [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name
        Location = $assembly.Location
    }
}
$facts.IdentityModel = @($loaded | Where-Object Name -in $IdentityModelAssemblies | Select-Object Name, Version, Context)
$facts.InEsignetContext = @($loaded | Where-Object Context -eq 'Esignet' | ForEach-Object Name)
$facts.IdentityModelInEsignetContext = @($loaded | Where-Object { $_.Context -eq 'Esignet' -and $_.Name -like 'Microsoft.IdentityModel.*' } |
    Select-Object Name, Version, Location)
$facts.FromModuleFolderInDefault = @($loaded | Where-Object { $_.Context -eq 'Default' -and $_.Location.StartsWith($moduleFolder) } | ForEach-Object Name)

Disconnect-EsignetServer
'FACTS ' + ($facts | ConvertTo-Json -Depth 5 -Compress)
