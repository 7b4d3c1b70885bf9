@{
    Synopsis    = 'Brings a PMS auth partner to "ready for OIDC clients" from nothing: policy group, published Auth policy, partner, CA and partner certificates, activation, approved mapping. Idempotent.'
    Description = @'
Initialize-EsignetPmsPartner does in PMS what New-EsignetOidcClient -Api Pms needs beforehand, and what
OpenG2P's guide sends you to the PMS portal for: an active Auth_Partner with an uploaded certificate and an
approved mapping to a published Auth policy. It follows the find-or-create sequence of the PMS source:

  PolicyGroup         find the group by exact name, or create it
  Policy              find the policy in the group, or create it (type exactly "Auth", the claims and ACRs you
                      ask for, every auth type optional), and check its type
  Publish             publish it if it is a draft
  Partner             find the partner, or self-register it as Auth_Partner in the group
  CaCertificate       make a root CA (or reuse the one kept in -CertificateDirectory) and upload it to keymanager
  PartnerCertificate  make a partner certificate under it (CN = partner id, O = the organisation name PMS
                      stored, SHA-256, 3 years) and upload it; PMS returns a MOSIP-signed certificate
  Activation          activate the partner if it is not (the upload normally does this)
  Mapping, Approval   request the partner-to-policy mapping and approve it

Each step reads first and writes only what is missing. Its outcome is Created, Exists, Updated or Skipped; a
rerun reports every step Exists and sends no create. A write whose answer was lost (a dropped connection, a
killed run) is found on the next read, so an interrupted run converges when you run it again.

Certificates: keys and certificates go to -CertificateDirectory (default ./pms-certificates) as
<partner>.ca.key.pem, <partner>.ca.cert.pem, <partner>.partner.key.pem, <partner>.partner.cert.pem and
<partner>.mosip-signed.cert.pem, each written owner-only and atomically, and reused on the next run. Keys are
never printed. When the CA files are lost, the cmdlet warns that it will make a NEW root before it does (ask
first with -Confirm). With -CaCertificateFile and -PartnerCertificateFile you upload your own PEM files instead.

Checked before anything is sent: partner id characters and length, e-mail pattern (lower-case top-level
domain), lengths PMS allows (descriptions: 128 on PMS 1.2.0, 256 on 1.2.2), policy version at most 8
characters, known claims and ACRs, the partner domain, and an organisation name without the characters that
keymanager escapes in the certificate subject (, + = " \ < > ;), which would never match.

Every PMS or keymanager error is written with its code as the ErrorId (e.g. PMS_PRT_011), naming the step and
the object and saying what to do. Connect first with Connect-EsignetServer -PmsUri and a client with the
PARTNER_ADMIN role (e.g. mosip-pms-client); one such token covers every step.

The output pipes into New-EsignetOidcClient -Api Pms: AuthPartnerId and PolicyId bind by property name.
'@
    Parameters  = @{
        PartnerId              = 'The partner id to find or register (1 to 36 letters, digits, ".", "_" or "-"). It becomes the clients'' authPartnerId and eSignet''s relyingPartyId.'
        OrganizationName       = 'The organisation name PMS stores for a new partner; it cannot be changed later. An existing partner''s stored name is used for the certificate''s O= (with a warning when it differs).'
        EmailId                = 'The partner''s e-mail; PMS needs it unique among partners and with a lower-case top-level domain.'
        ContactNumber          = 'The partner''s contact number (at most 16 characters).'
        Address                = 'The partner''s address (at most 2000 characters).'
        PolicyGroup            = 'The policy group, by exact (case-sensitive) name; created when missing. An existing partner must already be in it.'
        PolicyGroupDescription = 'The description of a group this creates (128 characters on PMS 1.2.0, 256 on 1.2.2).'
        PolicyName             = 'The Auth policy, by exact name in the group; created and published when missing. OIDC clients get their claims and ACRs from it.'
        PolicyDescription      = 'The description of a policy this creates (128 characters on PMS 1.2.0, 256 on 1.2.2).'
        PolicyVersion          = 'The version of a policy this creates (at most 8 characters).'
        Claim                  = 'The claims a new policy gives OIDC clients (name, email, phone_number, birthdate, gender, address, picture, individual_id). A CSV cell may list several, separated by commas, semicolons or spaces.'
        Acr                    = 'The ACRs a new policy allows (mosip:idp:acr:generated-code, :biometrics, :linked-wallet, :static-code, :password).'
        PartnerDomain          = 'The keymanager partner domain of both certificate uploads; OIDC partners use AUTH.'
        CertificateDirectory   = 'The folder for the CA and partner keys and certificates, created owner-only; kept and reused on every run. Keep it as safe as the JWK key files.'
        CaCertificateFile      = 'Your own CA certificate (PEM) to upload instead of one the module makes.'
        PartnerCertificateFile = 'Your own partner certificate (PEM, issued by -CaCertificateFile, O= exactly the stored organisation name) to upload instead of one the module makes.'
        Force                  = 'Write the key files even when other users can write to -CertificateDirectory.'
    }
    Defaults    = @{
        PolicyGroupDescription = 'Policy group for OIDC relying parties'
        PolicyDescription      = 'Auth policy for OIDC clients'
        PolicyVersion          = '1.0'
        Claim                  = 'name, email, phone_number, birthdate, gender, address, picture'
        Acr                    = 'mosip:idp:acr:generated-code, mosip:idp:acr:biometrics, mosip:idp:acr:linked-wallet'
        PartnerDomain          = 'AUTH'
        CertificateDirectory   = './pms-certificates'
    }
    Examples    = @(
        @{
            Title   = 'Onboard one partner and its policy'
            Code    = 'Initialize-EsignetPmsPartner -PartnerId openg2p-partner -OrganizationName OpenG2P -EmailId ops@openg2p.example.org -ContactNumber 9999999999 -Address "1 Main St" -PolicyGroup openg2p-group -PolicyName openg2p-auth-policy'
            Remarks = 'Creates what is missing and reports each step. Run it again: every step says Exists and nothing is sent.'
        }
        @{
            Title   = 'Onboard, then register the clients under the new partner and policy'
            Code    = @'
$partner = Initialize-EsignetPmsPartner -PartnerId openg2p-partner -OrganizationName OpenG2P -EmailId ops@openg2p.example.org -ContactNumber 9999999999 -Address "1 Main St" -PolicyGroup openg2p-group -PolicyName openg2p-auth-policy
$partner | New-EsignetOidcClient -Api Pms -GenerateKey -ClientName 'OpenG2P portal' -RedirectUri https://portal.example.org/auth_oauth/signin -LogoUri https://portal.example.org/logo.png
'@
            Remarks = 'AuthPartnerId and PolicyId of the output bind by property name.'
        }
        @{
            Title   = 'Onboard every partner of a CSV, first showing what would happen'
            Code    = @'
Import-Csv ./partners.csv | Initialize-EsignetPmsPartner -WhatIf
Import-Csv ./partners.csv | Initialize-EsignetPmsPartner -CertificateDirectory ~/.esignet/pms | Format-List
'@
            Remarks = 'Columns PartnerId, OrganizationName, EmailId, ContactNumber, Address, PolicyGroup, PolicyName (and optionally Claim, Acr, ...). -WhatIf reads PMS but sends and writes nothing. A failing row is reported and the others go on.'
        }
    )
    Inputs      = @('Rows with PartnerId, OrganizationName, EmailId, ContactNumber, Address, PolicyGroup, PolicyName and the optional columns, by property name (e.g. Import-Csv).')
    Outputs     = 'Esignet.Core.Partners.OnboardingResult: AuthPartnerId, PolicyId, PolicyName, PolicyGroup, OrganizationName, Steps (Step, Object, Outcome, Detail), Ready, Changed, the certificate paths and CertificateExpires.'
    Notes       = 'PMS 1.2.2 cannot reactivate a deactivated partner (PMS_PM_063 / PMS_PMP_016): onboard a new partner id. PMS cannot rename a partner or move an active one to another group.'
    Links       = @('New-EsignetOidcClient', 'Connect-EsignetServer', 'about_Esignet')
}
