@{
    Synopsis    = 'Shows registered OIDC clients: read from PMS, or for eSignet (which has no read API) from the module''s ledger.'
    Description = @'
Get-EsignetClient answers "what is registered, and how?" for one or more Client IDs, or, with no Client ID,
for every client it can list (as Get-MgApplication does; -All says the same explicitly). It never prompts.
The Source property of each result says where the answer came from.

Through PMS (-Api Pms, or a connection with only -PmsUri) the server itself is asked, and Source is Server:
GET /v1/partnermanager/oidc/client/{id} (or /oauth/client/{id} on PMS 1.2.2 and later). The claims and ACRs
shown are those PMS took from the policy, and a name PMS stores as a language map is split back into
ClientName and ClientNameLangMap. When the module registered the client, the key id and the paths of the
private key files are added from the ledger, since the server does not know them. Listing asks PMS 1.2.2 and
later for the clients visible to the caller; PMS 1.2.0 and 1.2.1 have no list endpoint, so there each client the
ledger recorded for that PMS is read back from PMS instead.

eSignet has no API to read a client back. For eSignet (the default when the connection has -Uri), the answer
comes from the ledger, and Source is Ledger: the client as this module last registered or updated it on the
connected eSignet server (Created, Exists or Updated entries; Pending and Failed attempts are not shown), with
RecordedAt telling when. A client registered by hand, by another tool or from another machine's ledger is not
found, and a change made on the server by other means is not seen. Listing shows every client in the ledger for
the connected eSignet server, oldest first.

A Client ID that is not found is a non-terminating ClientNotFound error naming where the module looked; the
other IDs are still answered. Client IDs can be piped in, as strings or as objects with a ClientId property
(the results of New-EsignetOidcClient, for example).
'@
    Parameters  = @{
        ClientId = 'The Client IDs to show; without any, every client is listed. Accepts pipeline input: strings, or objects with a ClientId (or Id, client_id) property. Aliases: Id, client_id.'
        All      = 'The same as giving no Client ID (kept for earlier scripts). Show every client: from PMS''s list (PMS 1.2.2 and later), or every client this module registered on the connected eSignet according to the ledger.'
        Api      = 'Esignet (answer from the ledger) or Pms (ask PMS). Defaults to the connection''s DefaultApi.'
    }
    Defaults    = @{
        Api     = 'The connection''s DefaultApi'
    }
    Examples    = @(
        @{
            Title   = 'Show everything known about one client'
            Code    = 'Get-EsignetClient -ClientId openg2p-registry | Format-List'
            Remarks = 'Shows the name, status, Source (Ledger for eSignet), redirect URIs, grant types, auth methods, claims, ACRs, language map, additionalConfig, key id and thumbprint, the private key file path and when the ledger recorded it.'
        }
        @{
            Title   = 'List all clients registered on this eSignet'
            Code    = 'Get-EsignetClient | Sort-Object ClientId | Format-Table ClientId, Status, ClientName, RecordedAt'
            Remarks = 'For eSignet this lists the ledger''s registered clients for the connected server; for PMS 1.2.2+ (-Api Pms) it lists what PMS returns.'
        }
        @{
            Title   = 'Check the clients a CSV run registered'
            Code    = @'
Import-Csv clients.csv | New-EsignetOidcClient -GenerateKey -KeyDirectory ./keys |
    Get-EsignetClient |
    Select-Object ClientId, Status, Source, PrivateKeyPemPath |
    Export-Csv ./client-ids.csv
'@
            Remarks = 'The registration results are piped in by their ClientId property; the export gives each portal''s owner the Client ID and the private key file to configure.'
        }
        @{
            Title   = 'Read a client back from PMS'
            Code    = 'Get-EsignetClient -Api Pms -ClientId $env:PORTAL_CLIENT_ID | Format-List ClientId, Status, PolicyName, RelyingPartyId, RedirectUris, UserClaims'
            Remarks = 'Asks PMS itself (Source is Server); the claims are those PMS derived from the policy.'
        }
    )
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Client IDs.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Objects with a ClientId property, such as the results of New-EsignetOidcClient.' }
    )
    Outputs     = 'Esignet.Core.Registration.ClientRecord: ClientId, ClientName, Status, Source (Server or Ledger), Api, Server, RelyingPartyId, PolicyId, PolicyName, LogoUri, RedirectUris, GrantTypes, ClientAuthMethods, UserClaims, AuthContextRefs, ClientNameLangMap, AdditionalConfig, PublicJwk, KeyId, KeyThumbprint, the key file paths and RecordedAt (ledger only). It holds no private key.'
    Notes       = 'For eSignet, a Ledger answer is what this module sent and the server accepted, not a fresh reading of the server. To keep one ledger for a team or a pipeline, point ESIGNET_LEDGER_PATH (or -LedgerPath of Connect-EsignetServer) at a shared, access-controlled location. Do not pipe these results into Set-EsignetClient as they are: every property would be taken as a change (see Set-EsignetClient).'
    Links       = @('New-EsignetOidcClient', 'Set-EsignetClient', 'Connect-EsignetServer', 'about_Esignet')
}
