using System.Security.Cryptography;
using System.Text.Json;
using Esignet.Core.Errors;
using Esignet.Core.Files;
using Esignet.Core.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Core.Tests.Keys;

/// <summary>
/// The written files are checked with implementations that share nothing with ours: the .NET 10 BCL PEM
/// readers and Microsoft.IdentityModel's JWK and JWT code.
/// </summary>
public class KeyFileTests
{
    [Theory]
    [InlineData("RSA", null)]
    [InlineData("EC", "P-256")]
    [InlineData("EC", "P-384")]
    public void A_jwt_signed_with_the_written_pem_verifies_with_the_written_public_jwk(string kty, string? curve)
    {
        using var dir = new TempFolder();
        KeyFileSet files = Write(dir, kty, curve, out JwkKeyPair key);

        string pem = File.ReadAllText(files.PrivateKeyPemPath);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem); // PKCS#8, what OpenG2P's Odoo takes
        SecurityKey signingKey = kty == "RSA" ? RsaFromPem(pem) : EcFromPem(pem);
        string jwt = Sign(signingKey, key.Algorithm!);

        var publicJwk = new JsonWebKey(File.ReadAllText(files.PublicJwkPath));
        Assert.True(Validate(jwt, publicJwk));
    }

    [Theory]
    [InlineData("RSA", null)]
    [InlineData("EC", "P-521")]
    public void A_jwt_signed_with_the_written_private_jwk_verifies_with_the_pem_public_key(string kty, string? curve)
    {
        using var dir = new TempFolder();
        KeyFileSet files = Write(dir, kty, curve, out JwkKeyPair key);

        var privateJwk = new JsonWebKey(File.ReadAllText(files.PrivateJwkPath));
        Assert.True(privateJwk.HasPrivateKey);
        string jwt = Sign(privateJwk, key.Algorithm!);

        string pem = File.ReadAllText(files.PrivateKeyPemPath);
        SecurityKey verifyKey = kty == "RSA" ? RsaFromPem(pem) : EcFromPem(pem);
        Assert.True(Validate(jwt, verifyKey));
    }

    [Fact]
    public void Our_signature_verifies_in_an_independent_library()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        string header = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = key.KeyId }));
        string payload = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(new { iss = "c", sub = "c", aud = "a", exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds() }));
        string input = header + "." + payload;
        string jwt = input + "." + Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(key.Sign(System.Text.Encoding.ASCII.GetBytes(input)));
        Assert.True(Validate(jwt, new JsonWebKey(key.PublicJwk)));
    }

    [Fact]
    public void Private_files_are_owner_only_and_the_new_folder_too()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempFolder();
        KeyFileSet files = Write(dir, "RSA", null, out _, "sub/folder/key");
        foreach (string path in files.All)
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir.Combine("sub", "folder")));
        Assert.Empty(Directory.GetFiles(dir.Combine("sub", "folder"), "*.tmp")); // no temp file left behind
    }

    [Fact]
    public void Existing_files_are_not_overwritten_without_force()
    {
        using var dir = new TempFolder();
        KeyFileSet files = Write(dir, "RSA", null, out JwkKeyPair first);
        string before = File.ReadAllText(files.PrivateKeyPemPath);

        JwkKeyPair second = KeyFactory.Generate(new KeySpec());
        var e = Assert.Throws<EsignetException>(() => KeyFileWriter.Write(second, files, force: false, allowSharedFolder: false));
        Assert.Equal("KeyFileExists", e.ErrorId);
        Assert.Equal(before, File.ReadAllText(files.PrivateKeyPemPath));

        KeyFileWriter.Write(second, files, force: true, allowSharedFolder: false);
        Assert.NotEqual(before, File.ReadAllText(files.PrivateKeyPemPath));
        Assert.Equal(second.Thumbprint, KeyFactory.FromFile(files.PrivateKeyPemPath, true).Thumbprint);
    }

    [Fact]
    public void Secure_file_refuses_to_replace_a_file_that_appears_meanwhile()
    {
        using var dir = new TempFolder();
        string path = dir.Combine("secret.txt");
        File.WriteAllText(path, "original");
        var e = Assert.Throws<EsignetException>(() => SecureFile.WriteAllText(path, "new", overwrite: false));
        Assert.Equal("KeyFileExists", e.ErrorId);
        Assert.Equal("original", File.ReadAllText(path));
    }

    [Theory]
    [InlineData(UnixFileMode.GroupWrite)]
    [InlineData(UnixFileMode.OtherWrite)]
    public void Keys_are_not_written_into_a_folder_others_can_write_to(UnixFileMode extra)
    {
        if (OperatingSystem.IsWindows()) return; // Unix permission bits; Windows folders get an owner-only ACL when created
        using var dir = new TempFolder();
        string shared = dir.Combine("shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | extra);
        var key = KeyFactory.Generate(new KeySpec());
        var files = new KeyFileSet(Path.Combine(shared, "key"));

        var e = Assert.Throws<EsignetException>(() => KeyFileWriter.Write(key, files, force: false, allowSharedFolder: false));
        Assert.Equal("KeyDirectoryNotPrivate", e.ErrorId);
        Assert.Contains(shared, e.Message);
        Assert.Empty(Directory.GetFiles(shared));

        KeyFileWriter.Write(key, files, force: false, allowSharedFolder: true);
        Assert.True(File.Exists(files.PrivateKeyPemPath));
    }

    [Fact]
    public void A_new_key_folder_is_created_owner_only_and_accepted()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempFolder();
        var key = KeyFactory.Generate(new KeySpec());
        var files = new KeyFileSet(dir.Combine("new", "deeper", "key"));
        KeyFileWriter.Write(key, files, force: false, allowSharedFolder: false);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir.Combine("new", "deeper")));
    }

    private static KeyFileSet Write(TempFolder dir, string kty, string? curve, out JwkKeyPair key, string name = "key")
    {
        key = KeyFactory.Generate(new KeySpec { Kind = kty == "RSA" ? KeyKind.RSA : KeyKind.EC, Curve = curve == null ? null : EcCurve.Parse(curve) });
        var files = new KeyFileSet(dir.Combine(name.Split('/')));
        KeyFileWriter.Write(key, files, force: false, allowSharedFolder: false);
        Assert.Equal(files.PrivateKeyPemPath, key.PrivateKeyPemPath);
        return files;
    }

    internal static RsaSecurityKey RsaFromPem(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa);
    }

    internal static ECDsaSecurityKey EcFromPem(string pem)
    {
        var ec = ECDsa.Create();
        ec.ImportFromPem(pem);
        return new ECDsaSecurityKey(ec);
    }

    private static string Sign(SecurityKey key, string alg)
    {
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "client-1",
            Audience = "https://esignet.example.org/v1/esignet/oauth/v2/token",
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, alg),
        });
    }

    private static bool Validate(string jwt, SecurityKey key)
    {
        TokenValidationResult result = new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = "client-1",
            ValidAudience = "https://esignet.example.org/v1/esignet/oauth/v2/token",
            IssuerSigningKey = key,
            ValidateIssuer = false,
            ValidateAudience = false,
        }).GetAwaiter().GetResult();
        return result.IsValid;
    }
}
