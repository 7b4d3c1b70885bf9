<#
.SYNOPSIS
    The performance suite (build.ps1 Bench): registration throughput, key generation, end to end, start-up and
    memory, each beside a reference measured in the same run, as medians over -Runs runs.
.DESCRIPTION
    Runs against the bundled sandbox on loopback with -LatencyMs added to every API request. Writes a Markdown
    table to -OutPath and prints it; with -ReadmePath, replaces the README's table between the bench markers.
    Every figure is a ratio to a reference taken in the same run, so a busy machine slows both sides alike.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $Configuration = 'Release',
    [int] $LatencyMs = 20,
    [int] $Rows = 1000,
    [int] $Runs = 3,
    # Runs of the two key-generation scenarios, which take a minute or more each (RSA-2048 is CPU-bound).
    [int] $KeyRuns = 2,
    [int] $HighThrottle = 32,
    [int] $MemoryRows = 20000,
    # Which scenarios to run (all by default); e.g. -Scenario 1 while tuning throughput. Strings, so that "2,4"
    # passed through pwsh -File (build.ps1 Bench -Scenario 2,4) works too. A partial run rewrites only its rows of
    # the README table and marks them with the date and -Note.
    [string[]] $Scenario = @('1', '2', '3', '4', '5'),
    # For a partial run: a word on the conditions, shown beside the re-measured rows (e.g. "machine shared with builds").
    [string] $Note,
    [string] $OutPath = (Join-Path $PSScriptRoot '../out/bench/results.md'),
    [string] $ReadmePath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
[int[]] $Scenario = @($Scenario -split ',' | Where-Object { $_ } | ForEach-Object { [int]$_ })
$root = Split-Path $PSScriptRoot -Parent
Import-Module (Join-Path $root 'tools/Sandbox.psm1') -Force
$ModulePath = (Resolve-Path $ModulePath).Path   # child processes need it absolute
Import-Module $ModulePath -Force
$work = Join-Path ([IO.Path]::GetTempPath()) "esignet-bench-$([guid]::NewGuid().ToString('N'))"
$null = New-Item -ItemType Directory $work

function Get-Median([double[]] $Values) {
    $s = @($Values | Sort-Object)
    if ($s.Count % 2) { $s[[int][Math]::Floor($s.Count / 2)] } else { ($s[$s.Count / 2 - 1] + $s[$s.Count / 2]) / 2 }
}

function Measure-Median([int] $Times, [scriptblock] $Setup, [scriptblock] $Action) {
    # Median seconds of $Action over $Times runs; $Setup (untimed) runs before each.
    $samples = foreach ($i in 1..$Times) {
        if ($Setup) { & $Setup }
        [GC]::Collect()
        (Measure-Command { $null = & $Action }).TotalSeconds
    }
    Get-Median $samples
}

function Get-PwshCommand {
    $exe = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { return @($exe, (Join-Path $PSHOME 'pwsh.dll')) }
    @($exe)
}

function Invoke-Child([string] $Command) {
    # A fresh pwsh (no profile) running $Command; returns its standard output lines.
    $pwsh = Get-PwshCommand
    & $pwsh[0] @(@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Command))
}

function New-Rows([object[]] $Keys, [string] $Prefix) {
    $i = 0
    foreach ($k in $Keys) {
        $i++
        [pscustomobject]@{
            clientId = '{0}-{1:D5}' -f $Prefix, $i; clientName = "Portal $i"; relyingPartyId = 'openg2p-auth-partner'
            logoUri = 'https://portal.example.org/logo.png'; redirectUris = "https://portal$i.example.org/cb"
            userClaims = 'name;email'; authContextRefs = 'mosip:idp:acr:generated-code'; publicKey = $k.PublicJwk
        }
    }
}

$results = [Collections.Generic.List[object]]::new()
function Add-Result([string] $Scenario, [string] $Measured, [double] $Value, [string] $Unit, [string] $Reference, [double] $RefValue, [string] $Ratio, [string] $Target, [bool] $Met) {
    $results.Add([pscustomobject]@{ Scenario = $Scenario; Measured = $Measured; Value = $Value; Unit = $Unit; Reference = $Reference; RefValue = $RefValue; Ratio = $Ratio; Target = $Target; Met = $Met })
    Write-Host ("{0,-28} {1,-40} {2,8:0.###} {3} | {4} {5:0.###} | {6} (target {7}) {8}" -f $Scenario, $Measured, $Value, $Unit, $Reference, $RefValue, $Ratio, $Target, $(if ($Met) { 'met' } else { 'MISSED' }))
}

$sandbox = Start-EsignetSandbox -Configuration $Configuration
try {
    $credential = Get-SandboxCredential
    $cores = [Environment]::ProcessorCount
    $jwk = $null
    $script:madeKeys = $null
    Write-Host "Bench: $Rows rows, latency $LatencyMs ms, $Runs runs, $cores cores"

    # --- 2. Key generation -------------------------------------------------------------------------------------
    if ($Scenario -contains 2) {
    $jwk = Measure-Median $KeyRuns $null { $script:madeKeys = @(New-EsignetJwk -Count $Rows) }
    $openssl = Measure-Median $KeyRuns $null { bash -c "seq $Rows | xargs -P $cores -I{} openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out /dev/null 2>/dev/null" }
    Add-Result '2. Key generation' "New-EsignetJwk -Count $Rows (RSA 2048)" $jwk 's' "openssl genpkey x $Rows on $cores cores" $openssl ('{0:0.00}x openssl' -f ($jwk / $openssl)) '<= 1.2x' ($jwk / $openssl -le 1.2)

    }

    # --- 1. Registration throughput (pre-made keys) ---------------------------------------------------------
    $defaultThrottle = [int](New-Object Esignet.PowerShell.Commands.NewEsignetOidcClientCommand).ThrottleLimit
    $reset = { Reset-EsignetSandbox $sandbox -Config @{ esignetVersion = '1.8'; latencyMs = $LatencyMs } }
    $connect = {
        $script:ledgerN++
        Connect-EsignetServer -Uri $sandbox.Uri -ServerVersion 1.8 -ClientCredential $credential -TokenUri $sandbox.TokenUri -LedgerPath (Join-Path $work "ledger-$($script:ledgerN).jsonl") -WarningAction SilentlyContinue
    }
    $script:ledgerN = 0
    # Scenario 2 (run first) leaves its keys behind; otherwise they are made here, untimed.
    $rowsData = @(New-Rows $(if ($script:madeKeys) { $script:madeKeys } else { @(New-EsignetJwk -Count $Rows) }) 'bench')
    if ($Scenario -contains 1) {
    $loop = Measure-Median $Runs $reset { & (Join-Path $PSScriptRoot 'Register-WithInvokeRestMethod.ps1') -Rows $rowsData -EsignetUri $sandbox.Uri -TokenUri $sandbox.TokenUri -Credential $credential }
    foreach ($throttle in @($defaultThrottle, $HighThrottle)) {
        $t = Measure-Median $Runs { & $reset; & $connect } {
            $out = @($rowsData | New-EsignetOidcClient -ThrottleLimit $throttle)
            if ($out.Count -ne $Rows) { throw "expected $Rows results, got $($out.Count)" }
        }
        $bound = $Rows * $LatencyMs / 1000 / $throttle
        Add-Result '1. Registration' "New-EsignetOidcClient -ThrottleLimit $throttle" $t 's' 'sequential Invoke-RestMethod loop' $loop ('{0:0.0}x faster' -f ($loop / $t)) $(if ($throttle -eq $defaultThrottle) { '>= 8x' } else { '-' }) ($throttle -ne $defaultThrottle -or $loop / $t -ge 8)
        Add-Result '1. Registration' "New-EsignetOidcClient -ThrottleLimit $throttle" $t 's' "latency bound rows x $LatencyMs ms / $throttle" $bound ('{0:0.00}x the bound' -f ($t / $bound)) '<= 1.3x' ($t / $bound -le 1.3)
    }

    }

    # --- 3. End to end -----------------------------------------------------------------------------------------
    if ($Scenario -contains 3) {
    $rowsNoKey = @($rowsData | Select-Object * -ExcludeProperty publicKey)
    $e2e = Measure-Median $KeyRuns { & $reset; & $connect; Remove-Item (Join-Path $work 'e2e-keys') -Recurse -Force -ErrorAction SilentlyContinue } {
        $out = @($rowsNoKey | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $work 'e2e-keys'))
        if ($out.Count -ne $Rows) { throw "expected $Rows results, got $($out.Count)" }
    }
    $e2eBound = [Math]::Max([double]$(if ($jwk) { $jwk } else { 0 }), $Rows * $LatencyMs / 1000 / $defaultThrottle)
    Add-Result '3. End to end' "$Rows rows with -GenerateKey" $e2e 's' 'max(key generation, latency bound)' $e2eBound ('{0:0.00}x' -f ($e2e / $e2eBound)) '-' $true
    }

    # --- 4. Start-up -------------------------------------------------------------------------------------------
    if ($Scenario -contains 4) {
    $bare = Get-Median @(foreach ($i in 1..5) { (Measure-Command { Invoke-Child 'exit' }).TotalSeconds })
    $import = Get-Median @(foreach ($i in 1..5) { (Measure-Command { Invoke-Child "Import-Module '$ModulePath'" }).TotalSeconds })
    $first = Get-Median @(foreach ($i in 1..5) { (Measure-Command { Invoke-Child "Import-Module '$ModulePath'; `$null = New-EsignetJwk" }).TotalSeconds })
    Add-Result '4. Start-up' 'pwsh -c Import-Module' $import 's' 'pwsh -c exit' $bare ('{0:+0.00;-0.00} s' -f ($import - $bare)) '<= +0.3 s' ($import - $bare -le 0.3)
    Add-Result '4. Start-up' 'first command (New-EsignetJwk)' $first 's' 'import only' $import ('{0:+0.00;-0.00} s' -f ($first - $import)) '-' $true

    }

    # --- 5. Memory ---------------------------------------------------------------------------------------------
    if ($Scenario -contains 5) {
    & $reset
    $memory = foreach ($n in 1000, $MemoryRows) {
        $script = @"
Import-Module '$ModulePath'
Connect-EsignetServer -Uri '$($sandbox.Uri)' -ServerVersion 1.8 -TokenUri '$($sandbox.TokenUri)' -LedgerPath '$(Join-Path $work "mem-$n.jsonl")' -ClientCredential ([pscredential]::new('esignet-admin', (ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force))) -WarningAction SilentlyContinue
`$key = (New-EsignetJwk).PublicJwk
& { foreach (`$i in 1..$n) { [pscustomobject]@{ clientId = "mem-`$i"; clientName = 'Portal'; relyingPartyId = 'rp'; logoUri = 'https://p.example.org/l.png'; redirectUris = "https://p`$i.example.org/cb"; userClaims = 'name'; authContextRefs = 'mosip:idp:acr:generated-code'; publicKey = `$key } } } |
    New-EsignetOidcClient -WhatIf -InformationAction Ignore 6>`$null | Out-Null
[GC]::Collect()
'PEAK ' + [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
"@
        $file = Join-Path $work "mem-$n.ps1"
        Set-Content $file $script
        $pwsh = Get-PwshCommand
        $lines = & $pwsh[0] @(@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)) | Where-Object { $_ -like 'PEAK *' }
        [double]($lines -replace 'PEAK ', '') / 1MB
    }
    Add-Result '5. Memory (-WhatIf)' "peak working set, $MemoryRows rows" $memory[1] 'MB' 'peak working set, 1,000 rows' $memory[0] ('{0:+0.0;-0.0} MB' -f ($memory[1] - $memory[0])) '<= +50 MB' ($memory[1] - $memory[0] -le 50)
    }
}
finally {
    Disconnect-EsignetServer -ErrorAction SilentlyContinue
    $sandbox | Stop-EsignetSandbox
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

$cpu = (Get-Content /proc/cpuinfo -ErrorAction SilentlyContinue | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -replace '^model name\s*:\s*', ''
$md = [Text.StringBuilder]::new()
$null = $md.AppendLine("Measured $(Get-Date -Format 'yyyy-MM-dd') on $([Environment]::ProcessorCount) cores ($cpu), $([Runtime.InteropServices.RuntimeInformation]::OSDescription), PowerShell $($PSVersionTable.PSVersion); sandbox latency $LatencyMs ms per request; medians of $Runs runs.")
$null = $md.AppendLine()
$null = $md.AppendLine('| Scenario | Measured | Time | Reference | Reference time | Ratio | Target | |')
$null = $md.AppendLine('|---|---|---|---|---|---|---|---|')
foreach ($r in $results) {
    $null = $md.AppendLine(("| {0} | {1} | {2:0.###} {3} | {4} | {5:0.###} {3} | {6} | {7} | {8} |" -f $r.Scenario, $r.Measured, $r.Value, $r.Unit, $r.Reference, $r.RefValue, $r.Ratio, $r.Target, $(if ($r.Met) { 'met' } else { 'missed' })))
}
$table = $md.ToString()
$null = New-Item -ItemType Directory -Path (Split-Path $OutPath -Parent) -Force
Set-Content -Path $OutPath -Value $table -Encoding utf8
Write-Host "`n$table"
Write-Host "Written to $OutPath"

if ($ReadmePath) {
    $readme = Get-Content $ReadmePath -Raw
    $begin = '<!-- bench:begin -->'; $end = '<!-- bench:end -->'
    if ($readme -match [regex]::Escape($begin)) {
        $pattern = [regex]::Escape($begin) + '(?s).*?' + [regex]::Escape($end)
        $partial = @(1..5 | Where-Object { $Scenario -notcontains $_ }).Count -gt 0
        if ($partial) {
            # Keep the other scenarios' rows (and the heading line of the run that measured them); the rows of the
            # scenarios run now take the place of their old ones, marked with today's date and the note.
            $mark = ' (' + (Get-Date -Format 'yyyy-MM-dd') + ')'
            $newRows = @($table -split "`n" | Where-Object { $_ -match '^\| \d\. ' } | ForEach-Object { $_ -replace '^(\| \d\. [^|]*?) \|', "`$1$mark |" })
            $lines = [Collections.Generic.List[string]]::new()
            $done = @{}
            foreach ($line in ([regex]::Match($readme, $pattern).Value -split "`n" | Select-Object -Skip 1 | Where-Object { $_ -notlike '<!--*' -and $_ -notlike '(*) *' })) {
                if ($line -match '^\| (\d)\. ' -and $Scenario -contains [int]$Matches[1]) {
                    $n = [int]$Matches[1]
                    if (-not $done[$n]) { $done[$n] = $true; $newRows | Where-Object { $_ -match "^\| $n\. " } | ForEach-Object { $lines.Add($_) } }
                    continue
                }
                $lines.Add($line)
            }
            foreach ($n in $Scenario) { if (-not $done[$n]) { $newRows | Where-Object { $_ -match "^\| $n\. " } | ForEach-Object { $lines.Add($_) } } }
            $lines.Add('')
            $lines.Add("(*) Rows dated$mark`: scenario$(if ($Scenario.Count -gt 1) { 's' }) $($Scenario -join ', ') re-measured (only these) on $([Environment]::ProcessorCount) cores, PowerShell $($PSVersionTable.PSVersion)$(if ($Note) { "; $Note" }).")
            $table = ($lines -join "`n").Trim() + "`n"
        }
        $readme = [regex]::Replace($readme, $pattern, { param($m) "$begin`n$table$end" })
        Set-Content -Path $ReadmePath -Value $readme.TrimEnd() -Encoding utf8
        Write-Host "README table updated."
    }
}
