# Tab completion (issue 7): ACR values and claims from the connected server's discovery, else the line's defaults;
# Client IDs from the ledger or PMS; release lines. Driven through TabExpansion2, as the console does.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    # Every -ClientId that names an existing client completes; the ones that name a new client (New-, the lint) do not.
    $existingClientIds = @('Get-EsignetClient', 'Set-EsignetClient', 'Test-EsignetClient', 'New-EsignetClientAssertion', 'Export-EsignetClientConfig') | ForEach-Object { @{ Name = $_ } }
    $withClaims = @(Get-Command -Module Esignet | Where-Object { $_.Parameters.ContainsKey('UserClaim') } | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Sandbox = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION
    # PowerShell completes file names when a completer offers nothing: complete in an empty folder.
    Push-Location (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'empty')).FullName

    function Complete([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
    }

    function Connect-Sandbox([string] $Version, [string] $Ledger, [hashtable] $Config = @{}) {
        Invoke-SandboxControl $script:Sandbox 'reset' -Method POST | Out-Null
        $settings = @{ esignetVersion = $Version; pmsVersion = '1.2.2'; claims = $null; acrs = $null }
        foreach ($k in $Config.Keys) { $settings[$k] = $Config[$k] }
        Invoke-SandboxControl $script:Sandbox 'config' -Method PUT -Body $settings | Out-Null
        Connect-TestSandbox $script:Sandbox -Version $Version -ClientId 'mosip-pms-client' -Ledger $Ledger
    }
}

AfterAll {
    Pop-Location
    Disconnect-EsignetServer -ErrorAction SilentlyContinue
    $script:Sandbox | Stop-EsignetSandbox
}

Describe 'Completion of release lines' {
    It 'completes -ServerVersion with 1.0 to 1.8 and -PmsVersion with 1.2.0 and 1.2.2' {
        Complete 'Test-EsignetClientDefinition -ServerVersion ' | Should -Be @('1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8')
        Complete 'Connect-EsignetServer -ServerVersion 1.' | Should -Contain '1.8'
        Complete 'Test-EsignetClientDefinition -PmsVersion ' | Should -Be @('1.2.0', '1.2.2')
    }
}

Describe 'Completion of ACR values and claims' {
    It 'offers the default line''s ACRs when not connected, and a -ServerVersion''s when given' {
        Disconnect-EsignetServer -ErrorAction SilentlyContinue
        Complete 'New-EsignetOidcClient -AuthContextRef mosip:idp:acr:' | Should -Be @(
            'mosip:idp:acr:biometrics', 'mosip:idp:acr:generated-code', 'mosip:idp:acr:linked-wallet', 'mosip:idp:acr:static-code')
        Complete 'Test-EsignetClientDefinition -ServerVersion 1.5 -AuthContextRef mosip:idp:acr:k' | Should -Be @('mosip:idp:acr:knowledge')
        Complete 'Test-EsignetClientDefinition -ServerVersion 1.0 -AuthContextRef mosip:idp:acr:k' | Should -BeNullOrEmpty
        Complete 'Test-EsignetClientDefinition -ServerVersion 1.0 -AuthContextRef mosip:idp:acr:s' | Should -Be @('mosip:idp:acr:static-code')
    }

    It 'offers the claims of the line when not connected' {
        Disconnect-EsignetServer -ErrorAction SilentlyContinue
        Complete 'New-EsignetOidcClient -UserClaim phone' | Should -Be @('phone_number')
        Complete 'Test-EsignetClientDefinition -ServerVersion 1.5 -UserClaim phone' | Should -Be @('phone_number', 'phone_number_verified')
    }

    It 'offers what the connected server''s discovery document lists' {
        Connect-Sandbox '1.8' (Join-Path $TestDrive 'discovery.jsonl') @{
            claims = @('name', 'email', 'favourite_colour'); acrs = @('mosip:idp:acr:generated-code', 'example:acr:smart-card')
        }
        Complete 'New-EsignetOidcClient -UserClaim f' | Should -Be @('favourite_colour')
        Complete 'Set-EsignetClient -ClientId x -UserClaim ' | Should -Be @('email', 'favourite_colour', 'name')
        Complete 'New-EsignetOidcClient -AuthContextRef example:' | Should -Be @('example:acr:smart-card')
        Complete 'Set-EsignetClient -ClientId x -AuthContextRef example:' | Should -Be @('example:acr:smart-card')
        # The line's -ServerVersion on the command line wins over the connection.
        Complete 'Test-EsignetClientDefinition -ServerVersion 1.8 -UserClaim f' | Should -BeNullOrEmpty
    }

    It 'completes claims on <Name>' -ForEach $withClaims {
        Disconnect-EsignetServer -ErrorAction SilentlyContinue
        $line = if ($Name -eq 'Set-EsignetClient') { "$Name -ClientId x -UserClaim bir" } else { "$Name -UserClaim bir" }
        Complete $line | Should -Be @('birthdate')
        Complete ($line -replace '-UserClaim bir', '-AuthContextRef mosip:idp:acr:bio') | Should -Be @('mosip:idp:acr:biometrics')
    }
}

Describe 'Completion of Client IDs' {
    BeforeAll {
        Connect-Sandbox '1.8' (Join-Path $TestDrive 'ids.jsonl')
        $keys = Join-Path $TestDrive 'keys'
        foreach ($id in 'portal-a', 'portal-b', 'registry') {
            $null = New-EsignetOidcClient -ClientId $id -ClientName $id -RelyingPartyId rp -LogoUri https://p.example.org/l.png -RedirectUri https://p.example.org/cb -GenerateKey -KeyDirectory $keys
        }
        $script:PmsClient = (Import-Csv (Join-Path (Split-Path (Get-TestModulePath)) 'samples/pms-clients.csv') | Select-Object -First 1 |
            New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory $keys).ClientId
    }

    It 'completes -ClientId of <Name> from the ledger' -ForEach $existingClientIds {
        Complete "$Name -ClientId " | Should -Be @('portal-a', 'portal-b', 'registry')
        Complete "$Name -ClientId port" | Should -Be @('portal-a', 'portal-b')
    }

    It 'completes PMS clients from the ledger and PMS with -Api Pms' {
        Complete 'Get-EsignetClient -Api Pms -ClientId ' | Should -Be @($script:PmsClient)
    }

    It 'does not complete -ClientId where a new client is named' {
        Complete 'New-EsignetOidcClient -ClientId port' | Should -Not -Contain 'portal-a'
        Complete 'Test-EsignetClientDefinition -ClientId port' | Should -Not -Contain 'portal-a'
    }

    It 'offers nothing, and no error, when not connected' {
        Disconnect-EsignetServer
        $Error.Clear()
        Complete 'Test-EsignetClient -ClientId ' | Should -BeNullOrEmpty
        $Error | Should -BeNullOrEmpty
    }
}
