@{
    Synopsis    = 'Makes a private_key_jwt client assertion, signed with the client''s private key, exactly as eSignet''s token endpoint checks it. Returned as a SecureString unless -AsPlainText.'
    Description = @'
A relying party authenticates to eSignet's token endpoint with a client assertion (RFC 7523): a JWT it signs
with its private key. New-EsignetClientAssertion makes one as every eSignet line checks it (esignet-api.md
section 6.2):

Header: alg from the key (its alg, else RS256 for RSA, ES256 for P-256), typ JWT, and kid, the key's kid.

Claims: iss and sub, both the Client ID; aud, -Audience, by default the connected eSignet's token_endpoint from
discovery, as one string; iat, now; exp, now plus -Lifetime; jti, 128 random bits, new every time (eSignet 1.7+
refuses a jti it has seen in the last day).

There is no nbf: eSignet 1.2 to 1.5.0 allow no clock skew, and an nbf a second ahead of the server would be
refused. Use it to try the token endpoint by hand (with an authorization code), to feed a test harness, or to
check a relying party's own assertions against one that is known to be right.

The assertion lets whoever holds it authenticate as the client until it expires, so it is returned as a
SecureString; -AsPlainText returns the text. -Verbose shows its non-secret facts (alg, kid, aud, jti, expiry).

The key is -Key (a key object, or the path of a PEM or private JWK file); without it, the private key file
the registration names is used (ledger, or the ledger's record of a PMS client). The kid header must match the
registered key's kid: if the key was registered without one, give -KeyId '' to send none; if it was registered
with another kid than the key file says, give that kid.

It changes nothing anywhere (it is like New-Guid: it makes a value), so it has no -WhatIf.
'@
    Parameters  = @{
        ClientId    = 'The Client ID: both iss and sub. Binds from a ClientId property. Tab completes from the ledger (and PMS). Aliases: Id, client_id.'
        Key         = 'The private key: a key object (New-EsignetJwk, Import-EsignetJwk) or the path of a PEM or private JWK file. Default: the private key file the registration names. Binds from a PrivateKeyPemPath property. Alias: KeyPath.'
        Audience    = 'The aud claim: the token endpoint URL the assertion is sent to. Default: the token_endpoint of the connected eSignet''s discovery document (for eSignet 1.4+ .../v1/esignet/oauth/v2/token). Alias: Aud.'
        Lifetime    = 'How long the assertion is valid: seconds (300), a TimeSpan ((New-TimeSpan -Minutes 5)) or its text (''00:05:00''). 1 second to 1 day; default 5 minutes.'
        KeyId       = 'The kid header. Default: the key''s kid (from the JWK file, or the RFC 7638 thumbprint for a PEM file, as New-EsignetJwk registers it). An empty string sends no kid, for a key registered without one. Alias: Kid.'
        Api         = 'Esignet or Pms: where the registration is looked up when -Key is not given. Defaults to the connection''s DefaultApi.'
        AsPlainText = 'Return the assertion as plain text instead of a SecureString. It is a secret: do not log it.'
        Context     = 'The connection to use (for the audience and the registration), from Connect-EsignetServer -PassThru. Defaults to the current connection; not needed with -Key and -Audience.'
    }
    Defaults    = @{
        Key      = 'The private key file the registration names'
        Audience = 'The token_endpoint of the connection''s discovery document'
        Lifetime = '5 minutes'
        KeyId    = 'The key''s kid'
        Api      = 'The connection''s DefaultApi'
        Context  = 'The current connection'
    }
    Examples    = @(
        @{
            Title   = 'Exchange an authorization code for tokens by hand'
            Code    = @'
$assertion = New-EsignetClientAssertion -ClientId social-registry -AsPlainText
Invoke-RestMethod -Method Post -Uri (Get-EsignetContext).Discovery.TokenEndpoint -Body @{
    grant_type            = 'authorization_code'
    code                  = $code
    redirect_uri          = 'https://registry.example.org/auth_oauth/signin'
    client_assertion_type = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
    client_assertion      = $assertion
}
'@
            Remarks = 'Uses the key file the ledger recorded for social-registry and the token endpoint from discovery. $code comes from the redirect after a user logged in.'
        }
        @{
            Title   = 'Make assertions for every client of a registration run, without a connection'
            Code    = 'Import-Csv ./registered.csv | New-EsignetClientAssertion -Audience https://esignet.example.org/v1/esignet/oauth/v2/token -Lifetime 60'
            Remarks = 'ClientId and PrivateKeyPemPath of each row bind to -ClientId and -Key; each assertion is a SecureString valid for 60 seconds.'
        }
        @{
            Title   = 'Sign with a key object and no kid'
            Code    = '$key = Import-EsignetJwk ./portal.private.pem; New-EsignetClientAssertion -ClientId portal -Key $key -KeyId "" -Audience https://esignet.example.org/v1/esignet/oauth/v2/token -Verbose'
            Remarks = 'For a key registered without a kid: the assertion then carries none, so eSignet selects the registered key by type and alg alone. -Verbose shows alg, aud, jti and expiry.'
        }
    )
    Inputs      = @(
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Objects with ClientId (and PrivateKeyPemPath) properties, e.g. New-EsignetOidcClient or Get-EsignetClient output.' }
    )
    Outputs     = 'System.Security.SecureString (the compact JWS), or System.String with -AsPlainText.'
    Notes       = 'Send it as the client_assertion form field with client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer. Each assertion has a new jti: on eSignet 1.7+ it can be used once. Convert a SecureString back with [Net.NetworkCredential]::new('''', $secure).Password when a tool needs the text.'
    Links       = @('Test-EsignetClient', 'Export-EsignetClientConfig', 'Import-EsignetJwk', 'about_Esignet')
}
