# Issue 16 acceptance: Test-EsignetClientDefinition gives the real server's verdict on the rows real users write
# (non-Latin names, internal hosts, ccTLDs the old list lacked, IDN hosts, '//' paths, a logo URL ending in a
# newline), and its messages say what to do. The server's verdicts are those of the sources cited in
# src/Esignet.Core/Definitions (commons-validator 1.7, Jackson, Hibernate @URL); Core.Tests' Fidelity tests check
# the same cases against the sandbox.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $khmer40 = [string]::new([char]0x1780, 40)
    $arabic50 = [string]::new([char]0x0639, 50)
    function Row([string] $Id, [string] $Redirect = 'https://x.co.za/cb', [string] $Logo = 'https://x.co.za/logo.png', [string] $Name = 'Portal', [string] $LangMap = '{"eng":"Portal"}') {
        [pscustomobject]@{ clientId = $Id; clientName = $Name; relyingPartyId = 'rp-1'; logoUri = $Logo; redirectUris = $Redirect; clientNameLangMap = $LangMap }
    }
    $script:Csv = Join-Path $TestDrive 'fidelity.csv'
    @(
        Row 'khmer' -Name $khmer40 -LangMap ('{"khm":"' + $khmer40 + '"}') -Redirect 'https://rp.gov.kh/cb'   # line 2
        Row 'arabic' -LangMap ('{"ara":"' + $arabic50 + '","fas":"' + $arabic50 + '"}')                          # line 3
        Row 'cluster' -Redirect 'https://portal.ns.svc.cluster.local/cb'                                        # line 4
        Row 'za' -Redirect 'https://x.co.za/auth_oauth/signin'                                                  # line 5
        Row 'idn' -Redirect 'https://bücher.de/cb'                                                              # line 6
        Row 'slashes' -Redirect 'https://x.co.za//cb'                                                           # line 7
        Row 'newline' -Logo "https://x.co.za/logo.png`n"                                                        # line 8
    ) | Export-Csv -LiteralPath $script:Csv -NoTypeInformation -Encoding utf8
}

Describe 'Test-EsignetClientDefinition gives the server''s verdict (issue 16)' {
    BeforeAll { Disconnect-EsignetServer -ErrorAction SilentlyContinue }

    It 'on eSignet <Line>, refuses exactly the internal host, the // path and the logo URL with a newline' -ForEach @(@{ Line = '1.5' }, @{ Line = '1.8' }) {
        $found = @(Import-Csv -LiteralPath $script:Csv | Test-EsignetClientDefinition -ServerVersion $Line -GenerateKey)
        @($found | ForEach-Object { "$($_.LineNumber) $($_.Field) $($_.Code)" }) | Should -Be @(
            '4 redirectUris[0] invalid_redirect_uri', '7 redirectUris[0] invalid_redirect_uri', '8 logoUri invalid_uri')
        $found.Severity | Sort-Object -Unique | Should -Be 'Error'
    }

    It 'says why an internal host fails and what to use instead' {
        $issue = Import-Csv -LiteralPath $script:Csv | Test-EsignetClientDefinition -ServerVersion 1.8 -GenerateKey | Where-Object LineNumber -eq 4
        $issue.Message | Should -Match "'\.local'"
        $issue.Message | Should -Match 'commons-validator 1\.7'
        $issue.Message | Should -Match 'Use a host under a public TLD'
    }

    It 'says to write a single slash, and shows the newline it asks to remove' {
        $found = @(Import-Csv -LiteralPath $script:Csv | Test-EsignetClientDefinition -ServerVersion 1.8 -GenerateKey)
        ($found | Where-Object LineNumber -eq 7).Message | Should -Match "single '/'"
        $logo = ($found | Where-Object LineNumber -eq 8).Message
        $logo | Should -Match 'line break'
        $logo | Should -Match ([regex]::Escape('logo.png\n'))
        $logo | Should -Not -Match "`n"
    }

    It 'refuses a Khmer name the 1.5 name column cannot hold, counting characters as the server stores them' {
        $long = [string]::new([char]0x1780, 200)
        $row = Row 'khmer-long' -Name $long -LangMap ('{"khm":"' + [string]::new([char]0x1780, 50) + '"}')
        $issue = @($row | Test-EsignetClientDefinition -ServerVersion 1.5 -GenerateKey)
        $issue.Field | Should -Be 'clientNameLangMap'
        $issue.Message | Should -Match '271 characters'
        $issue.Message | Should -Match '256'
    }
}

Describe 'Set-EsignetClient keeps the display name on eSignet 1.8 (issue 16, rule 9)' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force
        $script:Sandbox = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8'; pmsVersion = '1.2.2' }
    }
    AfterAll {
        Disconnect-EsignetServer -ErrorAction SilentlyContinue
        $script:Sandbox | Stop-EsignetSandbox
    }

    It 'sends the current clientName with a new language map, so a name stored as plain text survives' {
        Connect-TestSandbox $script:Sandbox -Version '1.8' -Ledger (Join-Path $TestDrive 'names.jsonl')
        $row = [pscustomobject]@{ clientId = 'plain-name'; clientName = 'OpenG2P Portal'; relyingPartyId = 'rp-1'; logoUri = 'https://portal.example.org/logo.png'; redirectUris = 'https://portal.example.org/cb' }
        $null = $row | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'keys')
        # Without a language map the module registers through oidc-client, which stores the name as plain text.
        (Invoke-SandboxControl $script:Sandbox 'clients' | Where-Object clientId -eq 'plain-name').name | Should -Be 'OpenG2P Portal'
        $null = Set-EsignetClient -ClientId 'plain-name' -ClientNameLangMap 'fra=Portail'
        $stored = (Invoke-SandboxControl $script:Sandbox 'clients' | Where-Object clientId -eq 'plain-name').name | ConvertFrom-Json
        $stored.'@none' | Should -Be 'OpenG2P Portal'
        $stored.fra | Should -Be 'Portail'
    }

    It 'refuses a language-map change it cannot send safely, and says to give -ClientName' {
        Connect-TestSandbox $script:Sandbox -Version '1.8' -Ledger (Join-Path $TestDrive 'empty.jsonl')
        Set-EsignetClient -ClientId 'unknown-here' -ClientNameLangMap 'fra=Portail' -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ClientNameRequired,*'
        $e[0].Exception.Message | Should -Match '-ClientName'
    }
}
