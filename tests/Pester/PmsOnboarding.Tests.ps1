# PMS from nothing (issue 21): Initialize-EsignetPmsPartner against the sandbox started with an empty PMS, on PMS
# 1.2.0 and 1.2.2; its output piped into New-EsignetOidcClient -Api Pms; reruns of both change nothing; -WhatIf;
# bad inputs; a lost CA; nothing secret in any stream, transcript or error.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Sandbox = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION -Arguments '--pms-empty'

    function Reset-Pms([string] $Pms) {
        Reset-EsignetSandbox $script:Sandbox -Config @{ pmsVersion = $Pms }
        Connect-TestSandbox $script:Sandbox -PmsOnly -PmsVersion $Pms -ClientId 'mosip-pms-client' -Ledger (Join-Path $TestDrive "ledger-$Pms-$([guid]::NewGuid().ToString('N')).jsonl")
    }

    # Requests that change something in PMS: every route but GETs and the token endpoints.
    function Get-WriteCount {
        $routes = (Invoke-SandboxControl $script:Sandbox 'requests').routes
        $n = 0
        foreach ($p in $routes.PSObject.Properties) {
            if ($p.Name -match '^(POST|PUT|PATCH|DELETE) /v1/(policymanager|partnermanager)') { $n += $p.Value.count }
        }
        $n
    }

    function New-PartnerRow([string] $Id = 'demo-partner', [string] $Email = 'demo@example.org', [string] $Org = 'OpenG2P Demo') {
        @{ PartnerId = $Id; OrganizationName = $Org; EmailId = $Email; ContactNumber = '9999999999'; Address = '1 Main St'
           PolicyGroup = 'demo-group'; PolicyName = 'demo-auth-policy' }
    }
}

AfterAll {
    Disconnect-EsignetServer -ErrorAction SilentlyContinue
    $script:Sandbox | Stop-EsignetSandbox
}

Describe 'Initialize-EsignetPmsPartner on PMS <Pms>' -ForEach @(@{ Pms = '1.2.0' }, @{ Pms = '1.2.2' }) {
    BeforeAll {
        Reset-Pms $Pms
        $script:Certs = Join-Path $TestDrive "certs-$Pms"
        $script:Keys = Join-Path $TestDrive "keys-$Pms"
        $row = New-PartnerRow
        $script:First = Initialize-EsignetPmsPartner @row -CertificateDirectory $script:Certs
        $client = @{ ClientName = 'OpenG2P Portal'; RedirectUri = 'https://portal.example.org/auth_oauth/signin'; LogoUri = 'https://portal.example.org/logo.png' }
        $script:Client = $script:First | New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory $script:Keys @client
        $script:WritesAfterFirst = Get-WriteCount
        $script:CreatesAfterFirst = Get-SandboxCreateCount $script:Sandbox
        $script:Second = Initialize-EsignetPmsPartner @row -CertificateDirectory $script:Certs
        $script:ClientAgain = $script:Second | New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory $script:Keys @client
    }

    It 'onboards from an empty PMS in one command' {
        $script:First.Steps.Outcome | Should -Not -Contain 'Skipped'
        ($script:First.Steps | Where-Object Step -eq 'PolicyGroup').Outcome | Should -Be 'Created'
        ($script:First.Steps | Where-Object Step -eq 'Approval').Outcome | Should -Be 'Created'
        $script:First.AuthPartnerId | Should -Be 'demo-partner'
        $script:First.PolicyId | Should -Not -BeNullOrEmpty
        $script:First.CertificateExpires | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddDays(300))
        Test-Path $script:First.SignedCertificatePath | Should -BeTrue
    }

    It 'pipes into New-EsignetOidcClient -Api Pms, whose client the sandbox stored under that partner and policy' {
        $script:Client.Outcome | Should -Be 'Created'
        $stored = @(Invoke-SandboxControl $script:Sandbox 'pms/clients') | Where-Object { $_.id -eq $script:Client.ClientId -or $_.clientId -eq $script:Client.ClientId }
        $stored | Should -Not -BeNullOrEmpty
        ($stored | ConvertTo-Json -Depth 5) | Should -BeLike "*$($script:First.PolicyId)*"
        ($stored | ConvertTo-Json -Depth 5) | Should -BeLike '*demo-partner*'
    }

    It 'reruns both: every onboarding step Exists, no create or write is sent' {
        $script:Second.Steps.Outcome | Sort-Object -Unique | Should -Be 'Exists'
        $script:Second.Ready | Should -BeTrue
        $script:Second.Changed | Should -BeFalse
        $script:Second.PolicyId | Should -Be $script:First.PolicyId
        $script:ClientAgain.Outcome | Should -Be 'Exists'
        Get-SandboxCreateCount $script:Sandbox | Should -Be $script:CreatesAfterFirst
        Get-WriteCount | Should -Be $script:WritesAfterFirst
    }

    It 'shows the partner as ready with Get-EsignetPmsPartner, whose output pipes on the same way' {
        $status = $script:First | Get-EsignetPmsPartner
        $status.Ready | Should -BeTrue
        $status.PolicyId | Should -Be $script:First.PolicyId
        $status.OrganizationName | Should -Be 'OpenG2P Demo'
        $status.Mappings.Status | Should -Be 'approved'
        $status.Mappings.PolicyName | Should -Be 'demo-auth-policy'
        Get-EsignetPmsPartner nobody -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound*'
    }

    It 'keeps key files owner-only' -Skip:$IsWindows {
        foreach ($f in Get-ChildItem $script:Certs) { Get-UnixMode $f.FullName | Should -Be '600' -Because $f.Name }
    }
}

Describe 'Initialize-EsignetPmsPartner -WhatIf' {
    It 'shows each step and sends and writes nothing' {
        Reset-Pms '1.2.2'
        $certs = Join-Path $TestDrive 'whatif-certs'
        $row = New-PartnerRow
        $result = Initialize-EsignetPmsPartner @row -CertificateDirectory $certs -WhatIf
        $result.Steps.Count | Should -Be 9
        $result.Steps.Outcome | Sort-Object -Unique | Should -Be 'Skipped'
        Get-WriteCount | Should -Be 0
        Test-Path $certs | Should -BeFalse
        (Invoke-SandboxControl $script:Sandbox 'pms/seed').partners.Count | Should -Be 0
    }
}

Describe 'Initialize-EsignetPmsPartner with bad input' {
    BeforeAll { Reset-Pms '1.2.0' }

    It 'refuses an organisation name keymanager would never match, before sending anything' {
        $row = New-PartnerRow -Org 'Acme, Inc'
        Initialize-EsignetPmsPartner @row -CertificateDirectory (Join-Path $TestDrive 'bad1') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidOrganizationName*'
        "$($err[0])" | Should -BeLike '*KER-PCM-008*'
        Get-WriteCount | Should -Be 0
    }

    It 'refuses a description too long for PMS 1.2.0, naming the field' {
        $row = New-PartnerRow
        Initialize-EsignetPmsPartner @row -PolicyDescription ('d' * 129) -CertificateDirectory (Join-Path $TestDrive 'bad2') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPolicyDescription*'
        "$($err[0])" | Should -BeLike '*at most 128*'
    }

    It 'reports a PMS error with its code, the step, the object and what to do, and goes on with the next CSV row' {
        $csv = @"
PartnerId,OrganizationName,EmailId,ContactNumber,Address,PolicyGroup,PolicyName
p-one,Org One,one@example.org,1111,1 St,g,pol
p-two,Org Two,one@example.org,2222,2 St,g,pol
p-three,Org Three,three@example.org,3333,3 St,g,pol
"@
        $results = $csv | ConvertFrom-Csv | Initialize-EsignetPmsPartner -CertificateDirectory (Join-Path $TestDrive 'csv') -ErrorVariable err -ErrorAction SilentlyContinue
        @($results).AuthPartnerId | Should -Be @('p-one', 'p-three')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PMS_PRT_011*'
        "$($err[0])" | Should -BeLike "*Step Partner (partner 'p-two')*another partner*-EmailId*"
        $err[0].TargetObject | Should -Be 'p-two'
    }
}

Describe 'Initialize-EsignetPmsPartner after the CA files were lost' {
    It 'says it makes a new root before doing it, then re-issues the partner certificate under it' {
        Reset-Pms '1.2.2'
        $certs = Join-Path $TestDrive 'lost'
        $row = New-PartnerRow
        $null = Initialize-EsignetPmsPartner @row -CertificateDirectory $certs
        Remove-Item (Join-Path $certs 'demo-partner.ca.*')

        $planned = Initialize-EsignetPmsPartner @row -CertificateDirectory $certs -WhatIf -WarningVariable said -WarningAction SilentlyContinue
        "$said" | Should -BeLike '*NEW root CA*'
        Test-Path (Join-Path $certs 'demo-partner.ca.cert.pem') | Should -BeFalse -Because '-WhatIf only says so'
        ($planned.Steps | Where-Object Step -eq 'CaCertificate').Outcome | Should -Be 'Skipped'

        $done = Initialize-EsignetPmsPartner @row -CertificateDirectory $certs -WarningVariable said2 -WarningAction SilentlyContinue
        "$said2" | Should -BeLike '*NEW root CA*'
        ($done.Steps | Where-Object Step -eq 'CaCertificate').Outcome | Should -Be 'Created'
        ($done.Steps | Where-Object Step -eq 'PartnerCertificate').Outcome | Should -Be 'Updated'
        (Initialize-EsignetPmsPartner @row -CertificateDirectory $certs).Ready | Should -BeTrue
    }
}

Describe 'Initialize-EsignetPmsPartner secret safety' {
    It 'puts no private key in any stream, the transcript, an error or the formatted output' {
        Reset-Pms '1.2.2'
        $work = Join-Path $TestDrive 'secret'
        $certs = Join-Path $work 'certs'
        $null = New-Item -ItemType Directory $work
        $transcript = Join-Path $work 'transcript.txt'
        $row = New-PartnerRow
        $common = @{ Verbose = $true; Debug = $true; InformationAction = 'Continue'; ErrorAction = 'Continue'; WarningAction = 'Continue' }
        $null = Start-Transcript -Path $transcript
        $records = @(& {
            Initialize-EsignetPmsPartner @row -CertificateDirectory $certs @common | Format-List * | Out-String
            Initialize-EsignetPmsPartner @row -CertificateDirectory $certs @common | Format-Table | Out-String
            Initialize-EsignetPmsPartner @row -PartnerId other -CertificateDirectory $certs @common
        } *>&1)
        $null = Stop-Transcript
        $everything = ($records | ForEach-Object { "$_"; if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.Exception.ToString() } } | Out-String) + (Get-Content $transcript -Raw)
        $everything | Should -Not -BeNullOrEmpty
        $everything | Should -Not -BeLike '*PRIVATE KEY*'
        foreach ($key in Get-ChildItem $certs -Filter '*.key.pem') {
            $body = (Get-Content $key.FullName | Where-Object { $_ -notlike '-----*' }) -join ''
            foreach ($i in 0, 200, 800) { $everything | Should -Not -BeLike "*$($body.Substring($i, 40))*" }
        }
    }
}

Describe 'Initialize-EsignetPmsPartner killed after each write in turn' {
    It 'converges on rerun with nothing duplicated (killed after write <N>)' -ForEach @(1..7 | ForEach-Object { @{ N = $_ } }) {
        # The child process is killed as soon as the sandbox has counted N writes (latency keeps it from racing
        # on; after write 8, the approval, nothing is left to interrupt). Every write is counted after its answer,
        # so the kill lands during write N+1 or just before it; the rerun must finish the job with one of everything.
        Reset-EsignetSandbox $script:Sandbox -Config @{ pmsVersion = '1.2.0'; latencyMs = 150 }
        $certs = Join-Path $TestDrive "killed-$N"
        $row = New-PartnerRow
        $rowText = ($row.GetEnumerator() | ForEach-Object { "$($_.Key) = '$($_.Value)'" }) -join '; '
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-TestModulePath)'
`$secret = ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force
Connect-EsignetServer -PmsUri '$($script:Sandbox.Uri)' -PmsVersion 1.2.0 -TokenUri '$($script:Sandbox.TokenUri)' -ClientCredential ([pscredential]::new('mosip-pms-client', `$secret)) -LedgerPath '$(Join-Path $TestDrive "kill-ledger-$N.jsonl")' -WarningAction SilentlyContinue
`$row = @{ $rowText }
Initialize-EsignetPmsPartner @row -CertificateDirectory '$certs'
"@
        $file = Join-Path $TestDrive "kill-$N.ps1"
        Set-Content -Path $file -Value $script -Encoding utf8
        $pwsh = Get-PwshCommand
        $psi = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)) { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $child = [Diagnostics.Process]::Start($psi)
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(90)
            while ((Get-WriteCount) -lt $N -and -not $child.HasExited -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            $child.HasExited | Should -BeFalse -Because "the child must still be running after write $N to be killed"
            $child.Kill($true)
            $child.WaitForExit()
        }
        finally {
            if (-not $child.HasExited) { $child.Kill($true) }
        }

        $null = Invoke-SandboxControl $script:Sandbox 'config' -Method PUT -Body @{ latencyMs = 0 }
        Connect-TestSandbox $script:Sandbox -PmsOnly -PmsVersion '1.2.0' -ClientId 'mosip-pms-client' -Ledger (Join-Path $TestDrive "rerun-ledger-$N.jsonl")
        $rerun = Initialize-EsignetPmsPartner @row -CertificateDirectory $certs
        $rerun.Steps.Outcome | Should -Not -Contain 'Skipped'
        (Initialize-EsignetPmsPartner @row -CertificateDirectory $certs).Ready | Should -BeTrue
        $state = Invoke-SandboxControl $script:Sandbox 'pms/seed'
        @($state.policyGroups).Count | Should -Be 1
        @($state.policies).Count | Should -Be 1
        @($state.partners).Count | Should -Be 1
        @($state.mappings).Count | Should -Be 1
        @($state.mappings)[0].status | Should -Be 'approved'
    }
}
