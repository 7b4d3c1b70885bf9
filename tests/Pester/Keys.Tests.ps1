BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    function Get-Rfc7638Thumbprint([string] $PublicJwkJson) {
        # An independent RFC 7638 computation: required members, lexicographic order, no whitespace, SHA-256, base64url.
        $j = $PublicJwkJson | ConvertFrom-Json
        $canonical = if ($j.kty -eq 'RSA') { '{"e":"' + $j.e + '","kty":"RSA","n":"' + $j.n + '"}' }
                     else { '{"crv":"' + $j.crv + '","kty":"EC","x":"' + $j.x + '","y":"' + $j.y + '"}' }
        $hash = [Security.Cryptography.SHA256]::HashData([Text.Encoding]::UTF8.GetBytes($canonical))
        [Convert]::ToBase64String($hash).TrimEnd('=').Replace('+', '-').Replace('/', '_')
    }

    function Get-PrivateSecrets([string] $PrivateJwkPath) {
        # The values that must never appear anywhere: every private JWK member, and the PEM body.
        $jwk = Get-Content $PrivateJwkPath -Raw | ConvertFrom-Json
        $values = foreach ($m in 'd', 'p', 'q', 'dp', 'dq', 'qi') { if ($jwk.$m) { $jwk.$m } }
        $pem = Get-Content ($PrivateJwkPath -replace '\.private\.jwk\.json$', '.private.pem') -Raw
        $pemBody = ($pem -split "`n" | Where-Object { $_ -and $_ -notmatch '^-----' })[1]   # a line of the DER body
        @($values) + @($pemBody, 'PRIVATE KEY')
    }
}

Describe 'New-EsignetJwk' {
    BeforeEach {
        $work = Join-Path ([IO.Path]::GetTempPath()) ("esignet-pester-" + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $work
        Push-Location $work
    }
    AfterEach {
        Pop-Location
        Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'writes the three files, owner-only, in a fresh pwsh after Import-Module' {
        $r = Invoke-FreshPwsh -WorkingDirectory $work -Script @"
Import-Module '$(Get-TestModulePath)'
`$k = New-EsignetJwk -Path ./k/a
`$k.KeyId
"@
        $r.ExitCode | Should -Be 0
        foreach ($f in 'a.private.pem', 'a.private.jwk.json', 'a.public.jwk.json') { Join-Path $work "k/$f" | Should -Exist }
        if (-not $IsWindows) {
            Get-UnixMode (Join-Path $work 'k/a.private.pem') | Should -Be '600'
            Get-UnixMode (Join-Path $work 'k/a.private.jwk.json') | Should -Be '600'
            Get-UnixMode (Join-Path $work 'k') | Should -Be '700'
        }
        $public = Get-Content (Join-Path $work 'k/a.public.jwk.json') -Raw | ConvertFrom-Json
        @($public.PSObject.Properties.Name) | Should -Be @('kty', 'kid', 'use', 'alg', 'n', 'e')
        $public.kty | Should -Be 'RSA'
        $public.alg | Should -Be 'RS256'
        $public.use | Should -Be 'sig'
        $public.kid | Should -Be (Get-Rfc7638Thumbprint (Get-Content (Join-Path $work 'k/a.public.jwk.json') -Raw))
        $r.Output[-1] | Should -Be $public.kid
        (Get-Content (Join-Path $work 'k/a.private.pem') -Raw) | Should -Match '^-----BEGIN PRIVATE KEY-----'
    }

    It 'makes EC keys with the curve''s algorithm and an RFC 7638 kid' {
        $k = New-EsignetJwk -Curve P-384 -Path ./ec
        $k.KeyType | Should -Be 'EC'
        $k.Curve | Should -Be 'P-384'
        $k.Algorithm | Should -Be 'ES384'
        $k.KeyId | Should -Be (Get-Rfc7638Thumbprint $k.PublicJwk)
        (Get-Content ./ec.public.jwk.json -Raw | ConvertFrom-Json).PSObject.Properties.Name | Should -Not -Contain 'd'
    }

    It 'shows no private member in any stream, view, JSON or string' {
        $all = & { New-EsignetJwk -Path ./s/key -Verbose -Debug -InformationAction Continue } *>&1
        # By type name: Core's types live in the module's private load context, where type literals do not look.
        $key = $all | Where-Object { $_.PSObject.TypeNames -contains 'Esignet.Core.Keys.JwkKeyPair' }
        $secrets = Get-PrivateSecrets ./s/key.private.jwk.json
        $secrets.Count | Should -BeGreaterThan 6
        $rendered = @(
            ($all | Out-String -Width 4096)
            ($key | Format-Table * | Out-String -Width 4096)
            ($key | Format-List * | Out-String -Width 4096)
            ($key | Format-List | Out-String -Width 4096)
            ($key | ConvertTo-Json -Depth 5)
            ($key | ConvertTo-Csv | Out-String)
            $key.ToString()
            "$key"
        ) -join "`n"
        foreach ($s in $secrets) { $rendered | Should -Not -BeLike "*$s*" }
        $rendered | Should -BeLike "*$($key.KeyId)*"   # the check can see what is shown
    }

    It 'reveals the private key only through the explicitly named methods' {
        $key = New-EsignetJwk
        $key.RevealPrivateKeyPem() | Should -Match '-----BEGIN PRIVATE KEY-----'
        ($key.RevealPrivateJwk() | ConvertFrom-Json).d | Should -Not -BeNullOrEmpty
        ($key | Get-Member -MemberType Properties).Name | Should -Not -Contain 'PrivateKey'
    }

    It '-WhatIf writes nothing' {
        $out = New-EsignetJwk -Path ./w/key -WhatIf
        $out | Should -BeNullOrEmpty
        './w' | Should -Not -Exist
        New-EsignetJwk -Path ./w2 -Count 3 -WhatIf | Should -BeNullOrEmpty
        './w2' | Should -Not -Exist
    }

    It 'refuses to overwrite without -Force, and replaces with it' {
        $first = New-EsignetJwk -Path ./o/key
        $before = Get-Content ./o/key.private.pem -Raw
        $err = $null
        $second = New-EsignetJwk -Path ./o/key -ErrorVariable err -ErrorAction SilentlyContinue
        $second | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KeyFileExists,*'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $err[0].Exception.Message | Should -BeLike '*-Force*'
        Get-Content ./o/key.private.pem -Raw | Should -Be $before

        $third = New-EsignetJwk -Path ./o/key -Force
        Get-Content ./o/key.private.pem -Raw | Should -Not -Be $before
        (Import-EsignetJwk ./o/key.private.pem).Thumbprint | Should -Be $third.Thumbprint
        $first.Thumbprint | Should -Not -Be $third.Thumbprint
    }

    It '-Count writes one set of files per key, named by key id, into a folder' {
        $keys = New-EsignetJwk -Count 5 -Path ./many
        $keys.Count | Should -Be 5
        ($keys.KeyId | Sort-Object -Unique).Count | Should -Be 5
        (Get-ChildItem ./many -File).Count | Should -Be 15
        foreach ($k in $keys) { "./many/$($k.KeyId).private.pem" | Should -Exist; $k.PrivateKeyPemPath | Should -Be (Join-Path $work "many/$($k.KeyId).private.pem") }
    }

    It 'refuses bad arguments with <ErrorId>' -TestCases @(
        @{ Arguments = @{ KeySize = 1024 }; ErrorId = 'KeySizeTooSmall' }
        @{ Arguments = @{ KeySize = 2500 }; ErrorId = 'KeySizeUnsupported' }
        @{ Arguments = @{ Curve = 'P-192' }; ErrorId = 'UnsupportedCurve' }
        @{ Arguments = @{ KeyType = 'EC'; KeySize = 2048 }; ErrorId = 'KeySizeWithEc' }
        @{ Arguments = @{ Algorithm = 'ES256' }; ErrorId = 'AlgorithmKeyMismatch' }
        @{ Arguments = @{ Count = 2; KeyId = 'x' }; ErrorId = 'KeyIdWithCount' }
    ) {
        param($Arguments, $ErrorId)
        { New-EsignetJwk @Arguments -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,*"
    }
}

Describe 'Import-EsignetJwk' {
    BeforeAll {
        $dir = Join-Path ([IO.Path]::GetTempPath()) ("esignet-import-" + [guid]::NewGuid().ToString('N'))
        $made = New-EsignetJwk -Path (Join-Path $dir 'portal') -KeyId portal-1
    }
    AfterAll { Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue }

    It 'round-trips the PEM file' {
        $k = Import-EsignetJwk (Join-Path $dir 'portal.private.pem')
        $k.Thumbprint | Should -Be $made.Thumbprint
        $k.HasPrivateKey | Should -BeTrue
        $k.PrivateJwkPath | Should -Be $made.PrivateJwkPath
    }

    It 'round-trips the private JWK file, keeping its kid' {
        $k = Import-EsignetJwk -LiteralPath (Join-Path $dir 'portal.private.jwk.json')
        $k.KeyId | Should -Be 'portal-1'
        $k.Thumbprint | Should -Be $made.Thumbprint
        $k.RevealPrivateKeyPem() | Should -Be $made.RevealPrivateKeyPem()
    }

    It 'takes files from the pipeline and reports a bad one without stopping the rest' {
        Set-Content (Join-Path $dir 'broken.private.pem') "-----BEGIN PRIVATE KEY-----`nAQAB`n-----END PRIVATE KEY-----"
        $err = $null
        $keys = Get-ChildItem $dir -Filter *.private.pem | Sort-Object Name | Import-EsignetJwk -ErrorVariable err -ErrorAction SilentlyContinue
        @($keys).Count | Should -Be 1
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MalformedPem,*'
        $err[0].Exception.Message | Should -BeLike '*broken.private.pem*'
    }

    It 'refuses a public-only file unless -AllowPublicKey' {
        { Import-EsignetJwk (Join-Path $dir 'portal.public.jwk.json') -ErrorAction Stop } | Should -Throw -ErrorId 'PrivateKeyMissing,*'
        (Import-EsignetJwk (Join-Path $dir 'portal.public.jwk.json') -AllowPublicKey).HasPrivateKey | Should -BeFalse
    }

    It 'reports a path that matches nothing' {
        { Import-EsignetJwk (Join-Path $dir 'nothing*.pem') -ErrorAction Stop } | Should -Throw -ErrorId 'KeyFileNotFound,*'
    }
}

Describe 'RSA keys under 2048 bits (issue 16, rule 12)' {
    BeforeAll {
        $dir = Join-Path ([IO.Path]::GetTempPath()) ("esignet-weak-" + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $dir
        function New-RsaPem([int] $Bits) {
            # Made by the runtime, not the module (which refuses to make such keys).
            $path = Join-Path $dir "rsa-$Bits.pem"
            Set-Content $path ([Security.Cryptography.RSA]::Create($Bits).ExportPkcs8PrivateKeyPem())
            $path
        }
        $row = @{ ServerVersion = '1.8'; ClientId = 'weak-1'; ClientName = 'Weak'; RelyingPartyId = 'rp'; LogoUri = 'https://p.example.org/logo.png'
                  RedirectUri = 'https://p.example.org/cb'; UserClaim = 'name'; AuthContextRef = 'mosip:idp:acr:generated-code' }
    }
    AfterAll { Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue }

    It 'Import-EsignetJwk refuses RSA-<Bits> with KeySizeTooSmall, saying why, and imports it with -Force and a warning' -TestCases @(
        @{ Bits = 1024 }, @{ Bits = 1536 }
    ) {
        $pem = New-RsaPem $Bits
        $err = $null
        $none = Import-EsignetJwk $pem -ErrorVariable err -ErrorAction SilentlyContinue
        $none | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'KeySizeTooSmall,*'
        "$($err[0])" | Should -Match "RSA-$Bits\..*can be broken.*-Force"
        "$($err[0])" | Should -BeLike "*rsa-$Bits.pem*"   # names the file

        $warnings = $null
        $key = Import-EsignetJwk $pem -Force -WarningVariable warnings -WarningAction SilentlyContinue
        $key.KeySize | Should -Be $Bits
        "$warnings" | Should -Match "RSA-$Bits, imported because of -Force"
    }

    It 'Import-EsignetJwk takes RSA-2048 and EC keys without -Force or a warning' {
        $warnings = $null
        (Import-EsignetJwk (New-RsaPem 2048) -WarningVariable warnings).KeySize | Should -Be 2048
        $ec = New-EsignetJwk -Path (Join-Path $dir 'ec') -KeyType EC
        (Import-EsignetJwk $ec.PrivateKeyPemPath -WarningVariable +warnings).KeyType | Should -Be 'EC'
        $warnings | Should -BeNullOrEmpty
    }

    It 'Test-EsignetClientDefinition reports a 1024-bit -PublicKey as a KeySizeTooSmall error, and with -Force as a WeakKey warning' {
        $weak = (Import-EsignetJwk (New-RsaPem 1024) -Force -WarningAction SilentlyContinue).PublicJwk
        $refused = @(Test-EsignetClientDefinition @row -PublicKey $weak | Where-Object Field -eq 'publicKey')
        $refused.Count | Should -Be 1
        $refused[0].Code | Should -Be 'KeySizeTooSmall'
        $refused[0].Severity | Should -Be 'Error'

        $forced = @(Test-EsignetClientDefinition @row -PublicKey $weak -Force | Where-Object Field -eq 'publicKey')
        $forced.Count | Should -Be 1
        $forced[0].Rule | Should -Be 'WeakKey'
        $forced[0].Severity | Should -Be 'Warning'
    }

    It 'the publicKey CSV column is held to the same rule' {
        $weak = (Import-EsignetJwk (New-RsaPem 1024) -Force -WarningAction SilentlyContinue).PublicJwk
        $csv = Join-Path $dir 'weak.csv'
        [pscustomobject]@{ clientId = 'weak-csv'; clientName = 'Weak'; relyingPartyId = 'rp'; logoUri = 'https://p.example.org/logo.png'
                           redirectUris = 'https://p.example.org/cb'; userClaims = 'name'; authContextRefs = 'mosip:idp:acr:generated-code'; publicKey = $weak } |
            Export-Csv $csv
        $issue = @(Import-Csv $csv | Test-EsignetClientDefinition -ServerVersion 1.8 | Where-Object Field -eq 'publicKey')
        $issue.Code | Should -Be 'KeySizeTooSmall'
        $issue.LineNumber | Should -Be 2
    }
}
