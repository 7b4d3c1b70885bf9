# Conventions over the whole surface, as the best compiled modules check them.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $cmdlets = @(Get-Command -Module Esignet -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
    # Conventions are per cmdlet; the New-EsignetClient alias resolves to New-EsignetOidcClient (Friction.Tests.ps1).
    # Connect/Disconnect change only this session's state (as Connect-MgGraph), so they are not in the list.
    # New-EsignetClientAssertion makes a value and changes nothing anywhere (as New-Guid), so it offers no -WhatIf;
    # a test below proves it sends and writes nothing. Any other New-/Set- cmdlet counts as state-changing.
    $script:ValueMakers = @('New-EsignetClientAssertion')
    $stateChanging = @(Get-Command -Module Esignet | Where-Object { $_.Verb -in 'New', 'Set', 'Remove', 'Register', 'Add' -and $_.Name -notin $script:ValueMakers } |
        ForEach-Object { @{ Name = $_.Name } })
}
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'The module manifest' {
    It 'exports an explicit list of cmdlets that matches what the assembly defines' {
        $manifest = Import-PowerShellDataFile (Get-TestModulePath)
        $manifest.CmdletsToExport | Should -Not -Contain '*'
        $exported = (Get-Command -Module Esignet -CommandType Cmdlet).Name | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }
    It 'takes its version from one place' {
        $manifest = Import-PowerShellDataFile (Get-TestModulePath)
        $dll = Join-Path (Split-Path (Get-TestModulePath)) 'Esignet.PowerShell.dll'
        [Diagnostics.FileVersionInfo]::GetVersionInfo($dll).ProductVersion | Should -BeLike "$($manifest.ModuleVersion)*"
    }
}

Describe '<Name> conventions' -ForEach $cmdlets {
    BeforeAll { $cmd = Get-Command $Name; $help = Get-Help $Name -Full }

    It 'declares its output type' { $cmd.OutputType | Should -Not -BeNullOrEmpty }
    It 'uses an approved verb' { (Get-Verb).Verb | Should -Contain $cmd.Verb }
    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "*$Name*[<]CommonParameters[>]*"   # not the auto-generated syntax stub
        ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }
    It 'has at least two examples' { @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2 }
    It 'has an example to type at the prompt and one that uses the pipeline' {
        $codes = @($help.Examples.Example | ForEach-Object { "$($_.Code)".Trim() })
        @($codes | Where-Object { $_ -notmatch '\n' -and $_ -match [regex]::Escape($Name) }) | Should -Not -BeNullOrEmpty -Because 'one example is a single command line'
        @($codes | Where-Object { $_ -match '\|' -and $_ -match [regex]::Escape($Name) }) | Should -Not -BeNullOrEmpty -Because 'one example takes CSV rows or pipes the output on'
    }
    It 'describes every parameter' {
        foreach ($p in $cmd.Parameters.Keys | Where-Object { $common -notcontains $_ }) {
            $ph = $help.Parameters.Parameter | Where-Object Name -eq $p
            ($ph.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$p needs help"
        }
    }
    It 'has a format view for its output type' {
        # Strings and SecureStrings have PowerShell's own display (a SecureString shows no content).
        foreach ($t in $cmd.OutputType.Type | Where-Object { $_ -notin [void], [string], [securestring] }) {
            Get-FormatData -TypeName $t.FullName | Should -Not -BeNullOrEmpty -Because "$($t.FullName) needs a view"
        }
    }
}

Describe '<Name> changes state, so it supports -WhatIf and -Confirm' -ForEach $stateChanging {
    It 'has -WhatIf and -Confirm' {
        (Get-Command $Name).Parameters.Keys | Should -Contain 'WhatIf'
        (Get-Command $Name).Parameters.Keys | Should -Contain 'Confirm'
    }
}

Describe 'about_Esignet' {
    It 'is available through Get-Help' {
        (Get-Help about_Esignet | Out-String) | Should -BeLike '*private_key_jwt*'
    }
    It 'covers the concepts: the two APIs, release lines, the ledger, keys, secrets, verification' {
        $text = Get-Help about_Esignet | Out-String
        foreach ($section in 'THE TWO APIS', 'RELEASE LINES', 'THE LEDGER', 'KEYS', 'SECRETS', 'VERIFYING A REGISTRATION', 'CLIENT ASSERTIONS', 'TAB COMPLETION') {
            $text | Should -Match $section
        }
    }
    It 'names every cmdlet of the module' {
        $text = Get-Help about_Esignet | Out-String
        foreach ($c in Get-Command -Module Esignet) { $text | Should -Match ([regex]::Escape($c.Name)) }
    }
}

Describe 'about_Esignet_CSV' {
    BeforeAll { $script:CsvTopic = Get-Help about_Esignet_CSV | Out-String }

    It 'is available through Get-Help and covers the columns, lists, maps and keys' {
        foreach ($section in 'THE COLUMNS', 'LISTS', 'MAPS', 'PUBLIC KEYS', 'LINE NUMBERS', 'A FULL EXAMPLE') { $script:CsvTopic | Should -Match $section }
        $script:CsvTopic | Should -Match 'relyingParnterId'
        $script:CsvTopic | Should -Match 'authParnterId'
    }

    It 'has a full example that Test-EsignetClientDefinition finds clean on eSignet 1.5, as it says' {
        $file = Join-Path (Split-Path (Get-TestModulePath)) 'en-US/about_Esignet_CSV.help.txt'
        $m = [regex]::Match((Get-Content $file -Raw), '(?m)clients\.csv, for eSignet 1\.5:\r?\n\r?\n((?: {8}\S.*\r?\n)+)')
        $m.Success | Should -BeTrue
        $rows = $m.Groups[1].Value -split '\r?\n' | Where-Object { $_ } | ForEach-Object { $_.Substring(8) } | ConvertFrom-Csv
        @($rows).Count | Should -Be 3
        Disconnect-EsignetServer -ErrorAction SilentlyContinue
        $rows | Test-EsignetClientDefinition -ServerVersion 1.5 -GenerateKey | Should -BeNullOrEmpty
        # ... and that the knowledge ACR of its last row needs 1.5, as the text says.
        ($rows | Test-EsignetClientDefinition -ServerVersion 1.4 -GenerateKey).Field | Should -Be 'authContextRefs[1]'
    }
}

Describe '-WhatIf sends nothing and writes nothing' {
    BeforeDiscovery {
        # One scenario (or more) per state-changing cmdlet; the coverage test below fails when a cmdlet has none.
        # Each runs in $Root (the current location too, so default paths such as ./keys land there).
        $script:WhatIfScenarios = @(
            @{ Cmdlet = 'New-EsignetJwk'; Case = 'one key pair, and -Count 3'; Strict = $true; Run = {
                    New-EsignetJwk -Path ./jwk/one -WhatIf
                    New-EsignetJwk -Path ./jwk/many -Count 3 -WhatIf } }
            @{ Cmdlet = 'New-EsignetOidcClient'; Case = 'the eSignet sample CSV with -GenerateKey'; Strict = $true; Run = {
                    Import-Csv $Samples/esignet-clients.csv | New-EsignetOidcClient -GenerateKey -WhatIf } }
            @{ Cmdlet = 'New-EsignetOidcClient'; Case = 'the PMS sample CSV with -GenerateKey'; Strict = $true; Run = {
                    Import-Csv $Samples/pms-clients.csv | New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory ./pms-keys -WhatIf } }
            @{ Cmdlet = 'New-EsignetOidcClient'; Case = 'a changed row with -Update'; Strict = $true; Run = {
                    New-EsignetOidcClient -ClientId existing -ClientName 'Changed' -RelyingPartyId rp -LogoUri https://e.example.org/l.png -RedirectUri https://e.example.org/cb -GenerateKey -Update -WhatIf } }
            @{ Cmdlet = 'Set-EsignetClient'; Case = 'an eSignet 1.8 PATCH'; Strict = $true; Run = {
                    Set-EsignetClient -ClientId existing -Status Inactive -LogoUri https://e.example.org/new.png -WhatIf } }
            @{ Cmdlet = 'Set-EsignetClient'; Case = 'a PMS PUT (PMS is read for the current state)'; Strict = $false; Run = {
                    Set-EsignetClient -Api Pms -ClientId $PmsClientId -Status Inactive -WhatIf } }
        )
    }

    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force
        $script:Sandbox = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION
        $script:Samples = Join-Path (Split-Path (Get-TestModulePath) -Parent) 'samples'
        $script:Root = Join-Path $TestDrive 'whatif'
        $null = New-Item -ItemType Directory -Path $script:Root
        Invoke-SandboxControl $script:Sandbox 'config' -Method PUT -Body @{ esignetVersion = '1.8'; pmsVersion = '1.2.2' } | Out-Null
        Connect-EsignetServer -Uri $script:Sandbox.Uri -PmsUri $script:Sandbox.Uri -ServerVersion 1.8 -PmsVersion 1.2.2 `
            -ClientCredential (Get-SandboxCredential -ClientId 'mosip-pms-client') -TokenUri $script:Sandbox.TokenUri `
            -LedgerPath (Join-Path $script:Root 'ledger.jsonl') -WarningAction SilentlyContinue
        # A client on each API for Set- to change.
        $null = New-EsignetOidcClient -ClientId existing -ClientName Existing -RelyingPartyId rp -LogoUri https://e.example.org/l.png `
            -RedirectUri https://e.example.org/cb -GenerateKey -KeyDirectory (Join-Path $script:Root 'keys')
        $script:PmsClientId = (Import-Csv (Join-Path $script:Samples 'pms-clients.csv') | Select-Object -First 1 |
            New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory (Join-Path $script:Root 'keys')).ClientId

        function Get-FileState {
            # Every file and folder under the scenario root, with size, time and content hash.
            Get-ChildItem -LiteralPath $script:Root -Recurse -Force | Sort-Object FullName | ForEach-Object {
                $hash = if ($_.PSIsContainer) { 'dir' } else { (Get-FileHash -LiteralPath $_.FullName).Hash }
                '{0}|{1}|{2}' -f $_.FullName, $hash, $_.LastWriteTimeUtc.Ticks
            }
        }
        function Get-Requests {
            # Requests per route the sandbox received (token endpoints and reads included).
            $routes = (Invoke-SandboxControl $script:Sandbox 'requests').routes
            $map = @{}
            foreach ($p in $routes.PSObject.Properties) { $map[$p.Name] = [long]$p.Value.count }
            $map
        }
        function Get-ServerState {
            (Invoke-SandboxControl $script:Sandbox 'clients' | ConvertTo-Json -Depth 5) + (Invoke-SandboxControl $script:Sandbox 'pms/clients' | ConvertTo-Json -Depth 5)
        }
    }

    AfterAll {
        Disconnect-EsignetServer -ErrorAction SilentlyContinue
        $script:Sandbox | Stop-EsignetSandbox
    }

    It 'has a -WhatIf scenario for <Name>' -ForEach @($stateChanging | ForEach-Object { @{ Name = $_.Name; Covered = @($script:WhatIfScenarios.Cmdlet) -contains $_.Name } }) {
        $Covered | Should -BeTrue -Because 'every state-changing cmdlet needs a scenario in this Describe'
    }

    It '<Cmdlet> -WhatIf (<Case>) sends no change, writes no file, and says what it would do' -ForEach $script:WhatIfScenarios {
        $files = Get-FileState
        $requests = Get-Requests
        $server = Get-ServerState
        Push-Location $script:Root
        try {
            $Samples = $script:Samples
            $PmsClientId = $script:PmsClientId
            $shown = Get-HostOutput { & $Run }
        }
        finally { Pop-Location }

        $shown | Should -Match 'What if:'
        Get-FileState | Should -Be $files
        Get-ServerState | Should -Be $server
        $after = Get-Requests
        $sent = foreach ($route in $after.Keys) {
            $n = $after[$route] - [long]$requests[$route]
            if ($n -gt 0) { "$route x$n" }
        }
        if ($Strict) { $sent | Should -BeNullOrEmpty -Because 'nothing at all is sent' }
        else { $sent | Where-Object { $_ -notmatch '^GET ' } | Should -BeNullOrEmpty -Because 'only reads of the current state are sent' }
    }

    It 'New-EsignetClientAssertion, which has no -WhatIf, sends nothing and writes nothing' {
        $key = New-EsignetJwk
        $files = Get-FileState
        $requests = Get-Requests
        $assertion = New-EsignetClientAssertion -ClientId existing -Key $key -Audience 'https://e.example.org/v1/esignet/oauth/v2/token'
        $assertion | Should -BeOfType [securestring]
        Get-FileState | Should -Be $files
        (Get-Requests).Values | Measure-Object -Sum | Select-Object -ExpandProperty Sum | Should -Be (($requests.Values | Measure-Object -Sum).Sum)
    }
}

Describe 'Start-up' {
    It 'loads Microsoft.IdentityModel at the first key, not at import, and only into the module''s own load context' {
        # Issue 17: start-up stays fast because the libraries load on first use, and then only into the private
        # context (not the default one other modules share). Esignet.Core itself may load at import: in the full
        # suite PowerShell's command analysis asked for it (into the Esignet context, through the resolver).
        $r = Invoke-FreshPwsh -Script @"
function Loaded { [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { -not `$_.IsDynamic -and (`$_.GetName().Name -like 'Microsoft.IdentityModel.*' -or `$_.GetName().Name -in 'Esignet.Core', 'Polly.Core') } |
    ForEach-Object { '{0}@{1}' -f `$_.GetName().Name, [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name } }
Import-Module '$(Get-TestModulePath)'
'AFTER-IMPORT ' + ((Loaded) -join ' ')
`$null = New-EsignetJwk
'AFTER-KEY ' + ((Loaded) -join ' ')
"@
        $r.ExitCode | Should -Be 0 -Because ($r.Output -join "`n")
        $afterImport = @($r.Output | Where-Object { $_ -like 'AFTER-IMPORT*' })[0]
        $afterKey = @($r.Output | Where-Object { $_ -like 'AFTER-KEY*' })[0]
        $afterImport | Should -Not -Match 'Microsoft\.IdentityModel|Polly'
        $afterImport | Should -Not -Match '@Default'
        $afterKey | Should -Match 'Esignet\.Core@Esignet'
        $afterKey | Should -Match 'Microsoft\.IdentityModel\.Tokens@Esignet'
        $afterKey | Should -Not -Match '@Default'
    }
}
