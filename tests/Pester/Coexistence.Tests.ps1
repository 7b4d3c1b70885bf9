# Coexistence (issue 8): the module works beside an older Microsoft.IdentityModel and System.IdentityModel.Tokens.Jwt
# (what Az, Microsoft.Graph and ExchangeOnline load) in either order, and leaves them working. Each order runs in a
# fresh pwsh (Coexistence.Scenario.ps1), since what this suite's own process has loaded would blur the result.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force

    # Older than anything the module or its tests use (the tests use 8.x), with assets for .NET 8 and later.
    $script:OlderVersion = '7.5.0'
    $script:IdentityModelPath = Join-Path $TestDrive 'identitymodel'
    $null = New-Item -ItemType Directory $script:IdentityModelPath
    foreach ($id in 'Microsoft.IdentityModel.Abstractions', 'Microsoft.IdentityModel.Logging', 'Microsoft.IdentityModel.Tokens',
        'Microsoft.IdentityModel.JsonWebTokens', 'System.IdentityModel.Tokens.Jwt') {
        Copy-Item (Join-Path (Get-NuGetPackagePath -Id $id -Version $script:OlderVersion) "lib/net8.0/$id.dll") $script:IdentityModelPath
    }

    $script:Sandbox = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION

    function Invoke-Scenario([string] $Order) {
        $work = Join-Path $TestDrive $Order
        $null = New-Item -ItemType Directory $work
        $scenario = Join-Path $PSScriptRoot 'Coexistence.Scenario.ps1'
        $r = Invoke-FreshPwsh -WorkingDirectory $work -Script @"
& '$scenario' -Order $Order -ModulePath '$(Get-TestModulePath)' -IdentityModelPath '$script:IdentityModelPath' ``
    -SandboxUri '$($script:Sandbox.Uri)' -TokenUri '$($script:Sandbox.TokenUri)' -WorkPath '$work' -ClientIdPrefix 'coexist-$($Order.ToLowerInvariant())'
"@
        $line = $r.Output | Where-Object { $_.StartsWith('FACTS ') } | Select-Object -Last 1
        [pscustomobject]@{ ExitCode = $r.ExitCode; Log = ($r.Output -join "`n"); Facts = if ($line) { $line.Substring(6) | ConvertFrom-Json } }
    }
}

AfterAll {
    $script:Sandbox | Stop-EsignetSandbox
}

Describe 'Beside an older Microsoft.IdentityModel, loaded <Order>' -ForEach @(
    @{ Order = 'IdentityModelFirst' }
    @{ Order = 'ModuleFirst' }
) {
    BeforeAll {
        $run = Invoke-Scenario $Order
        $facts = $run.Facts
    }

    It 'runs to the end in a fresh pwsh' {
        $run.ExitCode | Should -Be 0 -Because $run.Log
        $facts | Should -Not -BeNullOrEmpty -Because $run.Log
    }

    It 'registers clients on the sandbox before and after the library is used' {
        $facts.FirstClient.Outcome | Should -Be 'Created'
        $facts.SecondClient.Outcome | Should -Be 'Created'
        $stored = @(Invoke-SandboxControl $script:Sandbox 'clients' | ForEach-Object clientId)
        $stored | Should -Contain $facts.FirstClient.ClientId
        $stored | Should -Contain $facts.SecondClient.ClientId
    }

    It 'leaves the older library loaded once, in the default context, and working' {
        $facts.IdentityModel.Count | Should -Be 5
        foreach ($assembly in $facts.IdentityModel) {
            $assembly.Version | Should -Be "$script:OlderVersion.0" -Because "$($assembly.Name) must be the one the session loaded"
            $assembly.Context | Should -Be 'Default'
        }
        @($facts.IdentityModel.Name | Sort-Object -Unique).Count | Should -Be 5 -Because 'no second copy is loaded'
        $facts.JwtAfterModule | Should -BeTrue
        if ($Order -eq 'IdentityModelFirst') { $facts.JwtBeforeModule | Should -BeTrue }
    }

    It 'lets the library read the module''s keys: same thumbprint, and a client assertion that validates' {
        $facts.ThumbprintByIdentityModel | Should -Be $facts.KeyId
        $facts.AssertionWithModuleKey | Should -BeTrue
    }

    It 'keeps Esignet.Core in the module''s private context, and only the cmdlet assembly in the default one' {
        $facts.InEsignetContext | Should -Contain 'Esignet.Core'
        $facts.InEsignetContext | Where-Object { $_ -like '*IdentityModel*' } | Should -BeNullOrEmpty
        $facts.FromModuleFolderInDefault | Should -Be @('Esignet.PowerShell')
    }
}
