using System.Security.Cryptography;
using System.Text.Json;
using Esignet.Core.Errors;
using Esignet.Core.Keys;

namespace Esignet.Core.Tests.Keys;

public class KeyImportTests
{
    [Fact]
    public void Pkcs1_pem_made_by_the_bcl_imports_with_the_same_key()
    {
        using RSA rsa = RSA.Create(2048);
        JwkKeyPair key = KeyFactory.FromText(rsa.ExportRSAPrivateKeyPem());
        JwkKeyPair expected = KeyFactory.FromText(rsa.ExportPkcs8PrivateKeyPem());
        Assert.Equal(expected.Thumbprint, key.Thumbprint);
        Assert.True(key.HasPrivateKey);
        Assert.Equal("RS256", key.Algorithm);
        Assert.Equal("sig", key.Use);
        Assert.Equal(key.Thumbprint, key.KeyId);
    }

    [Fact]
    public void The_public_pem_a_key_exports_is_what_the_bcl_reads_as_the_same_public_key()
    {
        using RSA rsa = RSA.Create(2048);
        JwkKeyPair key = KeyFactory.FromText(rsa.ExportPkcs8PrivateKeyPem());
        string pem = key.ExportPublicKeyPem();
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem);
        Assert.Equal(rsa.ExportSubjectPublicKeyInfoPem() + "\n", pem);
        JwkKeyPair back = KeyFactory.FromText(pem);
        Assert.False(back.HasPrivateKey);
        Assert.Equal(key.Thumbprint, back.Thumbprint);
    }

    [Fact]
    public void Sec1_ec_pem_imports()
    {
        using ECDsa ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        JwkKeyPair key = KeyFactory.FromText(ec.ExportECPrivateKeyPem());
        Assert.Equal("EC", key.KeyType);
        Assert.Equal("P-256", key.Curve);
        Assert.Equal("ES256", key.Algorithm);
        ECParameters p = ec.ExportParameters(false);
        Assert.Contains(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(p.Q.X!), key.PublicJwk);
    }

    [Fact]
    public void Our_pkcs8_pem_round_trips_through_the_bcl_and_back()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec { Kind = KeyKind.EC, Curve = EcCurve.P384 });
        using ECDsa ec = ECDsa.Create();
        ec.ImportFromPem(key.RevealPrivateKeyPem());
        JwkKeyPair back = KeyFactory.FromText(ec.ExportPkcs8PrivateKeyPem());
        Assert.Equal(key.Thumbprint, back.Thumbprint);
    }

    [Fact]
    public void Private_jwk_round_trips_with_its_metadata()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec { KeyId = "portal-2026", Algorithm = "PS256" });
        JwkKeyPair back = KeyFactory.FromJwk(key.RevealPrivateJwk());
        Assert.Equal("portal-2026", back.KeyId);
        Assert.Equal("PS256", back.Algorithm);
        Assert.Equal(key.Thumbprint, back.Thumbprint);
        Assert.Equal(key.RevealPrivateKeyPem(), back.RevealPrivateKeyPem());
    }

    [Fact]
    public void Jwk_members_from_a_hashtable_import_as_the_same_key()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec { Kind = KeyKind.EC, Curve = EcCurve.P256, KeyId = "from-members" });
        var members = new Dictionary<string, object?>();
        using (JsonDocument doc = JsonDocument.Parse(key.PublicJwk))
        {
            foreach (JsonProperty p in doc.RootElement.EnumerateObject()) members[p.Name] = p.Value.GetString();
        }

        JwkKeyPair back = KeyFactory.FromJwkMembers(members);
        Assert.Equal(key.Thumbprint, back.Thumbprint);
        Assert.Equal("from-members", back.KeyId);
        Assert.False(back.HasPrivateKey);
    }

    [Fact]
    public void Spki_matches_the_bcl()
    {
        using RSA rsa = RSA.Create(2048);
        JwkKeyPair key = KeyFactory.FromText(rsa.ExportPkcs8PrivateKeyPem());
        Assert.Equal(rsa.ExportSubjectPublicKeyInfo(), key.ExportSubjectPublicKeyInfo());
        JwkKeyPair pub = KeyFactory.FromText(rsa.ExportSubjectPublicKeyInfoPem());
        Assert.False(pub.HasPrivateKey);
        Assert.Equal(key.Thumbprint, pub.Thumbprint);
        Assert.Equal("PrivateKeyMissing", Assert.Throws<EsignetException>(() => pub.RevealPrivateKeyPem()).ErrorId);
    }

    [Fact]
    public void A_jwk_set_with_one_key_is_read()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        JwkKeyPair back = KeyFactory.FromJwk("{\"keys\":[" + key.RevealPrivateJwk() + "]}");
        Assert.Equal(key.Thumbprint, back.Thumbprint);
    }

    [Theory]
    [InlineData("not json at all {", "UnrecognisedKeyFormat")]
    [InlineData("{\"kty\":", "MalformedJwk")]
    [InlineData("{\"n\":\"AQAB\",\"e\":\"AQAB\"}", "MalformedJwk")]
    [InlineData("{\"kty\":\"oct\",\"k\":\"AQAB\"}", "UnsupportedKeyType")]
    [InlineData("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AQAB\"}", "UnsupportedKeyType")]
    [InlineData("{\"kty\":\"RSA\",\"e\":\"AQAB\"}", "MalformedJwk")]
    [InlineData("{\"kty\":\"RSA\",\"n\":\"!!!\",\"e\":\"AQAB\"}", "MalformedJwk")]
    [InlineData("{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\",\"d\":\"AQAB\"}", "IncompleteRsaPrivateJwk")]
    [InlineData("{\"kty\":\"EC\",\"crv\":\"P-192\",\"x\":\"AQAB\",\"y\":\"AQAB\"}", "UnsupportedCurve")]
    [InlineData("{\"keys\":[]}", "AmbiguousJwkSet")]
    [InlineData("[1,2]", "MalformedJwk")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAQAB\n-----END CERTIFICATE-----", "UnrecognisedKeyFormat")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAQAB\n-----END PRIVATE KEY-----", "MalformedPem")]
    [InlineData("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAQAB\n-----END ENCRYPTED PRIVATE KEY-----", "EncryptedKeyNotSupported")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAQAB\n-----END RSA PRIVATE KEY-----", "EncryptedKeyNotSupported")]
    [InlineData("-----BEGIN DSA PRIVATE KEY-----\nAQAB\n-----END DSA PRIVATE KEY-----", "UnsupportedPemLabel")]
    public void Malformed_keys_give_specific_errors(string text, string errorId)
    {
        var e = Assert.Throws<EsignetException>(() => KeyFactory.FromText(text));
        Assert.Equal(errorId, e.ErrorId);
    }

    [Fact]
    public void A_dsa_pkcs8_key_is_refused_as_unsupported()
    {
        // An Ed25519 PKCS#8 key (RFC 8410 §10.3 example): valid DER, wrong algorithm for eSignet.
        const string ed25519 = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----";
        Assert.Equal("UnsupportedKeyAlgorithm", Assert.Throws<EsignetException>(() => KeyFactory.FromText(ed25519)).ErrorId);
    }

    [Fact]
    public void Missing_files_and_public_only_files_are_reported_with_the_path()
    {
        using var dir = new TempFolder();
        var missing = Assert.Throws<EsignetException>(() => KeyFactory.FromFile(dir.Combine("nope.pem"), true));
        Assert.Equal("KeyFileNotFound", missing.ErrorId);

        string pub = dir.Combine("pub.jwk.json");
        File.WriteAllText(pub, KeyFactory.Generate(new KeySpec()).PublicJwk);
        var e = Assert.Throws<EsignetException>(() => KeyFactory.FromFile(pub, requirePrivate: true));
        Assert.Equal("PrivateKeyMissing", e.ErrorId);
        Assert.Contains(pub, e.Message);
        Assert.False(KeyFactory.FromFile(pub, requirePrivate: false).HasPrivateKey);
    }

    [Fact]
    public void Importing_a_named_key_file_finds_its_siblings()
    {
        using var dir = new TempFolder();
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        var files = new KeyFileSet(dir.Combine("portal"));
        KeyFileWriter.Write(key, files, false, false);
        JwkKeyPair back = KeyFactory.FromFile(files.PrivateJwkPath, true);
        Assert.Equal(files.PrivateKeyPemPath, back.PrivateKeyPemPath);
        Assert.Equal(files.PrivateJwkPath, back.PrivateJwkPath);
        Assert.Equal(files.PublicJwkPath, back.PublicJwkPath);
    }
}
