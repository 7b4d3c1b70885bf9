@{
    Synopsis    = 'Checks client definitions (CSV rows, objects or parameters) offline, with the rules New-EsignetOidcClient applies before sending, and reports every mistake with its line and field.'
    Description = @'
Test-EsignetClientDefinition is a linter for the input of New-EsignetOidcClient. It reads each row exactly as
New-EsignetOidcClient does (the same parameters, aliases, list and map syntax and line numbering: CSV header =
line 1, first row = line 2), fills in the same defaults, picks the same endpoint and runs the same local
validation, and writes one diagnostic record per problem: LineNumber, Severity (Error or Warning), Field (the
server's JSON name, with an index for list items, e.g. redirectUris[1]), Code (the error code the server would
answer, e.g. invalid_redirect_uri, or a module code such as MalformedValue or EndpointNotOnLine), Rule (the kind
of check, e.g. InvalidUrl, UnknownClaim, Whitespace) and Message (what is wrong and what to do). A good row
produces nothing, so no output means the input is clean.

Unlike New-EsignetOidcClient it does not stop at the first problem of a row: a cell that cannot be read (bad
JSON, a key file that does not exist) is reported and the rest of the row is still checked. It also reports a
Client ID repeated in the input (DuplicateClientIdInInput), which New-EsignetOidcClient would refuse.

No server is needed and nothing is sent or written. The rules are those of -ServerVersion (eSignet line) and
-PmsVersion when given. Otherwise, when connected, those of the connection (its lines, plus the claims and ACRs
its discovery document lists, as New-EsignetOidcClient uses them). Otherwise the shipped defaults of eSignet 1.0
and PMS 1.2.0: what every release accepts. -Verbose says which rules were used.

Which API a row is for: -Api, else the connection's default API; when neither is there, a row with a policyId or
authPartnerId (PMS's required fields) is checked as a PMS row, any other as an eSignet row.

Rows meant for New-EsignetOidcClient -GenerateKey have no public key; give -GenerateKey here too, and they are
checked with a key like the one that would be made, instead of being reported for the missing key.
'@
    Parameters  = @{
        ClientId          = 'eSignet only: the Client ID (at most 100 characters, no whitespace). CSV column: clientId.'
        ClientName        = 'The client''s display name (at most 256 characters). Alias: Name. CSV column: clientName or name.'
        PublicKey         = 'The public key: a key object, a JWK as JSON text or a hashtable, PEM text, or the path of a JWK or PEM file (relative to the current location). A file that does not exist is reported as KeyFileNotFound. Aliases: PublicJwk, Jwk, KeyPath, PublicKeyPath.'
        LogoUri           = 'URL of the client''s logo.'
        RedirectUri       = 'The redirect URIs (1 to 5): an array, or one string with a;b, a|b or a JSON array. Alias: RedirectUris.'
        GrantType         = 'Grant types; authorization_code when left out. Alias: GrantTypes.'
        ClientAuthMethod  = 'Client authentication methods; private_key_jwt when left out. Alias: ClientAuthMethods.'
        RelyingPartyId    = 'eSignet only: the relying party (partner) id. Aliases: RelyingParnterId, RpId.'
        UserClaim         = 'eSignet only: the user claims; defaults as in New-EsignetOidcClient. Tab completes the claims of the rules in use. Aliases: UserClaims, Claims.'
        AuthContextRef    = 'eSignet only: the ACR values; defaults as in New-EsignetOidcClient. Tab completes the ACRs of the rules in use. Aliases: AuthContextRefs, Acr, AcrValues.'
        ClientNameLangMap = 'The client name per language (ISO 639-2): eng=Portal;fra=Portail, a JSON object or a hashtable. Needs eSignet 1.2+ or PMS 1.2.2+. Alias: LangMap.'
        AdditionalConfig  = 'eSignet 1.6+ only: the additionalConfig object, as JSON text or a hashtable; checked against the line''s schema.'
        PolicyId          = 'PMS only, required: the partner''s auth policy id.'
        AuthPartnerId     = 'PMS only, required: the auth partner id. Aliases: AuthParnterId, PartnerId.'
        LineNumber        = 'The input line of the row, used in the records. When not given, rows are counted as they come down the pipeline with the CSV header as line 1. Alias: Line.'
        InputObject       = 'The whole pipeline row; bound automatically when rows are piped in. Not meant to be given by hand.'
        Context           = 'A connection from Connect-EsignetServer -PassThru whose rules to use. Defaults to the current connection, if any; none is needed.'
        ServerVersion     = 'The eSignet release line whose rules to check against: 1.0 to 1.8 (1.5.1 is 1.5). Tab completes. Overrides the connection''s line and uses the line''s shipped claims and ACRs.'
        PmsVersion        = 'The PMS release line whose rules to check PMS rows against: 1.2.0 (1.2.0.x, 1.2.1.x) or 1.2.2 (1.2.2.x, 1.3.x).'
        Api               = 'Esignet or Pms: check every row as a definition for that API. By default the connection''s default API, or, when not connected, per row (a row with policyId or authPartnerId is a PMS row).'
        EncryptionKey     = 'eSignet 1.8+ only: the key that encrypts the client''s userinfo (JWE), as New-EsignetOidcClient takes it; checked to be readable, and refused before 1.8 and for PMS rows. CSV column: encPublicKey.'
        GenerateKey       = 'The rows will be registered with New-EsignetOidcClient -GenerateKey: a row without a public key is checked with a key like the one that would be made (RSA 2048, RS256), instead of being reported for the missing key. Nothing is written.'
        Force             = 'Check the rows as New-EsignetOidcClient -Force would register them: an RSA key of 512 to 2047 bits is a WeakKey warning instead of a KeySizeTooSmall error. Under 512 bits it stays an error (eSignet answers invalid_public_key).'
    }
    Defaults    = @{
        ServerVersion = 'The connection''s line, else 1.0'
        PmsVersion    = 'The connection''s line, else 1.2.0'
        Api           = 'The connection''s default API, else per row'
        Context       = 'The current connection, if any'
    }
    Examples    = @(
        @{
            Title   = 'Lint a CSV before registering it'
            Code    = 'Import-Csv ./clients.csv | Test-EsignetClientDefinition -ServerVersion 1.5 -GenerateKey'
            Remarks = @'
Prints a table with a line per problem: the CSV line, Error or Warning, the field (redirectUris[1] is the second
redirect URI of the row), the code the server would answer (invalid_redirect_uri, ...) and what is wrong and what
to do. Nothing is printed when every row is good.
'@
        }
        @{
            Title   = 'Check one definition typed at the prompt'
            Code    = 'Test-EsignetClientDefinition -ClientId "social registry" -ClientName Registry -RelyingPartyId openg2p-auth-partner -LogoUri https://r.example.org/logo.png -RedirectUri https://r.example.org/auth_oauth/signin -UserClaim name, email -GenerateKey'
            Remarks = 'Reports that clientId contains whitespace (invalid_client_id), which eSignet refuses on every line.'
        }
        @{
            Title   = 'Fail a CI job on a bad CSV, before anything is sent'
            Code    = @'
$problems = Import-Csv ./clients.csv | Test-EsignetClientDefinition -ServerVersion $env:ESIGNET_SERVER_VERSION -GenerateKey
$problems | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
if ($problems | Where-Object Severity -eq 'Error') { exit 1 }
'@
            Remarks = 'Warnings (e.g. a plain http logo URL) are shown but do not fail the job; errors do.'
        }
        @{
            Title   = 'Group the problems by row'
            Code    = 'Import-Csv ./clients.csv | Test-EsignetClientDefinition -GenerateKey | Group-Object LineNumber | Sort-Object { [int]$_.Name }'
            Remarks = 'One group per line with problems, with the number of problems each.'
        }
    )
    Inputs      = @(
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Rows with properties named after the parameters or their aliases, e.g. from Import-Csv.' }
    )
    Outputs     = 'Esignet.Core.Definitions.ValidationIssue per problem: LineNumber, Severity, Field, Code, Rule, Message. Nothing for a good row.'
    Notes       = 'What can only be known by the server is not checked: whether a Client ID or key is already registered, whether the partner and policy exist in PMS, and the server''s own configuration beyond its discovery document. The diagnostic records never hold a key.'
    Links       = @('New-EsignetOidcClient', 'about_Esignet_CSV', 'about_Esignet')
}
