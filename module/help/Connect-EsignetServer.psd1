@{
    Synopsis    = 'Connects this PowerShell session to eSignet and/or MOSIP Partner Management (PMS), and checks that the credentials work.'
    Description = @'
Connect-EsignetServer opens the connection that New-EsignetOidcClient, Get-EsignetClient and Set-EsignetClient
use. Give the eSignet base with -Uri (the module adds /v1/esignet), the MOSIP API base of PMS with -PmsUri (the
module adds /v1/partnermanager), or both. The connection lasts until Disconnect-EsignetServer, the next
Connect-EsignetServer or the end of the process; nothing is written to disk except the ledger later on.
Use -PassThru to keep a connection object and pass it to other cmdlets with -Context.

Problems that would make every later call fail are reported here, once, as a terminating error: a URL that is
not http(s), plain HTTP to a host other than localhost (refused unless -AllowInsecureHttp), credentials the
token server refuses, a client id without a secret. A token is fetched before the cmdlet returns, so bad
credentials fail now, not on the first CSV row. When -Uri is given, eSignet's OpenID discovery document is read
(/v1/esignet/oidc/.well-known/openid-configuration, then /.well-known/openid-configuration): its
claims_supported replaces the release line's built-in claim list for local validation, and its
acr_values_supported is added to the known ACRs. When discovery cannot be read you get a warning and the line's
built-in values are used.

There are three kinds of credential. -AccessToken takes a token you already have (it is never refreshed; when
it expires, connect again). -ClientCredential with -TokenUri gets a token from Keycloak with the OAuth client
credentials grant; the client needs the scopes add_oidc_client and update_oidc_client (esignet_admin_access on
OpenG2P). When the token's scopes are known (Keycloak's scope claim) and an eSignet one is missing, connecting
warns, and New-EsignetOidcClient refuses eSignet rows that would get a new key (Forbidden) before writing any key
file. -ClientCredential with -AuthManagerUri gets a token from MOSIP authmanager
(/v1/authmanager/authenticate/clientidsecretkey, app id "partner" by default), which is what PMS expects.
Tokens from the last two are renewed shortly before they expire, and once more when a server answers 401. With
no credential at all, requests are sent without a token and a warning says so: only eSignet's local profile
with security disabled accepts that.

When no credential parameter is given, credentials come from environment variables, for scheduled scripts and
CI: ESIGNET_ACCESS_TOKEN, or else ESIGNET_CLIENT_ID and ESIGNET_CLIENT_SECRET with ESIGNET_TOKEN_URI (and
optionally ESIGNET_SCOPE) or ESIGNET_AUTHMANAGER_URI (and optionally ESIGNET_APP_ID). ESIGNET_URI,
ESIGNET_PMS_URI, ESIGNET_SERVER_VERSION and ESIGNET_PMS_VERSION stand in for -Uri, -PmsUri, -ServerVersion
and -PmsVersion whenever those parameters are not given. See about_Esignet for the full list.

The release lines matter: endpoints, rules and error codes differ. Without -ServerVersion and -PmsVersion the
lines are found on connect with requests that cannot change anything: PATCH
/v1/esignet/client-mgmt/client/esignet-module-line-probe (answers from 1.8; 405 on 1.6-1.7; 404 before), then
at most one POST to /client-mgmt/client or /client-mgmt/oauth-client with an empty requestTime (which eSignet
refuses before any other work) whose error names tell 1.6 from 1.7 and 1.0-1.1, 1.2-1.3 and 1.4-1.5 apart, and
GET /v1/partnermanager/oidc/client/esignet-module-line-probe, whose error code family (PMS_IDP_* or PMS_ESI_*)
tells PMS 1.2.0 from 1.2.2. Probes are sent once, with a 15-second limit, and shown under -Verbose.
Get-EsignetContext shows each line and how it was found (given, detected with the evidence, or default). When
nothing decides, eSignet 1.0 and PMS 1.2.0 are used (what every release accepts) and a warning says so; a range
the probes cannot narrow (e.g. 1.4-1.5) uses its oldest line. Giving a line skips its probes.

The servers' Date headers are compared with the local clock: when they differ by more than 60 seconds a warning
gives the measured skew, because eSignet refuses a requestTime more than 2 minutes from its own clock.

Secrets are never shown: the token and the client secret are not properties of the connection object, and the
verbose and error output is redacted.
'@
    Parameters  = @{
        Uri                  = 'The eSignet base URL, e.g. https://esignet.example.org (not the /v1/esignet path; the module adds it). Alias: EsignetUri. Defaults to $env:ESIGNET_URI.'
        PmsUri               = 'The MOSIP API base that serves Partner Management, e.g. https://api-internal.example.org (the module adds /v1/partnermanager). Defaults to $env:ESIGNET_PMS_URI.'
        ServerVersion        = 'The eSignet release line, 1.0 to 1.8 (1.5.1 and v1.5 are read as 1.5). Decides endpoints, validation rules and whether updates use PATCH (1.8+) or a full PUT. Defaults to $env:ESIGNET_SERVER_VERSION, else the line is found on connect (see the description). Tab completion lists the lines.'
        PmsVersion           = 'The PMS release line: 1.2.0 (for 1.2.0.x and 1.2.1.x) or 1.2.2 (for 1.2.2.x and 1.3.x). 1.2.2 adds /oauth/client (language maps), the client list and a different Client ID derivation. Defaults to $env:ESIGNET_PMS_VERSION, else the line is found on connect.'
        Api                  = 'Which API the other cmdlets use when they are not given -Api: Esignet (direct client management) or Pms (Partner Management). By default Pms when only -PmsUri is given, else Esignet.'
        AccessToken          = 'A bearer token you already have, as a SecureString (e.g. from Read-Host -AsSecureString). It is not refreshed; connect again when it expires.'
        ClientCredential     = 'The client id (user name) and client secret (password) of the confidential client that may manage OIDC clients. Use Get-Credential interactively; in scripts prefer the ESIGNET_CLIENT_ID and ESIGNET_CLIENT_SECRET environment variables. Needs -TokenUri (Keycloak) or -AuthManagerUri (MOSIP authmanager).'
        TokenUri             = 'The Keycloak token endpoint for the client credentials grant, e.g. https://keycloak.example.org/auth/realms/mosip/protocol/openid-connect/token.'
        Scope                = 'Scopes to ask Keycloak for, e.g. add_oidc_client, update_oidc_client; sent space-separated. By default none is asked for and Keycloak gives the client''s default scopes.'
        AuthManagerUri       = 'The MOSIP API base serving authmanager, e.g. https://api-internal.example.org; the token is fetched from /v1/authmanager/authenticate/clientidsecretkey. Use this for PMS.'
        AppId                = 'The authmanager app id sent with the client id and secret key. PMS uses partner, the default.'
        AllowInsecureHttp    = 'Allow plain http:// URLs to hosts other than localhost (e.g. inside a cluster). Tokens and secrets then cross the network unencrypted. Loopback addresses never need it.'
        SkipCertificateCheck = 'Accept any TLS server certificate. A warning is written: anyone on the network path could then read the tokens sent. Use only against a test server.'
        TimeoutSec           = 'Deadline of each HTTP attempt, in seconds (1 to 3600), from sending the request to the last byte of the answer, so a server that drips its answer is cut off too. With the defaults (30 s, 4 retries) a row waits at most about 156 s.'
        MaxRetry             = 'How many times a request is retried after a transient failure (connection error, HTTP 429, 500, 502, 503 or 504), with growing back-off and honouring Retry-After (0 to 20).'
        LedgerPath           = 'The ledger file this connection reads and appends to, relative to the current location. Defaults to $env:ESIGNET_LEDGER_PATH, else ~/.local/share/esignet/ledger.jsonl ($XDG_DATA_HOME/esignet/ledger.jsonl when set) or %LOCALAPPDATA%\Esignet\ledger.jsonl on Windows.'
        PassThru             = 'Also write the connection object to the pipeline, to keep it in a variable and pass it with -Context. Without it nothing is written. A connection kept this way stays usable after later Connect-EsignetServer calls, so scripts can hold two servers at once.'
    }
    Defaults    = @{
        ServerVersion = '$env:ESIGNET_SERVER_VERSION, else 1.0'
        PmsVersion    = '$env:ESIGNET_PMS_VERSION, else 1.2.0'
        Api           = 'Pms when only -PmsUri is given, else Esignet'
        AppId         = 'partner'
        TimeoutSec    = '30'
        MaxRetry      = '4'
        LedgerPath    = '$env:ESIGNET_LEDGER_PATH, else the per-user default (see about_Esignet)'
    }
    Examples    = @(
        @{
            Title   = 'Connect to eSignet 1.5 with a Keycloak client'
            Code    = 'Connect-EsignetServer -Uri https://esignet.example.org -ClientCredential (Get-Credential) -TokenUri https://keycloak.example.org/auth/realms/mosip/protocol/openid-connect/token -Verbose'
            Remarks = 'Prompts for the client id and secret, gets a token with the client credentials grant, reads eSignet''s discovery document, finds the release line (-Verbose shows each probe and its answer) and makes this the current connection. Get-EsignetContext shows the result, including ServerVersionFoundBy.'
        }
        @{
            Title   = 'Connect to PMS with MOSIP authmanager'
            Code    = 'Connect-EsignetServer -PmsUri https://api-internal.example.org -PmsVersion 1.2.2 -ClientCredential (Get-Credential mosip-pms-client) -AuthManagerUri https://api-internal.example.org'
            Remarks = 'Gets a token from authmanager with app id partner. As only PMS is given, New-EsignetOidcClient and the other cmdlets use the PMS API by default. -PmsVersion fixes the line, so no probe is sent.'
        }
        @{
            Title   = 'Connect in a CI job from environment variables'
            Code    = @'
# Set by the CI system (secret variables): ESIGNET_URI, ESIGNET_SERVER_VERSION,
# ESIGNET_CLIENT_ID, ESIGNET_CLIENT_SECRET, ESIGNET_TOKEN_URI, ESIGNET_LEDGER_PATH
try { Connect-EsignetServer } catch { Write-Host "Cannot connect: $_"; exit 1 }
Import-Csv ./clients.csv | New-EsignetOidcClient -GenerateKey -KeyDirectory ./keys -ErrorVariable failed
if ($failed) { exit 1 }
'@
            Remarks = 'With no parameters, the server, the release line, the credentials and the ledger location all come from ESIGNET_* variables, so no secret appears in the script or the job log. A refused credential or a missing variable fails the job before any row is read; a bad row fails it only after every row was tried.'
        }
        @{
            Title   = 'Use a token you already have'
            Code    = 'Connect-EsignetServer -Uri https://esignet.example.org -ServerVersion 1.8 -AccessToken (Read-Host -AsSecureString "Token")'
            Remarks = 'Reads the token without echoing it. Such a token is not renewed; connect again when it expires.'
        }
        @{
            Title   = 'Keep the connection in a variable'
            Code    = @'
$pms = Connect-EsignetServer -PmsUri https://api-internal.example.org -PmsVersion 1.2.2 -ClientCredential (Get-Credential) -AuthManagerUri https://api-internal.example.org -PassThru
$pms | Format-List
Get-EsignetClient -All -Context $pms
'@
            Remarks = '-PassThru returns the connection (no secret in it) so that it can be shown or passed with -Context.  It stays usable after later connects: pass it with -Context to work with two servers at once.'
        }
    )
    Inputs      = @()
    Outputs     = 'Esignet.Core.Connection.EsignetContext, only with -PassThru: EsignetUri, PmsUri, ServerVersion, PmsVersion, DefaultApi, AuthMethod, CredentialSource, TokenEndpoint, TokenExpiresAt, TokenScopes, Discovery, LedgerPath and ConnectedAt. It holds no token or secret.'
    Notes       = 'The connection belongs to this PowerShell process only. Connecting again replaces the current connection (and closes it unless it was kept with -PassThru). Never put a token or a client secret in a script: use Get-Credential, Read-Host -AsSecureString or the ESIGNET_* environment variables.'
    Links       = @('Get-EsignetContext', 'Disconnect-EsignetServer', 'New-EsignetOidcClient', 'about_Esignet')
}
