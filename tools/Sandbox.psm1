# Starts and stops the bundled sandbox (tests/Esignet.Sandbox) as a child process on a free loopback port.
# Used by the Demo task, the Pester suite and the benchmarks, so all three start it the same way.

function Get-SandboxDll {
    param([string] $Root = (Split-Path $PSScriptRoot -Parent), [string] $Configuration = 'Release')
    $dll = Join-Path $Root "tests/Esignet.Sandbox/bin/$Configuration/net10.0/Esignet.Sandbox.dll"
    if (-not (Test-Path $dll)) { throw "The sandbox is not built ($dll). Run: dotnet pwsh ./build.ps1 Build -Configuration $Configuration" }
    $dll
}

function Start-EsignetSandbox {
    <#
    .SYNOPSIS
        Starts the sandbox and returns an object with Uri (base address), TokenUri (Keycloak-style, realm mosip),
        AuthManagerUri, Process, and the default credentials. Extra sandbox options go in -Arguments.
        -Command runs an installed sandbox instead of the build's (the esignet-sandbox .NET tool).
    #>
    param(
        [string[]] $Arguments = @(),
        [string] $Configuration = 'Release',
        [string] $Root = (Split-Path $PSScriptRoot -Parent),
        [int] $TimeoutSec = 60,
        [string] $Command
    )
    if ($Command) {
        $psi = [Diagnostics.ProcessStartInfo]::new($Command)
        $start = @()
    }
    else {
        $psi = [Diagnostics.ProcessStartInfo]::new('dotnet')
        $start = @(Get-SandboxDll -Root $Root -Configuration $Configuration)
    }
    foreach ($a in $start + @('--urls', 'http://127.0.0.1:0') + $Arguments) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($psi)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    $uri = $null
    while (-not $uri) {
        $read = $process.StandardOutput.ReadLineAsync()
        $remaining = [int][Math]::Max(0, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)
        if (-not $read.Wait($remaining)) { $process.Kill($true); throw "The sandbox did not start within $TimeoutSec s." }
        $line = $read.Result
        if ($null -eq $line) {
            $err = $process.StandardError.ReadToEnd()
            throw "The sandbox exited before listening (exit code $($process.ExitCode)): $err"
        }
        if ($line -match '^Sandbox listening on (http://\S+)') { $uri = $Matches[1].TrimEnd('/') }
    }
    # Keep draining stdout so the child never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()
    [pscustomobject]@{
        PSTypeName     = 'Esignet.Sandbox'
        Uri            = $uri
        TokenUri       = "$uri/auth/realms/mosip/protocol/openid-connect/token"
        AuthManagerUri = "$uri/v1/authmanager/authenticate/clientidsecretkey"
        AdminClientId  = 'esignet-admin'
        PmsClientId    = 'mosip-pms-client'
        Secret         = 'sandbox-secret'
        Process        = $process
    }
}

function Stop-EsignetSandbox {
    param([Parameter(Mandatory, ValueFromPipeline)] $Sandbox)
    process {
        if ($Sandbox -and -not $Sandbox.Process.HasExited) {
            $Sandbox.Process.Kill($true)
            $null = $Sandbox.Process.WaitForExit(10000)
        }
    }
}

function Get-SandboxCredential {
    # A PSCredential for one of the sandbox's documented, sandbox-only service accounts.
    param([string] $ClientId = 'esignet-admin', [string] $Secret = 'sandbox-secret')
    [pscredential]::new($ClientId, (ConvertTo-SecureString $Secret -AsPlainText -Force))
}

function Invoke-SandboxControl {
    # Calls the sandbox's /_sandbox/ control API (clients, requests, reset, config, token).
    param([Parameter(Mandatory)] $Sandbox, [Parameter(Mandatory)] [string] $Path, [string] $Method = 'GET', $Body)
    $params = @{ Uri = "$($Sandbox.Uri)/_sandbox/$($Path.TrimStart('/'))"; Method = $Method }
    if ($PSBoundParameters.ContainsKey('Body')) { $params.Body = ($Body | ConvertTo-Json -Depth 10); $params.ContentType = 'application/json' }
    # Assigned first so that a JSON array comes out as its elements, ready for Where-Object.
    $answer = Invoke-RestMethod @params
    $answer
}

function Reset-EsignetSandbox {
    # Forgets every client, counter and fault decision, then applies the given settings (camelCase names, as
    # GET /_sandbox/config shows them), e.g. @{ esignetVersion = '1.5'; latencyMs = 20 }.
    param([Parameter(Mandatory)] $Sandbox, [hashtable] $Config = @{})
    $null = Invoke-SandboxControl $Sandbox 'reset' -Method POST
    $null = Invoke-SandboxControl $Sandbox 'config' -Method PUT -Body $Config
}

function Get-SandboxCreateCount {
    # Create requests the sandbox received (eSignet and PMS), from its per-route counters; -Outcome counts only
    # those with that outcome (e.g. 'created').
    param([Parameter(Mandatory)] $Sandbox, [string] $Outcome)
    $routes = (Invoke-SandboxControl $Sandbox 'requests').routes
    $n = 0
    foreach ($p in $routes.PSObject.Properties) {
        if ($p.Name -notmatch '^POST .*(client-mgmt|/oidc/client|/oauth/client)') { continue }
        if (-not $Outcome) { $n += $p.Value.count; continue }
        foreach ($o in $p.Value.outcomes.PSObject.Properties) { if ($o.Name -eq $Outcome) { $n += $o.Value } }
    }
    $n
}

function Split-SandboxArgument {
    <#
    .SYNOPSIS
        The sandbox's options as separate arguments, however the shell delivered them. From sh,
        -SandboxArgs '--esignet-version','1.7' reaches pwsh -File as the one string "--esignet-version,1.7";
        from PowerShell it is two. A string that starts with -- is split at the comma before each further
        option and at the first comma after an option name, so a list value (--claims,name,email) stays whole.
    #>
    param([string[]] $Arguments = @())
    foreach ($a in $Arguments) {
        if (-not $a.StartsWith('--') -or -not $a.Contains(',')) { $a; continue }
        foreach ($option in ($a -split ',(?=--)')) {
            $name, $value = $option -split ',', 2
            $name
            if ($null -ne $value) { $value }
        }
    }
}

Export-ModuleMember -Function Start-EsignetSandbox, Stop-EsignetSandbox, Get-SandboxCredential, Invoke-SandboxControl, Get-SandboxDll, Reset-EsignetSandbox, Get-SandboxCreateCount, Split-SandboxArgument
