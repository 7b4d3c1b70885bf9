@{
    Synopsis    = 'Checks that a registered client can sign users in: live and ACTIVE on eSignet, redirect URI, claims and ACRs accepted, the private key on disk matching the registered key, and a client assertion the token endpoint would accept.'
    Description = @'
Test-EsignetClient answers "will this portal's login work?" before the portal goes live. For each Client ID it
runs these checks and returns one result object with a line per check (Passed, Failed or Skipped, and why):

Discovery: eSignet's discovery document can be read; it names the token endpoint and the client assertion
algorithms.

Registration: the client is known, from PMS (the server), or, for eSignet (which has no read API), from the
module's ledger.

Active: eSignet's authorize step (POST /v1/esignet/authorization/oauth-details, with its CSRF token, as the
login page calls it) accepts the client: it is registered on this eSignet and ACTIVE. An INACTIVE client fails
here.

RedirectUri: the authorize step accepts the redirect URI (-RedirectUri, else the first registered one). An
unregistered redirect URI fails here.

Claims and Acrs: eSignet offers the client's registered claims, and ways to authenticate for its ACRs.

Key: the private key (-Key, else the file the registration names) is the pair of the registered public key,
with the same RFC 7638 thumbprint. A swapped key file fails here.

ClientAssertion: a private_key_jwt assertion signed with that key meets the token endpoint's rules
(esignet-api.md section 6.2): an algorithm the endpoint verifies, the registered key selected by kid, use and
alg, the signature, iss = sub = Client ID, aud = the token endpoint, exp, jti.

Passed is true when no check failed. A check that cannot run is Skipped with the reason (for example, a
connection to PMS only cannot ask eSignet); skipped checks do not fail the client, so read them.

Nothing is changed: the checks read the ledger, PMS and discovery, and the authorize step starts a sign-in
transaction on eSignet that simply expires. No token is requested from the token endpoint, since that needs a
user's login; the assertion is checked against the server's rules here instead (New-EsignetClientAssertion
makes one to try by hand).
'@
    Parameters  = @{
        ClientId    = 'The Client IDs to test. Takes pipeline input, by value or by the ClientId property (e.g. the output of New-EsignetOidcClient or Get-EsignetClient, or Import-Csv of a saved result). Tab completes from the ledger (and PMS). Aliases: Id, client_id.'
        RedirectUri = 'The redirect URI to start the authorization with. Default: the first registered redirect URI.'
        Key         = 'The private key to check: a key object (New-EsignetJwk, Import-EsignetJwk) or the path of a PEM or private JWK file. Default: the private key file the registration names (ledger, or the ledger''s record of a PMS client). Binds from a PrivateKeyPemPath property. Alias: KeyPath.'
        Api         = 'Esignet or Pms: where the registration is looked up. Defaults to the connection''s DefaultApi.'
        Context     = 'The connection to use, from Connect-EsignetServer -PassThru. Defaults to the current connection.'
    }
    Defaults    = @{
        RedirectUri = 'The first registered redirect URI'
        Key         = 'The private key file the registration names'
        Api         = 'The connection''s DefaultApi'
        Context     = 'The current connection'
    }
    Examples    = @(
        @{
            Title   = 'Check one client before the portal goes live'
            Code    = 'Test-EsignetClient -ClientId social-registry'
            Remarks = 'Shows the verdict (PASSED or FAILED, with how many checks passed, failed and were skipped), the redirect URI used, and a table of the checks with the reason for each. Format-List or .Checks give the same as objects.'        }
        @{
            Title   = 'Register a CSV and test every client it created'
            Code    = 'Import-Csv ./clients.csv | New-EsignetOidcClient -GenerateKey -KeyDirectory ./keys | Test-EsignetClient | Format-Table'
            Remarks = 'One line per client (ClientId, Passed, Summary); the failed checks are named in the summary. Use Format-List or look at .Checks for the reasons.'
        }
        @{
            Title   = 'Test the key file and redirect URI the portal is actually configured with'
            Code    = 'Test-EsignetClient -ClientId social-registry -Key /opt/odoo/keys/esignet.pem -RedirectUri https://registry.example.org/auth_oauth/signin'
            Remarks = 'Fails the Key check with both thumbprints when the file holds another key, and the RedirectUri check when eSignet does not accept that URI.'
        }
        @{
            Title   = 'Fail a deployment job when any client fails'
            Code    = @'
$results = Import-Csv ./registered.csv | Test-EsignetClient
$results | Where-Object { -not $_.Passed } | ForEach-Object { $_.Checks | Where-Object Outcome -eq Failed | Format-Table -Wrap }
if ($results | Where-Object { -not $_.Passed }) { exit 1 }
'@
            Remarks = 'registered.csv is the output of New-EsignetOidcClient saved with Export-Csv: its ClientId and PrivateKeyPemPath columns bind to -ClientId and -Key.'
        }
    )
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Client IDs.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Objects with a ClientId property (and optionally PrivateKeyPemPath).' }
    )
    Outputs     = 'Esignet.Core.Verification.ClientTestResult per client: ClientId, Passed, Summary, Api, Server, RedirectUri and Checks (Name, Outcome, Reason). No key, no token.'
    Notes       = 'A failed check is part of the result, not an error: test .Passed in scripts. eSignet answers invalid_client_id both for an unknown and an INACTIVE client; the Active check uses the registration''s status to tell which.'
    Links       = @('New-EsignetClientAssertion', 'Export-EsignetClientConfig', 'Get-EsignetClient', 'Set-EsignetClient', 'about_Esignet')
}
