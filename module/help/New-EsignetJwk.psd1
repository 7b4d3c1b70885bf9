@{
    Synopsis    = 'Generates key pairs (JWK) for eSignet client registration, and writes their PEM and JWK files.'
    Description = @'
New-EsignetJwk makes the key pair every OpenID Connect client registration needs, replacing the web page
(mkjwk.org) operators used to copy keys from. The private key never leaves your machine.

The default is what every eSignet line accepts: RSA 2048, use "sig", alg RS256, and a kid equal to the
RFC 7638 SHA-256 thumbprint of the public key. EC keys (P-256, P-384, P-521) are accepted by eSignet from
1.7 on only; use RSA for older servers.

With -Path, three files are written: <base>.private.pem (PKCS#8 PEM, what OpenG2P's Odoo provider takes),
<base>.private.jwk.json (the private JWK, what MOSIP's mock relying party takes) and <base>.public.jwk.json.
Every file is written atomically (temporary file, then rename) with owner-only permissions (0600 on Unix,
an owner-only ACL on Windows); a missing folder is created owner-only. Existing files are never replaced
without -Force.

The output object carries the public JWK and the file paths. It holds the private key so that it can be
piped into New-EsignetOidcClient, but never shows it: not in the table, not in Format-List *, not in
ConvertTo-Json. To get the secret out on purpose, call its RevealPrivateKeyPem() or RevealPrivateJwk()
method.
'@
    Parameters  = @{
        KeyType   = 'RSA (the default; every eSignet line accepts it) or EC (eSignet 1.7 and later). -Curve alone implies EC.'
        KeySize   = 'RSA modulus size in bits: 2048 (default), 3072 or 4096. Smaller keys are refused.'
        Curve     = 'EC curve: P-256 (default for EC), P-384 or P-521. Also accepts secp256r1, prime256v1, nistp384 and the like.'
        Use       = 'What the key is for: sig (default; client assertions) or enc (eSignet 1.8 encPublicKey for encrypted userinfo).'
        Algorithm = 'The JOSE alg written into the JWK. Defaults from type and use: RS256, ES256/ES384/ES512 by curve, RSA-OAEP-256, ECDH-ES. Note that eSignet before 1.7 verifies RS256 only.'
        KeyId     = 'The kid written into the JWK. Defaults to the RFC 7638 SHA-256 thumbprint of the public key, base64url. Not allowed with -Count over 1.'
        Path      = 'Base path of the three key files, e.g. ./keys/portal writes ./keys/portal.private.pem, ./keys/portal.private.jwk.json and ./keys/portal.public.jwk.json. With -Count over 1, a folder: each key is written under its kid.'
        Count     = 'How many key pairs to make. They are generated on all processor cores and written to the pipeline as they finish.'
        Force     = 'Replace key files that already exist, and write into a folder that other users can write to or that another user owns. Without it an existing file, or such a folder (KeyDirectoryNotPrivate, KeyDirectoryNotOwned), is an error and nothing is written for that key.'
    }
    Defaults    = @{ KeyType = 'RSA'; KeySize = '2048'; Use = 'sig'; Count = '1' }
    Examples    = @(
        @{
            Title   = 'Make a key pair for one portal'
            Code    = 'New-EsignetJwk -Path ./keys/social-registry'
            Remarks = 'Writes social-registry.private.pem, social-registry.private.jwk.json and social-registry.public.jwk.json under ./keys (created owner-only if missing) and shows the key id, type and file paths.'
        }
        @{
            Title   = 'Make one key per row of a CSV, in bulk'
            Code    = @'
$rows = Import-Csv ./clients.csv
New-EsignetJwk -Count $rows.Count -Path ./keys | Select-Object KeyId, PrivateKeyPemPath | Export-Csv ./keys.csv
'@
            Remarks = 'Generates as many RSA-2048 key pairs as there are rows, on all cores, each written under ./keys/<kid>.*, and records their ids and PEM paths.'
        }
        @{
            Title   = 'An EC key for eSignet 1.7 or later'
            Code    = 'New-EsignetJwk -Curve P-256 -Path ./keys/mobile-app'
            Remarks = 'Makes an EC P-256 key with alg ES256. Older eSignet lines reject EC keys.'
        }
        @{
            Title   = 'Show the public JWK to paste into a form'
            Code    = '(New-EsignetJwk -Path ./keys/portal).PublicJwk'
            Remarks = 'PublicJwk is the compact JSON of the public members only: kty, kid, use, alg, n, e.'
        }
    )
    Inputs      = @()
    Outputs     = 'Esignet.Core.Keys.JwkKeyPair: KeyId, KeyType, KeySize, Curve, Algorithm, Use, Thumbprint, PublicJwk and the three file paths (null when not written).'
    Notes       = 'Keep the private files owner-only and out of source control. The public JWK file is safe to share.'
    Links       = @('Import-EsignetJwk', 'about_Esignet')
}
