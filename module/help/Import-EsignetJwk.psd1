@{
    Synopsis    = 'Reads existing key files (PEM or JWK) so that keys you already have can be registered.'
    Description = @'
Import-EsignetJwk reads a private key from a PEM file (PKCS#8 "PRIVATE KEY", PKCS#1 "RSA PRIVATE KEY" or
SEC1 "EC PRIVATE KEY") or a private JWK (also a JWK Set with one key) and returns the same object as
New-EsignetJwk, ready to pipe into registration.

PEM files carry no kid, use or alg: the kid defaults to the RFC 7638 thumbprint, use to sig and alg to the
key's usual algorithm (RS256, ES256...), or give them with -KeyId, -Use and -Algorithm. When the file follows
the New-EsignetJwk naming (<base>.private.pem and so on) the paths of its sibling files are filled in too.

A file holding only a public key is refused unless -AllowPublicKey is given. Encrypted PEM files are refused
with a message telling how to decrypt them.

An RSA key under 2048 bits is refused (KeySizeTooSmall): eSignet itself accepts RSA keys from 512 bits, but a
key under 2048 bits can be broken, and a client's key cannot be changed after registration. -Force imports it
anyway, with a warning; registering it then needs New-EsignetOidcClient -Force too. EC keys are not affected.
'@
    Parameters  = @{
        Path           = 'Key files to read. Wildcards are expanded. Accepts pipeline input, also by the property names PrivateKeyPemPath, PrivateJwkPath and KeyPath.'
        LiteralPath    = 'Key files to read, taken exactly as typed (no wildcard expansion). Accepts PSPath from Get-ChildItem.'
        KeyId          = 'The kid to give the key. For PEM files the default is the RFC 7638 thumbprint; for JWK files it replaces the file''s kid.'
        Use            = 'The use to give a PEM key: sig (default) or enc.'
        Algorithm      = 'The alg to give a PEM key; defaults to RS256 for RSA and ES256/ES384/ES512 by curve for EC.'
        AllowPublicKey = 'Accept files that hold only a public key (PUBLIC KEY PEM or a public JWK). Such keys can be registered but cannot sign.'
        Force          = 'Import an RSA key under 2048 bits (from 512 bits eSignet accepts it) with a warning instead of refusing it with KeySizeTooSmall. Meant for an existing relying party whose weak key you must keep for now; plan to replace it. Import-EsignetJwk has no other use of -Force.'
    }
    Examples    = @(
        @{
            Title   = 'Import the PEM key a portal already uses'
            Code    = 'Import-EsignetJwk ./odoo/esignet-client.pem'
            Remarks = 'Reads the PKCS#8 or PKCS#1 private key and shows its thumbprint-based kid and public JWK.'
        }
        @{
            Title   = 'Import every private key in a folder'
            Code    = 'Get-ChildItem ./keys/*.private.pem | Import-EsignetJwk | Format-Table KeyId, KeyType, KeySize, PrivateKeyPemPath'
            Remarks = 'Pipes file objects in; each key is read and listed. A malformed file is reported as an error and the rest continue.'
        }
        @{
            Title   = 'Import a mock relying party JWK with a fixed kid'
            Code    = 'Import-EsignetJwk -Path ./rp/private.jwk.json -KeyId rp-2026'
            Remarks = 'Reads a private JWK and gives it the kid rp-2026.'
        }
        @{
            Title   = 'Import a legacy 1024-bit RSA key deliberately'
            Code    = 'Import-EsignetJwk ./legacy/rp.pem -Force'
            Remarks = 'Without -Force the key is refused with KeySizeTooSmall; with it, it is imported and a warning says why such a key is weak.'
        }
    )
    Inputs      = @(@{ Type = 'System.String'; Description = 'Paths to key files.' })
    Outputs     = 'Esignet.Core.Keys.JwkKeyPair, as New-EsignetJwk returns.'
    Notes       = 'Nothing is written. The private key stays inside the object; see New-EsignetJwk for how to reveal it deliberately.'
    Links       = @('New-EsignetJwk', 'about_Esignet')
}
