# Verifying registrations against the bundled sandbox (issue 7): Test-EsignetClient, New-EsignetClientAssertion at
# the token endpoint of every release line, Export-EsignetClientConfig.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:Sandbox = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION
    $script:Redirect = 'https://portal.openg2p.example.org/auth_oauth/signin'
    $script:JwtBearer = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

    function Set-SandboxLine([string] $Esignet = '1.8', [hashtable] $More = @{}) {
        Invoke-SandboxControl $script:Sandbox 'reset' -Method POST | Out-Null
        Invoke-SandboxControl $script:Sandbox 'config' -Method PUT -Body (@{ esignetVersion = $Esignet; pmsVersion = '1.2.2' } + $More) | Out-Null
    }

    function Connect-Sandbox([string] $Version = '1.8', [string] $Ledger, [switch] $PmsOnly, [string] $ClientId = 'esignet-admin') {
        Connect-TestSandbox $script:Sandbox -Version $Version -Ledger $Ledger -PmsOnly:$PmsOnly -ClientId $ClientId
    }

    function New-PortalClient([string] $ClientId, [string] $KeyDirectory, [hashtable] $More = @{}) {
        $row = @{
            ClientId       = $ClientId
            ClientName     = 'OpenG2P Portal'
            RelyingPartyId = 'openg2p-auth-partner'
            LogoUri        = 'https://portal.openg2p.example.org/logo.png'
            RedirectUri    = $script:Redirect
            GenerateKey    = $true
            KeyDirectory   = $KeyDirectory
        }
        foreach ($k in $More.Keys) { $row[$k] = $More[$k] }
        New-EsignetOidcClient @row
    }

    function Get-AuthorizationCode([string] $ClientId, [string] $RedirectUri = $script:Redirect) {
        (Invoke-SandboxControl $script:Sandbox 'authorization-code' -Method POST -Body @{ clientId = $ClientId; redirectUri = $RedirectUri }).code
    }

    function Invoke-TokenEndpoint([string] $Uri, [string] $Code, [string] $Assertion, [string] $RedirectUri = $script:Redirect) {
        # The token request of an OpenID relying party (esignet-api.md 7.4); the sandbox runs the 6.2 checks.
        $body = @{ grant_type = 'authorization_code'; code = $Code; redirect_uri = $RedirectUri; client_assertion_type = $script:JwtBearer; client_assertion = $Assertion }
        $response = Invoke-WebRequest -Method Post -Uri $Uri -Body $body -SkipHttpErrorCheck
        [pscustomobject]@{ Status = [int]$response.StatusCode; Body = ($response.Content | ConvertFrom-Json) }
    }

    function Get-RequestTotal { (Invoke-SandboxControl $script:Sandbox 'requests').total }

    # Views are compared as text: no colour codes in it.
    $script:Rendering = $PSStyle.OutputRendering
    $PSStyle.OutputRendering = 'PlainText'
}

AfterAll {
    $PSStyle.OutputRendering = $script:Rendering
    Disconnect-EsignetServer -ErrorAction SilentlyContinue
    $script:Sandbox | Stop-EsignetSandbox
}

Describe 'Test-EsignetClient' {
    It 'passes every check for a client New-EsignetOidcClient -GenerateKey created on eSignet <Line>' -ForEach @(
        @{ Line = '1.0' }, @{ Line = '1.2' }, @{ Line = '1.5' }, @{ Line = '1.7' }, @{ Line = '1.8' }
    ) {
        Set-SandboxLine $Line
        Connect-Sandbox -Version $Line -Ledger (Join-Path $TestDrive "pass-$Line.jsonl")
        $created = New-PortalClient "portal-$Line" (Join-Path $TestDrive "keys-$Line")
        $result = Test-EsignetClient -ClientId $created.ClientId
        $result.Passed | Should -BeTrue -Because ($result.Checks | Out-String)
        $result.Checks.Name | Should -Be @('Discovery', 'Registration', 'Active', 'RedirectUri', 'Claims', 'Acrs', 'Key', 'ClientAssertion')
        $result.Checks.Outcome | Sort-Object -Unique | Should -Be 'Passed'
        $result.RedirectUri | Should -Be $script:Redirect
        $result.Check('Key').Reason | Should -Match ([regex]::Escape($created.KeyThumbprint))
    }

    It 'fails the Key check, naming both thumbprints, when the key file was swapped' {
        Set-SandboxLine '1.8'
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'swap.jsonl')
        $keys = Join-Path $TestDrive 'swap'
        $created = New-PortalClient 'swapped' $keys
        $other = New-EsignetJwk -Path (Join-Path $TestDrive 'other-key')
        Copy-Item $other.PrivateKeyPemPath $created.PrivateKeyPemPath -Force

        $result = Test-EsignetClient -ClientId 'swapped'
        $result.Passed | Should -BeFalse
        $result.Failed | Should -Be @('Key')
        $result.Check('Key').Reason | Should -Match ([regex]::Escape($other.Thumbprint))
        $result.Check('Key').Reason | Should -Match ([regex]::Escape($created.KeyThumbprint))
        $result.Check('Key').Reason | Should -Match 'replaced'
        $result.Check('ClientAssertion').Outcome | Should -Be 'Skipped'
        $result.Check('Active').Outcome | Should -Be 'Passed'
    }

    It 'fails the RedirectUri check for a redirect URI that is not registered, listing the registered ones' {
        Set-SandboxLine '1.8'
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'redirect.jsonl')
        $null = New-PortalClient 'wrong-redirect' (Join-Path $TestDrive 'redirect')
        $result = Test-EsignetClient -ClientId 'wrong-redirect' -RedirectUri 'https://elsewhere.example.org/auth_oauth/signin'
        $result.Passed | Should -BeFalse
        $result.Failed | Should -Be @('RedirectUri')
        $result.Check('RedirectUri').Reason | Should -Match 'invalid_redirect_uri'
        $result.Check('RedirectUri').Reason | Should -Match ([regex]::Escape($script:Redirect))
        $result.Check('Active').Outcome | Should -Be 'Passed'
        $result.Check('Key').Outcome | Should -Be 'Passed'
    }

    It 'fails the Active check for an INACTIVE client on eSignet <Line>, saying so' -ForEach @(@{ Line = '1.5' }, @{ Line = '1.8' }) {
        Set-SandboxLine $Line
        Connect-Sandbox -Version $Line -Ledger (Join-Path $TestDrive "inactive-$Line.jsonl")
        $null = New-PortalClient 'sleeping' (Join-Path $TestDrive "inactive-$Line")
        $null = Set-EsignetClient -ClientId 'sleeping' -Status Inactive
        (Invoke-SandboxControl $script:Sandbox 'clients' | Where-Object clientId -eq 'sleeping').status | Should -Be 'INACTIVE'

        $result = Test-EsignetClient -ClientId 'sleeping'
        $result.Passed | Should -BeFalse
        $result.Failed | Should -Be @('Active')
        $result.Check('Active').Reason | Should -Match 'INACTIVE'
        $result.Check('Active').Reason | Should -Match 'Set-EsignetClient -Status Active'
        $result.Check('RedirectUri').Outcome | Should -Be 'Skipped'
        $result.Check('Key').Outcome | Should -Be 'Passed'
    }

    It 'fails the Registration check for a client the ledger does not know, and still asks eSignet with -RedirectUri' {
        Set-SandboxLine '1.8'
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'unknown.jsonl')
        $result = Test-EsignetClient -ClientId 'nobody' -RedirectUri $script:Redirect
        $result.Check('Registration').Outcome | Should -Be 'Failed'
        $result.Check('Registration').Reason | Should -Match 'ledger'
        $result.Check('Active').Outcome | Should -Be 'Failed'
        $result.Check('Active').Reason | Should -Match 'invalid_client_id'
    }

    It 'tests a PMS client: the registered key from PMS, the key file from the ledger, eSignet asked directly' {
        Set-SandboxLine '1.8'
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'pms.jsonl') -ClientId 'mosip-pms-client'
        $created = [pscustomobject]@{
            name = 'OpenG2P PMS Portal'; policyId = 'openg2p-auth-policy'; authPartnerId = 'openg2p-auth-partner'
            logoUri = 'https://portal.openg2p.example.org/logo.png'; redirectUris = $script:Redirect
        } | New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory (Join-Path $TestDrive 'pms')
        $result = Test-EsignetClient -ClientId $created.ClientId -Api Pms
        $result.Passed | Should -BeTrue -Because ($result.Checks | Out-String)
        $result.Check('Registration').Reason | Should -Match 'PMS has it'
    }

    It 'takes New-EsignetOidcClient output from the pipeline, and a -Key path' {
        Set-SandboxLine '1.8'
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'pipe.jsonl')
        $keys = Join-Path $TestDrive 'pipe'
        $results = 'pipe-1', 'pipe-2' | ForEach-Object { [pscustomobject]@{ clientId = $_; clientName = $_; relyingPartyId = 'rp'; logoUri = 'https://p.example.org/l.png'; redirectUris = $script:Redirect } } |
            New-EsignetOidcClient -GenerateKey -KeyDirectory $keys | Test-EsignetClient
        $results.Count | Should -Be 2
        $results.Passed | Should -Be @($true, $true)
        (Test-EsignetClient -ClientId 'pipe-1' -Key (Join-Path $keys 'pipe-2.private.pem')).Failed | Should -Be @('Key')
        (Test-EsignetClient -ClientId 'pipe-1' -Key (Join-Path $keys 'pipe-1.private.jwk.json')).Passed | Should -BeTrue
    }

    It 'skips what a PMS-only connection cannot ask, and says why' {
        Set-SandboxLine '1.8'
        Connect-Sandbox -PmsOnly -Ledger (Join-Path $TestDrive 'pmsonly.jsonl') -ClientId 'mosip-pms-client'
        $created = [pscustomobject]@{
            name = 'PMS only'; policyId = 'openg2p-auth-policy'; authPartnerId = 'openg2p-auth-partner'
            logoUri = 'https://portal.openg2p.example.org/logo.png'; redirectUris = $script:Redirect
        } | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'pmsonly')
        $result = Test-EsignetClient -ClientId $created.ClientId
        $result.Passed | Should -BeTrue
        $result.Check('Discovery').Outcome | Should -Be 'Skipped'
        $result.Check('Discovery').Reason | Should -Match '-Uri'
        $result.Check('Active').Reason | Should -Match 'PMS shows the client ACTIVE'
        $result.Check('Key').Outcome | Should -Be 'Passed'
        $result.Summary | Should -Match 'skipped'
    }

    It 'shows the verdict and a line per check by default, and no key or token in any view' {
        Set-SandboxLine '1.8'
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'view.jsonl')
        $created = New-PortalClient 'viewed' (Join-Path $TestDrive 'view')
        $result = Test-EsignetClient -ClientId 'viewed'
        $shown = ($result | Out-String -Width 200) + ($result | Format-List | Out-String) + ($result | Format-Table | Out-String) + ($result.Checks | Out-String) + ($result | ConvertTo-Json -Depth 4)
        $shown | Should -Match 'Client viewed \(Esignet on http://127\.0\.0\.1:\d+\): PASSED'
        $shown | Should -Match 'ClientAssertion\s+Passed'
        $shown | Should -Not -Match '-----BEGIN'
        $shown | Should -Not -Match 'eyJ[A-Za-z0-9_-]{10,}\.'
        $pem = (Get-Content $created.PrivateKeyPemPath -Raw) -replace '-----[^-]+-----', '' -replace '\s', ''
        $shown | Should -Not -Match ([regex]::Escape($pem.Substring(10, 40)))
    }
}

Describe 'New-EsignetClientAssertion' {
    It 'makes an assertion the token endpoint of eSignet <Line> accepts, for its discovery token_endpoint' -ForEach @(
        @{ Line = '1.0' }, @{ Line = '1.1' }, @{ Line = '1.2' }, @{ Line = '1.3' }, @{ Line = '1.4' }, @{ Line = '1.5' }, @{ Line = '1.5.0' }, @{ Line = '1.6' }, @{ Line = '1.7' }, @{ Line = '1.7.0' }, @{ Line = '1.8' }
    ) {
        Set-SandboxLine $Line
        $version = ($Line -split '\.')[0..1] -join '.'
        Connect-Sandbox -Version $version -Ledger (Join-Path $TestDrive "token-$Line.jsonl")
        $null = New-PortalClient "rp-$Line" (Join-Path $TestDrive "token-$Line")
        $tokenEndpoint = (Get-EsignetContext).Discovery.TokenEndpoint
        $tokenEndpoint | Should -Match '/v1/esignet/oauth/(v2/)?token$'

        $assertion = New-EsignetClientAssertion -ClientId "rp-$Line" -AsPlainText
        $answer = Invoke-TokenEndpoint -Uri $tokenEndpoint -Code (Get-AuthorizationCode "rp-$Line") -Assertion $assertion
        $answer.Status | Should -Be 200 -Because ($answer.Body | ConvertTo-Json -Compress)
        $answer.Body.access_token | Should -Not -BeNullOrEmpty
        $answer.Body.token_type | Should -Be 'Bearer'
    }

    It 'is refused, with the line''s error code, when signed with another key (eSignet <Line>)' -ForEach @(@{ Line = '1.5'; Code = 'invalid_assertion' }, @{ Line = '1.8'; Code = 'invalid_client' }) {
        Set-SandboxLine $Line
        Connect-Sandbox -Version $Line -Ledger (Join-Path $TestDrive "refused-$Line.jsonl")
        $null = New-PortalClient 'refused' (Join-Path $TestDrive "refused-$Line")
        $other = New-EsignetJwk
        $assertion = New-EsignetClientAssertion -ClientId 'refused' -Key $other -KeyId '' -AsPlainText
        $answer = Invoke-TokenEndpoint -Uri (Get-EsignetContext).Discovery.TokenEndpoint -Code (Get-AuthorizationCode 'refused') -Assertion $assertion
        $answer.Status | Should -Be 400
        $answer.Body.error | Should -Be $Code
    }

    It 'gives a new jti every time: a replayed assertion is refused on 1.8, a new one accepted' {
        Set-SandboxLine '1.8'
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'jti.jsonl')
        $null = New-PortalClient 'jti' (Join-Path $TestDrive 'jti')
        $endpoint = (Get-EsignetContext).Discovery.TokenEndpoint
        $first = New-EsignetClientAssertion -ClientId 'jti' -AsPlainText
        (Invoke-TokenEndpoint -Uri $endpoint -Code (Get-AuthorizationCode 'jti') -Assertion $first).Status | Should -Be 200
        $replay = Invoke-TokenEndpoint -Uri $endpoint -Code (Get-AuthorizationCode 'jti') -Assertion $first
        $replay.Status | Should -Be 400
        $replay.Body.error_description | Should -Match 'jti'
        (Invoke-TokenEndpoint -Uri $endpoint -Code (Get-AuthorizationCode 'jti') -Assertion (New-EsignetClientAssertion -ClientId 'jti' -AsPlainText)).Status | Should -Be 200
    }

    It 'is a SecureString by default, and -Verbose shows only its non-secret facts' {
        Set-SandboxLine '1.8'
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'secure.jsonl')
        $created = New-PortalClient 'secure' (Join-Path $TestDrive 'secure')
        $verbose = New-EsignetClientAssertion -ClientId 'secure' -Verbose 4>&1
        $secure = $verbose | Where-Object { $_ -is [securestring] }
        $secure | Should -BeOfType [securestring]
        $message = ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $message | Should -Match "kid $([regex]::Escape($created.KeyId))"
        $message | Should -Match 'aud http://127\.0\.0\.1:\d+/v1/esignet/oauth/v2/token'
        $plain = [Net.NetworkCredential]::new('', $secure).Password
        $plain | Should -Match '^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$'
        # Not the assertion, nor any JWT. (Not merely 'eyJ': the random jti shown contains that, case aside, now and then.)
        $message | Should -Not -Match ([regex]::Escape($plain.Split('.')[1]))
        $message | Should -Not -MatchExactly 'eyJ[\w-]+\.eyJ[\w-]+\.'
        # Accepted as it is, once the caller has turned it into text.
        (Invoke-TokenEndpoint -Uri (Get-EsignetContext).Discovery.TokenEndpoint -Code (Get-AuthorizationCode 'secure') -Assertion $plain).Status | Should -Be 200
    }

    It 'takes the key and client from saved results and needs no connection with -Audience; -Lifetime in seconds' {
        Set-SandboxLine '1.8'
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'offline.jsonl')
        $created = New-PortalClient 'offline' (Join-Path $TestDrive 'offline')
        $saved = Join-Path $TestDrive 'registered.csv'
        $created | Export-Csv $saved
        $endpoint = (Get-EsignetContext).Discovery.TokenEndpoint
        Disconnect-EsignetServer
        $before = Get-RequestTotal
        $assertion = Import-Csv $saved | New-EsignetClientAssertion -Audience $endpoint -Lifetime 60 -AsPlainText
        Get-RequestTotal | Should -Be $before
        $claims = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String(($assertion.Split('.')[1].Replace('-', '+').Replace('_', '/')).PadRight([math]::Ceiling($assertion.Split('.')[1].Length / 4) * 4, '='))) | ConvertFrom-Json
        $claims.iss | Should -Be 'offline'
        $claims.sub | Should -Be 'offline'
        $claims.aud | Should -Be $endpoint
        ($claims.exp - $claims.iat) | Should -Be 60
        (Invoke-TokenEndpoint -Uri $endpoint -Code (Get-AuthorizationCode 'offline') -Assertion $assertion).Status | Should -Be 200
    }

    It 'says clearly what is missing: no key anywhere, no audience' {
        Set-SandboxLine '1.8'
        Disconnect-EsignetServer
        { New-EsignetClientAssertion -ClientId 'x' -Key (New-EsignetJwk) -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,*'
        New-EsignetClientAssertion -ClientId 'x' -Key (New-EsignetJwk).ToPublicOnly() -Audience 'https://e.example.org/v1/esignet/oauth/v2/token' -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'PrivateKeyMissing,*'
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'missing.jsonl')
        New-EsignetClientAssertion -ClientId 'never-registered' -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'KeyRequired,*'
        $e[0].Exception.Message | Should -Match 'Give -Key'
    }
}

Describe 'Export-EsignetClientConfig' {
    It 'gives OpenG2P''s Odoo provider fields: the PEM to upload and the URLs of discovery' {
        Set-SandboxLine '1.8'
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'export.jsonl')
        $created = New-PortalClient 'exported' (Join-Path $TestDrive 'export') @{ RedirectUri = "https://portal.openg2p.example.org/other/cb;$($script:Redirect)" }
        $discovery = Invoke-RestMethod "$($script:Sandbox.Uri)/.well-known/openid-configuration"
        $config = Export-EsignetClientConfig -ClientId 'exported'
        $config.ClientId | Should -Be 'exported'
        $config.PrivateKeyPemPath | Should -Be $created.PrivateKeyPemPath
        $config.AuthorizationEndpoint | Should -Be $discovery.authorization_endpoint
        $config.TokenEndpoint | Should -Be $discovery.token_endpoint
        $config.UserinfoEndpoint | Should -Be $discovery.userinfo_endpoint
        $config.JwksUri | Should -Be $discovery.jwks_uri
        $config.RedirectUri | Should -Be $script:Redirect   # the one on Odoo's sign-in path, though listed second
        $config.SigningAlgorithm | Should -Be 'RS256'
        $shown = $config | Out-String -Width 200
        $shown | Should -Match 'Client Private Key \(upload\)\s*:\s*\S+exported\.private\.pem'
        $shown | Should -Match 'Token URL\s*:\s*http://127\.0\.0\.1:\d+/v1/esignet/oauth/v2/token'
        $shown + ($config | Format-Table | Out-String) + ($config | ConvertTo-Json) | Should -Not -Match '-----BEGIN'
    }

    It 'writes the same as client-metadata JSON with -Format Json' {
        Set-SandboxLine '1.8'
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'json.jsonl')
        $created = New-PortalClient 'as-json' (Join-Path $TestDrive 'json')
        $json = $created | Export-EsignetClientConfig -Format Json
        $json | Should -BeOfType [string]
        $doc = $json | ConvertFrom-Json
        $doc.client_id | Should -Be 'as-json'
        $doc.token_endpoint_auth_method | Should -Be 'private_key_jwt'
        $doc.private_key_pem_file | Should -Be $created.PrivateKeyPemPath
        $doc.token_endpoint | Should -Be (Get-EsignetContext).Discovery.TokenEndpoint
        @($doc.redirect_uris) | Should -Be @($script:Redirect)
    }

    It 'warns about what Odoo cannot use: an EC key, no redirect URI on its paths' {
        Set-SandboxLine '1.8'
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'odoo.jsonl')
        $ec = New-EsignetJwk -KeyType EC -Path (Join-Path $TestDrive 'ec')
        $null = New-EsignetOidcClient -ClientId 'ec-client' -ClientName 'EC' -RelyingPartyId rp -LogoUri 'https://p.example.org/l.png' -RedirectUri 'https://p.example.org/callback' -PublicKey $ec.PrivateKeyPemPath
        $config = Export-EsignetClientConfig -ClientId 'ec-client' -WarningVariable warnings -WarningAction SilentlyContinue
        $config.SigningAlgorithm | Should -Be 'ES256'
        ($warnings -join "`n") | Should -Match 'RS256 only'
        ($warnings -join "`n") | Should -Match '/auth_oauth/signin'
    }

    It 'reports an unknown client as ClientNotFound' {
        Set-SandboxLine '1.8'
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'none.jsonl')
        Export-EsignetClientConfig -ClientId 'nobody' -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ClientNotFound,*'
    }
}
