@{
    Synopsis    = 'Shows what PMS says about auth partners: registered, active, the certificate PMS holds and its expiry, and the partner''s policy mappings.'
    Description = @'
Get-EsignetPmsPartner reads a partner from PMS (GET /partners/{id}, /partners/{id}/certificate and
/partners/apikey, which exist on PMS 1.2.0 and 1.2.2) and shows whether PMS would accept OIDC clients for it:
IsActive, CertificateUploaded with CertificateExpires, and each mapping (policy id and name, status, mapping key).
Ready is true when the partner is active, has a certificate and has an approved mapping; PolicyId is that
mapping's policy, so the output pipes into New-EsignetOidcClient -Api Pms like Initialize-EsignetPmsPartner's.

Reading partners and mappings needs a PARTNER_ADMIN (or PARTNERMANAGER) token, e.g. mosip-pms-client's.
A partner PMS does not know is reported as the error PartnerNotFound; the other ids go on.
'@
    Parameters  = @{
        PartnerId = 'The partner ids to read; from the pipeline by value or by the property PartnerId or AuthPartnerId.'
    }
    Examples    = @(
        @{
            Title   = 'Check a partner before registering clients under it'
            Code    = 'Get-EsignetPmsPartner openg2p-partner | Format-List'
            Remarks = 'Shows the partner''s state, certificate expiry and mappings.'
        }
        @{
            Title   = 'Check every partner of the onboarding CSV and list those that are not ready'
            Code    = 'Import-Csv ./partners.csv | Get-EsignetPmsPartner | Where-Object { -not $_.Ready } | Format-Table AuthPartnerId, IsActive, CertificateUploaded, PolicyId'
            Remarks = 'Initialize-EsignetPmsPartner brings such partners to ready.'
        }
    )
    Inputs      = @('System.String: partner ids; or objects with a PartnerId or AuthPartnerId property.')
    Outputs     = 'Esignet.Core.Partners.PartnerStatus'
    Notes       = 'Reads only; sends no change.'
    Links       = @('Initialize-EsignetPmsPartner', 'New-EsignetOidcClient', 'about_Esignet')
}
