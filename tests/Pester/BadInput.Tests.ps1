# Malformed CSV input through the cmdlet (issue 5): each bad row gives one error naming its line and field, sends
# nothing and writes no key, and the rows around it are still registered. Table-driven: one CSV holds every row
# variant between good rows; file-level mistakes (a missing or extra column, a wrong encoding) get their own files.
BeforeDiscovery {
    $long = { param([char] $c, [int] $n) [string]::new($c, $n) }
    $ok = 'https://portal.example.org/auth_oauth/signin'
    # Field = the column whose mistake it is; Code = the ErrorId (the server's own code where the server has one).
    $script:Variants = @(
        @{ Name = 'clientId empty'; Set = @{ clientId = '' }; Field = 'clientId'; Code = 'invalid_client_id' }
        @{ Name = 'clientId whitespace only'; Set = @{ clientId = '   ' }; Field = 'clientId'; Code = 'invalid_client_id' }
        @{ Name = 'clientId with inner space'; Set = @{ clientId = 'portal x' }; Field = 'clientId'; Code = 'invalid_client_id' }
        @{ Name = 'clientId with a tab'; Set = @{ clientId = "portal`tx" }; Field = 'clientId'; Code = 'invalid_client_id' }
        @{ Name = 'clientId 101 chars'; Set = @{ clientId = (& $long 'c' 101) }; Field = 'clientId'; Code = 'invalid_client_id' }
        @{ Name = 'clientName empty'; Set = @{ clientName = '' }; Field = 'clientName'; Code = 'invalid_client_name' }
        @{ Name = 'clientName whitespace'; Set = @{ clientName = '   ' }; Field = 'clientName'; Code = 'invalid_client_name' }
        @{ Name = 'clientName 257 chars'; Set = @{ clientName = (& $long 'n' 257) }; Field = 'clientName'; Code = 'invalid_client_name' }
        @{ Name = 'relyingPartyId empty'; Set = @{ relyingPartyId = '' }; Field = 'relyingPartyId'; Code = 'invalid_rp_id' }
        @{ Name = 'relyingPartyId with space'; Set = @{ relyingPartyId = 'openg2p auth partner' }; Field = 'relyingPartyId'; Code = 'invalid_rp_id' }
        @{ Name = 'relyingPartyId whitespace'; Set = @{ relyingPartyId = " `t " }; Field = 'relyingPartyId'; Code = 'invalid_rp_id' }
        @{ Name = 'relyingPartyId 101 chars'; Set = @{ relyingPartyId = (& $long 'r' 101) }; Field = 'relyingPartyId'; Code = 'invalid_rp_id' }
        @{ Name = 'logoUri empty'; Set = @{ logoUri = '' }; Field = 'logoUri'; Code = 'invalid_uri' }
        @{ Name = 'logoUri without scheme'; Set = @{ logoUri = 'portal.example.org/logo.png' }; Field = 'logoUri'; Code = 'invalid_uri' }
        @{ Name = 'logoUri unknown protocol'; Set = @{ logoUri = 'foo://portal.example.org/logo.png' }; Field = 'logoUri'; Code = 'invalid_uri' }
        @{ Name = 'logoUri plain words'; Set = @{ logoUri = 'our logo' }; Field = 'logoUri'; Code = 'invalid_uri' }
        @{ Name = 'redirectUris empty'; Set = @{ redirectUris = '' }; Field = 'redirectUris'; Code = 'invalid_redirect_uri' }
        @{ Name = 'redirect URI with a space'; Set = @{ redirectUris = 'https://portal.example.org/auth oauth/signin' }; Field = 'redirectUris'; Code = 'invalid_redirect_uri' }
        @{ Name = 'redirect URI wildcard host'; Set = @{ redirectUris = 'https://*.example.org/cb' }; Field = 'redirectUris'; Code = 'invalid_redirect_uri' }
        @{ Name = 'redirect URI without scheme'; Set = @{ redirectUris = 'portal.example.org/cb' }; Field = 'redirectUris'; Code = 'invalid_redirect_uri' }
        @{ Name = 'redirect URI myapp:/cb'; Set = @{ redirectUris = 'myapp:/cb' }; Field = 'redirectUris'; Code = 'invalid_redirect_uri' }
        @{ Name = 'second redirect URI bad'; Set = @{ redirectUris = "$ok;not a uri" }; Field = 'redirectUris[1]'; Code = 'invalid_redirect_uri' }
        @{ Name = 'javascript: redirect URI'; Set = @{ redirectUris = 'javascript:alert(1)' }; Field = 'redirectUris'; Code = 'invalid_redirect_uri' }
        @{ Name = '6 redirect URIs'; Set = @{ redirectUris = ((1..6 | ForEach-Object { "https://p.example.org/cb$_" }) -join ';') }; Field = 'redirectUris'; Code = 'invalid_redirect_uri' }
        @{ Name = 'redirect list: broken JSON'; Set = @{ redirectUris = "[`"$ok`"" }; Field = 'redirectUris'; Code = 'MalformedValue' }
        @{ Name = 'grant type client_credentials'; Set = @{ grantTypes = 'client_credentials' }; Field = 'grantTypes'; Code = 'unsupported_grant_type' }
        @{ Name = 'grant type password'; Set = @{ grantTypes = 'password' }; Field = 'grantTypes'; Code = 'unsupported_grant_type' }
        @{ Name = '4 grant types'; Set = @{ grantTypes = 'authorization_code;authorization_code;authorization_code;authorization_code' }; Field = 'grantTypes'; Code = 'unsupported_grant_type' }
        @{ Name = 'auth method client_secret_basic'; Set = @{ clientAuthMethods = 'client_secret_basic' }; Field = 'clientAuthMethods'; Code = 'invalid_client_auth' }
        @{ Name = 'auth method none'; Set = @{ clientAuthMethods = 'none' }; Field = 'clientAuthMethods'; Code = 'invalid_client_auth' }
        @{ Name = 'unknown claim'; Set = @{ userClaims = 'name;shoe_size' }; Field = 'userClaims[1]'; Code = 'invalid_claim' }
        @{ Name = 'claim given_name'; Set = @{ userClaims = 'given_name' }; Field = 'userClaims'; Code = 'invalid_claim' }
        @{ Name = '31 claims'; Set = @{ userClaims = ((1..31 | ForEach-Object { 'name' }) -join ';') }; Field = 'userClaims'; Code = 'invalid_claim' }
        @{ Name = 'claims: broken JSON'; Set = @{ userClaims = '["name",' }; Field = 'userClaims'; Code = 'MalformedValue' }
        @{ Name = 'unknown ACR'; Set = @{ authContextRefs = 'mosip:idp:acr:retina' }; Field = 'authContextRefs'; Code = 'invalid_acr' }
        @{ Name = 'ACR "null"'; Set = @{ authContextRefs = 'null' }; Field = 'authContextRefs'; Code = 'invalid_acr' }
        @{ Name = 'ACRs joined by a double space'; Set = @{ authContextRefs = 'mosip:idp:acr:biometrics  mosip:idp:acr:generated-code' }; Field = 'authContextRefs'; Code = 'invalid_acr' }
        @{ Name = 'name map key xx'; Set = @{ clientNameLangMap = 'xx=Portal' }; Field = 'clientNameLangMap'; Code = 'invalid_language_code' }
        @{ Name = 'name map key fre'; Set = @{ clientNameLangMap = 'eng=Portal;fre=Portail' }; Field = 'clientNameLangMap'; Code = 'invalid_language_code' }
        @{ Name = 'name map blank value'; Set = @{ clientNameLangMap = 'eng= ' }; Field = 'clientNameLangMap'; Code = 'invalid_client_name_value' }
        @{ Name = 'name map 51-char value'; Set = @{ clientNameLangMap = "eng=$(& $long 'p' 51)" }; Field = 'clientNameLangMap'; Code = 'invalid_client_name_length' }
        @{ Name = 'name map without ='; Set = @{ clientNameLangMap = 'eng' }; Field = 'clientNameLangMap'; Code = 'MalformedValue' }
        @{ Name = 'additionalConfig broken JSON'; Set = @{ additionalConfig = '{"userinfo_response_type":' }; Field = 'additionalConfig'; Code = 'MalformedValue' }
        @{ Name = 'additionalConfig not an object'; Set = @{ additionalConfig = '[1,2]' }; Field = 'additionalConfig'; Code = 'invalid_additional_config' }
        @{ Name = 'additionalConfig bad response type'; Set = @{ additionalConfig = '{"userinfo_response_type":"xml"}' }; Field = 'additionalConfig'; Code = 'invalid_additional_config' }
        @{ Name = 'publicKey not JSON'; Set = @{ publicKey = '{kty:RSA' }; Field = 'publicKey'; Code = 'MalformedJwk' }
        @{ Name = 'publicKey RSA without n'; Set = @{ publicKey = '{"kty":"RSA","e":"AQAB","use":"sig","alg":"RS256"}' }; Field = 'publicKey'; Code = 'MalformedJwk' }
        @{ Name = 'publicKey private-only EC'; Set = @{ publicKey = '{"kty":"EC","crv":"P-256","d":"nDp6dGTs5oaE2WJDiYJ8iw1wnGwGSsC4T7k1f4C9Snc"}' }; Field = 'publicKey'; Code = 'MalformedJwk' }
        @{ Name = 'publicKey unknown kty'; Set = @{ publicKey = '{"kty":"oct","k":"c2VjcmV0"}' }; Field = 'publicKey'; Code = 'UnsupportedKeyType' }
        @{ Name = 'publicKey file that does not exist'; Set = @{ publicKey = './no-such-key.json' }; Field = 'publicKey'; Code = 'KeyFileNotFound' }
        @{ Name = 'duplicate clientId in the CSV'; Set = @{ clientId = 'good-first' }; Field = 'clientId'; Code = 'DuplicateClientIdInInput' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Sandbox = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION
    $script:Columns = 'clientId', 'clientName', 'relyingPartyId', 'logoUri', 'redirectUris', 'userClaims', 'authContextRefs', 'grantTypes', 'clientAuthMethods', 'clientNameLangMap', 'additionalConfig', 'publicKey'

    function New-GoodRow([string] $Id) {
        [pscustomobject]@{
            clientId = $Id; clientName = 'Portal'; relyingPartyId = 'openg2p-auth-partner'; logoUri = 'https://portal.example.org/logo.png'
            redirectUris = 'https://portal.example.org/auth_oauth/signin'; userClaims = 'name;email'; authContextRefs = 'mosip:idp:acr:generated-code'
            grantTypes = 'authorization_code'; clientAuthMethods = 'private_key_jwt'; clientNameLangMap = ''; additionalConfig = ''; publicKey = ''
        } | Select-Object $script:Columns
    }

    function Connect-Sandbox([string] $Ledger) { Connect-TestSandbox $script:Sandbox -Ledger $Ledger }

    function Invoke-Csv([string] $Path, [string] $Keys, [string] $Encoding = 'utf8') {
        $script:errors = $null
        $results = @(Import-Csv $Path -Encoding $Encoding | New-EsignetOidcClient -GenerateKey -KeyDirectory $Keys -ErrorVariable script:errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        [pscustomobject]@{ Results = $results; Errors = @($script:errors) }
    }
}

AfterAll {
    Disconnect-EsignetServer -ErrorAction SilentlyContinue
    $script:Sandbox | Stop-EsignetSandbox
}

Describe 'One CSV with every malformed row between good ones' -ForEach @(, $script:Variants) {
    BeforeAll {
        $variants = $_
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8' }
        Connect-Sandbox (Join-Path $TestDrive 'ledger.jsonl')
        # Line 1 is the header; line 2 a good row; then each variant followed by a good row.
        $rows = [Collections.Generic.List[object]]::new()
        $rows.Add((New-GoodRow 'good-first'))
        $script:LineOf = @{}
        $i = 0
        foreach ($v in $variants) {
            $i++
            $row = New-GoodRow "variant-$i"
            foreach ($k in $v.Set.Keys) { $row.$k = $v.Set[$k] }
            $script:LineOf[$v.Name] = $rows.Count + 2
            $rows.Add($row)
            $rows.Add((New-GoodRow "good-$i"))
        }
        $csv = Join-Path $TestDrive 'mixed.csv'
        $rows | Export-Csv $csv -NoTypeInformation -Encoding utf8
        $script:GoodCount = $variants.Count + 1
        $script:Keys = Join-Path $TestDrive 'keys'
        $script:Run = Invoke-Csv $csv $script:Keys
        $script:Total = $rows.Count
    }

    It 'registers every good row and nothing else' {
        $script:Run.Results.Count | Should -Be $script:GoodCount
        $script:Run.Results.ClientId | Where-Object { $_ -notlike 'good-*' } | Should -BeNullOrEmpty
        Get-SandboxCreateCount $script:Sandbox | Should -Be $script:GoodCount -Because 'nothing is sent for a bad row'
    }

    It 'writes no key for a bad row' {
        Get-ChildItem $script:Keys -Filter 'variant-*' | Should -BeNullOrEmpty
    }

    It 'gives exactly one error per bad row' {
        $script:Run.Errors.Count | Should -Be $_.Count
    }

    It '<Name>: line and field in the error, ErrorId <Code>' -ForEach $_ {
        $line = $script:LineOf[$Name]
        $mine = @($script:Run.Errors | Where-Object { $_.ErrorDetails.Message -match "^Line $line`: " })
        $mine.Count | Should -Be 1 -Because "line $line has one mistake"
        $mine[0].FullyQualifiedErrorId | Should -BeLike "$Code,*"
        $mine[0].ErrorDetails.Message | Should -Match ([regex]::Escape($Field))
    }
}

Describe 'Mistakes that affect the whole file' {
    BeforeEach {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8' }
        Connect-Sandbox (Join-Path $TestDrive "l-$([guid]::NewGuid()).jsonl")
        $script:Keys = Join-Path $TestDrive "k-$([guid]::NewGuid())"
    }

    It 'a missing required column: every row names it' {
        $csv = Join-Path $TestDrive 'nocolumn.csv'
        @((New-GoodRow 'a1'), (New-GoodRow 'a2')) | Select-Object -ExcludeProperty clientName | Export-Csv $csv -NoTypeInformation
        $run = Invoke-Csv $csv $script:Keys
        $run.Results | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 2
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'invalid_client_name,*'
        $run.Errors.ErrorDetails.Message | Should -Match '^Line [23]: .*clientName'
        Get-SandboxCreateCount $script:Sandbox | Should -Be 0
    }

    It 'an extra column: refused rather than silently dropped' {
        $csv = Join-Path $TestDrive 'extra.csv'
        @((New-GoodRow 'b1'), (New-GoodRow 'b2')) | Select-Object *, @{ n = 'redirectUri s'; e = { 'https://lost.example.org/cb' } } | Export-Csv $csv -NoTypeInformation
        $run = Invoke-Csv $csv $script:Keys
        $run.Results | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 2
        $run.Errors[1].FullyQualifiedErrorId | Should -BeLike 'UnknownColumn,*'
        $run.Errors[1].ErrorDetails.Message | Should -Match "^Line 3: redirectUri s: the column 'redirectUri s' is not a client field"
        Get-SandboxCreateCount $script:Sandbox | Should -Be 0
    }

    It 'a Latin-1 file read as UTF-8: the cell is named, nothing is sent' {
        $csv = Join-Path $TestDrive 'latin1.csv'
        $row = New-GoodRow 'c1'
        $row.clientName = 'Café Portal'
        $text = (@($row) | ConvertTo-Csv -NoTypeInformation) -join "`n"
        [IO.File]::WriteAllText($csv, $text, [Text.Encoding]::Latin1)
        $run = Invoke-Csv $csv $script:Keys -Encoding utf8
        $run.Results | Should -BeNullOrEmpty
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidEncoding,*'
        $run.Errors[0].ErrorDetails.Message | Should -Match '^Line 2: clientName: .*not UTF-8'
        # Read with its real encoding, the same file is fine.
        (Import-Csv $csv -Encoding Latin1 | New-EsignetOidcClient -GenerateKey -KeyDirectory $script:Keys).Outcome | Should -Be 'Created'
    }

    It 'a UTF-16 file read as UTF-8 says so' {
        $csv = Join-Path $TestDrive 'utf16.csv'
        $text = (@(New-GoodRow 'd1') | ConvertTo-Csv -NoTypeInformation) -join "`n"
        [IO.File]::WriteAllText($csv, $text, [Text.UnicodeEncoding]::new($false, $false))   # no BOM, so nothing tells Import-Csv
        $run = Invoke-Csv $csv $script:Keys -Encoding utf8
        $run.Results | Should -BeNullOrEmpty
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidEncoding,*'
        $run.Errors[0].ErrorDetails.Message | Should -Match 'UTF-16'
        Get-SandboxCreateCount $script:Sandbox | Should -Be 0
    }

    It 'a UTF-8 file with a byte-order mark read as Latin-1 says so' {
        $csv = Join-Path $TestDrive 'bom.csv'
        $text = (@(New-GoodRow 'e1') | ConvertTo-Csv -NoTypeInformation) -join "`n"
        [IO.File]::WriteAllText($csv, $text, [Text.UTF8Encoding]::new($true))
        # Import-Csv and Get-Content honour the mark whatever -Encoding says; decoding the bytes by hand does not.
        $out = [Text.Encoding]::Latin1.GetString([IO.File]::ReadAllBytes($csv)) | ConvertFrom-Csv |
            New-EsignetOidcClient -GenerateKey -KeyDirectory $script:Keys -ErrorVariable e -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidEncoding,*'
        $e[0].ErrorDetails.Message | Should -Match 'byte-order mark'
        Get-SandboxCreateCount $script:Sandbox | Should -Be 0
    }
}
