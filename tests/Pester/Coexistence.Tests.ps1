# Coexistence (issue 8): the module works beside an older Microsoft.IdentityModel and System.IdentityModel.Tokens.Jwt
# (what Az, Microsoft.Graph and ExchangeOnline load) in either order, and leaves them working. Each order runs in a
# fresh pwsh (Coexistence.Scenario.ps1), since what this suite's own process has loaded would blur the result.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force

    # Older than the module's own (8.x), as other modules load them: 7.5.0 (net8.0 assets) and the 6.x line
    # (netstandard2.0 assets, no Abstractions yet). tests/Tools/Tools.csproj downloads both.
    $script:Older = @{
        '7.5.0'  = @{ Framework = 'net8.0'; Names = 'Microsoft.IdentityModel.Abstractions', 'Microsoft.IdentityModel.Logging',
                'Microsoft.IdentityModel.Tokens', 'Microsoft.IdentityModel.JsonWebTokens', 'System.IdentityModel.Tokens.Jwt' }
        '6.10.0' = @{ Framework = 'netstandard2.0'; Names = 'Microsoft.IdentityModel.Logging', 'Microsoft.IdentityModel.Tokens',
                'Microsoft.IdentityModel.JsonWebTokens', 'System.IdentityModel.Tokens.Jwt' }
    }
    $script:IdentityModelPaths = @{}
    foreach ($version in $script:Older.Keys) {
        $path = Join-Path $TestDrive "identitymodel-$version"
        $null = New-Item -ItemType Directory $path
        foreach ($id in $script:Older[$version].Names) {
            Copy-Item (Join-Path (Get-NuGetPackagePath -Id $id -Version $version) "lib/$($script:Older[$version].Framework)/$id.dll") $path
        }
        $script:IdentityModelPaths[$version] = $path
    }

    $script:Sandbox = Start-EsignetSandbox -Configuration $env:ESIGNET_TEST_CONFIGURATION

    function Invoke-Scenario([string] $Order, [string] $Version) {
        $work = Join-Path $TestDrive "$Order-$Version"
        $null = New-Item -ItemType Directory $work
        $scenario = Join-Path $PSScriptRoot 'Coexistence.Scenario.ps1'
        $r = Invoke-FreshPwsh -WorkingDirectory $work -Script @"
& '$scenario' -Order $Order -ModulePath '$(Get-TestModulePath)' -IdentityModelPath '$($script:IdentityModelPaths[$Version])' ``
    -SandboxUri '$($script:Sandbox.Uri)' -TokenUri '$($script:Sandbox.TokenUri)' -WorkPath '$work' -ClientIdPrefix 'coexist-$($Order.ToLowerInvariant())-$($Version.Replace('.', ''))'
"@
        $line = $r.Output | Where-Object { $_.StartsWith('FACTS ') } | Select-Object -Last 1
        [pscustomobject]@{ ExitCode = $r.ExitCode; Log = ($r.Output -join "`n"); Facts = if ($line) { $line.Substring(6) | ConvertFrom-Json } }
    }
}

AfterAll {
    $script:Sandbox | Stop-EsignetSandbox
}

Describe 'Beside Microsoft.IdentityModel <Version>, loaded <Order>' -ForEach @(
    @{ Order = 'IdentityModelFirst'; Version = '7.5.0' }
    @{ Order = 'ModuleFirst'; Version = '7.5.0' }
    @{ Order = 'IdentityModelFirst'; Version = '6.10.0' }
    @{ Order = 'ModuleFirst'; Version = '6.10.0' }
) {
    BeforeAll {
        $run = Invoke-Scenario $Order $Version
        $expected = $script:Older[$Version].Names
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
        $inDefault = @($facts.IdentityModel | Where-Object Context -eq 'Default')
        @($inDefault.Name | Sort-Object) | Should -Be @($expected | Sort-Object) -Because 'each of the other copy''s assemblies is loaded once, in the default context'
        foreach ($assembly in $inDefault) {
            $assembly.Version | Should -Be "$Version.0" -Because "$($assembly.Name) must be the one the session loaded"
        }
        $facts.JwtAfterModule | Should -BeTrue
        if ($Order -eq 'IdentityModelFirst') { $facts.JwtBeforeModule | Should -BeTrue }
    }

    It 'lets the library read the module''s keys: same thumbprint, and a client assertion that validates' {
        $facts.ThumbprintByIdentityModel | Should -Be $facts.KeyId
        $facts.AssertionWithModuleKey | Should -BeTrue
    }

    It 'accepts, in the other copy, a client assertion the module signed' {
        $facts.ModuleAssertionAcceptedByOtherCopy | Should -BeTrue
    }

    It 'keeps Esignet.Core and its own Microsoft.IdentityModel in the module''s private context, and only the cmdlet assembly in the default one' {
        $facts.InEsignetContext | Should -Contain 'Esignet.Core'
        # The module's copy (8.x) was used for the keys and the assertion, from dependencies/, beside the other one.
        $ours = @($facts.IdentityModelInEsignetContext)
        @($ours.Name) | Should -Contain 'Microsoft.IdentityModel.Tokens'
        @($ours.Name) | Should -Contain 'Microsoft.IdentityModel.JsonWebTokens'
        foreach ($assembly in $ours) {
            [version] $assembly.Version | Should -BeGreaterOrEqual ([version] '8.0.0.0') -Because "$($assembly.Name) is the module's own copy"
            Split-Path $assembly.Location -Parent | Split-Path -Leaf | Should -Be 'dependencies'
        }
        $facts.FromModuleFolderInDefault | Should -Be @('Esignet.PowerShell')
    }
}
