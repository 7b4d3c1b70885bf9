@{
    Synopsis    = 'Shows what a relying party needs once its client is registered: Client ID, the key file to upload, the authorization, token, userinfo and JWKS URLs, and the redirect URI; as OpenG2P''s Odoo provider settings or as JSON.'
    Description = @'
After registration, somebody has to configure the relying party: for OpenG2P, an OAuth provider in Odoo
(Settings, Integrations, OAuth Providers). Export-EsignetClientConfig gathers everything that form needs from the
registration (the ledger, or PMS) and from the connected eSignet's discovery document, so nothing is copied by
hand from three places.

-Format OpenG2P (the default) returns an object shown with the labels of Odoo's form: Client ID, Auth Flow
(OpenID Connect authorization code flow), Client Authentication Method (Private Key JWT), Assertion Type (JWT
Bearer), Client Private Key (the PEM file to upload: Odoo reads PEM only), Authorization URL, Token URL,
Userinfo URL, JWKS URL, and the Redirect URI (the first registered one ending in /auth_oauth/signin or
/auth_oauth/g2p_registry_id/authenticate, else the first). It warns about what Odoo cannot work with: no PEM
key file, a key that does not sign with RS256 (Odoo always uses RS256), or no redirect URI on Odoo's paths.

-Format Json returns the same as JSON text with OpenID client-metadata names (client_id,
token_endpoint_auth_method, token_endpoint, redirect_uris, ...) and the key file paths, for deployment scripts
and other relying-party software.

The output holds key file paths, never a key: upload the file itself.
'@
    Parameters  = @{
        ClientId    = 'The Client IDs to export. Takes pipeline input, by value or by the ClientId property. Tab completes from the ledger (and PMS). Aliases: Id, client_id.'
        Format      = 'OpenG2P (default): an object labelled as Odoo''s OAuth provider form. Json: JSON text with OpenID client-metadata names.'
        RedirectUri = 'The redirect URI to show. Default: the first registered one on OpenG2P''s paths, else the first registered.'
        Api         = 'Esignet or Pms: where the registration is looked up. Defaults to the connection''s DefaultApi.'
        Context     = 'The connection to use, from Connect-EsignetServer -PassThru. Defaults to the current connection.'
    }
    Defaults    = @{
        Format  = 'OpenG2P'
        Api     = 'The connection''s DefaultApi'
        Context = 'The current connection'
    }
    Examples    = @(
        @{
            Title   = 'Fill in OpenG2P''s OAuth provider form'
            Code    = 'Export-EsignetClientConfig -ClientId social-registry'
            Remarks = 'A list labelled as the fields of the form: Client ID, Auth Flow, Client Authentication Method (Private Key JWT), Assertion Type (JWT Bearer), Client Private Key (the PEM file to upload), Authorization URL, Token URL, Userinfo URL, JWKS URL and Redirect URI.'
        }
        @{
            Title   = 'Write a JSON config file for every client of a registration run'
            Code    = 'Import-Csv ./registered.csv | ForEach-Object { Export-EsignetClientConfig -ClientId $_.ClientId -Format Json | Set-Content "./config/$($_.ClientId).json" }'
            Remarks = 'One file per client with client_id, the key file paths and the endpoints from discovery.'
        }
        @{
            Title   = 'Register and hand over in one go'
            Code    = 'New-EsignetOidcClient -ClientId spar -ClientName SPAR -RelyingPartyId openg2p-auth-partner -LogoUri https://spar.example.org/logo.png -RedirectUri https://spar.example.org/auth_oauth/signin -GenerateKey | Export-EsignetClientConfig'
            Remarks = 'The registration result''s ClientId binds by property name.'
        }
    )
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Client IDs.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Objects with a ClientId property.' }
    )
    Outputs     = 'Esignet.Core.Clients.RelyingPartyConfig (-Format OpenG2P), or System.String JSON (-Format Json).'
    Notes       = 'The endpoints come from the discovery document Connect-EsignetServer read; when it could not be read they are empty and a warning says so. eSignet''s discovery is public, so the values are the ones relying parties see.'
    Links       = @('Test-EsignetClient', 'New-EsignetOidcClient', 'Get-EsignetClient', 'about_Esignet')
}
