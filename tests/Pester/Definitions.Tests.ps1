# Test-EsignetClientDefinition (issue 7): the offline lint of client definitions. The shipped samples are clean; the
# same samples with deliberate mistakes give exactly those mistakes, each with its line and field; the result agrees
# with what New-EsignetOidcClient refuses; -ServerVersion, the connection or the defaults choose the rules.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:Samples = Join-Path (Split-Path (Get-TestModulePath) -Parent) 'samples'
    $script:EsignetSample = Join-Path $script:Samples 'esignet-clients.csv'
    $script:PmsSample = Join-Path $script:Samples 'pms-clients.csv'

    function Edit-Sample([string] $Sample, [string] $Path, [hashtable] $Replace = @{}, [string[]] $Append = @()) {
        # The shipped sample with deliberate mistakes: each replacement must hit, so the test cannot drift from the file.
        $text = Get-Content $Sample -Raw
        foreach ($old in $Replace.Keys) {
            if (-not $text.Contains($old)) { throw "The sample no longer contains '$old'." }
            $text = $text.Replace($old, $Replace[$old])
        }
        $text = $text.TrimEnd() + "`n" + (($Append | ForEach-Object { "$_`n" }) -join '')
        Set-Content -Path $Path -Value $text.TrimEnd() -NoNewline
        $Path
    }

    function Format-Found($issues) { @($issues | ForEach-Object { "$($_.LineNumber) $($_.Field)" }) }

    # With eSignet's sample: five deliberate mistakes on four lines, and a sixth line repeating a Client ID.
    $script:EsignetMistakes = @{
        'openg2p-registry,OpenG2P Registry'                         = 'openg2p registry,OpenG2P Registry'            # line 2: whitespace in clientId
        'https://spar.openg2p.example.org/oauth2/callback'          = 'spar.openg2p.example.org/oauth2/callback'     # line 3: redirect URI without scheme
        'name;email;phone_number;birthdate'                         = 'name;email;phone_number;birthdate;favourite_colour' # line 3: unknown claim
        'https://pbms.openg2p.example.org/logo.png'                 = 'pbms-logo.png'                                # line 4: logo without scheme
        '""mosip:idp:acr:generated-code""]"'                       = '""mosip:idp:acr:generated-code"""'           # line 5: JSON array not closed
    }
    $script:EsignetRepeat = 'openg2p-spar,OpenG2P SPAR again,openg2p-auth-partner,https://spar.openg2p.example.org/logo.png,https://spar.openg2p.example.org/cb,,'
    $script:EsignetExpected = @(
        '2 clientId', '3 redirectUris[1]', '3 userClaims[4]', '4 logoUri', '5 authContextRefs', '6 clientId'
    )
}

Describe 'Test-EsignetClientDefinition on the shipped samples' {
    BeforeAll { Disconnect-EsignetServer -ErrorAction SilentlyContinue }

    It 'finds nothing wrong in the eSignet sample, for eSignet <Line>' -ForEach @(
        @{ Line = '1.0' }, @{ Line = '1.2' }, @{ Line = '1.5' }, @{ Line = '1.7' }, @{ Line = '1.8' }
    ) {
        Import-Csv $script:EsignetSample | Test-EsignetClientDefinition -ServerVersion $Line -GenerateKey | Should -BeNullOrEmpty
    }

    It 'finds nothing wrong in the PMS sample, for PMS <Pms>, with -Api Pms or told by the columns' -ForEach @(@{ Pms = '1.2.0' }, @{ Pms = '1.2.2' }) {
        Import-Csv $script:PmsSample | Test-EsignetClientDefinition -Api Pms -PmsVersion $Pms -GenerateKey | Should -BeNullOrEmpty
        Import-Csv $script:PmsSample | Test-EsignetClientDefinition -PmsVersion $Pms -GenerateKey | Should -BeNullOrEmpty
    }

    It 'reports each deliberate mistake in the eSignet sample with its line and field, and nothing else' {
        $csv = Edit-Sample $script:EsignetSample (Join-Path $TestDrive 'mistakes.csv') $script:EsignetMistakes $script:EsignetRepeat
        $found = @(Import-Csv $csv | Test-EsignetClientDefinition -GenerateKey)
        Format-Found $found | Should -Be $script:EsignetExpected
        $found.Severity | Sort-Object -Unique | Should -Be 'Error'
        $found.Code | Should -Be @('invalid_client_id', 'invalid_redirect_uri', 'invalid_claim', 'invalid_uri', 'MalformedValue', 'DuplicateClientIdInInput')
        $found.Rule | Should -Be @('Whitespace', 'InvalidUrl', 'UnknownClaim', 'InvalidUrl', 'MalformedValue', 'DuplicateInInput')
        ($found | Where-Object LineNumber -eq 5).Message | Should -Match 'ends too early'
        ($found | Where-Object LineNumber -eq 6).Message | Should -Match 'line 3'
    }

    It 'reports each deliberate mistake in the PMS sample with its line and field, and nothing else' {
        $csv = Edit-Sample $script:PmsSample (Join-Path $TestDrive 'pms-mistakes.csv') @{
            'OpenG2P SPAR,openg2p-auth-policy,openg2p-auth-partner' = 'OpenG2P SPAR,,openg2p-auth-partner'   # line 3: no policyId
        } -Append 'OpenG2P Third,openg2p-auth-policy,openg2p-auth-partner,https://third.openg2p.example.org/logo.png,https://third.openg2p.example.org/cb|https://third.openg2p.example.org/a|https://third.openg2p.example.org/b|https://third.openg2p.example.org/c|https://third.openg2p.example.org/d|https://third.openg2p.example.org/e'
        $found = @(Import-Csv $csv | Test-EsignetClientDefinition -Api Pms -PmsVersion 1.2.2 -GenerateKey)
        Format-Found $found | Should -Be @('3 policyId', '4 redirectUris')
        $found.Code | Should -Be @('PMS_COR_001', 'PMS_COR_001')
    }

    It 'without -GenerateKey, names the missing key of every row and says how to fix it' {
        $found = @(Import-Csv $script:EsignetSample | Test-EsignetClientDefinition)
        Format-Found $found | Should -Be @('2 publicKey', '3 publicKey', '4 publicKey', '5 publicKey')
        $found[0].Message | Should -Match '-GenerateKey'
    }
}

Describe 'Test-EsignetClientDefinition reads rows as New-EsignetOidcClient does' {
    BeforeAll {
        $script:Sandbox = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION
        Invoke-SandboxControl $script:Sandbox 'config' -Method PUT -Body @{ esignetVersion = '1.0' } | Out-Null
    }
    AfterAll {
        Disconnect-EsignetServer -ErrorAction SilentlyContinue
        $script:Sandbox | Stop-EsignetSandbox
    }

    It 'flags the same rows New-EsignetOidcClient -WhatIf refuses, with its ErrorId among the codes of the row' {
        $csv = Edit-Sample $script:EsignetSample (Join-Path $TestDrive 'agree.csv') $script:EsignetMistakes
        Connect-EsignetServer -Uri $script:Sandbox.Uri -ServerVersion 1.0 -ClientCredential (Get-SandboxCredential) -TokenUri $script:Sandbox.TokenUri `
            -LedgerPath (Join-Path $TestDrive 'agree.jsonl') -WarningAction SilentlyContinue
        $before = (Invoke-SandboxControl $script:Sandbox 'requests').total
        $null = Import-Csv $csv | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'agree-keys') -WhatIf -ErrorVariable refused -ErrorAction SilentlyContinue 6>$null
        $linted = Import-Csv $csv | Test-EsignetClientDefinition -GenerateKey

        $refusedLines = @($refused | ForEach-Object { [int]($_.ErrorDetails.Message -replace '^Line (\d+):.*', '$1') })
        $refusedLines | Should -Be @(($linted | Where-Object IsError).LineNumber | Sort-Object -Unique)
        foreach ($r in $refused) {
            $line = [int]($r.ErrorDetails.Message -replace '^Line (\d+):.*', '$1')
            ($linted | Where-Object LineNumber -eq $line).Code | Should -Contain ($r.FullyQualifiedErrorId -split ',')[0]
        }
        (Invoke-SandboxControl $script:Sandbox 'requests').total | Should -Be $before
    }

    It 'uses the connection''s rules, with its discovery claims, unless -ServerVersion is given' {
        Invoke-SandboxControl $script:Sandbox 'config' -Method PUT -Body @{ esignetVersion = '1.8'; claims = @('name', 'email', 'favourite_colour') } | Out-Null
        try {
            Connect-EsignetServer -Uri $script:Sandbox.Uri -ServerVersion 1.8 -ClientCredential (Get-SandboxCredential) -TokenUri $script:Sandbox.TokenUri `
                -LedgerPath (Join-Path $TestDrive 'rules.jsonl') -WarningAction SilentlyContinue
            $row = [pscustomobject]@{ clientId = 'c'; clientName = 'C'; relyingPartyId = 'rp'; logoUri = 'https://c.example.org/l.png'; redirectUris = 'https://c.example.org/cb'; userClaims = 'name;favourite_colour' }
            $verbose = $row | Test-EsignetClientDefinition -GenerateKey -Verbose 4>&1
            $verbose | Where-Object { $_.PSObject.TypeNames -contains 'Esignet.Core.Definitions.ValidationIssue' } | Should -BeNullOrEmpty
            "$($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })" | Should -Match 'claims and ACRs from http://127\.0\.0\.1:\d+/'
            $found = $row | Test-EsignetClientDefinition -GenerateKey -ServerVersion 1.8
            Format-Found $found | Should -Be @('2 userClaims[1]')
        }
        finally {
            Invoke-SandboxControl $script:Sandbox 'config' -Method PUT -Body @{ claims = $null } | Out-Null
            Disconnect-EsignetServer
        }
    }
}

Describe 'Test-EsignetClientDefinition rules and shape' {
    BeforeAll {
        Disconnect-EsignetServer -ErrorAction SilentlyContinue
        function New-Row([hashtable] $Change = @{}) {
            $row = [ordered]@{ clientId = 'portal'; clientName = 'Portal'; relyingPartyId = 'rp'; logoUri = 'https://p.example.org/l.png'; redirectUris = 'https://p.example.org/cb' }
            foreach ($k in $Change.Keys) { $row[$k] = $Change[$k] }
            [pscustomobject]$row
        }
    }

    It '-ServerVersion picks the rules: <What> is refused on <Refused> and accepted on <Accepted>' -ForEach @(
        @{ What = 'a language map'; Change = @{ clientNameLangMap = 'eng=Portal' }; Refused = '1.0'; Accepted = '1.2'; Field = 'clientNameLangMap'; Code = 'EndpointNotOnLine' }
        @{ What = 'the knowledge ACR'; Change = @{ authContextRefs = 'mosip:idp:acr:knowledge' }; Refused = '1.4'; Accepted = '1.5'; Field = 'authContextRefs[0]'; Code = 'invalid_acr' }
        @{ What = 'additionalConfig'; Change = @{ additionalConfig = '{"userinfo_response_type":"JWS"}' }; Refused = '1.5'; Accepted = '1.6'; Field = 'additionalConfig'; Code = 'EndpointNotOnLine' }
        @{ What = 'a custom-scheme redirect URI'; Change = @{ redirectUris = 'io.example.app://callback' }; Refused = '1.1'; Accepted = '1.2'; Field = 'redirectUris[0]'; Code = 'invalid_redirect_uri' }
    ) {
        $refused = @(New-Row $Change | Test-EsignetClientDefinition -GenerateKey -ServerVersion $Refused)
        Format-Found $refused | Should -Be @("2 $Field")
        $refused.Code | Should -Be $Code
        New-Row $Change | Test-EsignetClientDefinition -GenerateKey -ServerVersion $Accepted | Should -BeNullOrEmpty
    }

    It 'reports an EC key before 1.7, from a key file column' {
        $ec = New-EsignetJwk -KeyType EC -Path (Join-Path $TestDrive 'ec')
        $found = New-Row @{ publicKey = $ec.PublicJwkPath } | Test-EsignetClientDefinition -ServerVersion 1.6
        $found.Field | Sort-Object -Unique | Should -Be 'publicKey'
        $found.Rule | Should -Be @('KeyTypeNotOnLine', 'AlgorithmNotAccepted')   # an EC key, and ES256 assertions are verified from 1.7 only
        New-Row @{ publicKey = $ec.PublicJwkPath } | Test-EsignetClientDefinition -ServerVersion 1.7 | Should -BeNullOrEmpty
    }

    It 'reports a key file that does not exist once, as KeyFileNotFound, and checks the rest of the row' {
        $found = @(New-Row @{ publicKey = './no-such-key.pem'; logoUri = 'logo.png' } | Test-EsignetClientDefinition)
        Format-Found $found | Should -Be @('2 publicKey', '2 logoUri')
        $found[0].Code | Should -Be 'KeyFileNotFound'
        $found[0].Rule | Should -Be 'KeyUnreadable'
    }

    It 'keeps warnings apart from errors' {
        $found = New-Row @{ logoUri = 'http://p.example.org/l.png' } | Test-EsignetClientDefinition -GenerateKey
        $found.Severity | Should -Be 'Warning'
        $found.IsError | Should -BeFalse
        $found.Field | Should -Be 'logoUri'
    }

    It 'checks a definition given as parameters (no line number)' {
        $found = Test-EsignetClientDefinition -ClientId 'social registry' -ClientName Registry -RelyingPartyId rp -LogoUri https://r.example.org/l.png -RedirectUri https://r.example.org/cb -GenerateKey
        $found.Field | Should -Be 'clientId'
        $found.LineNumber | Should -BeNullOrEmpty
    }

    It 'needs no server: it runs in a new process that never connected' {
        $csv = Edit-Sample $script:EsignetSample (Join-Path $TestDrive 'fresh.csv') $script:EsignetMistakes
        $run = Invoke-FreshPwsh -Script @"
Import-Module '$(Get-TestModulePath)'
`$PSStyle.OutputRendering = 'PlainText'
Import-Csv '$csv' | Test-EsignetClientDefinition -GenerateKey | Format-Table -AutoSize | Out-String -Width 300
"@
        $run.ExitCode | Should -Be 0
        $text = $run.Output -join "`n"
        $text | Should -Match 'Line Severity Field'
        $text | Should -Match '2 Error\s+clientId\s+invalid_client_id'
        $text | Should -Match '5 Error\s+authContextRefs\s+MalformedValue'
    }

    It 'has a table view (line, severity, field, code, message) and a list view with the rule; no key in either' {
        $PSStyle.OutputRendering, $saved = 'PlainText', $PSStyle.OutputRendering
        try {
            $found = New-Row @{ clientId = 'a b'; publicKey = (New-EsignetJwk).PublicJwk } | Test-EsignetClientDefinition
            $table = $found | Out-String -Width 200
            $table | Should -Match 'Line\s+Severity\s+Field\s+Code\s+Message'
            $table | Should -Match 'Error\s+clientId\s+invalid_client_id'
            ($found | Format-List | Out-String) | Should -Match 'Rule\s+:\s+Whitespace'
            $table + ($found | Format-List | Out-String) | Should -Not -Match '"n":'
        }
        finally { $PSStyle.OutputRendering = $saved }
    }
}
