# The small things a Graph or Az user trips over (issue 20): each It names the item it guards.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:Sandbox = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION
    $script:Samples = Join-Path (Split-Path (Get-TestModulePath) -Parent) 'samples'

    function Set-SandboxLine([string] $Esignet = '1.8', [string] $Pms = '1.2.2') {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = $Esignet; pmsVersion = $Pms }
    }

    function Get-CreateCount { Get-SandboxCreateCount $script:Sandbox }

    function New-Row([string] $ClientId, [string] $Claims = 'name;email') {
        [pscustomobject]@{
            clientId       = $ClientId
            clientName     = 'Friction Portal'
            relyingPartyId = 'openg2p-auth-partner'
            logoUri        = 'https://portal.openg2p.example.org/logo.png'
            redirectUris   = 'https://portal.openg2p.example.org/auth_oauth/signin'
            userClaims     = $Claims
        }
    }
}

AfterAll {
    Disconnect-EsignetServer -ErrorAction SilentlyContinue
    $script:Sandbox | Stop-EsignetSandbox
}

Describe 'Get-EsignetClient lists by default (item 1)' {
    It 'has no mandatory Client ID, so it never prompts' {
        $p = (Get-Command Get-EsignetClient).Parameters['ClientId']
        @($p.Attributes | Where-Object { $_ -is [Management.Automation.ParameterAttribute] -and $_.Mandatory }) | Should -BeNullOrEmpty
    }

    It 'lists the ledger''s eSignet clients when given no Client ID' {
        Set-SandboxLine '1.8'
        $ledger = Join-Path $TestDrive 'list.jsonl'
        Connect-TestSandbox $script:Sandbox -Ledger $ledger
        $null = 'list-a', 'list-b' | ForEach-Object { New-Row $_ } | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'list')
        (Get-EsignetClient).ClientId | Sort-Object | Should -Be @('list-a', 'list-b')
        (Get-EsignetClient -ClientId 'list-b').ClientId | Should -Be 'list-b'
    }

    It 'lists PMS 1.2.0 clients (no list endpoint) by reading back those the ledger recorded' {
        Set-SandboxLine '1.8' '1.2.0'
        Connect-TestSandbox $script:Sandbox -PmsOnly -PmsVersion '1.2.0' -ClientId 'mosip-pms-client' -Ledger (Join-Path $TestDrive 'pms-list.jsonl')
        $created = Import-Csv (Join-Path $script:Samples 'pms-clients.csv') | Select-Object -First 1 |
            New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory (Join-Path $TestDrive 'pms-list')
        $listed = @(Get-EsignetClient)
        $listed.ClientId | Should -Be @($created.ClientId)
        $listed[0].Source | Should -Be 'Server'
    }
}

Describe 'Failed rows can reach the results file (item 11)' {
    It 'writes one result per input row with -IncludeFailed, Failed ones with their ErrorId and message' {
        Set-SandboxLine '1.8'
        Connect-TestSandbox $script:Sandbox -Ledger (Join-Path $TestDrive 'failed.jsonl')
        $rows = @((New-Row 'ok-row'), (New-Row 'bad row'), (New-Row 'late-fail'))
        $rows[2].redirectUris = 'https://portal.openg2p.example.org/a'
        $out = $rows | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'failed') -IncludeFailed -ErrorVariable errs -ErrorAction SilentlyContinue
        $csv = Join-Path $TestDrive 'created.csv'
        $out | Sort-Object LineNumber | Export-Csv $csv
        $back = @(Import-Csv $csv)
        $back.Count | Should -Be 3
        $bad = $back | Where-Object LineNumber -eq 3
        $bad.Outcome | Should -Be 'Failed'
        $bad.ClientId | Should -Be 'bad row'
        $bad.ErrorId | Should -Be 'invalid_client_id'
        $bad.Error | Should -Match 'Line 3: clientId'
        @($errs).Count | Should -Be 1 -Because 'the error stream still carries the failure'
        ($back | Where-Object LineNumber -eq 2).Outcome | Should -Be 'Created'
    }

    It 'writes nothing for failed rows without the switch' {
        Set-SandboxLine '1.8'
        Connect-TestSandbox $script:Sandbox -Ledger (Join-Path $TestDrive 'failed2.jsonl')
        $out = New-Row 'bad row' | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'failed2') -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
    }

    It 'reports a row the server refuses as Failed too' {
        Set-SandboxLine '1.8'
        Connect-TestSandbox $script:Sandbox -Ledger (Join-Path $TestDrive 'dup.jsonl')
        $keys = Join-Path $TestDrive 'dup'
        $null = New-Row 'dup-on-server' | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys
        # Another ledger, another key folder: the module cannot know, the server refuses the duplicate.
        Connect-TestSandbox $script:Sandbox -Ledger (Join-Path $TestDrive 'dup2.jsonl')
        $r = New-Row 'dup-on-server' | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'dup2') -IncludeFailed -ErrorAction SilentlyContinue
        $r.Outcome | Should -Be 'Failed'
        $r.ErrorId | Should -Be 'duplicate_client_id'
    }
}

Describe 'KeyFileExists gives advice that works (item 5)' {
    It 'names the missing private key and does not send the user to -Force, which cannot help here' {
        Set-SandboxLine '1.8'
        Connect-TestSandbox $script:Sandbox -Ledger (Join-Path $TestDrive 'partial.jsonl')
        $keys = Join-Path $TestDrive 'partial'
        $null = New-Item -ItemType Directory $keys
        Set-Content (Join-Path $keys 'half.public.jwk.json') '{}'
        foreach ($force in $false, $true) {
            New-Row 'half' | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys -Force:$force -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'KeyFileExists,*'
            "$($e[0].ErrorDetails.Message) $($e[0].Exception.Message)" | Should -Not -Match '-Force'
            $e[0].Exception.Message | Should -Match ([regex]::Escape((Join-Path $keys 'half.private.pem')))
            $e[0].Exception.Message | Should -Match 'Move the leftover key files'
        }
        # Following the advice works.
        Remove-Item (Join-Path $keys 'half.public.jwk.json')
        (New-Row 'half' | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys).Outcome | Should -Be 'Created'
    }
}

Describe 'A rerun says that nothing is sent (items 3, 4)' {
    It 'says "nothing is sent" under -Verbose for a row that ends Exists, not "Register ... with body"' {
        Set-SandboxLine '1.8'
        Connect-TestSandbox $script:Sandbox -Ledger (Join-Path $TestDrive 'rerun.jsonl')
        $keys = Join-Path $TestDrive 'rerun'
        $null = New-Row 'rerun-me' | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys
        $before = Get-CreateCount
        $all = New-Row 'rerun-me' | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys -Verbose 4>&1
        $verbose = @($all | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message -join "`n"
        ($all | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] }).Outcome | Should -Be 'Exists'
        $verbose | Should -Match "Client 'rerun-me' is already registered .*nothing is sent"
        $verbose | Should -Not -Match 'Register OIDC client'
        $verbose | Should -Not -Match 'body for' -Because 'no body is sent for this row'
        Get-CreateCount | Should -Be $before
    }

    It 'reports the unchanged CSV row as Exists after Set-EsignetClient changed the client, and -Update does not undo the Set' {
        Set-SandboxLine '1.8'
        Connect-TestSandbox $script:Sandbox -Ledger (Join-Path $TestDrive 'set-then-rerun.jsonl')
        $keys = Join-Path $TestDrive 'set-then-rerun'
        $null = New-Row 'set-then-rerun' | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys
        $null = Set-EsignetClient -ClientId 'set-then-rerun' -RedirectUri 'https://portal.openg2p.example.org/moved'
        $r = New-Row 'set-then-rerun' | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys -WarningVariable w -WarningAction SilentlyContinue
        $r.Outcome | Should -Be 'Exists'
        $w | Should -BeNullOrEmpty
        $null = New-Row 'set-then-rerun' | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys -Update
        @((Invoke-SandboxControl $script:Sandbox 'clients' | Where-Object clientId -eq 'set-then-rerun').redirectUris) | Should -Be @('https://portal.openg2p.example.org/moved')
        # A row that did change is still told apart: Changed, with the -Update hint.
        $r = New-Row 'set-then-rerun' -Claims 'name' | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys -WarningVariable w -WarningAction SilentlyContinue
        $r.Outcome | Should -Be 'Changed'
        "$w" | Should -Match '-Update'
    }
}

Describe '-WhatIf -GenerateKey needs no key per row (item 14)' {
    It 'shapes every row with one placeholder key, and PMS rows are not refused as repeats of it' {
        Set-SandboxLine '1.8' '1.2.2'
        Connect-TestSandbox $script:Sandbox -ClientId 'mosip-pms-client' -Ledger (Join-Path $TestDrive 'ph.jsonl')
        $rows = 1..6 | ForEach-Object { New-Row "ph-$_" }
        $verbose = @($rows | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'ph') -WhatIf -Verbose 4>&1 |
            Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -match 'body for' }).Message
        $verbose.Count | Should -Be 6
        @($verbose | ForEach-Object { [regex]::Match($_, '"n":"([^"]+)"').Groups[1].Value } | Sort-Object -Unique).Count | Should -Be 1
        $pms = Import-Csv (Join-Path $script:Samples 'pms-clients.csv')
        $pms.Count | Should -BeGreaterThan 1
        $pms | New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory (Join-Path $TestDrive 'ph-pms') -WhatIf -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -BeNullOrEmpty
        Join-Path $TestDrive 'ph' | Should -Not -Exist
    }
}

Describe 'A token without the scope is told at connect and refused before keys are written (item 9)' {
    It 'warns at connect, naming the missing scope' {
        Set-SandboxLine '1.8'
        Connect-EsignetServer -Uri $script:Sandbox.Uri -ServerVersion 1.8 -TokenUri $script:Sandbox.TokenUri -ClientCredential (Get-SandboxCredential -ClientId 'mosip-idrepo-client') `
            -LedgerPath (Join-Path $TestDrive 'noscope.jsonl') -WarningVariable w -WarningAction SilentlyContinue
        "$w" | Should -Match 'lacks the scopes add_oidc_client and update_oidc_client'
        Connect-EsignetServer -Uri $script:Sandbox.Uri -ServerVersion 1.8 -TokenUri $script:Sandbox.TokenUri -ClientCredential (Get-SandboxCredential -ClientId 'esignet-admin') `
            -LedgerPath (Join-Path $TestDrive 'noscope.jsonl') -WarningVariable w2 -WarningAction SilentlyContinue
        "$w2" | Should -Not -Match 'lacks the scope'
    }

    It 'refuses a -GenerateKey row before writing its key files or sending' {
        Set-SandboxLine '1.8'
        Connect-TestSandbox $script:Sandbox -ClientId 'mosip-idrepo-client' -Ledger (Join-Path $TestDrive 'noscope2.jsonl')
        $keys = Join-Path $TestDrive 'noscope-keys'
        $before = Get-CreateCount
        New-Row 'no-scope' | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'Forbidden,*'
        "$($e[0])" | Should -Match "lacks the scope 'add_oidc_client'"
        Join-Path $keys 'no-scope.private.pem' | Should -Not -Exist
        Get-CreateCount | Should -Be $before
    }
}

Describe 'Views and help read well in a log (item 10)' {
    It 'writes no colour codes when output is redirected, as in a CI log' {
        # CI runners often force ANSI rendering (OutputRendering Ansi) although the log is a file, not a terminal.
        $r = Invoke-FreshPwsh @"
Import-Module '$(Get-TestModulePath)'
`$PSStyle.OutputRendering = 'Ansi'
# Core types live in the module's own load context: reach them through a cmdlet's output type.
`$resultType = (Get-Command Test-EsignetClient).OutputType[0].Type
`$checkType = `$resultType.Assembly.GetType('Esignet.Core.Verification.ClientCheck')
`$outcome = [Enum]::Parse(`$resultType.Assembly.GetType('Esignet.Core.Verification.CheckOutcome'), 'Failed')
`$checks = [Array]::CreateInstance(`$checkType, 1)
`$checks[0] = `$checkType::new('Registration', `$outcome, 'not registered ' + ('x' * 150))
`$resultType::new('portal', 'Esignet', 'https://esignet.example.org', `$null, `$checks) | Out-String -Width 80
[pscustomobject]@{ clientId = 'a b'; clientName = 'x'; relyingPartyId = 'rp'; logoUri = 'https://p.example.org/l.png'; redirectUris = 'https://p.example.org/cb' } |
    Test-EsignetClientDefinition -Api Esignet -GenerateKey | Format-Table | Out-String -Width 80
"@
        $text = $r.Output -join "`n"
        $text | Should -Match 'FAILED'
        $text | Should -Match 'invalid_client_id'
        # The module's own colours ($PSStyle.Foreground.Red/Green/Yellow); PowerShell's table header accent is its own.
        $text | Should -Not -Match "$([char]27)\[3[123]m" -Because 'escape codes are noise in a CI log'
    }

    It 'shows -LineNumber <Int32> in help syntax, not Nullable`1' {
        $syntax = (Get-Help New-EsignetOidcClient).syntax | Out-String -Width 1000
        $syntax | Should -Match '-LineNumber <Int32>'
        $syntax | Should -Not -Match 'Nullable'
    }

    It 'names where the discovery document came from instead of its type name' {
        Set-SandboxLine '1.8'
        Connect-TestSandbox $script:Sandbox -Ledger (Join-Path $TestDrive 'ctx.jsonl')
        $shown = Get-EsignetContext | Format-List * | Out-String -Width 300
        $shown | Should -Not -Match 'Esignet\.Core\.Connection\.DiscoveryDocument'
        $shown | Should -Match 'Discovery\s*:\s*http://127\.0\.0\.1:\d+/.*claims'
    }

    It 'gives every linter issue of a CSV row its line, warnings too' {
        $issues = [pscustomobject]@{ clientId = 'abc'; clientName = 'x'; relyingPartyId = 'rp'; policyId = 'p'; authPartnerId = 'ap'; logoUri = 'https://p.example.org/l.png'; redirectUris = 'https://p.example.org/cb' },
            [pscustomobject]@{ clientId = 'def'; clientName = 'y'; relyingPartyId = 'rp'; policyId = 'p'; authPartnerId = 'ap'; logoUri = 'https://p.example.org/l.png'; redirectUris = 'https://p.example.org/cb' } |
            Test-EsignetClientDefinition -Api Pms -GenerateKey
        $warnings = @($issues | Where-Object Severity -eq 'Warning')
        $warnings.Count | Should -BeGreaterThan 1
        $warnings | ForEach-Object { $_.LineNumber | Should -BeIn 2, 3 }
    }
}

Describe 'One noun: New-EsignetClient (item 12)' {
    It 'finds all four client cmdlets with Get-Command *EsignetClient*, New- by its alias' {
        $names = (Get-Command *EsignetClient* -Module Esignet).Name
        foreach ($n in 'New-EsignetClient', 'Get-EsignetClient', 'Set-EsignetClient', 'Test-EsignetClient') { $names | Should -Contain $n }
        (Get-Command New-EsignetClient).ResolvedCommandName | Should -Be 'New-EsignetOidcClient'
    }
}

Describe 'The README''s Sandbox command works from sh as written (item 15)' {
    It 'reads <Shell> arguments as separate sandbox options' -ForEach @(
        @{ Shell = 'sh'; Given = "'--esignet-version','1.7'"; Expected = '--esignet-version|1.7' }
        @{ Shell = 'sh'; Given = "'--esignet-version','1.7','--claims','name,email','--csrf'"; Expected = '--esignet-version|1.7|--claims|name,email|--csrf' }
    ) {
        # build.ps1's own parameter declaration (taken from the file, so a change to it is tested) and the Sandbox
        # task's splitting, reached through sh and pwsh -File exactly as the README's command is.
        $build = [Management.Automation.Language.Parser]::ParseFile((Join-Path $PSScriptRoot '../../build.ps1'), [ref] $null, [ref] $null)
        $script = Join-Path $TestDrive 'args.ps1'
        Set-Content $script @"
$($build.ParamBlock.Extent.Text)
Import-Module '$(Join-Path $PSScriptRoot '../../tools/Sandbox.psm1')'
(Split-SandboxArgument `$SandboxArgs) -join '|'
"@
        $pwsh = Get-PwshCommand
        $command = (@($pwsh | ForEach-Object { "'$_'" }) -join ' ') + " -NoProfile -NonInteractive -File '$script' -SandboxArgs $Given"
        $out = sh -c $command
        $out | Should -Be $Expected
    }

    It 'leaves arguments given from PowerShell as they are' {
        Split-SandboxArgument @('--esignet-version', '1.7', '--claims', 'name,email') | Should -Be @('--esignet-version', '1.7', '--claims', 'name,email')
    }
}

Describe 'An over-long PMS name fails validation, not on its key file path (item 8, the part not owned by issue 15)' {
    It 'reports the name''s length before any key file is named' {
        Set-SandboxLine '1.8' '1.2.2'
        Connect-TestSandbox $script:Sandbox -ClientId 'mosip-pms-client' -Ledger (Join-Path $TestDrive 'long.jsonl')
        $row = Import-Csv (Join-Path $script:Samples 'pms-clients.csv') | Select-Object -First 1
        $row.name = 'n' * 300
        $keys = Join-Path $TestDrive 'long-keys'
        $row | New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory $keys -ErrorVariable e -ErrorAction SilentlyContinue
        "$($e[0].ErrorDetails.Message) $($e[0].Exception.Message)" | Should -Match 'characters long'
        "$($e[0].Exception.Message)" | Should -Not -Match 'path'
        $keys | Should -Not -Exist
    }
}
