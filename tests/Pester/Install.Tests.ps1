# The module as a user gets it: packed as build.ps1 Package packs it, installed with PSResourceGet from a local
# repository into a home of its own, imported by name in fresh processes, used against the sandbox installed as a
# .NET tool, then upgraded with Update-PSResource. Also: what the packages hold, the release task, and the manifest's
# cmdlet list against the compiled cmdlets.
#
# Every PSResourceGet and dotnet-tool step runs in a child pwsh whose HOME is a folder under $TestDrive: the
# repository list (~/.local/share/PSResourceGet), the CurrentUser module folder (~/.local/share/powershell/Modules)
# and the module's default ledger (~/.local/share/esignet) are all that home's, so the test never touches the
# user's own and cannot see a copy of the module installed there.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/Sandbox.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/Release.psm1') -Force

    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
    $script:Configuration = if ($env:ESIGNET_TEST_CONFIGURATION) { $env:ESIGNET_TEST_CONFIGURATION } else { 'Release' }
    $script:BuiltModule = Split-Path (Get-TestModulePath) -Parent
    $script:Version = [version] (Import-PowerShellDataFile (Get-TestModulePath)).ModuleVersion
    $script:NextVersion = [version]::new($Version.Major, $Version.Minor, $Version.Build + 1)

    $script:Work = Join-Path $TestDrive 'install'
    $script:IsolatedHome = Join-Path $Work 'home'
    $script:Feed = Join-Path $Work 'feed'
    $script:ToolPath = Join-Path $Work 'dotnet-tools'
    $null = New-Item -ItemType Directory -Path $IsolatedHome, $Feed -Force

    function Invoke-IsolatedPwsh {
        # Runs a script in a fresh pwsh with HOME set to the isolated home and no inherited module path, XDG
        # folders or ESIGNET_* settings. Named arguments are passed as -Name value. Returns Output (stdout and
        # stderr lines) and ExitCode; a run longer than two minutes is killed and fails.
        param([Parameter(Mandatory)] [string] $Script, [hashtable] $Arguments = @{})
        $file = Join-Path $Work ("step-{0}.ps1" -f [guid]::NewGuid().ToString('N'))
        Set-Content -Path $file -Value $Script -Encoding utf8
        $pwsh = Get-PwshCommand
        $psi = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)) { $psi.ArgumentList.Add($a) }
        foreach ($k in $Arguments.Keys) { $psi.ArgumentList.Add("-$k"); $psi.ArgumentList.Add([string]$Arguments[$k]) }
        foreach ($k in @($psi.Environment.Keys)) {
            if ($k -match '^(PSModulePath|XDG_.*|ESIGNET_.*|NUGET_PACKAGES|DOTNET_CLI_HOME)$') { $null = $psi.Environment.Remove($k) }
        }
        $psi.Environment['HOME'] = $IsolatedHome
        $psi.WorkingDirectory = $Work
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.UseShellExecute = $false
        $process = [Diagnostics.Process]::Start($psi)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(120000)) { $process.Kill($true); throw "The step $file did not end within two minutes." }
        $process.WaitForExit()
        [pscustomobject]@{
            Output   = @(($stdout.Result + $stderr.Result) -split '\r?\n' | Where-Object { $_ })
            ExitCode = $process.ExitCode
        }
    }

    function Assert-Step($Run) {
        # A failed step shows its own output, so the test's message says what went wrong in the child.
        $Run.ExitCode | Should -Be 0 -Because ($Run.Output -join "`n")
    }

    # Package N (the module and the sandbox tool), then N+1: the same files with the next version in the
    # manifest. Rebuilding to get N+1 would cost a minute and prove nothing more about installing and updating.
    $script:Packed = Invoke-IsolatedPwsh -Arguments @{
        Tools = (Join-Path $Root 'tools'); ModulePath = $BuiltModule; Feed = $Feed; Work = $Work; NextVersion = "$NextVersion"
        SandboxProject = (Join-Path $Root 'tests/Esignet.Sandbox/Esignet.Sandbox.csproj'); Configuration = $Configuration
    } -Script @'
param($Tools, $ModulePath, $Feed, $Work, $NextVersion, $SandboxProject, $Configuration)
$ErrorActionPreference = 'Stop'
$null = & (Join-Path $Tools 'New-EsignetPackage.ps1') -ModulePath $ModulePath -OutputPath $Feed -SandboxProject $SandboxProject -Configuration $Configuration
$next = Join-Path $Work 'next/Esignet'
$null = New-Item -ItemType Directory -Path (Split-Path $next) -Force
Copy-Item $ModulePath $next -Recurse
$psd1 = Join-Path $next 'Esignet.psd1'
[IO.File]::WriteAllText($psd1, ([IO.File]::ReadAllText($psd1) -replace "(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'", "`${1}'$NextVersion'"))
$null = & (Join-Path $Tools 'New-EsignetPackage.ps1') -ModulePath $next -OutputPath $Feed
'packed'
'@
}

AfterAll {
    if ($script:InstalledSandbox) { $script:InstalledSandbox | Stop-EsignetSandbox }
}

Describe 'build.ps1 Package' {
    It 'writes the module package and the sandbox tool package' {
        Assert-Step $Packed
        Join-Path $Feed "Esignet.$Version.nupkg" | Should -Exist
        Join-Path $Feed "Esignet.Sandbox.$Version.nupkg" | Should -Exist
        Join-Path $Feed "Esignet.$NextVersion.nupkg" | Should -Exist
    }

    It 'puts the built module folder in the module package, LICENSE included, and nothing else of the repository' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead((Join-Path $Feed "Esignet.$Version.nupkg"))
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        # NuGet's own files: the nuspec, the OPC parts and the core-properties file.
        $nuget = '^(Esignet\.nuspec|\[Content_Types\]\.xml|_rels/\.rels|package/services/metadata/core-properties/[^/]+\.psmdcp)$'
        $payload = @($entries | Where-Object { $_ -notmatch $nuget } | Sort-Object)
        $built = @(Get-ChildItem $BuiltModule -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($BuiltModule, $_.FullName) -replace '\\', '/' } | Sort-Object)
        $payload | Should -Be $built
        $payload | Should -Contain 'LICENSE'
        $payload | Should -Contain 'Esignet.PowerShell.dll'
        @($entries | Where-Object { $_ -match '(?i)test|sandbox|\.pdb$|\.cs$|obj/|bin/' }) | Should -BeNullOrEmpty
    }

    It 'has a manifest that passes Test-ModuleManifest, with the Gallery fields and this version''s release notes' {
        $extracted = Join-Path $Work 'extracted/Esignet'
        Expand-Archive -Path (Join-Path $Feed "Esignet.$Version.nupkg") -DestinationPath $extracted -Force
        $info = Test-ModuleManifest -Path (Join-Path $extracted 'Esignet.psd1') -ErrorAction Stop
        $info.Version | Should -Be $Version
        $info.LicenseUri | Should -Be 'https://www.mozilla.org/en-US/MPL/2.0/'
        $info.ProjectUri | Should -Not -BeNullOrEmpty
        $info.Tags | Should -Contain 'eSignet'
        $info.Tags | Should -Contain 'PSEdition_Core'
        $info.ReleaseNotes | Should -Not -Be 'See CHANGELOG.md'
        $info.ReleaseNotes | Should -Be (Get-EsignetReleaseNotes -ManifestPath (Join-Path $Root 'Esignet.psd1') -ChangelogPath (Join-Path $Root 'CHANGELOG.md'))
        [xml] $nuspec = Get-Content (Join-Path $extracted 'Esignet.nuspec') -Raw
        $nuspec.package.metadata.licenseUrl | Should -Be $info.LicenseUri
        $nuspec.package.metadata.releaseNotes | Should -Be $info.ReleaseNotes
    }

    It 'ships the repository''s MPL-2.0 licence text unchanged' {
        $licence = Join-Path $Root 'LICENSE'
        (Get-Content $licence -TotalCount 1) | Should -Be 'Mozilla Public License Version 2.0'
        Get-Content $licence -Raw | Should -Match 'Exhibit A - Source Code Form License Notice'
        (Get-FileHash (Join-Path $Work 'extracted/Esignet/LICENSE')).Hash | Should -Be (Get-FileHash $licence).Hash
        (Import-PowerShellDataFile (Join-Path $Root 'Esignet.psd1')).Copyright | Should -Match 'Mozilla Public License 2\.0'
    }

    It 'makes the sandbox a .NET tool whose command is esignet-sandbox' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead((Join-Path $Feed "Esignet.Sandbox.$Version.nupkg"))
        try {
            $settings = $zip.Entries | Where-Object FullName -like 'tools/*/DotnetToolSettings.xml'
            $reader = [IO.StreamReader]::new($settings.Open())
            try { [xml] $xml = $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
        $xml.DotNetCliTool.Commands.Command.Name | Should -Be 'esignet-sandbox'
    }
}

Describe 'Installed from a local PSResourceGet repository' {
    It 'installs with Install-PSResource into the isolated CurrentUser module folder, and the sandbox with dotnet tool install' {
        $run = Invoke-IsolatedPwsh -Arguments @{ Feed = $Feed; Version = "$Version"; ToolPath = $ToolPath } -Script @'
param($Feed, $Version, $ToolPath)
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name EsignetLocal -Uri $Feed -Trusted
Install-PSResource -Name Esignet -Version $Version -Repository EsignetLocal -Scope CurrentUser -Quiet
$installed = Get-InstalledPSResource -Name Esignet
"installed $($installed.Version) at $($installed.InstalledLocation)"
& dotnet tool install Esignet.Sandbox --tool-path $ToolPath --source $Feed --version $Version
if ($LASTEXITCODE -ne 0) { throw "dotnet tool install failed ($LASTEXITCODE)" }
'@
        Assert-Step $run
        Join-Path $IsolatedHome ".local/share/powershell/Modules/Esignet/$Version/Esignet.psd1" | Should -Exist
        Join-Path $ToolPath 'esignet-sandbox' | Should -Exist
    }

    It 'imports by name in a fresh process, makes a key, shows examples, and registers a client on the installed sandbox' {
        # The tool's launcher finds the .NET runtime through DOTNET_ROOT when dotnet is not in a standard place:
        # point it at the runtime running this test, for the sandbox's process only.
        $dotnetRoot = $env:DOTNET_ROOT
        try {
            if (-not $dotnetRoot -and [IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
                $env:DOTNET_ROOT = Split-Path ([Environment]::ProcessPath)
            }
            $script:InstalledSandbox = Start-EsignetSandbox -Command (Join-Path $ToolPath 'esignet-sandbox')
        }
        finally { $env:DOTNET_ROOT = $dotnetRoot }
        $result = Join-Path $Work 'first.json'
        $run = Invoke-IsolatedPwsh -Arguments @{ Uri = $InstalledSandbox.Uri; TokenUri = $InstalledSandbox.TokenUri; Work = $Work; ResultPath = $result } -Script @'
param($Uri, $TokenUri, $Work, $ResultPath)
$ErrorActionPreference = 'Stop'
Import-Module Esignet
$module = Get-Module Esignet
$key = New-EsignetJwk -Path (Join-Path $Work 'keys/try-it')
$examples = Get-Help New-EsignetJwk -Examples
$credential = [pscredential]::new('esignet-admin', (ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force))
Connect-EsignetServer -Uri $Uri -ServerVersion 1.8 -ClientCredential $credential -TokenUri $TokenUri
$row = Import-Csv (Join-Path $module.ModuleBase 'samples/esignet-clients.csv') | Select-Object -First 1
$created = $row | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $Work 'keys')
[ordered]@{
    Version = "$($module.Version)"; ModuleBase = $module.ModuleBase; KeyId = $key.KeyId
    Examples = @($examples.Examples.Example).Count; ExampleCode = "$($examples.Examples.Example[0].Code)"
    ClientId = $created.ClientId; Outcome = "$($created.Outcome)"; LedgerPath = (Get-EsignetContext).LedgerPath
} | ConvertTo-Json | Set-Content $ResultPath
'@
        Assert-Step $run
        $first = Get-Content $result -Raw | ConvertFrom-Json
        $first.Version | Should -Be "$Version"
        $first.ModuleBase | Should -Be (Join-Path $IsolatedHome ".local/share/powershell/Modules/Esignet/$Version")
        $first.KeyId | Should -Not -BeNullOrEmpty
        Join-Path $Work 'keys/try-it.private.pem' | Should -Exist
        $first.Examples | Should -BeGreaterOrEqual 2
        $first.ExampleCode | Should -Match 'New-EsignetJwk'
        $first.ClientId | Should -Be 'openg2p-registry'
        $first.Outcome | Should -Be 'Created'
        $first.LedgerPath | Should -Be (Join-Path $IsolatedHome '.local/share/esignet/ledger.jsonl')
        (Invoke-SandboxControl $InstalledSandbox 'clients').clientId | Should -Contain 'openg2p-registry'
    }

    It 'updates to the next version with Update-PSResource, and the new version reads the ledger the old one wrote' {
        $result = Join-Path $Work 'second.json'
        $update = Invoke-IsolatedPwsh -Arguments @{ Version = "$NextVersion" } -Script @'
param($Version)
$ErrorActionPreference = 'Stop'
Update-PSResource -Name Esignet -Repository EsignetLocal -Scope CurrentUser -Quiet
$versions = @(Get-InstalledPSResource -Name Esignet | ForEach-Object { "$($_.Version)" })
if ($versions -notcontains $Version) { throw "Update-PSResource left $($versions -join ', ') installed, not $Version" }
'@
        Assert-Step $update
        $run = Invoke-IsolatedPwsh -Arguments @{ Uri = $InstalledSandbox.Uri; TokenUri = $InstalledSandbox.TokenUri; Work = $Work; ResultPath = $result } -Script @'
param($Uri, $TokenUri, $Work, $ResultPath)
$ErrorActionPreference = 'Stop'
Import-Module Esignet
$module = Get-Module Esignet
$credential = [pscredential]::new('esignet-admin', (ConvertTo-SecureString 'sandbox-secret' -AsPlainText -Force))
Connect-EsignetServer -Uri $Uri -ServerVersion 1.8 -ClientCredential $credential -TokenUri $TokenUri
$known = Get-EsignetClient -ClientId openg2p-registry -Api Esignet
$row = Import-Csv (Join-Path $module.ModuleBase 'samples/esignet-clients.csv') | Select-Object -First 1
$again = $row | New-EsignetOidcClient -GenerateKey -KeyDirectory (Join-Path $Work 'keys')
[ordered]@{ Version = "$($module.Version)"; Source = "$($known.Source)"; ClientId = $known.ClientId; Rerun = "$($again.Outcome)" } |
    ConvertTo-Json | Set-Content $ResultPath
'@
        Assert-Step $run
        $second = Get-Content $result -Raw | ConvertFrom-Json
        $second.Version | Should -Be "$NextVersion"
        $second.ClientId | Should -Be 'openg2p-registry'
        $second.Source | Should -Be 'Ledger'
        $second.Rerun | Should -Be 'Exists'
        Get-SandboxCreateCount $InstalledSandbox | Should -Be 1 -Because 'the rerun by the new version found the client in the old version''s ledger'
    }
}

Describe 'build.ps1 Release' {
    BeforeEach {
        $dir = Join-Path $TestDrive ("release-{0}" -f [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $dir
        $manifest = Join-Path $dir 'Esignet.psd1'
        $changelog = Join-Path $dir 'CHANGELOG.md'
        Copy-Item (Join-Path $Root 'Esignet.psd1') $manifest
        $nl = "`n"
        function Set-Changelog([string] $Text) { [IO.File]::WriteAllText($changelog, $Text) }
        function Set-Version([string] $Value) {
            [IO.File]::WriteAllText($manifest, ([IO.File]::ReadAllText($manifest) -replace "(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'", "`${1}'$Value'"))
        }
    }

    It 'makes the Unreleased section the new version''s and sets ModuleVersion; the first release may take the manifest''s version' {
        Set-Version '0.1.0'
        Set-Changelog "# Changelog$nl$nl## Unreleased$nl$nl### Added$nl- A cmdlet.$nl"
        $r = Invoke-EsignetRelease -ManifestPath $manifest -ChangelogPath $changelog -Version 0.1.0 -Date ([datetime]'2026-11-29')
        $r.Version | Should -Be '0.1.0'
        [IO.File]::ReadAllText($changelog) | Should -Be "# Changelog$nl$nl## Unreleased$nl$nl## 0.1.0 - 2026-11-29$nl$nl### Added$nl- A cmdlet.$nl"
        (Import-PowerShellDataFile $manifest).ModuleVersion | Should -Be '0.1.0'
        Get-EsignetReleaseNotes -ManifestPath $manifest -ChangelogPath $changelog | Should -Be "### Added$nl- A cmdlet."

        Set-Changelog ([IO.File]::ReadAllText($changelog) -replace '## Unreleased\n', "## Unreleased$nl$nl### Fixed$nl- A bug.$nl")
        $null = Invoke-EsignetRelease -ManifestPath $manifest -ChangelogPath $changelog -Version 0.2.0 -Date ([datetime]'2026-12-01')
        (Import-PowerShellDataFile $manifest).ModuleVersion | Should -Be '0.2.0'
        Get-ChangelogSection $changelog '0.2.0' | Should -Be "### Fixed$nl- A bug."
        Get-ChangelogSection $changelog '0.1.0' | Should -Be "### Added$nl- A cmdlet."
        Get-ChangelogSection $changelog 'Unreleased' | Should -Be ''
    }

    It 'refuses <Case>, and changes neither file' -ForEach @(
        @{ Case = 'a version equal to the last release'; Current = '0.2.0'; Released = '0.2.0'; Version = '0.2.0'; Entries = $true; Message = '*not greater*' }
        @{ Case = 'a version lower than the last release'; Current = '0.2.0'; Released = '0.2.0'; Version = '0.1.9'; Entries = $true; Message = '*not greater*' }
        @{ Case = 'a version lower than an unreleased manifest version'; Current = '0.3.0'; Released = '0.2.0'; Version = '0.2.5'; Entries = $true; Message = '*lower than*' }
        @{ Case = 'a version that is not x.y.z'; Current = '0.2.0'; Released = '0.2.0'; Version = '1.0'; Entries = $true; Message = '*x.y.z*' }
        @{ Case = 'a prerelease label'; Current = '0.2.0'; Released = '0.2.0'; Version = '1.0.0-beta'; Entries = $true; Message = '*x.y.z*' }
        @{ Case = 'an Unreleased section with headings but no entry'; Current = '0.2.0'; Released = '0.2.0'; Version = '0.3.0'; Entries = $false; Message = '*lists no change*' }
    ) {
        Set-Version $Current
        $unreleased = if ($Entries) { "### Added$nl- Something.$nl" } else { "### Added$nl$nl### Fixed$nl" }
        $text = "# Changelog$nl$nl## Unreleased$nl$nl$unreleased$nl## $Released - 2026-11-01$nl$nl### Added$nl- First.$nl"
        Set-Changelog $text
        $manifestBefore = [IO.File]::ReadAllText($manifest)
        { Invoke-EsignetRelease -ManifestPath $manifest -ChangelogPath $changelog -Version $Version } | Should -Throw -ExpectedMessage $Message
        [IO.File]::ReadAllText($changelog) | Should -Be $text
        [IO.File]::ReadAllText($manifest) | Should -Be $manifestBefore
    }
}

Describe 'The manifest''s cmdlet list' {
    It 'names exactly the cmdlets compiled into the module, so a new cmdlet cannot be left out silently' {
        # Get-Command lists only what the manifest exports, so the compiled cmdlets are read from the assembly.
        $assembly = (Import-Module (Get-TestModulePath) -Force -PassThru).ImplementingAssembly
        $compiled = @($assembly.GetExportedTypes() | Where-Object { -not $_.IsAbstract } | ForEach-Object {
                $attribute = [Attribute]::GetCustomAttribute($_, [System.Management.Automation.CmdletAttribute])
                if ($attribute) { "$($attribute.VerbName)-$($attribute.NounName)" }
            } | Sort-Object)
        $compiled | Should -Not -BeNullOrEmpty
        $listed = @((Import-PowerShellDataFile (Get-TestModulePath)).CmdletsToExport | Sort-Object)
        $missing = @($compiled | Where-Object { $_ -notin $listed })
        $extra = @($listed | Where-Object { $_ -notin $compiled })
        $listed | Should -Be $compiled -Because "Esignet.psd1's CmdletsToExport lacks [$($missing -join ', ')] and lists [$($extra -join ', ')] that no class defines"
    }
}
