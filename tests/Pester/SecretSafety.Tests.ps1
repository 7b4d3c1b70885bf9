# Secret safety (issue 5, design decision 6): every cmdlet runs with -Verbose -Debug -InformationAction Continue
# under Start-Transcript, against a server that retries and refuses, and nothing it leaves behind (the six streams,
# the transcript, error records with their exceptions and details, the output objects however formatted, the
# ledger) may contain a private key member, an access token, a client secret or a client assertion. The
# assertion made with New-EsignetClientAssertion is also captured (-AsPlainText, outside the scan) and searched for.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Sandbox = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION
}

AfterAll {
    Disconnect-EsignetServer -ErrorAction SilentlyContinue
    $script:Sandbox | Stop-EsignetSandbox
}

Describe 'No secret reaches any output' {
    BeforeAll {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.5'; failRate = 0.3; seed = 3 }
        $work = Join-Path $TestDrive 'secrets'
        $null = New-Item -ItemType Directory $work
        $ledger = Join-Path $work 'ledger.jsonl'
        $keys = Join-Path $work 'keys'
        # Secrets the test chooses and so can search for: a wrong client secret, and a token minted for -AccessToken.
        $wrongSecret = 'wrong-' + [guid]::NewGuid().ToString('N')
        $minted = (Invoke-SandboxControl $script:Sandbox 'token' -Method POST -Body @{ clientId = 'esignet-admin'; scope = 'add_oidc_client update_oidc_client' }).access_token
        $minted | Should -Not -BeNullOrEmpty
        $script:Known = @('sandbox-secret', $wrongSecret, $minted)

        $common = @{ Verbose = $true; Debug = $true; InformationAction = 'Continue'; ErrorAction = 'Continue'; WarningAction = 'Continue' }
        $sandbox = $script:Sandbox
        $transcript = Join-Path $work 'transcript.txt'
        $Error.Clear()
        $null = Start-Transcript -Path $transcript
        $script:Records = @(& {
            New-EsignetJwk -Path (Join-Path $work 'jwk/one') @common
            Import-EsignetJwk -Path (Join-Path $work 'jwk/one.private.pem') @common | Format-List * | Out-String
            # A refused secret, then the real one; a pasted token; the authmanager for PMS.
            try { Connect-EsignetServer -Uri $sandbox.Uri -TokenUri $sandbox.TokenUri -ClientCredential ([pscredential]::new('esignet-admin', (ConvertTo-SecureString $wrongSecret -AsPlainText -Force))) -LedgerPath $ledger -MaxRetry 0 @common }
            catch { $_ }   # terminating: cannot start at all
            Connect-EsignetServer -Uri $sandbox.Uri -ServerVersion 1.5 -AccessToken (ConvertTo-SecureString $minted -AsPlainText -Force) -LedgerPath $ledger -PassThru @common | Format-List * | Out-String
            Connect-EsignetServer -Uri $sandbox.Uri -PmsUri $sandbox.Uri -ServerVersion 1.5 -PmsVersion 1.2.2 -TokenUri $sandbox.TokenUri -ClientCredential (Get-SandboxCredential) -LedgerPath $ledger @common
            Get-EsignetContext @common | Format-List * | Out-String
            $rows = foreach ($i in 1..6) {
                [pscustomobject]@{ clientId = "secret-$i"; clientName = "Portal $i"; relyingPartyId = 'openg2p-auth-partner'
                    logoUri = 'https://portal.example.org/logo.png'; redirectUris = $(if ($i -eq 6) { 'not a uri' } else { "https://p$i.example.org/cb" }) }
            }
            $rows | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys -WhatIf @common
            $created = $rows | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys @common
            $created | Format-List * | Out-String
            $created | ConvertTo-Json -Depth 4
            'secret-1' | Get-EsignetClient @common | Format-List * | Out-String
            # Verification and hand-over: the assertion (a secret) stays a SecureString; the checks build one too.
            New-EsignetClientAssertion -ClientId 'secret-1' -Key (Join-Path $keys 'secret-1.private.pem') @common | Format-List * | Out-String
            Test-EsignetClient -ClientId 'secret-1' @common | Format-List * | Out-String
            Test-EsignetClient -ClientId 'secret-1' -Key (Join-Path $work 'jwk/one.private.pem') @common | Out-String
            Export-EsignetClientConfig -ClientId 'secret-1' -Format OpenG2P @common | Format-List * | Out-String
            Export-EsignetClientConfig -ClientId 'secret-1' -Format Json @common
            $rows | Test-EsignetClientDefinition -GenerateKey @common | Out-String
            Set-EsignetClient -ClientId 'secret-2' -LogoUri 'https://portal.example.org/new.png' @common
            Set-EsignetClient -ClientId 'never-registered' -LogoUri 'https://portal.example.org/new.png' @common
            Connect-EsignetServer -PmsUri $sandbox.Uri -PmsVersion 1.2.2 -AuthManagerUri $sandbox.AuthManagerUri -ClientCredential (Get-SandboxCredential -ClientId 'mosip-pms-client') -LedgerPath $ledger @common
            [pscustomobject]@{ name = 'PMS portal'; policyId = 'openg2p-auth-policy'; authPartnerId = 'openg2p-auth-partner'; logoUri = 'https://portal.example.org/logo.png'; redirectUris = 'https://pms.example.org/cb' } |
                New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory $keys @common | Get-EsignetClient -Api Pms @common | Format-List * | Out-String
            Disconnect-EsignetServer @common
        } *>&1)
        $null = Stop-Transcript
        Connect-EsignetServer -Uri $sandbox.Uri -ServerVersion 1.5 -TokenUri $sandbox.TokenUri -ClientCredential (Get-SandboxCredential) -LedgerPath $ledger -WarningAction SilentlyContinue
        $script:Known += New-EsignetClientAssertion -ClientId 'secret-1' -Key (Join-Path $keys 'secret-1.private.pem') -AsPlainText

        # Everything that was said, in every form a user could see or keep.
        $texts = [Collections.Generic.List[string]]::new()
        foreach ($r in $script:Records) { $texts.Add(($r | Out-String)); $texts.Add("$r") }
        foreach ($e in $Error) {
            $texts.Add(($e | Format-List * -Force | Out-String))
            $texts.Add("$($e.ErrorDetails.Message)")
            for ($x = $e.Exception; $x; $x = $x.InnerException) { $texts.Add($x.Message); $texts.Add($x.ToString()) }
            $texts.Add("$($e.TargetObject | Out-String)")
        }
        $texts.Add((Get-Content $transcript -Raw))
        $texts.Add((Get-Content $ledger -Raw))
        $script:Everything = $texts -join "`n"
        $script:ErrorCount = $Error.Count

        # The private key members of every key the run made.
        $script:PrivateMembers = foreach ($f in Get-ChildItem $work -Recurse -Filter '*.private.jwk.json') {
            $j = Get-Content $f.FullName -Raw | ConvertFrom-Json
            foreach ($m in 'd', 'p', 'q', 'dp', 'dq', 'qi') { if ($j.$m) { $j.$m } }
        }
    }

    It 'ran every cmdlet, including failures and retries' {
        @($script:Records | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -match 'retry' }).Count | Should -BeGreaterThan 0
        $script:ErrorCount | Should -BeGreaterOrEqual 3 -Because 'the wrong secret, the bad row and the unknown client all failed'
        @($script:PrivateMembers).Count | Should -BeGreaterOrEqual 30 -Because 'at least six RSA keys were made'
        $script:Everything | Should -Match 'secret-1'
    }

    It 'shows no client secret and no token the test chose' {
        foreach ($s in $script:Known) { $script:Everything.Contains($s) | Should -BeFalse -Because "'$($s.Substring(0, 8))…' is a secret" }
    }

    It 'shows no JWT at all (access tokens, client assertions)' {
        $script:Everything | Should -Not -Match 'eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.'
    }

    It 'shows no private key member and no PEM private key' {
        foreach ($m in $script:PrivateMembers) { $script:Everything.Contains($m) | Should -BeFalse }
        $hit = [regex]::Match($script:Everything, '.{0,300}-----BEGIN (RSA |EC )?PRIVATE KEY-----.{0,80}', 'Singleline'); $hit.Value | Should -BeNullOrEmpty
        $script:Everything | Should -Not -Match '"d"\s*:'
    }
}
