# Bulk runs that survive faults (issue 5): injected 5xx/429/drops/commit-then-drop, kill -9 and rerun, Ctrl+C,
# retries and timeouts per call, expired tokens, and key folders others can write to. Every check compares what
# the module reports with what the sandbox stored and what is on disk and in the ledger.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:Sandbox = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION

    function Connect-Sandbox([string] $Ledger, [string] $ClientId = 'esignet-admin') {
        Connect-TestSandbox $script:Sandbox -Ledger $Ledger -ClientId $ClientId
    }

    function New-ClientRows([int] $Count, [string] $Prefix) {
        foreach ($i in 1..$Count) {
            [pscustomobject]@{
                clientId       = '{0}-{1:D4}' -f $Prefix, $i
                clientName     = "Portal $i"
                relyingPartyId = 'openg2p-auth-partner'
                logoUri        = 'https://portal.example.org/logo.png'
                redirectUris   = "https://portal$i.example.org/auth_oauth/signin"
            }
        }
    }

    function Stop-BulkRun {
        # Runs New-EsignetOidcClient -GenerateKey in another runspace (a fresh one unless -Runspace is given), stops it
        # as Ctrl+C does once -After results are out, and returns what it wrote and how long the stop took.
        param([object[]] $Rows, [string] $Ledger, [string] $Keys, [int] $After, [runspace] $Runspace)
        $ps = [powershell]::Create()
        if ($Runspace) { $ps.Runspace = $Runspace }
        $null = $ps.AddScript({
            param($Module, $Uri, $TokenUri, $Ledger, $Keys, $Rows)
            Import-Module $Module
            Connect-EsignetServer -Uri $Uri -ServerVersion 1.8 -TokenUri $TokenUri -LedgerPath $Ledger `
                -ClientCredential ([pscredential]::new('esignet-admin', (ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force)))
            $Rows | New-EsignetOidcClient -GenerateKey -KeyDirectory $Keys -ThrottleLimit 4
        }).AddParameters(@{ Module = (Get-TestModulePath); Uri = $script:Sandbox.Uri; TokenUri = $script:Sandbox.TokenUri; Ledger = $Ledger; Keys = $Keys; Rows = $Rows })
        $output = [Management.Automation.PSDataCollection[psobject]]::new()
        $null = $ps.BeginInvoke([Management.Automation.PSDataCollection[psobject]]::new(), $output)
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while ($output.Count -lt $After -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()   # what Ctrl+C does: StopProcessing
        $clock.Stop()
        $ps.Dispose()
        [pscustomobject]@{ Written = @($output); StopSeconds = $clock.Elapsed.TotalSeconds }
    }

    function Read-Ledger([string] $Path) {
        # The latest entry per client, as a reader would take it (a torn last line is skipped).
        $latest = @{}
        foreach ($line in Get-Content $Path) {
            try { $e = $line | ConvertFrom-Json -ErrorAction Stop } catch { continue }
            $latest[$e.ClientId] = $e
        }
        $latest
    }

    function Get-PemThumbprint([string] $PemPath) {
        (Import-EsignetJwk -Path $PemPath).Thumbprint
    }

    function Assert-ExactlyOnce {
        # Every expected client is stored once with the key whose private half is on disk, and the ledger agrees.
        param([string[]] $ClientIds, [string] $KeyDirectory, [string] $LedgerPath)
        $stored = @(Invoke-SandboxControl $script:Sandbox 'clients')
        $stored.Count | Should -Be $ClientIds.Count -Because 'the server holds one client per row and no others'
        (@($stored.clientId | Sort-Object -Unique)).Count | Should -Be $ClientIds.Count
        (Get-SandboxCreateCount $script:Sandbox -Outcome 'success') + (Get-SandboxCreateCount $script:Sandbox -Outcome 'fault:commit-then-drop:success') |
            Should -Be $ClientIds.Count -Because 'each client was stored by exactly one create'
        $ledger = Read-Ledger $LedgerPath
        foreach ($c in $stored) {
            $c.clientId | Should -BeIn $ClientIds
            $pem = Join-Path $KeyDirectory "$($c.clientId).private.pem"
            $pem | Should -Exist -Because "$($c.clientId) is registered, so its private key must be on disk"
            Get-PemThumbprint $pem | Should -Be $c.publicKeyThumbprint -Because "the key on disk for $($c.clientId) is the registered one"
            $entry = $ledger[$c.clientId]
            $entry | Should -Not -BeNullOrEmpty -Because "the ledger knows $($c.clientId)"
            $entry.Outcome | Should -BeIn 'Created', 'Exists' -Because "the ledger's last word on $($c.clientId) is that it is registered"
            $entry.KeyThumbprint | Should -Be $c.publicKeyThumbprint
        }
    }
}

AfterAll {
    Disconnect-EsignetServer -ErrorAction SilentlyContinue
    $script:Sandbox | Stop-EsignetSandbox
}

Describe 'A bulk run against a flaky server' {
    It 'registers 300 rows exactly once through 503s, 429s, dropped connections and lost answers' {
        Reset-EsignetSandbox $script:Sandbox -Config @{
            esignetVersion = '1.8'; seed = 5
            failRate = 0.10; throttleRate = 0.05; dropRate = 0.03; commitThenDropRate = 0.02
        }
        $ledger = Join-Path $TestDrive 'flaky.jsonl'
        $keys = Join-Path $TestDrive 'flaky-keys'
        Connect-Sandbox -Ledger $ledger
        $rows = @(New-ClientRows 300 'flaky')

        # One attempt in five meets a fault. The seed fixes the sequence of answers, not which row gets which (rows
        # are sent in parallel), so with the default 4 retries one run in eleven would see a row run out of them
        # (300 x 0.2^5); with 8, one in 6,000.
        $results = @($rows | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys -ThrottleLimit 16 -MaxRetry 8 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures | Should -BeNullOrEmpty
        $results.Count | Should -Be 300 -Because 'the output accounts for every input row'
        (@($results.ClientId | Sort-Object -Unique)).Count | Should -Be 300
        $results.Outcome | Sort-Object -Unique | ForEach-Object { $_ | Should -BeIn 'Created', 'Exists' }
        $routes = (Invoke-SandboxControl $script:Sandbox 'requests').routes
        $outcomes = ($routes.PSObject.Properties | Where-Object Name -like 'POST */client-mgmt/*').Value.outcomes.PSObject.Properties.Name
        foreach ($fault in 'fault:503', 'fault:429', 'fault:drop') { $outcomes | Should -Contain $fault -Because 'the run met every fault' }
        ($outcomes -like 'fault:commit-then-drop:*') | Should -Not -BeNullOrEmpty
        @($results | Where-Object Outcome -eq 'Exists').Count | Should -BeGreaterThan 0 -Because 'a create whose answer was lost is recognised, not duplicated'
        Assert-ExactlyOnce -ClientIds $rows.clientId -KeyDirectory $keys -LedgerPath $ledger

        # The same input again: nothing is created, every row is reported as already there.
        $before = Get-SandboxCreateCount $script:Sandbox
        $again = @($rows | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys -ThrottleLimit 16)
        $again.Count | Should -Be 300
        $again.Outcome | Sort-Object -Unique | Should -Be 'Exists'
        Get-SandboxCreateCount $script:Sandbox | Should -Be $before -Because 'a rerun sends no create for registered rows'
    }

    It 'recognises a PMS create whose answer was lost by reading the client back' {
        Reset-EsignetSandbox $script:Sandbox -Config @{ seed = 11; commitThenDropRate = 0.25 }
        $ledger = Join-Path $TestDrive 'pms.jsonl'
        Connect-Sandbox -Ledger $ledger -ClientId 'mosip-pms-client'
        $rows = foreach ($i in 1..12) {
            [pscustomobject]@{ name = "PMS portal $i"; policyId = 'openg2p-auth-policy'; authPartnerId = 'openg2p-auth-partner'
                logoUri = 'https://portal.example.org/logo.png'; redirectUris = "https://pms$i.example.org/cb" }
        }

        $results = @($rows | New-EsignetOidcClient -Api Pms -GenerateKey -KeyDirectory (Join-Path $TestDrive 'pms-keys') -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures | Should -BeNullOrEmpty
        $results.Count | Should -Be 12
        @($results | Where-Object Outcome -eq 'Exists').Count | Should -BeGreaterThan 0
        $stored = @(Invoke-SandboxControl $script:Sandbox 'pms/clients')
        $stored.Count | Should -Be 12
        ($results.ClientId | Sort-Object) | Should -Be ($stored.id | Sort-Object)
    }

    It 'does not call a duplicate its own when no earlier attempt was lost' {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8' }
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'theirs.jsonl')
        $row = New-ClientRows 1 'theirs'
        $null = $row | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'theirs-a')
        # Another machine (another ledger, another key) registers the same Client ID.
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'mine.jsonl')
        $out = $row | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'theirs-b') -ErrorVariable e -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'duplicate_client_id,*'
    }
}

Describe 'Streaming and parallel Get/Set' {
    It 'writes the first result long before the last row is read' {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8'; latencyMs = 50 }
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'stream.jsonl')
        $log = [Collections.Generic.List[string]]::new()
        & { foreach ($r in New-ClientRows 30 'stream') { $log.Add("in $($r.clientId)"); $r } } |
            New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'stream-keys') -ThrottleLimit 2 |
            ForEach-Object { $log.Add("out $($_.ClientId)") }
        $firstOut = $log.FindIndex([Predicate[string]] { param($x) $x -like 'out *' })
        $lastIn = $log.IndexOf('in stream-0030')
        $firstOut | Should -BeGreaterOrEqual 0
        $firstOut | Should -BeLessThan ($lastIn - 20) -Because 'results stream out while input is still being read'
        @($log -like 'out *').Count | Should -Be 30
    }

    It 'keeps input order at -ThrottleLimit 1, and runs Get- and Set- in parallel' {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8'; latencyMs = 100 }
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'getset.jsonl')
        $rows = @(New-ClientRows 12 'order')
        $created = @($rows | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'order-keys') -ThrottleLimit 1)
        $created.ClientId | Should -Be $rows.clientId

        $one = Measure-Command { $null = $created | ForEach-Object { [pscustomobject]@{ ClientId = $_.ClientId; LogoUri = 'https://portal.example.org/v1.png' } } | Set-EsignetClient -ThrottleLimit 1 }
        $many = Measure-Command {
            $script:updated = @($created | ForEach-Object { [pscustomobject]@{ ClientId = $_.ClientId; LogoUri = 'https://portal.example.org/v2.png' } } |
                Set-EsignetClient -ThrottleLimit 12)
        }
        $script:updated.Count | Should -Be 12
        $script:updated.LogoUri | Sort-Object -Unique | Should -Be 'https://portal.example.org/v2.png'
        (Invoke-SandboxControl $script:Sandbox 'clients').logoUri | Sort-Object -Unique | Should -Be 'https://portal.example.org/v2.png'
        # A ratio in the same run, not a time limit: twelve 100 ms PATCHes side by side against one after another.
        $many.TotalMilliseconds | Should -BeLessThan ($one.TotalMilliseconds / 2)

        $read = @($created.ClientId | Get-EsignetClient -ThrottleLimit 8)
        ($read.ClientId | Sort-Object) | Should -Be ($rows.clientId | Sort-Object)
    }
}

Describe 'Retries and timeouts' {
    It 'waits as Retry-After says, shows each retry under -Verbose, and stops after -MaxRetry' {
        Reset-EsignetSandbox $script:Sandbox -Config @{ throttleRate = 1.0 }
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'throttle.jsonl')
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $out = New-ClientRows 1 'throttled' | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'k') -MaxRetry 2 -Verbose -ErrorVariable e -ErrorAction SilentlyContinue 4>&1
        $clock.Stop()

        $verbose = @($out | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message
        @($verbose -match 'HTTP 429; retry \d of 2 in 1 s').Count | Should -Be 2
        $clock.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 2 -Because 'Retry-After: 1 is honoured twice'
        Get-SandboxCreateCount $script:Sandbox | Should -Be 3 -Because '-MaxRetry 2 means three attempts'
        $e | Should -HaveCount 1
    }

    It 'never retries a validation error from the server' {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8'; acrs = @('mosip:idp:acr:generated-code') }
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'novalid.jsonl')
        $row = New-ClientRows 1 'acr'
        $row | Add-Member authContextRefs 'mosip:idp:acr:linked-wallet'
        # Local rules allow the ACR (discovery widens them), the server refuses it: one request, no retry.
        $null = $row | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'k2') -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'invalid_acr,*'
        Get-SandboxCreateCount $script:Sandbox | Should -Be 1
    }

    It 'gives up on a slow server after -TimeoutSec per attempt, for this call only' {
        Reset-EsignetSandbox $script:Sandbox -Config @{ latencyMs = 3000 }
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'slow.jsonl')
        $out = New-ClientRows 1 'slow' | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'k3') -TimeoutSec 1 -MaxRetry 0 -ErrorVariable e -ErrorAction SilentlyContinue
        # The sandbox answers after 3 s, well within the connection's 30 s: only the 1 s of -TimeoutSec makes this row
        # fail (no wall-clock bound here: under load key generation alone can take seconds).
        $out | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
        "$($e[0])" | Should -Match 'no answer within 1 s'
        (Get-EsignetContext).ToString() | Should -Not -BeNullOrEmpty
    }

    It 'fetches a new token once when the server stops accepting the old one, and repeats the request' {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8' }
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'expiry.jsonl')
        Start-Sleep -Milliseconds 1100
        # As after a realm key rotation or an admin's revoke: the token the module holds is still in date, but refused.
        $null = Invoke-SandboxControl $script:Sandbox 'revoke-tokens' -Method POST

        $out = New-ClientRows 1 'after-revoke' | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $TestDrive 'k4')

        $out.Outcome | Should -Be 'Created'
        $routes = (Invoke-SandboxControl $script:Sandbox 'requests').routes
        ($routes.PSObject.Properties | Where-Object Name -like 'POST */openid-connect/token').Value.count | Should -Be 2 -Because 'one token at connect, one after the 401'
        $create = ($routes.PSObject.Properties | Where-Object Name -like 'POST */client-mgmt/*').Value
        $create.outcomes.'http:401' | Should -Be 1
        $create.outcomes.success | Should -Be 1
    }

    It 'does not loop when the fresh token is refused too' {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8' }
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'refused.jsonl') -ClientId 'mosip-idrepo-client'
        # A key given, not generated: with -GenerateKey the module now refuses before sending (the token's scopes are known).
        $key = New-EsignetJwk -Path (Join-Path $TestDrive 'k5/refused')
        $null = New-ClientRows 1 'refused' | New-EsignetOidcClient -PublicKey $key -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'Forbidden,*'
        Get-SandboxCreateCount $script:Sandbox | Should -Be 1 -Because 'a 403 is final: no new token, no retry'
    }
}

Describe 'Crash safety' {
    It 'ends with every row registered exactly once after kill -9 and a rerun' {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8'; latencyMs = 150 }
        $work = Join-Path $TestDrive 'crash'
        $null = New-Item -ItemType Directory $work
        $csv = Join-Path $work 'clients.csv'
        New-ClientRows 80 'crash' | Export-Csv $csv -NoTypeInformation
        $ledger = Join-Path $work 'ledger.jsonl'
        $keys = Join-Path $work 'keys'
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-TestModulePath)'
Connect-EsignetServer -Uri '$($script:Sandbox.Uri)' -ServerVersion 1.8 -TokenUri '$($script:Sandbox.TokenUri)' ``
    -ClientCredential ([pscredential]::new('esignet-admin', (ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force))) -LedgerPath '$ledger'
Import-Csv '$csv' | New-EsignetOidcClient -GenerateKey -KeyDirectory '$keys' -ThrottleLimit 8 | ForEach-Object { "`$(`$_.ClientId) `$(`$_.Outcome)" }
"@
        $file = Join-Path $work 'run.ps1'
        Set-Content $file $script
        $pwsh = Get-PwshCommand

        # First run: killed without warning once a third of the clients are stored.
        $child = Start-Process -FilePath $pwsh[0] -ArgumentList (@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)) -PassThru -RedirectStandardOutput (Join-Path $work 'out1.txt') -RedirectStandardError (Join-Path $work 'err1.txt')
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (@(Invoke-SandboxControl $script:Sandbox 'clients').Count -lt 25 -and [DateTime]::UtcNow -lt $deadline -and -not $child.HasExited) { Start-Sleep -Milliseconds 50 }
        $child.HasExited | Should -BeFalse -Because 'the run must be killed while it works'
        $child.Kill()   # SIGKILL: no finally blocks, no flushing
        $child.WaitForExit()
        $storedAtKill = @(Invoke-SandboxControl $script:Sandbox 'clients').Count
        $storedAtKill | Should -BeLessThan 80

        # Second run: the same command to the end.
        $rerun = Invoke-FreshPwsh -Script $script
        $rerun.ExitCode | Should -Be 0 -Because ($rerun.Output -join "`n")
        $lines = @($rerun.Output | Where-Object { $_ -match '^crash-\d{4} (Created|Exists)$' })
        $lines.Count | Should -Be 80 -Because 'the rerun reports every row'
        @($lines -match ' Exists$').Count | Should -BeGreaterOrEqual $storedAtKill -Because 'rows stored before the kill are recognised'
        Assert-ExactlyOnce -ClientIds (Import-Csv $csv).clientId -KeyDirectory $keys -LedgerPath $ledger
    }

    It 'stops in-flight work on Ctrl+C, writes what finished, and a rerun completes the rest exactly once' {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8'; latencyMs = 400 }
        $ledger = Join-Path $TestDrive 'stop.jsonl'
        $keys = Join-Path $TestDrive 'stop-keys'
        $rows = @(New-ClientRows 60 'stop')
        $stopped = Stop-BulkRun -Rows $rows -Ledger $ledger -Keys $keys -After 8

        $stopped.StopSeconds | Should -BeLessThan 2 -Because 'in-flight requests are cancelled, not awaited'
        $written = $stopped.Written
        $written.Count | Should -BeGreaterOrEqual 8
        $written.Count | Should -BeLessThan 60
        $written.Outcome | Sort-Object -Unique | Should -Be 'Created'
        # Everything written is on the server; the ledger knows every stored client (Created, or Pending if it was cut off).
        $stored = @(Invoke-SandboxControl $script:Sandbox 'clients')
        foreach ($r in $written) { $r.ClientId | Should -BeIn $stored.clientId }
        $entries = Read-Ledger $ledger
        foreach ($c in $stored) { $entries[$c.clientId].Outcome | Should -BeIn 'Created', 'Pending' }

        Connect-Sandbox -Ledger $ledger
        $rest = @($rows | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys -ThrottleLimit 8)
        $rest.Count | Should -Be 60
        Assert-ExactlyOnce -ClientIds $rows.clientId -KeyDirectory $keys -LedgerPath $ledger
    }

    It 'lets go of the ledger file when stopped, so the next run in the session writes to the file on disk' {
        # A bulk run keeps the ledger open; Ctrl+C skips EndProcessing, so only the cmdlet's disposal can close it.
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8'; latencyMs = 400 }
        $ledger = Join-Path $TestDrive 'held.jsonl'
        $keys = Join-Path $TestDrive 'held-keys'
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        try {
            $null = Stop-BulkRun -Rows @(New-ClientRows 40 'held') -Ledger $ledger -Keys $keys -After 4 -Runspace $runspace
            Test-Path $ledger | Should -BeTrue
            Remove-Item $ledger   # e.g. an operator starting a fresh ledger

            Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8' }
            $next = [powershell]::Create()
            $next.Runspace = $runspace   # the same session and connection, so the same ledger object
            $null = $next.AddScript({ param($Keys, $Row) $Row | New-EsignetOidcClient -GenerateKey -KeyDirectory $Keys }).AddParameters(@{ Keys = $keys; Row = (New-ClientRows 1 'after-stop') })
            $result = @($next.Invoke())
            $next.Dispose()
            $result.Outcome | Should -Be 'Created'
            Test-Path $ledger | Should -BeTrue -Because 'a held handle would have written to the deleted file'
            (Read-Ledger $ledger)['after-stop-0001'].Outcome | Should -Be 'Created'
        }
        finally {
            $runspace.Dispose()
        }
    }
}

Describe 'Key folders' {
    It 'refuses to write keys into a folder others can write to, unless -Force' -Skip:$IsWindows {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8' }
        Connect-Sandbox -Ledger (Join-Path $TestDrive 'shared.jsonl')
        $shared = Join-Path $TestDrive 'shared-keys'
        $null = New-Item -ItemType Directory $shared
        [IO.File]::SetUnixFileMode($shared, [IO.UnixFileMode]'UserRead, UserWrite, UserExecute, GroupRead, GroupWrite, GroupExecute, OtherRead, OtherExecute')
        $row = New-ClientRows 1 'shared'

        $out = $row | New-EsignetOidcClient -GenerateKey -KeyDirectory $shared -ErrorVariable e -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'KeyDirectoryNotPrivate,*'
        Get-ChildItem $shared | Should -BeNullOrEmpty
        Get-SandboxCreateCount $script:Sandbox | Should -Be 0

        ($row | New-EsignetOidcClient -GenerateKey -KeyDirectory $shared -Force).Outcome | Should -Be 'Created'
        Get-UnixMode (Join-Path $shared 'shared-0001.private.pem') | Should -Be '600'
    }
}
