@{
    Synopsis    = 'Changes a registered OIDC client: its name, logo, redirect URIs, grant types, auth methods, claims, ACRs, language map, additionalConfig or status.'
    Description = @'
Set-EsignetClient changes only what you give; every other field keeps its value. A parameter given with an
empty value (an empty CSV cell, an empty list) counts as not given, so partial-change CSVs work. The Client ID, the
public key, the relying party (or PMS partner) and the PMS policy can never be changed: register a new client
instead. -Status Inactive deactivates a client, -Status Active reactivates it where the server allows.

How the change is sent depends on the API and the release line given to Connect-EsignetServer:

eSignet 1.8 and later: PATCH /v1/esignet/client-mgmt/client/{id} with only the changed fields. When the ledger
knows the client, the whole resulting client is validated first and the ledger is updated; when it does not,
only the changed fields can be checked, the ledger is left as it is, and the result carries only the Client
ID and status.

eSignet before 1.8 (including when no -ServerVersion was given, which means 1.0): eSignet can only replace a
client as a whole (PUT), and cannot be asked for its current state. The module therefore takes the client as
the ledger last recorded it, applies your changes, validates the result and sends the full PUT to the endpoint
that keeps all of its fields (client-mgmt/oidc-client, oauth-client for a language map, client for
additionalConfig). A client the ledger does not know is refused with ClientStateUnknown: register it with this
module, use the ledger of the machine that did, or connect as 1.8 if the server is 1.8. Up to 1.7 eSignet
needs at least one user claim in an update.

PMS: the current client is read from PMS, your changes applied, and PUT /v1/partnermanager/oidc/client/{id}
sent (/oauth/client/{id} when the client has a language map, PMS 1.2.2 and later, so the map is kept). PMS takes claims and ACRs
from the policy and has no additionalConfig, so -UserClaim, -AuthContextRef and -AdditionalConfig are refused
(FieldNotOnApi). PMS 1.2.2 and later never edit or reactivate a client once it is INACTIVE (refused with
PMS_ESI_008 before sending), and apply only the status when the status changes, silently ignoring other
fields; the module therefore refuses a status change combined with other changes (StatusChangeWithOtherChanges):
make two calls, the other fields first. PMS 1.2.0 and 1.2.1 take both in one call and can reactivate.

Every change is validated locally against the line's rules before it is sent. -WhatIf reads the current state
(ledger, or a GET from PMS) and validates as usual, then shows the method, path and server in one line (add
-Verbose for the exact JSON body) instead of sending; it changes nothing on the server and writes nothing to the ledger. Errors are
non-terminating and name the client, so a pipeline of changes runs to the end.

Changes can be piped in: ClientId and every field bind by property name, so a CSV with a clientId column and
one column per field to change works; empty cells leave their field as it is. A Get-EsignetClient record can
be piped in too: its fields carry the current values, so only what you add on the command line changes.
'@
    Parameters  = @{
        ClientId          = 'The client to change. Binds from the pipeline by property name. Aliases: Id, client_id.'
        ClientName        = 'The new display name (at most 256 characters). Alias: Name.'
        LogoUri           = 'The new logo URL.'
        RedirectUri       = 'The new, complete list of redirect URIs (1 to 5); it replaces the old list. An array, or one string with a;b, a|b or a JSON array. Alias: RedirectUris.'
        GrantType         = 'The new list of grant types, replacing the old one. Alias: GrantTypes.'
        ClientAuthMethod  = 'The new list of client authentication methods, replacing the old one. Alias: ClientAuthMethods.'
        UserClaim         = 'eSignet only: the new list of user claims, replacing the old one. An empty list is accepted from eSignet 1.8 only. Aliases: UserClaims, Claims.'
        AuthContextRef    = 'eSignet only: the new list of ACR values, replacing the old one. Aliases: AuthContextRefs, Acr, AcrValues.'
        ClientNameLangMap = 'The new name per language (eng=Portal;fra=Portail, a JSON object or a hashtable), replacing the old map. Needs eSignet 1.2+ or PMS 1.2.2+. Alias: LangMap.'
        AdditionalConfig  = 'eSignet 1.6+ only: the new additionalConfig object (JSON text or a hashtable), replacing the old one.'
        EncryptionKey     = 'eSignet 1.8+ only: the new key that encrypts the client''s userinfo when its additionalConfig asks for JWE: a key object, JWK or PEM text, or a key file. Only its public part is sent (PATCH encPublicKey), marked use=enc. Refused before 1.8 and through PMS. Alias: EncPublicKey.'
        GenerateEncryptionKey = 'eSignet 1.8+ only: make the client a new encryption key (RSA 2048, use=enc, RSA-OAEP-256), written owner-only as <key>.enc.* beside the client''s signing key (the ledger knows it; else in -KeyDirectory) before the PATCH sends its public part. An existing .enc key file there is reused. The result''s EncryptionPrivateKeyPemPath names the file.'
        KeyDirectory      = 'Where -GenerateEncryptionKey writes when the ledger does not know the client''s key folder, relative to the current location. Default: ./keys.'
        Status            = 'Active or Inactive (case does not matter; sent as ACTIVE or INACTIVE; completes on Tab). Empty leaves the status as it is. On PMS 1.2.2+ give it alone, and an Inactive client stays inactive for good.'
        Api               = 'Esignet or Pms: which API to change the client through. Defaults to the connection''s DefaultApi.'
    }
    Defaults    = @{
        Api     = 'The connection''s DefaultApi'
    }
    Examples    = @(
        @{
            Title   = 'See what deactivating a client would send'
            Code    = 'Set-EsignetClient -ClientId openg2p-registry -Status Inactive -WhatIf'
            Remarks = 'Shows the request (a PATCH with only the status on eSignet 1.8+, else the full PUT built from the ledger) without sending it; add -Verbose to see its body. Run again without -WhatIf to deactivate.'
        }
        @{
            Title   = 'Move a portal to a new host name'
            Code    = 'Set-EsignetClient -ClientId openg2p-spar -RedirectUri "https://spar.example.org/auth_oauth/signin;https://spar.example.org/oauth2/callback" -LogoUri https://spar.example.org/logo.png'
            Remarks = 'Replaces the redirect URI list and the logo and keeps everything else. The result shows the client as it now is.'
        }
        @{
            Title   = 'Turn on encrypted userinfo for a portal (eSignet 1.8)'
            Code    = 'Set-EsignetClient -ClientId openg2p-registry -AdditionalConfig @{ userinfo_response_type = "JWE" } -GenerateEncryptionKey'
            Remarks = 'Writes keys/openg2p-registry.enc.private.pem (owner-only) beside the client''s signing key, then sends one PATCH with the new additionalConfig and the encryption key''s public part. Give the portal EncryptionPrivateKeyPemPath to decrypt userinfo.'
        }
        @{
            Title   = 'Apply a CSV of redirect URI changes'
            Code    = 'Import-Csv ./redirect-changes.csv | Set-EsignetClient | Format-Table ClientId, Status, Source'
            Remarks = 'redirect-changes.csv has exactly two columns, clientId and redirectUris (e.g. https://a.example.org/cb|https://b.example.org/cb). Each row is validated and sent on its own; a failing row is an error and the rest continue.'
        }
        @{
            Title   = 'Deactivate every client of a retired portal through PMS'
            Code    = @'
Get-EsignetClient -Api Pms -All |
    Where-Object RedirectUris -Like 'https://old-portal.example.org/*' |
    Select-Object ClientId |
    Set-EsignetClient -Api Pms -Status Inactive
'@
            Remarks = 'Select-Object ClientId passes only the Client ID, so the status is the only change (on PMS 1.2.2+ it must be). Listing needs PMS 1.2.2 or later. Deactivation on PMS 1.2.2+ cannot be undone.'
        }
    )
    Inputs      = @(
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Objects or CSV rows with a ClientId property and a property for each field to change.' }
    )
    Outputs     = 'Esignet.Core.Registration.ClientRecord: the client after the change, re-read from PMS (Source Server), or from the ledger for eSignet (Source Ledger). After an eSignet PATCH of a client the ledger does not know, only ClientId, Status, Api and Server are filled.'
    Notes       = 'Updates on eSignet before 1.8 are only as good as the ledger: if the client was changed on the server by other means, the full PUT puts back the ledger''s values for the fields you did not give. Up to -ThrottleLimit clients are updated at once; with -WhatIf, -Confirm or -Verbose each request is prepared one at a time so that its endpoint and body can be shown.'
    Links       = @('Get-EsignetClient', 'New-EsignetOidcClient', 'Connect-EsignetServer', 'about_Esignet')
}
