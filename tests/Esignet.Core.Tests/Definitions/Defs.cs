using System.Text;
using System.Text.Json.Nodes;
using Esignet.Core.Definitions;
using Esignet.Core.Keys;
using Esignet.Core.Versions;

namespace Esignet.Core.Tests.Definitions;

/// <summary>
/// Shared test material: the valid baseline definition of the brief (the OpenG2P "eSignet Client Creation" page
/// values), keys made once, and rules for a line.
/// </summary>
internal static class Defs
{
    public static readonly string[] OpenG2PClaims = { "birthdate", "address", "gender", "name", "phone_number", "email", "picture" };
    public static readonly string[] OpenG2PAcrs = { "mosip:idp:acr:biometrics", "mosip:idp:acr:generated-code" };
    public const string Logo = "https://portal.example.org/logo.png";
    public const string Redirect = "https://portal.example.org/auth_oauth/signin";

    /// <summary>The lines the brief names (1.3 behaves as 1.2 for client management).</summary>
    public static readonly string[] Lines = { "1.0", "1.1", "1.2", "1.4", "1.5", "1.6", "1.7", "1.8" };

    /// <summary>Every line the module knows.</summary>
    public static readonly string[] AllLines = { "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8" };

    private static readonly Lazy<JwkKeyPair> RsaKey = new(() => KeyFactory.Generate(new KeySpec()));
    private static readonly Lazy<JwkKeyPair> EcKey = new(() => KeyFactory.Generate(new KeySpec { Kind = KeyKind.EC, Curve = EcCurve.P256 }));
    private static readonly Lazy<JwkKeyPair> EncKey = new(() => KeyFactory.Generate(new KeySpec { Use = KeyUse.Enc }));

    /// <summary>A generated RSA-2048 signing key (alg RS256, use sig).</summary>
    public static JwkKeyPair Rsa => RsaKey.Value;

    /// <summary>A generated EC P-256 signing key (alg ES256, use sig).</summary>
    public static JwkKeyPair Ec => EcKey.Value;

    /// <summary>A generated RSA-2048 encryption key (alg RSA-OAEP-256, use enc).</summary>
    public static JwkKeyPair Enc => EncKey.Value;

    /// <summary>The RSA key re-read from its public JWK after <paramref name="edit"/> changed the members.</summary>
    public static JwkKeyPair RsaWith(Action<JsonObject> edit)
    {
        JsonObject jwk = JsonNode.Parse(Rsa.PublicJwk)!.AsObject();
        edit(jwk);
        return KeyFactory.FromJwk(jwk.ToJsonString());
    }

    public static ClientDefinition Baseline() => new()
    {
        ClientId = "portal-1",
        ClientName = "Portal",
        RelyingPartyId = "rp-1",
        PublicKey = Rsa,
        LogoUri = Logo,
        RedirectUris = new List<string> { Redirect },
        GrantTypes = new List<string> { "authorization_code" },
        ClientAuthMethods = new List<string> { "private_key_jwt" },
        UserClaims = new List<string>(OpenG2PClaims),
        AuthContextRefs = new List<string>(OpenG2PAcrs),
    };

    /// <summary>The baseline as PMS takes it: no clientId, relying party, claims or ACRs; policy and partner instead.</summary>
    public static ClientDefinition PmsBaseline() => new()
    {
        ClientName = "Portal",
        PolicyId = "policy-1",
        AuthPartnerId = "rp-1",
        PublicKey = Rsa,
        LogoUri = Logo,
        RedirectUris = new List<string> { Redirect },
        GrantTypes = new List<string> { "authorization_code" },
        ClientAuthMethods = new List<string> { "private_key_jwt" },
    };

    /// <summary>The baseline suited to the endpoint: the V2/V3 endpoints get a one-entry language map.</summary>
    public static ClientDefinition BaselineFor(ClientApi api, ClientEndpointKind endpoint)
    {
        ClientDefinition d = api == ClientApi.Pms ? PmsBaseline() : Baseline();
        if (endpoint is ClientEndpointKind.OAuthClient or ClientEndpointKind.Client or ClientEndpointKind.PmsOAuthClient)
            d.ClientNameLangMap["eng"] = "Portal";
        return d;
    }

    public static ValidationRules Esignet(string line) =>
        ValidationRules.For(ClientApi.Esignet, EsignetVersion.Parse(line), PmsVersion.Default);

    public static ValidationRules Pms(string pms, string esignet) =>
        ValidationRules.For(ClientApi.Pms, EsignetVersion.Parse(esignet), PmsVersion.Parse(pms));

    public static IReadOnlyList<ValidationIssue> Errors(IEnumerable<ValidationIssue> issues) =>
        issues.Where(i => i.Severity == ValidationSeverity.Error).ToList();

    public static string Dump(IEnumerable<ValidationIssue> issues)
    {
        var sb = new StringBuilder();
        foreach (ValidationIssue i in issues) sb.Append("\n  ").Append(i.Severity).Append(' ').Append(i.Field).Append(' ').Append(i.Code).Append(" (").Append(i.Rule).Append(')');
        return sb.Length == 0 ? " (none)" : sb.ToString();
    }

    public static string Repeat(char c, int n) => new(c, n);
}
