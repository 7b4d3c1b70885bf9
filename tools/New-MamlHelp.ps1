<#
.SYNOPSIS
    Builds the module's MAML help (en-US/Esignet.PowerShell.dll-Help.xml) from module/help/*.psd1.
.DESCRIPTION
    Each module/help/<Cmdlet>.psd1 holds the prose: Synopsis, Description, a description for every
    parameter, at least two Examples, Inputs/Outputs notes and links. Syntax, types, positions and
    pipeline input come from the built cmdlets themselves, so the help cannot drift from the code.
    Runs in a child PowerShell so the build process never loads the module. Fails when a cmdlet or a
    parameter has no help: help is part of the build, not an afterthought (platyPS is not available here).
#>
param(
    [Parameter(Mandatory)] [string] $SourcePath,
    [Parameter(Mandatory)] [string] $DestinationPath,
    [switch] $InProcess
)
$ErrorActionPreference = 'Stop'

if (-not $InProcess) {
    $exe = [Environment]::ProcessPath
    [string[]] $prefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $prefix = @(Join-Path $PSHOME 'pwsh.dll') }
    & $exe @($prefix + @('-NoProfile', '-NonInteractive', '-File', $PSCommandPath, '-SourcePath', $SourcePath, '-DestinationPath', $DestinationPath, '-InProcess'))
    if ($LASTEXITCODE -ne 0) { throw "Help generation failed (exit $LASTEXITCODE)" }
    return
}

$moduleDir = Split-Path (Split-Path $DestinationPath -Parent) -Parent
Import-Module (Join-Path $moduleDir 'Esignet.psd1') -Force
$common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
$problems = [System.Collections.Generic.List[string]]::new()

function Esc([string] $text) { [System.Security.SecurityElement]::Escape($text) }
function Paras([string] $text) {
    if (-not $text) { return '<maml:para />' }
    ($text.Trim() -split '(\r?\n){2,}' | Where-Object { $_.Trim() } | ForEach-Object { "<maml:para>$(Esc ($_.Trim() -replace '\s*\r?\n\s*', ' '))</maml:para>" }) -join ''
}
function TypeName([type] $t) {
    # int? reads as Int32 in the syntax, not Nullable`1 (issue 20, item 10); other generics by their short name.
    $inner = [Nullable]::GetUnderlyingType($t)
    if ($inner) { return $inner.Name }
    if ($t.IsGenericType) { $t.Name } else { $t.FullName }
}
function ShortTypeName([type] $t) { $inner = [Nullable]::GetUnderlyingType($t); if ($inner) { $inner.Name } else { $t.Name } }

$sb = [System.Text.StringBuilder]::new()
$null = $sb.AppendLine('<?xml version="1.0" encoding="utf-8"?>')
$null = $sb.AppendLine('<helpItems schema="maml" xmlns="http://msh">')

# Parameters that a base class gives several cmdlets (-Context, -MaxRetry, -TimeoutSec) are described once, in
# _SharedParameters.psd1; a cmdlet's own file may still override the wording.
$sharedFile = Join-Path $SourcePath '_SharedParameters.psd1'
$shared = if (Test-Path $sharedFile) { Import-PowerShellDataFile $sharedFile } else { @{ Parameters = @{}; Defaults = @{} } }

foreach ($cmd in Get-Command -Module Esignet -CommandType Cmdlet | Sort-Object Name) {
    $file = Join-Path $SourcePath "$($cmd.Name).psd1"
    if (-not (Test-Path $file)) { $problems.Add("$($cmd.Name): no help file $file"); continue }
    $help = Import-PowerShellDataFile $file
    if (-not $help.Parameters) { $help.Parameters = @{} }
    if (-not $help.Defaults) { $help.Defaults = @{} }
    foreach ($name in $shared.Parameters.Keys) {
        if ($cmd.Parameters.ContainsKey($name) -and -not $help.Parameters[$name]) { $help.Parameters[$name] = $shared.Parameters[$name] }
    }
    foreach ($name in $shared.Defaults.Keys) {
        if ($cmd.Parameters.ContainsKey($name) -and -not $help.Defaults.ContainsKey($name)) { $help.Defaults[$name] = $shared.Defaults[$name] }
    }
    foreach ($key in 'Synopsis', 'Description', 'Parameters', 'Examples') {
        if (-not $help[$key]) { $problems.Add("$($cmd.Name): help has no $key") }
    }
    if (@($help.Examples).Count -lt 2) { $problems.Add("$($cmd.Name): fewer than two examples") }
    $params = $cmd.Parameters.Values | Where-Object { $common -notcontains $_.Name }
    foreach ($p in $params) {
        if (-not $help.Parameters -or -not $help.Parameters[$p.Name]) { $problems.Add("$($cmd.Name) -$($p.Name): no description") }
    }
    foreach ($name in @($help.Parameters.Keys)) {
        if (-not $cmd.Parameters.ContainsKey($name)) { $problems.Add("$($cmd.Name): help describes -$name, which does not exist") }
    }

    $verb, $noun = $cmd.Name -split '-', 2
    $null = $sb.AppendLine('<command:command xmlns:maml="http://schemas.microsoft.com/maml/2004/10" xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10">')
    $null = $sb.AppendLine("<command:details><command:name>$($cmd.Name)</command:name><maml:description>$(Paras $help.Synopsis)</maml:description><command:verb>$verb</command:verb><command:noun>$noun</command:noun></command:details>")
    $null = $sb.AppendLine("<maml:description>$(Paras $help.Description)</maml:description>")

    function ParamXml($p, $set, [switch] $Full) {
        $attr = if ($set) { $set.Parameters | Where-Object Name -eq $p.Name } else { $null }
        $paramAttrs = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
        $required = if ($attr) { $attr.IsMandatory } else { [bool]($paramAttrs | Where-Object Mandatory) }
        $position = if ($attr -and $attr.Position -ge 0) { $attr.Position } elseif (-not $attr -and ($paramAttrs | Where-Object { $_.Position -ge 0 })) { ($paramAttrs | Where-Object { $_.Position -ge 0 } | Select-Object -First 1).Position } else { 'named' }
        $byValue = [bool]($paramAttrs | Where-Object ValueFromPipeline)
        $byName = [bool]($paramAttrs | Where-Object ValueFromPipelineByPropertyName)
        $pipeline = if ($byValue -and $byName) { 'True (ByValue, ByPropertyName)' } elseif ($byValue) { 'True (ByValue)' } elseif ($byName) { 'True (ByPropertyName)' } else { 'False' }
        $isSwitch = $p.ParameterType -eq [System.Management.Automation.SwitchParameter]
        $typeName = TypeName $p.ParameterType
        $x = "<command:parameter required=`"$($required.ToString().ToLower())`" variableLength=`"$($p.ParameterType.IsArray.ToString().ToLower())`" globbing=`"false`" pipelineInput=`"$pipeline`" position=`"$position`" aliases=`"$(Esc (($p.Aliases) -join ', '))`">"
        $x += "<maml:name>$($p.Name)</maml:name><maml:description>$(Paras $help.Parameters[$p.Name])</maml:description>"
        $validate = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
        if ($validate -and -not $Full) {
            $x += '<command:parameterValueGroup>' + (($validate.ValidValues | ForEach-Object { "<command:parameterValue required=`"false`" variableLength=`"false`">$(Esc $_)</command:parameterValue>" }) -join '') + '</command:parameterValueGroup>'
        }
        elseif (-not $isSwitch) {
            $x += "<command:parameterValue required=`"true`" variableLength=`"$($p.ParameterType.IsArray.ToString().ToLower())`">$(Esc (ShortTypeName $p.ParameterType))</command:parameterValue>"
        }
        $x += "<dev:type><maml:name>$(Esc $typeName)</maml:name><maml:uri /></dev:type>"
        if ($Full) { $default = if ($help.Defaults) { [string]$help.Defaults[$p.Name] } else { "" }; $x += "<dev:defaultValue>$(Esc $default)</dev:defaultValue>" }
        $x + '</command:parameter>'
    }

    $null = $sb.Append('<command:syntax>')
    foreach ($set in $cmd.ParameterSets) {
        $null = $sb.Append("<command:syntaxItem><maml:name>$($cmd.Name)</maml:name>")
        foreach ($sp in $set.Parameters | Where-Object { $common -notcontains $_.Name }) {
            $null = $sb.Append((ParamXml $cmd.Parameters[$sp.Name] $set))
        }
        $null = $sb.Append('</command:syntaxItem>')
    }
    $null = $sb.AppendLine('</command:syntax>')
    $null = $sb.Append('<command:parameters>')
    foreach ($p in $params) { $null = $sb.Append((ParamXml $p $null -Full)) }
    $null = $sb.AppendLine('</command:parameters>')

    $null = $sb.Append('<command:inputTypes>')
    foreach ($in in @($help.Inputs)) { if ($in) { $null = $sb.Append("<command:inputType><dev:type><maml:name>$(Esc $in.Type)</maml:name></dev:type><maml:description>$(Paras $in.Description)</maml:description></command:inputType>") } }
    $null = $sb.AppendLine('</command:inputTypes>')
    $null = $sb.Append('<command:returnValues>')
    foreach ($t in $cmd.OutputType) { $null = $sb.Append("<command:returnValue><dev:type><maml:name>$(Esc $t.Name)</maml:name></dev:type><maml:description>$(Paras $help.Outputs)</maml:description></command:returnValue>") }
    $null = $sb.AppendLine('</command:returnValues>')
    if ($help.Notes) { $null = $sb.AppendLine("<maml:alertSet><maml:alert>$(Paras $help.Notes)</maml:alert></maml:alertSet>") }

    $null = $sb.Append('<command:examples>')
    $i = 0
    foreach ($ex in @($help.Examples)) {
        $i++
        $null = $sb.Append("<command:example><maml:title>--------- Example $($i): $(Esc $ex.Title) ---------</maml:title><dev:code>$(Esc $ex.Code.Trim())</dev:code><dev:remarks>$(Paras $ex.Remarks)</dev:remarks></command:example>")
    }
    $null = $sb.AppendLine('</command:examples>')
    $null = $sb.Append('<command:relatedLinks>')
    foreach ($link in @($help.Links)) { if ($link) { $null = $sb.Append("<maml:navigationLink><maml:linkText>$(Esc $link)</maml:linkText><maml:uri /></maml:navigationLink>") } }
    $null = $sb.AppendLine('</command:relatedLinks>')
    $null = $sb.AppendLine('</command:command>')
}
$null = $sb.AppendLine('</helpItems>')

if ($problems.Count) {
    $problems | ForEach-Object { Write-Host "help: $_" -ForegroundColor Red }
    exit 1
}
$null = New-Item -ItemType Directory -Path (Split-Path $DestinationPath -Parent) -Force
[IO.File]::WriteAllText($DestinationPath, $sb.ToString(), [Text.UTF8Encoding]::new($false))
[xml] (Get-Content $DestinationPath -Raw) | Out-Null   # must be well-formed
