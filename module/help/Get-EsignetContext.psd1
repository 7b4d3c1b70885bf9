@{
    Synopsis    = 'Shows the current eSignet/PMS connection: servers, release lines, how it authenticates and where its ledger is. Never a secret.'
    Description = @'
Get-EsignetContext returns the connection that Connect-EsignetServer made current, the one every other cmdlet
uses when it is not given -Context. Use it to check, before a bulk run, that you are about to talk to the right
server, with the right release line and credential.

The object shows EsignetUri and PmsUri, ServerVersion and PmsVersion (the lines the module follows, given or
assumed: 1.0 and 1.2.0 when not given), DefaultApi (the API used when -Api is not given), AuthMethod
(StaticToken, ClientCredentials, AuthManager or None), CredentialSource (-AccessToken, -ClientCredential, or
the environment variables used, e.g. "environment (ESIGNET_CLIENT_ID, ESIGNET_CLIENT_SECRET,
ESIGNET_TOKEN_URI)"), TokenEndpoint, TokenExpiresAt and TokenScopes of the token currently held, whether
eSignet's discovery document was read (if not, local validation uses the line's built-in claims and ACRs),
LedgerPath and ConnectedAt.

The token and the client secret are not properties of the object, so they cannot be shown, exported or
logged by accident. When there is no connection, nothing is returned and no error is written; a script can
test for that with if (-not (Get-EsignetContext)).
'@
    Parameters  = @{}
    Examples    = @(
        @{
            Title   = 'Check the connection before registering'
            Code    = 'Get-EsignetContext'
            Remarks = 'Lists the servers, lines, auth method, token expiry and scopes, and the ledger path of the current connection.'
        }
        @{
            Title   = 'Stop a script that is not connected, or connected to the wrong line'
            Code    = @'
$context = Get-EsignetContext
if (-not $context) { throw 'Not connected: run Connect-EsignetServer first.' }
if ("$($context.ServerVersion)" -ne '1.8') { throw "Connected as eSignet $($context.ServerVersion); this job expects 1.8." }
Write-Host "Ledger: $($context.LedgerPath); token valid until $($context.TokenExpiresAt)"
'@
            Remarks = 'A guard for scheduled scripts: it fails early and writes only non-secret facts to the log.'
        }
        @{
            Title   = 'Keep a record of which server each scheduled run used'
            Code    = 'Get-EsignetContext | Select-Object ConnectedAt, EsignetUri, ServerVersion, PmsUri, PmsVersion, AuthMethod, CredentialSource, LedgerPath | Export-Csv ./runs.csv -Append'
            Remarks = 'One line per run in runs.csv. The object holds no token or secret, so none can end up in the file.'
        }
    )
    Inputs      = @()
    Outputs     = 'Esignet.Core.Connection.EsignetContext, or nothing when not connected.'
    Notes       = 'The connection is per PowerShell process; a new process (a new CI step, a scheduled task) must connect again.'
    Links       = @('Connect-EsignetServer', 'Disconnect-EsignetServer', 'about_Esignet')
}
