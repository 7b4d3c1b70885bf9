# Versions and release notes: Esignet.psd1's ModuleVersion is the one version number, CHANGELOG.md the one place
# where changes are written down. build.ps1 uses this module to stamp the built manifest's ReleaseNotes (Build) and
# to cut a release (Release); tests/Pester/Install.Tests.ps1 runs it on copies of both files.
#
# The model: ModuleVersion is the version of the last release, or, before the first one, the version the first
# release will have. Work in progress is written under "## Unreleased"; a release turns that section into
# "## x.y.z - yyyy-MM-dd" and sets ModuleVersion to x.y.z.

$script:VersionPattern = '^\d+\.\d+\.\d+$'

function Read-TextFile([string] $Path) { [IO.File]::ReadAllText((Resolve-Path -LiteralPath $Path).ProviderPath) }

function Write-TextFile([string] $Path, [string] $Text) {
    # UTF-8 without a byte-order mark, as the files are kept in git.
    [IO.File]::WriteAllText((Resolve-Path -LiteralPath $Path).ProviderPath, $Text, [Text.UTF8Encoding]::new($false))
}

function Get-ManifestVersion {
    # The ModuleVersion of a manifest file, read as data (never executed).
    param([Parameter(Mandatory)] [string] $ManifestPath)
    [version] (Import-PowerShellDataFile -LiteralPath $ManifestPath).ModuleVersion
}

function Get-ChangelogRelease {
    # The released versions of a CHANGELOG ("## x.y.z - date" headings), newest first as written.
    param([Parameter(Mandatory)] [string] $ChangelogPath)
    foreach ($m in [regex]::Matches((Read-TextFile $ChangelogPath), '(?m)^## (\d+\.\d+\.\d+)\b')) { [version] $m.Groups[1].Value }
}

function Get-ChangelogSection {
    # The text under "## <Heading>" (e.g. 'Unreleased' or '0.1.0') up to the next "## " heading, trimmed; $null when
    # the CHANGELOG has no such heading.
    param([Parameter(Mandatory)] [string] $ChangelogPath, [Parameter(Mandatory)] [string] $Heading)
    $text = (Read-TextFile $ChangelogPath) -replace "`r`n", "`n"
    $m = [regex]::Match($text, "(?ms)^## $([regex]::Escape($Heading))(?: - [^\n]*)?[ \t]*\n(.*?)(?=^## |\z)")
    if (-not $m.Success) { return $null }
    $m.Groups[1].Value.Trim()
}

function Test-ChangelogSectionHasEntry {
    # True when a section lists at least one change: a line that is neither blank nor a "###" sub-heading.
    param([AllowNull()] [string] $Section)
    [bool] (@(($Section ?? '') -split "`n" | Where-Object { $_.Trim() -and $_ -notmatch '^\s*###' }).Count)
}

function Get-EsignetReleaseNotes {
    # The release notes of the manifest's version: its CHANGELOG section once released, else the Unreleased section
    # (a build of a version that has not been released yet).
    param([Parameter(Mandatory)] [string] $ManifestPath, [Parameter(Mandatory)] [string] $ChangelogPath)
    $version = Get-ManifestVersion $ManifestPath
    $notes = Get-ChangelogSection $ChangelogPath "$version"
    if ($null -eq $notes) { $notes = Get-ChangelogSection $ChangelogPath 'Unreleased' }
    if (-not $notes) { $notes = 'No changes recorded.' }
    $notes
}

function Set-ManifestReleaseNotes {
    # Replaces the single-quoted ReleaseNotes value of a manifest file (the built copy, not the source).
    param([Parameter(Mandatory)] [string] $ManifestPath, [Parameter(Mandatory)] [string] $Text)
    $manifest = Read-TextFile $ManifestPath
    $pattern = "(?m)^(\s*ReleaseNotes\s*=\s*)'(?:[^']|'')*'"
    if (-not [regex]::IsMatch($manifest, $pattern)) { throw "$ManifestPath has no single-quoted ReleaseNotes entry to fill in." }
    $quoted = "'" + ($Text -replace "`r`n", "`n" -replace "'", "''") + "'"
    Write-TextFile $ManifestPath ([regex]::Replace($manifest, $pattern, { param($m) $m.Groups[1].Value + $quoted }, 'None'))
}

function Invoke-EsignetRelease {
    <#
    .SYNOPSIS
        Turns CHANGELOG.md's Unreleased section into the section of -Version and sets the manifest's ModuleVersion.
    .DESCRIPTION
        Refuses a version that is not x.y.z, one that is not greater than the last release (the manifest's version
        once the CHANGELOG has a section for it; before the first release the manifest's version itself may be
        released), and an Unreleased section with no entry. Changes nothing when it refuses.
    #>
    param(
        [Parameter(Mandatory)] [string] $ManifestPath,
        [Parameter(Mandatory)] [string] $ChangelogPath,
        [Parameter(Mandatory)] [string] $Version,
        [datetime] $Date = [datetime]::UtcNow
    )
    if ($Version -notmatch $script:VersionPattern) {
        throw "Release version '$Version' is not of the form x.y.z (e.g. 0.2.0): the manifest's ModuleVersion takes three numbers."
    }
    $new = [version] $Version
    $current = Get-ManifestVersion $ManifestPath
    $released = @(Get-ChangelogRelease $ChangelogPath)
    $newest = $released | Sort-Object -Descending | Select-Object -First 1
    if ($released -contains $current) {
        if ($new -le $current) { throw "Release version $new is not greater than the current version $current (already released)." }
    }
    elseif ($new -lt $current) {
        throw "Release version $new is lower than the manifest's version $current."
    }
    if ($newest -and $new -le $newest) { throw "Release version $new is not greater than the last release in the CHANGELOG, $newest." }

    $unreleased = Get-ChangelogSection $ChangelogPath 'Unreleased'
    if ($null -eq $unreleased) { throw "$ChangelogPath has no '## Unreleased' section to release." }
    if (-not (Test-ChangelogSectionHasEntry $unreleased)) {
        throw "The Unreleased section of $ChangelogPath lists no change: write down what $new brings before releasing it."
    }

    $changelog = Read-TextFile $ChangelogPath
    $heading = "## $new - $($Date.ToString('yyyy-MM-dd', [Globalization.CultureInfo]::InvariantCulture))"
    $changelog = [regex]::Replace($changelog, '(?m)^## Unreleased[ \t]*\r?$', "## Unreleased`n`n$heading", 'None')
    $manifest = Read-TextFile $ManifestPath
    $manifest = [regex]::Replace($manifest, "(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'", "`${1}'$new'")
    if ($manifest -notmatch "(?m)^\s*ModuleVersion\s*=\s*'$([regex]::Escape("$new"))'") { throw "Could not set ModuleVersion in $ManifestPath." }
    Write-TextFile $ChangelogPath $changelog
    Write-TextFile $ManifestPath $manifest
    [pscustomobject]@{ Version = "$new"; Previous = "$current"; Heading = $heading }
}

Export-ModuleMember -Function Get-ManifestVersion, Get-ChangelogRelease, Get-ChangelogSection, Get-EsignetReleaseNotes,
    Set-ManifestReleaseNotes, Invoke-EsignetRelease
