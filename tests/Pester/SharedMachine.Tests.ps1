# A shared machine (issue 15): another local user (uid 65534 through setpriv), a second pwsh on the same ledger, and a
# hostile server on loopback. Each check is made from the other side: the other user's own reads, the ledger's lines
# as a separate parser sees them, the sandbox's stored clients, and what reaches the host (a transcript).
BeforeDiscovery {
    # Tests that need a real second user run on Linux as root (setpriv to uid 65534, chown); elsewhere they are
    # skipped and Pester lists them as skipped, never as passed.
    $script:NoSecondUser = -not $IsLinux -or -not (Get-Command setpriv -ErrorAction SilentlyContinue) -or ((& id -u) -ne '0')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:Sandbox = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION
    $script:Nobody = @('--reuid=65534', '--regid=65534', '--clear-groups')

    function Invoke-AsNobody([string[]] $Command) {
        & setpriv @script:Nobody @Command
    }

    function New-Folder([string] $Path, [string] $Mode) {
        $null = New-Item -ItemType Directory -Force $Path
        & chmod $Mode $Path
        $Path
    }

    function New-EcRows([int] $Count, [string] $Prefix) {
        # EC P-256 public keys (made in microseconds) so thousands of distinct keys cost nothing; eSignet 1.8 takes them.
        $keys = @(New-EsignetJwk -KeyType EC -Count $Count)
        for ($i = 0; $i -lt $Count; $i++) {
            [pscustomobject]@{
                clientId       = '{0}-{1:D4}' -f $Prefix, $i
                clientName     = "Portal $i"
                relyingPartyId = 'openg2p-auth-partner'
                logoUri        = 'https://portal.example.org/logo.png'
                redirectUris   = "https://portal$i.example.org/auth_oauth/signin"
                publicKey      = $keys[$i].PublicJwk
            }
        }
    }

    function Start-Pwsh([string] $Script, [switch] $Umask000) {
        # A second pwsh process, started now and left running; Wait-Pwsh collects it.
        $file = Join-Path $TestDrive ("run-{0}.ps1" -f [guid]::NewGuid().ToString('N'))
        Set-Content -Path $file -Value $Script -Encoding utf8
        $pwsh = @(Get-PwshCommand)
        $argv = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)
        if ($Umask000) {
            $psi = [Diagnostics.ProcessStartInfo]::new('/bin/sh')
            $psi.ArgumentList.Add('-c'); $psi.ArgumentList.Add('umask 000; exec "$@"'); $psi.ArgumentList.Add('sh')
            $psi.ArgumentList.Add($pwsh[0])
        }
        else {
            $psi = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
        }
        foreach ($a in $argv) { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.WorkingDirectory = $TestDrive
        $p = [Diagnostics.Process]::Start($psi)
        [pscustomobject]@{ Process = $p; Out = $p.StandardOutput.ReadToEndAsync(); Err = $p.StandardError.ReadToEndAsync() }
    }

    function Wait-Pwsh($Run) {
        if (-not $Run.Process.WaitForExit(600000)) { $Run.Process.Kill($true); throw 'a child pwsh did not finish within 10 minutes' }
        $out = $Run.Out.GetAwaiter().GetResult()
        $line = $out -split "`n" | Where-Object { $_.StartsWith('FACTS ') } | Select-Object -Last 1
        [pscustomobject]@{
            ExitCode = $Run.Process.ExitCode
            Log      = $out + $Run.Err.GetAwaiter().GetResult()
            Facts    = if ($line) { $line.Substring(6) | ConvertFrom-Json }
        }
    }

    function Get-RegistrationScript([string] $Ledger, [string[]] $Csv, [string] $Extra = '') {
        # Registers every row of each CSV in turn on one connection; prints the outcomes and errors as one FACTS line.
        $csvList = ($Csv | ForEach-Object { "'$_'" }) -join ','
        @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-TestModulePath)'
Connect-EsignetServer -Uri '$($script:Sandbox.Uri)' -ServerVersion 1.8 -TokenUri '$($script:Sandbox.TokenUri)' -LedgerPath '$Ledger' ``
    -ClientCredential ([pscredential]::new('esignet-admin', (ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force))) -WarningAction SilentlyContinue
`$results = [Collections.Generic.List[object]]::new()
`$errors = [Collections.Generic.List[string]]::new()
foreach (`$csv in @($csvList)) {
    Import-Csv `$csv | New-EsignetOidcClient -ThrottleLimit 8 $Extra -ErrorVariable bad -ErrorAction SilentlyContinue | ForEach-Object { `$results.Add(`$_) }
    foreach (`$b in `$bad) { `$errors.Add("`$(`$b.FullyQualifiedErrorId): `$b") }
}
'FACTS ' + (@{ Count = `$results.Count; Outcomes = @(`$results | Group-Object Outcome | ForEach-Object { "`$(`$_.Name)=`$(`$_.Count)" }); Errors = @(`$errors) } | ConvertTo-Json -Compress)
"@
    }

    function Read-LedgerLines([string] $Path) {
        # Every line through ConvertFrom-Json (not the module's reader): the ones that do not parse, and the last entry per client.
        $bad = 0; $latest = @{}
        foreach ($line in [IO.File]::ReadAllLines($Path)) {
            try { $e = $line | ConvertFrom-Json -ErrorAction Stop } catch { $bad++; continue }
            $latest[$e.ClientId] = $e
        }
        [pscustomobject]@{ Unparseable = $bad; Latest = $latest }
    }
}

AfterAll {
    $script:Sandbox | Stop-EsignetSandbox
}

Describe 'Private keys beside another local user' -Skip:$script:NoSecondUser {
    It 'lets a watcher running as another user read no private material while 60 keys are made under umask 000' {
        $watched = New-Folder (Join-Path $TestDrive 'watched') '755'     # readable by others: the worst a user may choose
        $spy = New-Folder (Join-Path $TestDrive 'spy') '777'             # where the watcher writes what it got
        $stop = Join-Path $spy 'stop'
        # A world-readable canary proves the watcher can read what it is allowed to: the test could fail.
        Set-Content (Join-Path $watched 'canary.txt') '-----BEGIN PRIVATE KEY----- canary' -NoNewline
        & chmod 644 (Join-Path $watched 'canary.txt')
        $watcher = @'
dir=$1; spy=$2
: > "$spy/loot"; : > "$spy/seen"
while [ ! -e "$spy/stop" ]; do
  for f in "$dir"/* "$dir"/.[!.]*; do
    [ -f "$f" ] || continue
    echo "$f" >> "$spy/seen"
    cat -- "$f" >> "$spy/loot" 2>/dev/null
  done
done
'@
        $script = Join-Path $spy 'watch.sh'
        Set-Content $script $watcher
        & chmod 755 $script
        $psi = [Diagnostics.ProcessStartInfo]::new('setpriv')
        foreach ($a in @($script:Nobody + @('/bin/sh', $script, $watched, $spy))) { $psi.ArgumentList.Add($a) }
        $watch = [Diagnostics.Process]::Start($psi)
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while (-not (Test-Path (Join-Path $spy 'seen')) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }

            $nested = Join-Path $TestDrive 'made/a/b/keys'
            $run = Wait-Pwsh (Start-Pwsh -Umask000 @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-TestModulePath)'
`$null = New-EsignetJwk -KeyType EC -Count 60 -Path '$watched'
`$null = New-EsignetJwk -Path '$nested/one'
'FACTS {"Done":true}'
"@)
        }
        finally {
            $null = New-Item -ItemType File $stop -Force
            if (-not $watch.WaitForExit(20000)) { $watch.Kill() }
        }

        $run.ExitCode | Should -Be 0 -Because $run.Log
        $files = @(Get-ChildItem -LiteralPath $watched -File | Where-Object Name -ne 'canary.txt')
        $files.Count | Should -Be 180 -Because '60 keys of three files each'
        foreach ($f in $files) { Get-UnixMode $f.FullName | Should -Be '600' -Because "$($f.Name) was made under umask 000" }
        foreach ($level in 'made', 'made/a', 'made/a/b', 'made/a/b/keys') {
            Get-UnixMode (Join-Path $TestDrive $level) | Should -Be '700' -Because "the missing folder $level is created owner-only"
        }

        $seen = @(Get-Content (Join-Path $spy 'seen') | Where-Object { $_ -like '*.private.*' })
        $seen.Count | Should -BeGreaterThan 0 -Because 'the watcher saw the key files come and go'
        $loot = Get-Content (Join-Path $spy 'loot') -Raw
        $loot | Should -Match 'canary' -Because 'the watcher could read what it was allowed to'
        ([regex]::Matches($loot, 'PRIVATE KEY-----')).Count | Should -Be ([regex]::Matches($loot, 'canary')).Count -Because 'only the canary was read'
        $loot | Should -Not -Match '"d"\s*:' -Because 'no private JWK was read'
    }

    Context 'A key file planted for the next -GenerateKey run' {
        BeforeAll {
            Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8' }
            Connect-TestSandbox $script:Sandbox -Ledger (Join-Path $TestDrive 'planted.jsonl')
            $script:Source = Join-Path $TestDrive 'source'
            $null = New-EsignetJwk -Path (Join-Path $script:Source 'known')
            & chmod 755 $script:Source
            & chmod 644 (Join-Path $script:Source 'known.private.pem')

            function Register-Planted([string] $Folder, [string] $ClientId, [switch] $Force) {
                $row = [pscustomobject]@{ clientId = $ClientId; clientName = 'Planted'; relyingPartyId = 'rp'; logoUri = 'https://p.example.org/l.png'; redirectUris = 'https://p.example.org/cb' }
                $out = $row | New-EsignetOidcClient -GenerateKey -KeyDirectory $Folder -Force:$Force -ErrorVariable e -ErrorAction SilentlyContinue
                [pscustomobject]@{ Out = $out; Error = $e | Select-Object -First 1 }
            }
        }

        It 'refuses a key another user planted in a shared folder, even with -Force' {
            $shared = New-Folder (Join-Path $TestDrive 'shared') '1777'
            Invoke-AsNobody @('cp', (Join-Path $script:Source 'known.private.pem'), (Join-Path $shared 'planted-1.private.pem'))
            (& stat -c '%u' (Join-Path $shared 'planted-1.private.pem')) | Should -Be '65534'

            $r = Register-Planted $shared 'planted-1'
            $r.Error.FullyQualifiedErrorId | Should -BeLike 'KeyDirectoryNotPrivate,*'
            $r = Register-Planted $shared 'planted-1' -Force
            $r.Out | Should -BeNullOrEmpty
            $r.Error.FullyQualifiedErrorId | Should -BeLike 'KeyFileNotOwned,*'
            "$($r.Error)" | Should -Match 'another user'
            Get-SandboxCreateCount $script:Sandbox | Should -Be 0 -Because 'the planted key was never sent'
        }

        It 'refuses a symlink to a key, and a key of the user''s own that others may read' {
            $own = New-Folder (Join-Path $TestDrive 'own') '700'
            $null = New-Item -ItemType SymbolicLink -Path (Join-Path $own 'linked.private.pem') -Target (Join-Path $script:Source 'known.private.pem')
            (Register-Planted $own 'linked').Error.FullyQualifiedErrorId | Should -BeLike 'KeyFileIsLink,*'

            Copy-Item (Join-Path $script:Source 'known.private.pem') (Join-Path $own 'readable.private.pem')
            & chmod 644 (Join-Path $own 'readable.private.pem')
            $r = Register-Planted $own 'readable'
            $r.Error.FullyQualifiedErrorId | Should -BeLike 'KeyFileNotPrivate,*'
            "$($r.Error)" | Should -Match 'chmod 600'
            Get-SandboxCreateCount $script:Sandbox | Should -Be 0
        }

        It 'refuses a key folder owned by another user, though only they can write to it' {
            $theirs = New-Folder (Join-Path $TestDrive 'theirs') '755'
            Copy-Item (Join-Path $script:Source 'known.private.pem') (Join-Path $theirs 'their-client.private.pem')
            & chmod 600 (Join-Path $theirs 'their-client.private.pem')
            & chown 65534:65534 $theirs
            $r = Register-Planted $theirs 'their-client'
            $r.Error.FullyQualifiedErrorId | Should -BeLike 'KeyDirectoryNotOwned,*'
            Get-SandboxCreateCount $script:Sandbox | Should -Be 0
        }
    }
}

Describe 'Key file names' {
    It 'gives clients whose names sanitise alike their own keys, and still finds a key named the old way' {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8' }
        Connect-TestSandbox $script:Sandbox -Ledger (Join-Path $TestDrive 'names.jsonl')
        $keys = Join-Path $TestDrive 'name-keys'
        $rows = foreach ($id in 'x:y', 'x_y') {
            [pscustomobject]@{ clientId = $id; clientName = "Client $id"; relyingPartyId = 'rp'; logoUri = 'https://n.example.org/l.png'; redirectUris = 'https://n.example.org/cb' }
        }
        $out = @($rows | New-EsignetOidcClient -GenerateKey -KeyDirectory $keys -ThrottleLimit 1)
        $out.Outcome | Should -Be @('Created', 'Created')
        $out[0].KeyThumbprint | Should -Not -Be $out[1].KeyThumbprint
        Split-Path -Leaf $out[1].PrivateKeyPemPath | Should -Be 'x_y.private.pem'
        Split-Path -Leaf $out[0].PrivateKeyPemPath | Should -Match '^x_y-[0-9a-f]{12}\.private\.pem$'

        # A key from an earlier build under the old lossy name is still found (no file under the new name).
        $old = Join-Path $TestDrive 'old-keys'
        $null = New-EsignetJwk -Path (Join-Path $old 'a_b')
        & chmod 700 $old
        $row = [pscustomobject]@{ clientId = 'a:b'; clientName = 'Old'; relyingPartyId = 'rp'; logoUri = 'https://n.example.org/l.png'; redirectUris = 'https://n.example.org/cb' }
        $r = $row | New-EsignetOidcClient -GenerateKey -KeyDirectory $old
        $r.PrivateKeyPemPath | Should -Be (Join-Path $old 'a_b.private.pem')
        $r.KeyThumbprint | Should -Be (Import-EsignetJwk (Join-Path $old 'a_b.private.pem')).Thumbprint
    }
}

Describe 'One ledger, two processes' {
    It 'keeps every line whole and every client''s final entry through 5 rounds of 400 rows per process, and a rerun of both is all Exists' {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8' }
        $ledger = Join-Path $TestDrive 'two-processes.jsonl'
        $csv = @{ A = @(); B = @() }
        foreach ($p in 'A', 'B') {
            foreach ($round in 1..5) {
                $path = Join-Path $TestDrive "rows-$p-$round.csv"
                New-EcRows 400 "two-$p$round".ToLowerInvariant() | Export-Csv $path
                $csv[$p] += $path
            }
        }

        $runs = foreach ($p in 'A', 'B') { Start-Pwsh (Get-RegistrationScript $ledger $csv[$p]) }
        $results = foreach ($r in $runs) { Wait-Pwsh $r }
        foreach ($r in $results) {
            $r.ExitCode | Should -Be 0 -Because $r.Log
            $r.Facts.Errors | Should -BeNullOrEmpty
            $r.Facts.Outcomes | Should -Be @('Created=2000')
        }

        $read = Read-LedgerLines $ledger
        $read.Unparseable | Should -Be 0 -Because 'no line was torn or interleaved by the other process'
        $read.Latest.Count | Should -Be 4000
        @($read.Latest.Values | Where-Object Outcome -ne 'Created').Count | Should -Be 0 -Because 'every client ends with its Created entry'
        @(Invoke-SandboxControl $script:Sandbox 'clients').Count | Should -Be 4000

        $before = Get-SandboxCreateCount $script:Sandbox
        $runs = foreach ($p in 'A', 'B') { Start-Pwsh (Get-RegistrationScript $ledger $csv[$p]) }
        foreach ($r in $runs) {
            $again = Wait-Pwsh $r
            $again.Facts.Errors | Should -BeNullOrEmpty
            $again.Facts.Outcomes | Should -Be @('Exists=2000')
        }
        Get-SandboxCreateCount $script:Sandbox | Should -Be $before
    }

    It 'leaves no error for a rerun after the same CSV ran in two processes at once' {
        Reset-EsignetSandbox $script:Sandbox -Config @{ esignetVersion = '1.8' }
        $ledger = Join-Path $TestDrive 'same-csv.jsonl'
        $path = Join-Path $TestDrive 'same.csv'
        New-EcRows 200 'same' | Export-Csv $path

        $runs = 1..2 | ForEach-Object { Start-Pwsh (Get-RegistrationScript $ledger @($path)) }
        $first = foreach ($r in $runs) { Wait-Pwsh $r }
        foreach ($r in $first) {
            $r.ExitCode | Should -Be 0 -Because $r.Log
            $r.Facts.Errors | Should -BeNullOrEmpty -Because 'a duplicate of the other process''s create with the same key is Exists'
        }
        @(Invoke-SandboxControl $script:Sandbox 'clients').Count | Should -Be 200

        $again = Wait-Pwsh (Start-Pwsh (Get-RegistrationScript $ledger @($path)))
        $again.Facts.Errors | Should -BeNullOrEmpty
        $again.Facts.Outcomes | Should -Be @('Exists=200')
    }
}

Describe 'A hostile or broken server on loopback' {
    BeforeAll {
        # A bare HTTP/1.1 server in another runspace: GET is 404 (no discovery), POST is answered as $Mode says.
        $script:Listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $script:Listener.Start()
        $script:Served = [hashtable]::Synchronized(@{ Mode = 'hostile'; Posts = 0 })
        $script:Server = [powershell]::Create()
        $null = $script:Server.AddScript({
            param($Listener, $Served)
            $utf8 = [Text.UTF8Encoding]::new($false)
            while ($true) {
                try { $c = $Listener.AcceptTcpClient() } catch { return }
                try {
                    $s = $c.GetStream()
                    $buf = [byte[]]::new(65536); $got = [IO.MemoryStream]::new(); $h = -1
                    while ($h -lt 0) {
                        $n = $s.Read($buf, 0, $buf.Length); if ($n -le 0) { break }
                        $got.Write($buf, 0, $n); $text = [Text.Encoding]::ASCII.GetString($got.ToArray()); $h = $text.IndexOf("`r`n`r`n")
                    }
                    if ($h -lt 0) { continue }
                    if ($text -match '(?i)content-length:\s*(\d+)') {
                        while ($got.Length -lt $h + 4 + [int]$Matches[1]) { $n = $s.Read($buf, 0, $buf.Length); if ($n -le 0) { break }; $got.Write($buf, 0, $n) }
                    }
                    if (-not $text.StartsWith('POST')) {
                        $bytes = $utf8.GetBytes("HTTP/1.1 404 Not Found`r`nContent-Length: 0`r`nConnection: close`r`n`r`n"); $s.Write($bytes, 0, $bytes.Length); continue
                    }
                    $Served.Posts++
                    switch ($Served.Mode) {
                        'hostile' {
                            $body = '{"responseTime":"2026-11-29T00:00:00.000Z","response":null,"errors":[{"errorCode":"evil\u001b[31mCODE\u001b[0m","errorMessage":"\u001b[2J\u001b]0;pwned\u0007FAKE: all clients deleted\r\n\u001b]8;;https://evil.example/\u0007click here\u001b]8;;\u0007\u009b31m"}]}'
                            $b = $utf8.GetBytes($body)
                            $head = $utf8.GetBytes("HTTP/1.1 200 OK`r`nContent-Type: application/json`r`nContent-Length: $($b.Length)`r`nConnection: close`r`n`r`n")
                            $s.Write($head, 0, $head.Length); $s.Write($b, 0, $b.Length)
                        }
                        'huge' {
                            # No Content-Length: the body runs until the connection closes, so only counting stops it.
                            $head = $utf8.GetBytes("HTTP/1.1 200 OK`r`nContent-Type: application/json`r`nConnection: close`r`n`r`n")
                            $s.Write($head, 0, $head.Length)
                            $chunk = [byte[]]::new(1MB); [Array]::Fill($chunk, [byte][char]' ')
                            try { foreach ($i in 1..50) { $s.Write($chunk, 0, $chunk.Length) } } catch { }
                        }
                        'drip' {
                            $head = $utf8.GetBytes("HTTP/1.1 200 OK`r`nContent-Type: application/json`r`nContent-Length: 100`r`nConnection: close`r`n`r`n")
                            $s.Write($head, 0, $head.Length)
                            try { foreach ($i in 1..10) { $s.Write([byte[]](32), 0, 1); $s.Flush(); Start-Sleep -Milliseconds 400 } } catch { }
                        }
                    }
                }
                catch { }
                finally { $c.Dispose() }
            }
        }).AddParameters(@{ Listener = $script:Listener; Served = $script:Served })
        $null = $script:Server.BeginInvoke()
        $script:HostileUri = "http://127.0.0.1:$($script:Listener.LocalEndpoint.Port)"
        $script:Key = New-EsignetJwk -KeyType EC

        function Send-Row([string] $Mode, [string] $ClientId, [int] $TimeoutSec = 30, [int] $MaxRetry = 4) {
            $script:Served.Mode = $Mode
            $script:Served.Posts = 0
            Connect-EsignetServer -Uri $script:HostileUri -ServerVersion 1.8 -LedgerPath (Join-Path $TestDrive "$Mode.jsonl") -TimeoutSec $TimeoutSec -MaxRetry $MaxRetry -WarningAction SilentlyContinue
            [pscustomobject]@{ clientId = $ClientId; clientName = 'Hostile'; relyingPartyId = 'rp'; logoUri = 'https://h.example.org/l.png'; redirectUris = 'https://h.example.org/cb'; publicKey = $script:Key.PublicJwk } |
                New-EsignetOidcClient -ErrorAction Continue 2>&1   # the suite runs with ErrorActionPreference Stop
        }
    }

    AfterAll {
        $script:Listener.Stop()
        $script:Server.Stop()
        $script:Server.Dispose()
    }

    It 'lets none of the server''s control characters reach the host; the ErrorId is a fixed safe one, the transcript shows the escaped code' {
        $PSStyle.OutputRendering = 'PlainText'   # so that any escape in the transcript can only have come from the server
        $script:captured = $null
        $transcript = Get-HostOutput { $script:captured = @(Send-Row 'hostile' 'hostile-1'); $script:captured | Out-Host }
        $err = $script:captured | Where-Object { $_ -is [Management.Automation.ErrorRecord] } | Select-Object -First 1
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'ServerErrorCodeNotSafe,*'
        $everything = "$($err.Exception.Message)`n$($err.ErrorDetails.Message)`n$transcript"
        $everything | Should -Not -Match '[\x00-\x08\x0B-\x1F\x7F-\x9F]' -Because 'no control character of the server reaches a stream or the host'
        $everything | Should -Not -Match '[\u001b\u0007]'
        $transcript | Should -Match ([regex]::Escape('evil\u001B[31mCODE\u001B[0m'))
        $transcript | Should -Match ([regex]::Escape('\u001B[2J\u001B]0;pwned\u0007'))
        Get-Content (Join-Path $TestDrive 'hostile.jsonl') -Raw | Should -Match '"Error":"ServerErrorCodeNotSafe"'
    }

    It 'refuses an answer larger than 4 MiB without reading it whole, and does not ask again' {
        $out = @(Send-Row 'huge' 'huge-1')
        $err = $out | Where-Object { $_ -is [Management.Automation.ErrorRecord] } | Select-Object -First 1
        $err.FullyQualifiedErrorId | Should -BeLike 'ResponseTooLarge,*'
        "$err" | Should -Match 'larger than 4 MiB'
        $script:Served.Posts | Should -Be 1 -Because 'an oversized answer is not a transient failure'
    }

    It 'cuts off a server that drips its answer at the per-attempt deadline' {
        $out = @(Send-Row 'drip' 'drip-1' -TimeoutSec 1 -MaxRetry 1)
        $err = $out | Where-Object { $_ -is [Management.Automation.ErrorRecord] } | Select-Object -First 1
        $err.FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
        "$err" | Should -Match 'no answer within 1 s \(after 2 attempts\)'
        $script:Served.Posts | Should -Be 2
    }
}

Describe 'Credentials in a server URL' {
    It 'refuses a URL with user info and never echoes the password' {
        $transcript = Get-HostOutput {
            try { Connect-EsignetServer -Uri 'https://ops:hunter2@esignet.example.org' -Verbose -ErrorAction Stop } catch { $script:refusal = $_; $_ | Out-Host }
        }
        $script:refusal.FullyQualifiedErrorId | Should -BeLike 'CredentialsInUri*'
        "$($script:refusal)" | Should -Not -Match 'hunter2'
        "$($script:refusal)" | Should -Match 'https://esignet.example.org/'
        # The error view quotes the line the user typed (which holds what they typed); nothing else may.
        $module = ($transcript -split "`n" | Where-Object { $_ -notmatch 'Connect-EsignetServer -Uri' }) -join "`n"
        $module | Should -Match 'was given with a user name or password'
        $module | Should -Not -Match 'hunter2'
    }
}
