@{
    Synopsis    = 'Registers OpenID Connect clients with eSignet or through MOSIP Partner Management, from parameters or from CSV rows piped in.'
    Description = @'
New-EsignetOidcClient registers relying parties (portals, registries, mobile apps) as OIDC clients of eSignet,
one per parameter set or per pipeline row. Every parameter a CSV column can fill binds by property name, with
the API's own JSON names and OpenG2P's spellings as aliases (relyingParnterId, authParnterId), so
Import-Csv clients.csv | New-EsignetOidcClient is the whole job. Run Connect-EsignetServer first.

Two APIs can do the registration; -Api chooses, and by default the connection's DefaultApi is used. With
Esignet (eSignet's own client-management API) you choose the Client ID, and a client needs ClientId,
ClientName, RelyingPartyId, a public key, LogoUri and RedirectUri. With Pms (Partner Management) PMS computes
the Client ID from the public key, and a client needs ClientName, PolicyId, AuthPartnerId, a public key,
LogoUri and RedirectUri; a ClientId or RelyingPartyId given there is ignored with a warning, and so are
UserClaim and AuthContextRef (PMS takes claims and ACRs from the partner's policy). The module computes the PMS
Client ID itself, the way the connected PMS line does (SHA-256 of the public key, base64url), so it is known
before PMS answers and a lost answer is recognised on the next run rather than duplicated. PMS 1.2.0 and 1.2.1
accept RSA keys only.

What is left out is filled with what the OpenG2P client-creation guide and every eSignet line use: grant type
authorization_code and auth method private_key_jwt; for eSignet also the claims birthdate, address, gender,
name, phone_number, email, picture and the ACRs mosip:idp:acr:biometrics and mosip:idp:acr:generated-code.

The endpoint follows from what a row needs and the release line given to Connect-EsignetServer. eSignet:
POST /v1/esignet/client-mgmt/oidc-client (every line) for a plain client, /client-mgmt/oauth-client (1.2+)
when it has a ClientNameLangMap, /client-mgmt/client (1.6+) when it has AdditionalConfig. PMS:
POST /v1/partnermanager/oidc/client, or /oauth/client (1.2.2+) when it has a ClientNameLangMap; PMS has no
AdditionalConfig. A row that needs an endpoint the connected line lacks is refused with EndpointNotOnLine
before anything is sent; the line is the one Connect-EsignetServer found or was given (Get-EsignetContext
shows it and how it was found).

Each row is validated locally first, against the rules of the chosen API, line and endpoint (id whitespace
and length, name length, URL syntax, list sizes, allowed grant types and auth methods, claims and ACRs known to
the line or listed by the server's discovery document, key type and size). An invalid row is an error naming
the line and field, with the server's own error code as ErrorId; nothing is sent for it, and the other rows go
on.

With -GenerateKey, a row without a public key gets a new key pair (RSA, -KeySize bits). Its files are written
owner-only to -KeyDirectory before the public key is sent: <name>.private.pem (PKCS#8, for OpenG2P's Odoo),
<name>.private.jwk.json and <name>.public.jwk.json, where <name> is the ClientId for eSignet and the
ClientName for PMS (characters not allowed in file names become _). If <name>.private.pem already exists, that
key is reused instead, so a rerun registers the same key. Keep the same -KeyDirectory between runs.

Every registration is recorded in the ledger (see about_Esignet): a Pending entry before the request and the
outcome after it. That makes reruns safe. The Outcome of each result is Created (registered now), Exists
(already registered with this key and this definition: nothing sent; also when a previous run's request
reached the server but its answer was lost), Changed (registered with this key, but the row differs from what
was registered: nothing sent, a warning says to add -Update), or Updated (with -Update, the client was
replaced with the row's values). A Client ID the ledger knows with a different key is refused with
ClientIdTaken, since a client's key cannot change.

-WhatIf shows one line per row, after defaults and local validation, so it is a full dry run of the input:
the endpoint and server a row would be sent to, or, for a row the ledger shows already registered with this key
and definition, that nothing is sent (the same line appears under -Verbose in a real run). Add -Verbose to see
the exact JSON body (public key only). It sends nothing and writes nothing: no key file, no ledger entry. With
-GenerateKey, every row is shaped with one placeholder key (made once, never written), so a dry run of many rows
costs no key generation; PMS rows with a new key are named by ClientName, since their Client ID comes from the
real key.

A row whose definition matches what was registered is Exists even when Set-EsignetClient has changed the client
since (the ledger keeps the hash of the registered input), so rerunning an unchanged CSV neither warns nor, with
-Update, undoes the Set. When the token's scopes are known and lack add_oidc_client, an eSignet row that needs a
new key is refused (Forbidden) before its key files are written. If -GenerateKey finds some of a client's key
files but not its private PEM, the row fails with KeyFileExists naming the missing file: move the leftovers away
or choose another -KeyDirectory (-Force does not replace key files here).
'@
    Parameters  = @{
        ClientId          = 'eSignet only: the Client ID to register (at most 100 characters, no whitespace). With -GenerateKey it also names the key files. Ignored, with a warning, for PMS, which computes the Client ID from the key. CSV column: clientId.'
        ClientName        = 'The client''s display name (at most 256 characters). For PMS it also names the key files made by -GenerateKey. Alias: Name (PMS''s field name). CSV column: clientName or name.'
        PublicKey         = 'The public key to register: a key object from New-EsignetJwk or Import-EsignetJwk, a JWK as JSON text or a hashtable, PEM text, or the path of a JWK or PEM file (relative to the current location). Only the public part is ever sent. Aliases: PublicJwk, Jwk, KeyPath, PublicKeyPath. Leave it out and use -GenerateKey to have a key made.'
        LogoUri           = 'URL of the client''s logo, shown on eSignet''s login page. Required for PMS.'
        RedirectUri       = 'The redirect URIs (1 to 5), e.g. https://portal.example.org/auth_oauth/signin for OpenG2P''s Odoo. An array, or one string with a;b, a|b or a JSON array (commas never separate). Alias: RedirectUris.'
        GrantType         = 'Grant types; authorization_code when left out. List forms as for -RedirectUri. Alias: GrantTypes.'
        ClientAuthMethod  = 'Client authentication methods; private_key_jwt when left out. List forms as for -RedirectUri. Alias: ClientAuthMethods.'
        RelyingPartyId    = 'eSignet only: the relying party (partner) id the client belongs to. Aliases: RelyingParnterId (the OpenG2P guide''s spelling), RpId.'
        UserClaim         = 'eSignet only: the user claims the client may ask for, e.g. name;email;phone_number. Defaults to birthdate, address, gender, name, phone_number, email, picture. Each must be a claim the line knows or the server''s discovery lists. Aliases: UserClaims, Claims.'
        AuthContextRef    = 'eSignet only: the ACR values the client may ask for. Defaults to mosip:idp:acr:biometrics and mosip:idp:acr:generated-code. Aliases: AuthContextRefs, Acr, AcrValues.'
        ClientNameLangMap = 'The client name per language, keyed by ISO 639-2 code: eng=Portal;fra=Portail, a JSON object or a hashtable. Needs eSignet 1.2+ (oauth-client endpoint) or PMS 1.2.2+ (/oauth/client). Alias: LangMap.'
        AdditionalConfig  = 'eSignet 1.6+ only: the additionalConfig object, as JSON text or a hashtable (e.g. {"userinfo_response_type":"JWS","consent_expire_in_mins":60}). Sends the client to /client-mgmt/client. Not available through PMS.'
        PolicyId          = 'PMS only, required: the id of the partner''s auth policy.'
        AuthPartnerId     = 'PMS only, required: the id of the auth partner (OpenG2P''s partner on MOSIP). PMS passes it on to eSignet as the relying party id. Aliases: AuthParnterId (the OpenG2P guide''s spelling), PartnerId.'
        LineNumber        = 'The input line the row came from, used in warnings, errors and the result. When not given, rows are counted as they come down the pipeline with the CSV header as line 1, so the first row is line 2. Alias: Line.'
        Api               = 'Esignet or Pms: which API registers the clients. Defaults to the connection''s DefaultApi (Pms when only -PmsUri was given to Connect-EsignetServer, else Esignet).'
        EncryptionKey     = 'eSignet 1.8+ only: the key that encrypts the client''s userinfo when AdditionalConfig asks for JWE (userinfo_response_type JWE): a key object (New-EsignetJwk -Use Enc, Import-EsignetJwk), JWK or PEM text, or a key file. Only its public part is sent, marked use=enc (RSA-OAEP-256 for RSA, ECDH-ES for EC, unless the JWK says otherwise). eSignet accepts it only by PATCH, so the client is created first and the key sent right after; if that second request fails the client stays registered (Created) with the error EncryptionKeyNotSet, and running the same command again sends only the key. Refused before eSignet 1.8 and through PMS. CSV column: encPublicKey.'
        GenerateEncryptionKey = 'eSignet 1.8+ only: give every row without an EncryptionKey a new encryption key (RSA 2048, use=enc, RSA-OAEP-256), written owner-only beside its signing key as <name>.enc.private.pem, .enc.private.jwk.json and .enc.public.jwk.json before anything is sent, and reused from there on later runs. The result''s EncryptionPrivateKeyPemPath names the file the portal needs to decrypt userinfo.'
        GenerateKey       = 'Make a key pair for every row without a public key. The private key is written owner-only to -KeyDirectory before the public key is sent, and reused from there on later runs.'
        KeyDirectory      = 'Folder for the key files made by -GenerateKey, relative to the current location; created owner-only (0700, each missing level) when missing. Default: ./keys. Files are named after the Client ID (eSignet) or the name (PMS); where that is not a plain file name (a space, '':'', ''/'') or is long, a short hash of it is added so no two clients share a file. An existing key file is reused only when it is yours, 0600, not a symlink and not recorded in the ledger for another client.'
        KeySize           = 'RSA modulus size in bits for -GenerateKey: 2048 (default), 3072 or 4096.'
        Update            = 'For a client the ledger shows as registered with the same key but a different definition, replace it with the row''s values (a full PUT) and report Updated, instead of reporting Changed and sending nothing.'
        Force             = 'Override the module''s two safety refusals, each of which otherwise stops the row before anything is written or sent. (1) A weak key: an RSA key of 512 to 2047 bits (from -PublicKey or the publicKey column) is refused with KeySizeTooSmall, because such a key can be broken and a client''s key cannot be changed after registration, although eSignet itself would accept it; with -Force it is registered and a WeakKey warning says so. Under 512 bits eSignet refuses the key (invalid_public_key), -Force or not. (2) With -GenerateKey: a key folder that other users can write to, or that another user owns, is refused (KeyDirectoryNotPrivate, KeyDirectoryNotOwned); with -Force it is used, accepting that they could swap, plant or delete your keys. -Force never makes the module reuse a key file that is a symlink, another user''s, readable by others or recorded for another client. Both are safety overrides of the same kind, so they share the switch: check with Test-EsignetClientDefinition -Force first when only one of them is meant.'
        IncludeFailed     = 'Also write a result for every row that failed, with Outcome Failed, ErrorId (the server''s or validator''s code) and Error (the message naming the line and field), so that | Export-Csv makes a results file with one row per input row. The error is still written to the error stream too, so -ErrorVariable and $ErrorActionPreference work as before. Meant for CI jobs whose results file is read by people or by the next step.'
        ThrottleLimit     = 'How many registrations talk to the server at once (1 to 64; default 16); as many more rows have their key files and ledger entry written meanwhile, so that disk time never holds up a request. Results stream out as they finish, so with more than 1 their order can differ from the input; 1 registers strictly in input order. Key generation for -GenerateKey runs ahead on every core whatever this is. Input is read only as fast as slots free up, so memory stays flat for any length of input.'
        InputObject       = 'The whole pipeline row. Bound automatically when rows are piped in, so that an error can carry its row as TargetObject; not meant to be given by hand.'
    }
    Defaults    = @{
        Api              = 'The connection''s DefaultApi'
        KeyDirectory     = './keys'
        KeySize          = '2048'
        GrantType        = 'authorization_code'
        ClientAuthMethod = 'private_key_jwt'
        UserClaim        = 'birthdate, address, gender, name, phone_number, email, picture (eSignet)'
        AuthContextRef   = 'mosip:idp:acr:biometrics, mosip:idp:acr:generated-code (eSignet)'
        ThrottleLimit    = '16'
    }
    Examples    = @(
        @{
            Title   = 'Register one portal with eSignet, making its key'
            Code    = 'New-EsignetOidcClient -ClientId social-registry -ClientName "Social Registry" -RelyingPartyId openg2p-auth-partner -LogoUri https://registry.example.org/logo.png -RedirectUri https://registry.example.org/auth_oauth/signin -GenerateKey'
            Remarks = 'Writes keys/social-registry.private.pem (owner-only) and its two JWK files, then registers the client with the default grant type, auth method, claims and ACRs. Upload the PEM file to the portal''s OAuth provider settings together with the Client ID.'
        }
        @{
            Title   = 'Register every client in a CSV file, in bulk'
            Code    = 'Import-Csv clients.csv | New-EsignetOidcClient -GenerateKey -KeyDirectory ./keys | Export-Csv registered.csv'
            Remarks = @'
The CSV header names the fields, e.g. clientId,clientName,relyingPartyId,logoUri,redirectUris,userClaims; list cells hold a;b or a JSON array, empty cells take the defaults. Each row gets its own key in ./keys and one result line (LineNumber, ClientId, Outcome, Status, key file paths) in registered.csv. A bad row is reported as an error with its line number and the others continue.

Running the same command again is safe: registered rows come back as Exists, edited rows as Changed (add -Update to apply them), and rows that failed are tried again with the key already on disk.
'@
        }
        @{
            Title   = 'Check a CSV without sending anything'
            Code    = 'Import-Csv clients.csv | New-EsignetOidcClient -GenerateKey -WhatIf'
            Remarks = 'Validates every row against the connected release line and shows the endpoint and JSON body each would be sent with. No key file, no ledger entry, no request.'
        }
        @{
            Title   = 'Register through PMS from a CSV in a CI job'
            Code    = @'
# ESIGNET_PMS_URI, ESIGNET_PMS_VERSION, ESIGNET_CLIENT_ID, ESIGNET_CLIENT_SECRET and
# ESIGNET_AUTHMANAGER_URI come from the CI system's secret variables.
try { Connect-EsignetServer } catch { Write-Host "Cannot connect: $_"; exit 1 }
$results = Import-Csv ./pms-clients.csv | New-EsignetOidcClient -GenerateKey -KeyDirectory ./keys -ErrorVariable failed
$results | Select-Object LineNumber, ClientName, ClientId, Outcome | Format-Table
if ($failed) { exit 1 }
'@
            Remarks = 'The CSV has the columns name,policyId,authPartnerId,logoUri,redirectUris (the PMS field names; authParnterId from the OpenG2P guide works too). The Client IDs PMS derives from the keys are in the results; the job fails when any row failed, after all rows were tried.'
        }
        @{
            Title   = 'A CI results file with one row per input row, failures included'
            Code    = @'
Import-Csv ./clients.csv | New-EsignetOidcClient -GenerateKey -IncludeFailed -ErrorVariable failed |
    Sort-Object LineNumber | Export-Csv ./created.csv
if ($failed) { exit 1 }
'@
            Remarks = 'Rows that failed are in created.csv with Outcome Failed and the ErrorId and Error columns filled, so the results file never silently lacks them; Sort-Object LineNumber puts the rows back in input order.'
        }
        @{
            Title   = 'Register a key made earlier, with a language map'
            Code    = @'
$key = New-EsignetJwk -Path ./keys/mobile-app
New-EsignetOidcClient -ClientId mobile-app -ClientName "Mobile App" -ClientNameLangMap @{ eng = 'Mobile App'; fra = 'Application mobile' } -RelyingPartyId openg2p-auth-partner -PublicKey $key -LogoUri https://app.example.org/logo.png -RedirectUri 'io.example.app://callback' -UserClaim name, phone_number
'@
            Remarks = 'A language map sends the client to /client-mgmt/oauth-client, so the connection must be for eSignet 1.2 or later (-ServerVersion).'
        }
    )
    Inputs      = @(
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Rows with properties named after the parameters or their aliases, e.g. from Import-Csv or ConvertFrom-Json.' }
    )
    Outputs     = 'Esignet.Core.Registration.RegistrationResult per row: ClientId, Outcome (Created, Exists, Changed, Updated, or Failed with -IncludeFailed, when ErrorId and Error are set), Status (ACTIVE or INACTIVE), ClientName, Api, Endpoint, Server, KeyId, KeyThumbprint, the three key file paths, and LineNumber. It holds no private key.'
    Notes       = 'Results come out in completion order, not input order: up to -ThrottleLimit rows are registered at once and results stream out as they finish; -ThrottleLimit 1 keeps input order, and LineNumber (or Sort-Object LineNumber) ties each result to its row. Failed rows reach only the error stream unless -IncludeFailed is given. A Client ID repeated within one input is refused on its second row (DuplicateClientIdInInput). Errors are non-terminating: use -ErrorVariable or $Error, and match on FullyQualifiedErrorId (the server''s or validator''s code, e.g. invalid_redirect_uri, duplicate_client_id, PMS_PRT_058). The ledger entry written for each request never holds a key or token. A registered client''s key and Client ID can never be changed; register a new client instead.'
    Links       = @('Connect-EsignetServer', 'Get-EsignetClient', 'Set-EsignetClient', 'New-EsignetJwk', 'about_Esignet')
}
