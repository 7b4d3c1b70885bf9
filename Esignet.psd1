@{
    # The single source of truth for the module version (the C# projects read it too).
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0e6a39-5d8c-4b8e-9f43-1f6a2d7c9e51'
    RootModule           = 'Esignet.PowerShell.dll'
    Author               = 'Esignet module contributors'
    CompanyName          = 'Esignet module contributors'
    Copyright            = '(c) Esignet module contributors. Licensed under the Mozilla Public License 2.0.'
    Description          = 'Registers OpenID Connect clients with MOSIP eSignet, directly or through MOSIP Partner Management: key pairs, bulk CSV registration, offline CSV checks, verification of registrations, client assertions.'
    # 7.4 is the first PowerShell on .NET 8, the cmdlet assembly's target; its private load context needs
    # AssemblyLoadContext, so Windows PowerShell 5.1 (.NET Framework) cannot load it. See README, Compatibility.
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('Esignet.Format.ps1xml')
    CmdletsToExport      = @(
        'New-EsignetJwk'
        'Import-EsignetJwk'
        'Connect-EsignetServer'
        'Get-EsignetContext'
        'Disconnect-EsignetServer'
        'New-EsignetOidcClient'
        'Get-EsignetClient'
        'Set-EsignetClient'
        'Test-EsignetClientDefinition'
        'Test-EsignetClient'
        'New-EsignetClientAssertion'
        'Export-EsignetClientConfig'
        'Initialize-EsignetPmsPartner'
        'Get-EsignetPmsPartner'
    )
    # No HelpInfoURI: the help ships inside the module and there is no Update-Help source to point to.
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @('New-EsignetClient')
    PrivateData          = @{
        PSData = @{
            # Gallery tags: no spaces. The platform tags say what is declared; README's Compatibility says what is tested.
            Tags         = @('eSignet', 'MOSIP', 'OpenG2P', 'OIDC', 'OpenIDConnect', 'OAuth', 'JWK', 'Keycloak', 'PMS',
                'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            LicenseUri   = 'https://www.mozilla.org/en-US/MPL/2.0/'
            ProjectUri   = 'https://github.com/esignet-powershell/Esignet'
            # Filled in by build.ps1 (Build) with this version's CHANGELOG.md section; kept single-quoted for it.
            ReleaseNotes = 'See CHANGELOG.md'
        }
    }
}
