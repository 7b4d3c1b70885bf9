using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esignet.Core.Connection;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.Core.Ledger;
using Esignet.Core.Registration;
using Esignet.Core.Transport;
using Esignet.Core.Versions;

namespace Esignet.Core.Tests.Registration;

/// <summary>
/// eSignet 1.8's encPublicKey is accepted only by PATCH (ClientDetailPatchRequest.java@v1.8.0; no create DTO has it), so a
/// create with an encryption key is two requests. A loopback stub plays eSignet: it answers the create, and the PATCH
/// as the test says, and records every request, so the tests see what is sent, in which order, and what the ledger says.
/// </summary>
public sealed class EncryptionKeyRegistrationTests : IDisposable
{
    private readonly string _ledgerPath = Path.Combine(Path.GetTempPath(), "esignet-enc-" + Guid.NewGuid().ToString("N") + ".jsonl");
    private readonly Stub _stub = new();

    [Fact]
    public async Task A_create_with_an_encryption_key_sends_the_create_then_a_patch_with_the_key_only()
    {
        using EsignetContext context = Connect("1.8");
        var service = new RegistrationService(context);
        JwkKeyPair enc = KeyFactory.Generate(new KeySpec { Use = KeyUse.Enc });

        RegistrationResult result = await service.RegisterAsync(Definition(enc), Options(), CancellationToken.None);

        Assert.Equal("Created", result.Outcome);
        Assert.Equal(new[] { "POST /v1/esignet/client-mgmt/oidc-client", "PATCH /v1/esignet/client-mgmt/client/enc-portal" }, _stub.Requests.Select(r => r.Endpoint));
        Assert.False(Body(0).AsObject().ContainsKey("encPublicKey"), "no create DTO has encPublicKey: Jackson would refuse it (unknown_error)");
        JsonObject patch = Body(1)["request"]!.AsObject();
        Assert.Equal(new[] { "encPublicKey" }, patch.Select(p => p.Key));
        Assert.Equal("enc", (string?)patch["encPublicKey"]!["use"]);
        Assert.Null(patch["encPublicKey"]!["d"]); // the public key only

        string[] outcomes = Ledger().Select(e => e.Outcome).ToArray();
        Assert.Equal(new[] { "Pending", "Created", "Updated" }, outcomes);
        Assert.Null(Ledger()[1].Definition!.EncPublicKey);
        Assert.Equal(enc.PublicJwk, Ledger()[2].Definition!.EncPublicKey);
    }

    [Fact]
    public async Task A_refused_patch_leaves_the_client_created_with_a_clear_error_and_a_rerun_sends_only_the_key()
    {
        using EsignetContext context = Connect("1.8");
        var service = new RegistrationService(context);
        JwkKeyPair enc = KeyFactory.Generate(new KeySpec { Use = KeyUse.Enc });
        _stub.PatchAnswer = """{"responseTime":"2026-01-01T00:00:00.000Z","response":null,"errors":[{"errorCode":"invalid_public_key","errorMessage":"invalid_public_key"}]}""";

        EsignetException e = await Assert.ThrowsAsync<EsignetException>(() => service.RegisterAsync(Definition(enc), Options(), CancellationToken.None));

        Assert.Equal("EncryptionKeyNotSet", e.ErrorId);
        Assert.Contains("is registered", e.Message);
        Assert.Contains("Run the same command again", e.Message);
        Assert.Equal("Created", Ledger().Last().Outcome);

        _stub.PatchAnswer = null;
        _stub.Requests.Clear();
        PreparedRegistration again = service.Prepare(Definition(enc), Options());
        Assert.Equal(ExpectedAction.Complete, RegistrationPreview.Expect(context, again, update: false));
        RegistrationResult completed = await service.ExecuteAsync(again, Options(), CancellationToken.None);

        Assert.Equal("Updated", completed.Outcome);
        Assert.Equal(new[] { "PATCH /v1/esignet/client-mgmt/client/enc-portal" }, _stub.Requests.Select(r => r.Endpoint));

        _stub.Requests.Clear();
        RegistrationResult third = await service.RegisterAsync(Definition(enc), Options(), CancellationToken.None);
        Assert.Equal("Exists", third.Outcome);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task GenerateEncryptionKey_writes_an_owner_only_enc_key_beside_the_signing_key_sends_its_public_part_and_reuses_it()
    {
        using EsignetContext context = Connect("1.8");
        var service = new RegistrationService(context);
        string keys = Path.Combine(Path.GetTempPath(), "esignet-enc-keys-" + Guid.NewGuid().ToString("N"));
        var options = new RegistrationOptions { Api = ClientApi.Esignet, GenerateKey = true, GenerateEncryptionKey = true, KeyDirectory = keys };
        try
        {
            ClientDefinition d = Definition(null) with { PublicKey = null };
            PreparedRegistration prepared = service.Prepare(d, options);
            Assert.False(Directory.Exists(keys) && Directory.EnumerateFiles(keys).Any(), "Prepare writes nothing (-WhatIf)");

            RegistrationResult result = await service.ExecuteAsync(prepared, options, CancellationToken.None);

            string encPem = result.EncryptionPrivateKeyPemPath!;
            Assert.Equal(result.PrivateKeyPemPath!.Replace(".private.pem", ".enc.private.pem"), encPem);
            foreach (string f in new[] { encPem, encPem.Replace(".private.pem", ".private.jwk.json"), encPem.Replace(".private.pem", ".public.jwk.json") })
            {
                Assert.True(File.Exists(f), f);
                if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f));
            }

            JwkKeyPair written = KeyFactory.FromFile(encPem, requirePrivate: true);
            JsonObject sent = Body(1)["request"]!["encPublicKey"]!.AsObject();
            Assert.Equal(written.Thumbprint, KeyFactory.FromJwk(sent.ToJsonString()).Thumbprint);
            Assert.Equal("enc", (string?)sent["use"]);
            Assert.Equal("RSA-OAEP-256", (string?)sent["alg"]);

            _stub.Requests.Clear();
            RegistrationResult again = await service.RegisterAsync(Definition(null) with { PublicKey = null }, options, CancellationToken.None);
            Assert.Equal("Exists", again.Outcome);
            Assert.Equal(encPem, again.EncryptionPrivateKeyPemPath);
            Assert.Empty(_stub.Requests);
        }
        finally
        {
            if (Directory.Exists(keys)) Directory.Delete(keys, recursive: true);
        }
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.7")]
    public void Before_1_8_an_encryption_key_is_refused_offline_and_nothing_is_sent(string line)
    {
        using EsignetContext context = Connect(line);
        var service = new RegistrationService(context);
        ClientDefinition d = Definition(KeyFactory.Generate(new KeySpec { Use = KeyUse.Enc }));

        ValidationFailedException e = Assert.Throws<ValidationFailedException>(() => service.Prepare(d, Options()));

        ValidationIssue issue = Assert.Single(e.Issues);
        Assert.Equal("encPublicKey", issue.Field);
        Assert.Equal(ValidationCodes.EndpointNotOnLine, issue.Code);
        Assert.Contains("1.8", issue.Message);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public void Jwe_userinfo_without_an_encryption_key_is_a_warning_and_an_unreadable_key_an_error()
    {
        using EsignetContext context = Connect("1.8");
        var service = new RegistrationService(context);
        ClientDefinition jwe = Definition(null) with { AdditionalConfigJson = """{"userinfo_response_type":"JWE"}""" };

        PreparedRegistration prepared = service.Prepare(jwe, Options());
        ValidationIssue warning = Assert.Single(prepared.Warnings, w => w.Field == "encPublicKey");
        Assert.Contains("JWE", warning.Message);

        ValidationFailedException e = Assert.Throws<ValidationFailedException>(() => service.Prepare(Definition(null) with { EncPublicKey = """{"kty":"RSA","n":"x"}""" }, Options()));
        Assert.Equal(ValidationCodes.InvalidPublicKey, Assert.Single(e.Issues).Code);
    }

    private EsignetContext Connect(string line)
    {
        var options = new ConnectionOptions { EsignetUri = _stub.Uri, EsignetVersion = EsignetVersion.Parse(line) };
        return new EsignetContext(options, new HttpTransport(new TransportOptions { MaxRetry = 0 }), null, new RegistrationLedger(_ledgerPath));
    }

    private static RegistrationOptions Options() => new() { Api = ClientApi.Esignet };

    private static readonly JwkKeyPair SigningKey = KeyFactory.Generate(new KeySpec());

    private static ClientDefinition Definition(JwkKeyPair? enc) => new()
    {
        ClientId = "enc-portal",
        ClientName = "Encrypted portal",
        RelyingPartyId = "rp",
        PublicKey = SigningKey,
        LogoUri = "https://portal.example.org/logo.png",
        RedirectUris = new List<string> { "https://portal.example.org/cb" },
        UserClaims = new List<string> { "name" },
        AuthContextRefs = new List<string> { "mosip:idp:acr:generated-code" },
        EncPublicKey = enc?.PublicJwk,
    };

    private JsonNode Body(int i) => JsonNode.Parse(_stub.Requests[i].Body)!;

    private List<LedgerEntry> Ledger() => File.ReadAllLines(_ledgerPath).Select(l => JsonSerializer.Deserialize<LedgerEntry>(l)!).ToList();

    public void Dispose()
    {
        _stub.Dispose();
        File.Delete(_ledgerPath);
        File.Delete(_ledgerPath + ".lock");
    }

    /// <summary>eSignet on loopback: every create and PATCH succeeds unless <see cref="PatchAnswer"/> says otherwise.</summary>
    private sealed class Stub : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public Stub()
        {
            int port = FreePort();
            Uri = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(Uri.ToString());
            _listener.Start();
            _loop = Task.Run(LoopAsync);
        }

        public Uri Uri { get; }

        public List<(string Endpoint, string Body)> Requests { get; } = new();

        /// <summary>The body a PATCH gets; null for success.</summary>
        public string? PatchAnswer { get; set; }

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext c;
                try { c = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                using var reader = new StreamReader(c.Request.InputStream, Encoding.UTF8);
                string body = await reader.ReadToEndAsync();
                lock (Requests) Requests.Add((c.Request.HttpMethod + " " + c.Request.Url!.AbsolutePath, body));
                string answer = c.Request.HttpMethod == "PATCH" && PatchAnswer != null
                    ? PatchAnswer
                    : """{"responseTime":"2026-01-01T00:00:00.000Z","response":{"clientId":"enc-portal","status":"ACTIVE"},"errors":[]}""";
                byte[] bytes = Encoding.UTF8.GetBytes(answer);
                c.Response.ContentType = "application/json";
                c.Response.ContentLength64 = bytes.Length;
                await c.Response.OutputStream.WriteAsync(bytes);
                c.Response.Close();
            }
        }

        private static int FreePort()
        {
            var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            l.Start();
            int port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
        }
    }
}
