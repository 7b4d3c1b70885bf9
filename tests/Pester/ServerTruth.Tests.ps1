# The server's answer is the truth (issue 14): release lines found on connect by harmless probes, PMS Client IDs
# taken from the answer when the module's prediction differs, a fresh requestTime per attempt, clock skew explained.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:Sandbox = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION

    function Set-SandboxLine([string] $Esignet = '1.8', [string] $Pms = '1.2.2', [hashtable] $More = @{}) {
        Reset-EsignetSandbox $script:Sandbox -Config (@{ esignetVersion = $Esignet; pmsVersion = $Pms } + $More)
    }

    function Connect-Detecting([string] $ClientId = 'esignet-admin', [string] $Ledger = (Join-Path $TestDrive 'ledger.jsonl'), [hashtable] $More = @{}) {
        # No -ServerVersion, no -PmsVersion: the module finds both.
        Connect-EsignetServer -Uri $script:Sandbox.Uri -PmsUri $script:Sandbox.Uri -TokenUri $script:Sandbox.TokenUri `
            -ClientCredential (Get-SandboxCredential -ClientId $ClientId) -LedgerPath $Ledger @More
    }

    function Get-ProbeCount {
        # Requests that reached client management (eSignet or PMS): on connect, only probes do.
        $routes = (Invoke-SandboxControl $script:Sandbox 'requests').routes
        $n = 0
        foreach ($p in $routes.PSObject.Properties) {
            if ($p.Name -match 'client-mgmt|/partnermanager/') { $n += $p.Value.count }
        }
        $n
    }

    function New-PmsRow([string] $Name) {
        [pscustomobject]@{ name = $Name; policyId = 'openg2p-auth-policy'; authPartnerId = 'openg2p-auth-partner'
            logoUri = 'https://portal.example.org/logo.png'; redirectUris = 'https://portal.example.org/cb' }
    }

    function New-EsignetRow([string] $ClientId) {
        [pscustomobject]@{ clientId = $ClientId; clientName = "Portal $ClientId"; relyingPartyId = 'rp'
            logoUri = 'https://portal.example.org/logo.png'; redirectUris = 'https://portal.example.org/cb'
            userClaims = 'name;email'; authContextRefs = 'mosip:idp:acr:generated-code' }
    }
}

AfterAll {
    Disconnect-EsignetServer -ErrorAction SilentlyContinue
    $script:Sandbox | Stop-EsignetSandbox
}

Describe 'Release lines found on connect' {
    It 'finds eSignet <Line> as <Expected> (<Range>) with <Probes> probe(s), and PMS <Pms>' -ForEach @(
        @{ Line = '1.0'; Expected = '1.0'; Range = '1.0–1.1'; Probes = 2; Pms = '1.2.0' }
        @{ Line = '1.1'; Expected = '1.0'; Range = '1.0–1.1'; Probes = 2; Pms = '1.2.2' }
        @{ Line = '1.2'; Expected = '1.2'; Range = '1.2–1.3'; Probes = 2; Pms = '1.2.0' }
        @{ Line = '1.3'; Expected = '1.2'; Range = '1.2–1.3'; Probes = 2; Pms = '1.2.2' }
        @{ Line = '1.4'; Expected = '1.4'; Range = '1.4–1.5'; Probes = 2; Pms = '1.2.0' }
        @{ Line = '1.5'; Expected = '1.4'; Range = '1.4–1.5'; Probes = 2; Pms = '1.2.2' }
        @{ Line = '1.6'; Expected = '1.6'; Range = $null; Probes = 2; Pms = '1.2.0' }
        @{ Line = '1.7'; Expected = '1.7'; Range = $null; Probes = 2; Pms = '1.2.2' }
        @{ Line = '1.8'; Expected = '1.8'; Range = $null; Probes = 1; Pms = '1.2.0' }
    ) {
        Set-SandboxLine $Line $Pms
        Connect-Detecting -More @{ WarningVariable = 'w'; WarningAction = 'SilentlyContinue' }
        $c = Get-EsignetContext

        $c.ServerVersion.ToString() | Should -Be $Expected
        $c.ServerVersionFoundBy | Should -BeLike 'detected*'
        if ($Range) { $c.ServerVersionFoundBy | Should -BeLike "detected $Range (using $Expected):*" }
        else { $c.ServerVersionFoundBy | Should -BeLike 'detected: *' }
        $c.PmsVersion.ToString() | Should -Be $Pms
        $c.PmsVersionFoundBy | Should -BeLike "detected: GET /v1/partnermanager/oidc/client/* answered PMS_*"
        Get-ProbeCount | Should -Be ($Probes + 1) -Because "eSignet $Line costs $Probes probe(s) and PMS one"
        $w | Should -BeNullOrEmpty
    }

    It 'shows each probe under -Verbose, so operators know what appears in their server logs' {
        Set-SandboxLine '1.7'
        $out = Connect-Detecting -More @{ Verbose = $true } 4>&1
        $verbose = @($out | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message
        $verbose | Should -Contain 'Release-line probe: PATCH /v1/esignet/client-mgmt/client/esignet-module-line-probe answered HTTP 405.'
        ($verbose -like 'Release-line probe: POST /v1/esignet/client-mgmt/client answered errors`[`] (*unsupported_grant_type*).').Count | Should -Be 1
        ($verbose -like 'Connected: eSignet * (line 1.7, detected: *), PMS * (line 1.2.2, detected: *)*').Count | Should -Be 1
    }

    It 'sends no probe when both lines are given, and says they were given' {
        Set-SandboxLine '1.5' '1.2.0'
        Connect-TestSandbox $script:Sandbox -Version '1.5' -PmsVersion '1.2.0' -Ledger (Join-Path $TestDrive 'given.jsonl')
        Get-ProbeCount | Should -Be 0
        (Get-EsignetContext).ServerVersionFoundBy | Should -Be 'given (-ServerVersion)'
        (Get-EsignetContext).PmsVersionFoundBy | Should -Be 'given (-PmsVersion)'
    }

    It 'reports the narrowest honest range when the token may not create (no add_oidc_client scope)' {
        Set-SandboxLine '1.7'
        Connect-Detecting -ClientId 'mosip-idrepo-client' -More @{ WarningAction = 'SilentlyContinue' }
        $c = Get-EsignetContext
        $c.ServerVersion.ToString() | Should -Be '1.6'
        $c.ServerVersionFoundBy | Should -BeLike 'detected 1.6–1.7 (using 1.6):*HTTP 403*'
    }

    It 'falls back to the line every server accepts, and warns, when no probe can decide' {
        Set-SandboxLine '1.8'
        # No credentials: every client-management probe is refused (401).
        Connect-EsignetServer -Uri $script:Sandbox.Uri -LedgerPath (Join-Path $TestDrive 'anon.jsonl') -WarningVariable w -WarningAction SilentlyContinue
        $c = Get-EsignetContext
        $c.ServerVersion.ToString() | Should -Be '1.0'
        $c.ServerVersionFoundBy | Should -BeLike 'default: the probe PATCH * answered errors`[`] (unknown_error)*'
        $c.PmsVersion | Should -BeNullOrEmpty -Because 'no PMS is connected, so there is no PMS line to show'
        $c.PmsVersionFoundBy | Should -BeNullOrEmpty
        ($w -like 'eSignet release line: default:*-ServerVersion*').Count | Should -Be 1
        Get-ProbeCount | Should -Be 1 -Because 'an undecidable first probe is not followed by more'
    }

    It 'uses what it found: PATCH on 1.8, /client for additionalConfig on 1.6, a local refusal on 1.5' {
        Set-SandboxLine '1.8'
        Connect-Detecting -Ledger (Join-Path $TestDrive 'use18.jsonl') -More @{ WarningAction = 'SilentlyContinue' }
        $null = New-EsignetRow 'found-18' | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'k18')
        $out = Set-EsignetClient -ClientId 'found-18' -LogoUri 'https://portal.example.org/new.png' -Verbose 4>&1
        (@($out | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message -join "`n") | Should -Match 'PATCH /v1/esignet/client-mgmt/client/found-18'

        Set-SandboxLine '1.6'
        Connect-Detecting -Ledger (Join-Path $TestDrive 'use16.jsonl') -More @{ WarningAction = 'SilentlyContinue' }
        $r = New-EsignetRow 'found-16' | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'k16') -AdditionalConfig '{"signup_banner_required":true}'
        $r.Endpoint | Should -Be 'POST /v1/esignet/client-mgmt/client'

        Set-SandboxLine '1.5'
        Connect-Detecting -Ledger (Join-Path $TestDrive 'use15.jsonl') -More @{ WarningAction = 'SilentlyContinue' }
        $before = Get-SandboxCreateCount $script:Sandbox
        New-EsignetRow 'found-15' | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'k15') `
            -AdditionalConfig '{"signup_banner_required":true}' -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'EndpointNotOnLine,*'
        "$($e[0])" | Should -Match 'connected line is 1\.4'
        Get-SandboxCreateCount $script:Sandbox | Should -Be $before
    }
}

Describe 'PMS: the Client ID the server answers wins' {
    It 'records and prints the server''s IDs when PMS <Server> is connected as <Configured>, and warns once' -ForEach @(
        @{ Server = '1.2.2'; Configured = '1.2.0' }
        @{ Server = '1.2.0'; Configured = '1.2.2' }
    ) {
        Set-SandboxLine '1.8' $Server
        $ledger = Join-Path $TestDrive "mismatch-$Server.jsonl"
        $keys = Join-Path $TestDrive "mismatch-keys-$Server"
        Connect-TestSandbox $script:Sandbox -PmsVersion $Configured -ClientId 'mosip-pms-client' -Ledger $ledger -PmsOnly
        $rows = 'Registry A', 'Registry B' | ForEach-Object { New-PmsRow "$_ $Server" }

        $results = @($rows | New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory $keys -WarningVariable w -WarningAction SilentlyContinue)

        $stored = @(Invoke-SandboxControl $script:Sandbox 'pms/clients')
        $results.Count | Should -Be 2
        ($results.ClientId | Sort-Object) | Should -Be ($stored.id | Sort-Object)
        $results.PredictedClientId | Should -Not -BeNullOrEmpty
        foreach ($r in $results) { $r.PredictedClientId | Should -Not -Be $r.ClientId }
        @($w | Where-Object { "$_" -like "PMS answered Client ID*" }).Count | Should -Be 1 -Because 'one warning per run'
        "$($w | Where-Object { "$_" -like 'PMS answered Client ID*' })" | Should -Match "release line $([regex]::Escape($Server)) does.*-PmsVersion $([regex]::Escape($Server))"

        $recorded = Get-Content $ledger | ForEach-Object { $_ | ConvertFrom-Json } | Where-Object Outcome -eq 'Created'
        ($recorded.ClientId | Sort-Object) | Should -Be ($stored.id | Sort-Object)
        foreach ($r in $results) {
            (Get-EsignetClient -ClientId $r.ClientId -Api Pms).ClientId | Should -Be $r.ClientId
            $config = Export-EsignetClientConfig -ClientId $r.ClientId -Api Pms -WarningAction SilentlyContinue
            $config.ClientId | Should -Be $r.ClientId
            $config.PrivateKeyPemPath | Should -Be $r.PrivateKeyPemPath -Because 'the key files still belong to the client the server named'
        }

        # A rerun with the same (wrong) configuration finds the clients by key: nothing is sent, no error.
        $before = Get-SandboxCreateCount $script:Sandbox
        $out = @($rows | New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory $keys -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue -Verbose 4>&1)
        $again = @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $verbose = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $e | Should -BeNullOrEmpty
        $again.Outcome | Sort-Object -Unique | Should -Be 'Exists'
        # -Verbose/-WhatIf read the ledger as the run does (by key, not by the predicted ID): no body, "nothing is sent".
        @($verbose | Where-Object { $_ -like '*nothing is sent*' }).Count | Should -Be 2
        @($verbose | Where-Object { $_ -like '*body for*' }) | Should -BeNullOrEmpty
        ($again.ClientId | Sort-Object) | Should -Be ($stored.id | Sort-Object)
        Get-SandboxCreateCount $script:Sandbox | Should -Be $before
    }

    It 'recovers a lost answer on PMS <Server> connected as <Configured> by reading back every line''s derivation' -ForEach @(
        @{ Server = '1.2.2'; Configured = '1.2.0' }
        @{ Server = '1.2.0'; Configured = '1.2.2' }
    ) {
        Set-SandboxLine '1.8' $Server @{ seed = 3; commitThenDropRate = 0.3 }
        Connect-TestSandbox $script:Sandbox -PmsVersion $Configured -ClientId 'mosip-pms-client' -Ledger (Join-Path $TestDrive "lost-$Server.jsonl") -PmsOnly
        $rows = 1..8 | ForEach-Object { New-PmsRow "Lost answer $_ $Server" }

        $results = @($rows | New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory (Join-Path $TestDrive "lost-keys-$Server") -MaxRetry 12 -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $e | Should -BeNullOrEmpty
        $stored = @(Invoke-SandboxControl $script:Sandbox 'pms/clients')
        $stored.Count | Should -Be 8
        ($results.ClientId | Sort-Object) | Should -Be ($stored.id | Sort-Object)
        @($results | Where-Object Outcome -eq 'Exists').Count | Should -BeGreaterThan 0 -Because 'some answers were lost after the commit'
    }

    It 'gives PMS 1.2.0 the ID jose4j derives for a kid with <Name>' -ForEach @(
        @{ N = 1; Name = 'a slash and a plus'; Kid = 'team/a+b' }
        @{ N = 2; Name = 'XML-ish characters'; Kid = "<Tom & Jerry's>" }
        @{ N = 3; Name = 'a right quote and Khmer'; Kid = "key$([char]0x2019)s $([char]0x1781)$([char]0x17D2)$([char]0x1798)" }
        @{ N = 4; Name = 'an emoji'; Kid = "rocket $([char]::ConvertFromUtf32(0x1F680))" }
    ) {
        Set-SandboxLine '1.8' '1.2.0'
        Connect-TestSandbox $script:Sandbox -PmsVersion '1.2.0' -ClientId 'mosip-pms-client' -Ledger (Join-Path $TestDrive "kid-$N.jsonl") -PmsOnly
        $key = New-EsignetJwk -KeyId $Kid -Path (Join-Path $TestDrive "kid-$N")
        $key.KeyId | Should -Be $Kid
        $row = New-PmsRow "Kid $Name"
        $result = $row | New-EsignetOidcClient -Api Pms -PublicKey $key.PublicJwkPath -WarningVariable w -WarningAction SilentlyContinue
        $result.Outcome | Should -Be 'Created'
        $result.PredictedClientId | Should -BeNullOrEmpty -Because 'the prediction for PMS 1.2.0 must hold for this kid'
        @($w | Where-Object { "$_" -like 'PMS answered Client ID*' }) | Should -BeNullOrEmpty
        (Invoke-SandboxControl $script:Sandbox 'pms/clients').id | Should -Contain $result.ClientId
    }
}

Describe 'requestTime and the clock' {
    It 'accepts creates retried after faults: every attempt carries its own requestTime' {
        Set-SandboxLine '1.8' '1.2.2' @{ seed = 5; failRate = 0.3; throttleRate = 0.2; latencyMs = 30 }
        Connect-TestSandbox $script:Sandbox -Ledger (Join-Path $TestDrive 'retry.jsonl')
        $rows = 1..10 | ForEach-Object { New-EsignetRow "retried-$_" }
        $results = @($rows | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'retry-keys') -MaxRetry 10 -ErrorVariable e -ErrorAction SilentlyContinue)
        $e | Should -BeNullOrEmpty
        $results.Count | Should -Be 10
        ((Invoke-SandboxControl $script:Sandbox 'requests').routes.PSObject.Properties | Where-Object Name -like 'POST */oidc-client').Value.outcomes.PSObject.Properties.Name |
            Should -Contain 'fault:503' -Because 'the test must have retried something'
    }

    It 'warns once with the measured skew, and explains the refused requestTime, when the server''s clock is <Offset> s off' -ForEach @(
        @{ Offset = 200 }, @{ Offset = -200 }
    ) {
        $skewed = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION -Arguments @('--clock-offset-seconds', "$Offset")
        try {
            Connect-TestSandbox $skewed -Ledger (Join-Path $TestDrive "skew$Offset.jsonl") | Out-Null
            # Connect-TestSandbox silences warnings; connect again to read them.
            Connect-EsignetServer -Uri $skewed.Uri -ServerVersion 1.8 -TokenUri $skewed.TokenUri -ClientCredential (Get-SandboxCredential) `
                -LedgerPath (Join-Path $TestDrive "skew$Offset.jsonl") -WarningVariable w -WarningAction SilentlyContinue
            $skew = @($w | Where-Object { "$_" -like 'The local clock is*' })
            $skew.Count | Should -Be 1
            $direction = if ($Offset -gt 0) { 'behind' } else { 'ahead of' }
            "$skew" | Should -Match "The local clock is (19[89]|20[012]) s $direction the server's"
            [Math]::Round((Get-EsignetContext).ServerClockAhead.TotalSeconds) | Should -BeIn (($Offset - 2)..($Offset + 2))

            New-EsignetRow "skewed$Offset" | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive "skew-keys$Offset") -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'invalid_request,*'
            "$($e[0])" | Should -Match 'refused the request''s requestTime because of clock skew\. The local clock is \d+ s'
        }
        finally { $skewed | Stop-EsignetSandbox }
    }

    It 'does not warn about a clock within a minute of the server''s' {
        Set-SandboxLine '1.8'
        Connect-EsignetServer -Uri $script:Sandbox.Uri -ServerVersion 1.8 -TokenUri $script:Sandbox.TokenUri -ClientCredential (Get-SandboxCredential) `
            -LedgerPath (Join-Path $TestDrive 'noskew.jsonl') -WarningVariable w -WarningAction SilentlyContinue
        @($w | Where-Object { "$_" -like 'The local clock is*' }) | Should -BeNullOrEmpty
        [Math]::Abs((Get-EsignetContext).ServerClockAhead.TotalSeconds) | Should -BeLessThan 5
    }
}
