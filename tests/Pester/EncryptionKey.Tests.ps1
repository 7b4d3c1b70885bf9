# eSignet 1.8's encPublicKey end to end (issue 18's proof field): -EncryptionKey / -GenerateEncryptionKey / the
# encPublicKey CSV column on New-EsignetOidcClient and Set-EsignetClient. The key is sent only by PATCH
# (ClientDetailPatchRequest.java@v1.8.0), so a create is two requests; refused before 1.8 and through PMS.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:Sandbox = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION

    function Use-Line([string] $Line) {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = $Line; pmsVersion = '1.2.2' }
        $script:Ledger = Join-Path $TestDrive "ledger-$Line-$([guid]::NewGuid().ToString('N')).jsonl"
        $script:Keys = Join-Path $TestDrive "keys-$([guid]::NewGuid().ToString('N'))"
        Connect-TestSandbox $script:Sandbox -Version $Line -Ledger $script:Ledger
    }

    function New-Row([string] $ClientId, [hashtable] $More = @{}) {
        [pscustomobject](@{ clientId = $ClientId; clientName = "Portal $ClientId"; relyingPartyId = 'rp'
            logoUri = 'https://portal.example.org/logo.png'; redirectUris = 'https://portal.example.org/cb'
            userClaims = 'name;email'; authContextRefs = 'mosip:idp:acr:generated-code' } + $More)
    }

    function Get-StoredClient([string] $ClientId) {
        @(Invoke-SandboxControl $script:Sandbox 'clients') | Where-Object clientId -eq $ClientId
    }

    function Get-ClientManagementCount {
        $n = 0
        foreach ($p in (Invoke-SandboxControl $script:Sandbox 'requests').routes.PSObject.Properties) {
            if ($p.Name -match 'client-mgmt') { $n += $p.Value.count }
        }
        $n
    }

    function Get-Thumbprint($Jwk) {
        $file = Join-Path $TestDrive "jwk-$([guid]::NewGuid().ToString('N')).json"
        $Jwk | ConvertTo-Json -Compress | Set-Content -Path $file
        (Import-EsignetJwk -Path $file -AllowPublicKey).Thumbprint
    }
}

AfterAll {
    Disconnect-EsignetServer -ErrorAction SilentlyContinue
    $script:Sandbox | Stop-EsignetSandbox
}

Describe 'Encryption keys on eSignet 1.8' {
    It 'creates, then sends a key made owner-only beside the signing key; a rerun sends nothing' {
        Use-Line '1.8'
        $rows = 'enc-a', 'enc-b' | ForEach-Object { New-Row $_ @{ additionalConfig = '{"userinfo_response_type":"JWE"}' } }

        $results = @($rows | New-EsignetOidcClient -GenerateKey -GenerateEncryptionKey -KeyDirectory $script:Keys -WarningVariable w)

        $w | Should -BeNullOrEmpty -Because 'a JWE client with a key is what eSignet needs'
        $results.Outcome | Sort-Object -Unique | Should -Be 'Created'
        foreach ($r in $results) {
            $r.EncryptionPrivateKeyPemPath | Should -Be ($r.PrivateKeyPemPath -replace '\.private\.pem$', '.enc.private.pem')
            Get-UnixMode $r.EncryptionPrivateKeyPemPath | Should -Be '600'
            $stored = Get-StoredClient $r.ClientId
            $stored.encPublicKey.use | Should -Be 'enc'
            $stored.encPublicKey.alg | Should -Be 'RSA-OAEP-256'
            $stored.encPublicKey.d | Should -BeNullOrEmpty
            Get-Thumbprint $stored.encPublicKey | Should -Be (Get-Thumbprint (Get-Content ($r.EncryptionPrivateKeyPemPath -replace '\.private\.pem$', '.public.jwk.json') -Raw | ConvertFrom-Json))
            (Get-EsignetClient -ClientId $r.ClientId).EncryptionPrivateKeyPemPath | Should -Be $r.EncryptionPrivateKeyPemPath
        }

        $before = Get-ClientManagementCount
        $again = @($rows | New-EsignetOidcClient -GenerateKey -GenerateEncryptionKey -KeyDirectory $script:Keys)
        $again.Outcome | Sort-Object -Unique | Should -Be 'Exists'
        Get-ClientManagementCount | Should -Be $before
    }

    It 'takes the key from the encPublicKey CSV column (a PEM file), sends its public part marked use=enc, and writes nothing under -WhatIf' {
        Use-Line '1.8'
        $base = Join-Path $TestDrive 'portal-enc'
        $enc = New-EsignetJwk -Path $base
        $column = "$base.private.pem"
        $row = New-Row 'enc-column' @{ encPublicKey = $column }

        $row | New-EsignetOidcClient -GenerateKey -KeyDirectory $script:Keys -WhatIf
        Test-Path $script:Keys | Should -BeFalse
        Get-StoredClient 'enc-column' | Should -BeNullOrEmpty

        $created = $row | New-EsignetOidcClient -GenerateKey -KeyDirectory $script:Keys
        $created.Outcome | Should -Be 'Created'
        $stored = Get-StoredClient 'enc-column'
        $stored.encPublicKey.use | Should -Be 'enc'
        Get-Thumbprint $stored.encPublicKey | Should -Be $enc.Thumbprint
    }

    It 'warns for a JWE userinfo client without an encryption key' {
        Use-Line '1.8'
        $row = New-Row 'jwe-no-key' @{ additionalConfig = '{"userinfo_response_type":"JWE"}' }
        $row | New-EsignetOidcClient -GenerateKey -KeyDirectory $script:Keys -WarningVariable w -WarningAction SilentlyContinue | Out-Null
        "$w" | Should -Match 'encPublicKey: .*JWE.*-GenerateEncryptionKey'
    }

    It 'gives a registered client a key with Set-EsignetClient -GenerateEncryptionKey, beside its signing key' {
        Use-Line '1.8'
        $created = New-Row 'enc-later' | New-EsignetOidcClient -GenerateKey -KeyDirectory $script:Keys
        $created.EncryptionPrivateKeyPemPath | Should -BeNullOrEmpty

        $changed = Set-EsignetClient -ClientId 'enc-later' -AdditionalConfig '{"userinfo_response_type":"JWE"}' -GenerateEncryptionKey

        $changed.EncryptionPrivateKeyPemPath | Should -Be ($created.PrivateKeyPemPath -replace '\.private\.pem$', '.enc.private.pem')
        Get-UnixMode $changed.EncryptionPrivateKeyPemPath | Should -Be '600'
        $stored = Get-StoredClient 'enc-later'
        Get-Thumbprint $stored.encPublicKey | Should -Be (Import-EsignetJwk -Path $changed.EncryptionPrivateKeyPemPath).Thumbprint
        $stored.additionalConfig.userinfo_response_type | Should -Be 'JWE'
    }
}

Describe 'Encryption keys where eSignet has none' {
    It 'refuses them on eSignet <Line> before anything is sent or written' -ForEach @(@{ Line = '1.5' }, @{ Line = '1.7' }) {
        Use-Line $Line
        $row = New-Row "enc-$($Line -replace '\.', '')"

        $out = @($row | New-EsignetOidcClient -GenerateKey -GenerateEncryptionKey -KeyDirectory $script:Keys -ErrorVariable e -ErrorAction SilentlyContinue)

        $out | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'EndpointNotOnLine*'
        "$($e[0])" | Should -Match 'encPublicKey'
        "$($e[0])" | Should -Match '1\.8'
        Test-Path $script:Keys | Should -BeFalse
        Get-ClientManagementCount | Should -Be 0

        $plain = New-Row "plain-$($Line -replace '\.', '')" | New-EsignetOidcClient -GenerateKey -KeyDirectory $script:Keys
        $plain.Outcome | Should -Be 'Created'
        Set-EsignetClient -ClientId $plain.ClientId -GenerateEncryptionKey -ErrorVariable s -ErrorAction SilentlyContinue
        $s[0].FullyQualifiedErrorId | Should -BeLike 'EndpointNotOnLine*'
        "$($s[0])" | Should -Match 'encPublicKey'
        @(Get-ChildItem $script:Keys -Filter '*.enc.*') | Should -BeNullOrEmpty
    }

    It 'refuses them for PMS rows' {
        Use-Line '1.8'
        $row = [pscustomobject]@{ name = 'PMS enc'; policyId = 'openg2p-auth-policy'; authPartnerId = 'openg2p-auth-partner'
            logoUri = 'https://portal.example.org/logo.png'; redirectUris = 'https://portal.example.org/cb'; encPublicKey = (New-EsignetJwk).PublicJwk }
        $row | New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory $script:Keys -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'EndpointNotOnLine*'
        "$($e[0])" | Should -Match 'PMS has no encryption key'
    }
}
