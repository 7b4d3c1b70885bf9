# Conventions over the whole surface, as the best compiled modules check them.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $cmdlets = @(Get-Command -Module Esignet | ForEach-Object { @{ Name = $_.Name } })
    # Connect/Disconnect change only this session's state (as Connect-MgGraph), so they are not in the list.
    $stateChanging = @(Get-Command -Module Esignet | Where-Object Verb -in 'New', 'Set', 'Remove', 'Register', 'Add' |
        ForEach-Object { @{ Name = $_.Name } })
}
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'The module manifest' {
    It 'exports an explicit list of cmdlets that matches what the assembly defines' {
        $manifest = Import-PowerShellDataFile (Get-TestModulePath)
        $manifest.CmdletsToExport | Should -Not -Contain '*'
        $exported = (Get-Command -Module Esignet -CommandType Cmdlet).Name | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }
    It 'takes its version from one place' {
        $manifest = Import-PowerShellDataFile (Get-TestModulePath)
        $dll = Join-Path (Split-Path (Get-TestModulePath)) 'Esignet.PowerShell.dll'
        [Diagnostics.FileVersionInfo]::GetVersionInfo($dll).ProductVersion | Should -BeLike "$($manifest.ModuleVersion)*"
    }
}

Describe '<Name> conventions' -ForEach $cmdlets {
    BeforeAll { $cmd = Get-Command $Name; $help = Get-Help $Name -Full }

    It 'declares its output type' { $cmd.OutputType | Should -Not -BeNullOrEmpty }
    It 'uses an approved verb' { (Get-Verb).Verb | Should -Contain $cmd.Verb }
    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "*$Name*[<]CommonParameters[>]*"   # not the auto-generated syntax stub
        ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }
    It 'has at least two examples' { @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2 }
    It 'describes every parameter' {
        foreach ($p in $cmd.Parameters.Keys | Where-Object { $common -notcontains $_ }) {
            $ph = $help.Parameters.Parameter | Where-Object Name -eq $p
            ($ph.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$p needs help"
        }
    }
    It 'has a format view for its output type' {
        foreach ($t in $cmd.OutputType.Type | Where-Object { $_ -ne [void] }) {
            Get-FormatData -TypeName $t.FullName | Should -Not -BeNullOrEmpty -Because "$($t.FullName) needs a view"
        }
    }
}

Describe '<Name> changes state, so it supports -WhatIf and -Confirm' -ForEach $stateChanging {
    It 'has -WhatIf and -Confirm' {
        (Get-Command $Name).Parameters.Keys | Should -Contain 'WhatIf'
        (Get-Command $Name).Parameters.Keys | Should -Contain 'Confirm'
    }
}

Describe 'about_Esignet' {
    It 'is available through Get-Help' {
        (Get-Help about_Esignet | Out-String) | Should -BeLike '*private_key_jwt*'
    }
}
