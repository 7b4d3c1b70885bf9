# The CSV parameters of New-EsignetOidcClient, Set-EsignetClient and Test-EsignetClientDefinition are declared once
# (issue 18). What users see of them must not change: names, types, aliases, sets, positions, pipeline binding,
# completers and validation, and the syntax line (only the order of named parameters may move). Data/CmdletParameters.json is the snapshot taken before the
# declarations were shared; regenerate it only for an intended change: $env:ESIGNET_UPDATE_PARAMETER_SNAPSHOT = 1.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    function Get-ParameterShape([string] $Name) {
        $command = Get-Command $Name -Module Esignet
        [ordered]@{
            Syntax     = ((Get-Command $Name -Module Esignet -Syntax) -split "`r?`n" | Where-Object { $_.Trim() }) -join "`n"
            Parameters = @(foreach ($p in $command.Parameters.Values) {
                [ordered]@{
                    Name       = $p.Name
                    Type       = $p.ParameterType.FullName
                    Aliases    = @($p.Aliases)
                    Attributes = @($p.Attributes | Where-Object { $_ -isnot [Parameter] } | ForEach-Object {
                        $a = $_.GetType().Name
                        if ($_ -is [ArgumentCompleter]) { $a += ':' + $_.Type.Name }
                        if ($_ -is [ValidateRange]) { $a += ":$($_.MinRange)-$($_.MaxRange)" }
                        if ($_ -is [ValidateSet]) { $a += ':' + ($_.ValidValues -join '|') }
                        $a
                    } | Sort-Object)
                    Sets       = @(foreach ($set in ($p.ParameterSets.Keys | Sort-Object)) {
                        $s = $p.ParameterSets[$set]
                        [ordered]@{
                            Set = $set; Mandatory = $s.IsMandatory; Position = $s.Position
                            ValueFromPipeline = $s.ValueFromPipeline; ValueFromPipelineByPropertyName = $s.ValueFromPipelineByPropertyName
                            ValueFromRemainingArguments = $s.ValueFromRemainingArguments; DontShow = [bool]($p.Attributes | Where-Object { $_ -is [Parameter] -and $_.ParameterSetName -eq $set -and $_.DontShow })
                            HelpMessage = $s.HelpMessage
                        }
                    })
                }
            })
        }
    }

    $script:Commands = 'New-EsignetOidcClient', 'Set-EsignetClient', 'Test-EsignetClientDefinition'
    $script:SnapshotPath = Join-Path $PSScriptRoot 'Data/CmdletParameters.json'
    $script:Now = [ordered]@{}
    foreach ($c in $script:Commands) { $script:Now[$c] = Get-ParameterShape $c }
    if ($env:ESIGNET_UPDATE_PARAMETER_SNAPSHOT) { $script:Now | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $script:SnapshotPath -Encoding utf8NoBOM }
    $script:Snapshot = Get-Content -LiteralPath $script:SnapshotPath -Raw | ConvertFrom-Json -AsHashtable
}

Describe 'CSV parameters as users see them' {
    It '<_> has the parameters of the snapshot, unchanged' -ForEach 'New-EsignetOidcClient', 'Set-EsignetClient', 'Test-EsignetClientDefinition' {
        $now = $script:Now[$_] | ConvertTo-Json -Depth 8 | ConvertFrom-Json -AsHashtable
        $was = $script:Snapshot[$_]
        # Declared in a shared base class, the shared columns are listed after the cmdlet's own parameters: the
        # order of the named (non-positional) parameters may move; their shapes, the positions and the sets may not.
        @($now.Parameters.Name | Sort-Object) | Should -Be @($was.Parameters.Name | Sort-Object) -Because 'no parameter is added or dropped'
        foreach ($p in $was.Parameters) {
            $n = $now.Parameters | Where-Object Name -eq $p.Name
            ($n | ConvertTo-Json -Depth 6 -Compress) | Should -Be ($p | ConvertTo-Json -Depth 6 -Compress) -Because "parameter $($p.Name) keeps its shape"
        }

        # The syntax line: the same items, the positional ones first and in the same order.
        $items = { param($syntax) @($syntax -split '\s+(?=[\[-])' | Select-Object -Skip 1) }
        $positional = { param($list) @($list | Where-Object { $_ -like '`[`[-*' -or $_ -match '^\[-\w+\] ' }) }
        $nowItems = & $items $now.Syntax
        $wasItems = & $items $was.Syntax
        @($nowItems | Sort-Object) | Should -Be @($wasItems | Sort-Object)
        & $positional $nowItems | Should -Be (& $positional $wasItems)
        @(& $positional $wasItems).Count | Should -BeGreaterThan 0 -Because 'each of the three has a positional parameter'
    }

    It 'the snapshot covers the shared CSV columns with their aliases' {
        # A check on the snapshot itself, so that an empty or truncated file cannot pass the test above.
        foreach ($c in $script:Commands) {
            $p = $script:Snapshot[$c].Parameters | Where-Object Name -eq 'RedirectUri'
            $p.Aliases | Should -Be @('RedirectUris')
            $p.Sets[0].ValueFromPipelineByPropertyName | Should -BeTrue
        }
        ($script:Snapshot['Set-EsignetClient'].Parameters | Where-Object Name -eq 'ClientId').Sets[0].Mandatory | Should -BeTrue
        ($script:Snapshot['New-EsignetOidcClient'].Parameters | Where-Object Name -eq 'ClientName').Sets[0].Position | Should -Be 0
    }
}
