using System.Security.Cryptography;
using System.Text;
using Esignet.Core.Keys;
using Esignet.Core.Servers;
using Esignet.Core.Versions;

namespace Esignet.Core.Tests.Servers;

/// <summary>
/// PMS 1.2.0's Client ID for kids that need escaping, checked against a second implementation written here from the
/// description of jose4j's behaviour (member order kty, kid, use, alg, n, e; json-simple escaping as jose4j ships it:
/// <c>"</c> <c>\</c> and the five short escapes, U+0000–U+001F, U+007F–U+009F, U+2000–U+20FF as upper-case
/// <c>\uXXXX</c>, everything else, <c>/</c> and non-ASCII included, unchanged; SHA-256 over UTF-8), not from Core's writer.
/// </summary>
public class PmsClientIdTests
{
    public static TheoryData<string> Kids => new()
    {
        "plain-kid",
        "a/b/c",                       // jose4j >= 0.3.7 leaves '/' alone (json-simple escaped it)
        "a+b",
        "Tom & Jerry",
        "<script>",
        "it's",
        "tab\there",
        "quote\"and\\backslash",
        "right\u2019quote",            // U+2019: in the U+2000-U+20FF block, escaped
        "\u1781\u17D2\u1798\u17C2\u179A", // Khmer: as it is, hashed as UTF-8
        "rocket \U0001F680",           // an emoji (a surrogate pair): as it is
        "del\u007Fc1\u0085",           // DEL and a C1 control: escaped
        "nul\u0000bell\u0007",
    };

    [Theory]
    [MemberData(nameof(Kids))]
    public void Pms_120_id_matches_an_independent_jose4j_model(string kid)
    {
        JwkKeyPair key = KeyFactory.FromText(TestRsa.PublicJwk, keyId: kid, use: "sig", algorithm: "RS256");
        string expectedJson = "{" + string.Join(",",
            Member("kty", "RSA"), Member("kid", kid), Member("use", "sig"), Member("alg", "RS256"),
            Member("n", TestRsa.N), Member("e", "AQAB")) + "}";

        Assert.Equal(expectedJson, Jose4jJson.PublicRsaJwk(key.PublicJwk));
        Assert.Equal(IdOf(expectedJson), PmsClientId.Compute(key, PmsVersion.V120));
    }

    [Theory]
    [InlineData("a/b", "\"kid\":\"a/b\"")]
    [InlineData("tab\there", "\"kid\":\"tab\\there\"")]
    [InlineData("right\u2019quote", "\"kid\":\"right\\u2019quote\"")]
    [InlineData("del\u007F", "\"kid\":\"del\\u007F\"")]
    [InlineData("\u1781\u17D2\u1798", "\"kid\":\"\u1781\u17D2\u1798\"")]
    public void Escapes_are_those_jose4j_writes(string kid, string expectedMember)
    {
        JwkKeyPair key = KeyFactory.FromText(TestRsa.PublicJwk, keyId: kid, use: "sig", algorithm: "RS256");
        Assert.Contains(expectedMember, Jose4jJson.PublicRsaJwk(key.PublicJwk));
    }

    [Fact]
    public void Leading_zero_bytes_of_n_are_dropped_as_jose4j_rebuilds_n_from_its_integer_value()
    {
        byte[] n = Base64UrlDecode(TestRsa.N);
        string padded = Convert.ToBase64String(new byte[] { 0 }.Concat(n).ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        string json = "{\"kty\":\"RSA\",\"kid\":\"k\",\"n\":\"" + padded + "\",\"e\":\"AAEAAQ\"}";
        Assert.Equal("{\"kty\":\"RSA\",\"kid\":\"k\",\"n\":\"" + TestRsa.N + "\",\"e\":\"AQAB\"}", Jose4jJson.PublicRsaJwk(json));
    }

    [Fact]
    public void Unknown_members_follow_the_key_in_input_order_and_private_members_are_dropped()
    {
        string json = "{\"zeta\":\"z\",\"e\":\"AQAB\",\"n\":\"" + TestRsa.N + "\",\"d\":\"secret\",\"kty\":\"RSA\",\"x5t\":\"t\",\"alpha\":1}";
        Assert.Equal("{\"kty\":\"RSA\",\"n\":\"" + TestRsa.N + "\",\"e\":\"AQAB\",\"x5t\":\"t\",\"zeta\":\"z\",\"alpha\":1}", Jose4jJson.PublicRsaJwk(json));
    }

    [Fact]
    public void Candidates_hold_both_lines_derivations_the_configured_line_first()
    {
        JwkKeyPair key = KeyFactory.FromText(TestRsa.PublicJwk, keyId: "k1", use: "sig", algorithm: "RS256");
        IReadOnlyList<string> fromOld = PmsClientId.Candidates(key, PmsVersion.V120);
        IReadOnlyList<string> fromNew = PmsClientId.Candidates(key, PmsVersion.V122);
        Assert.Equal(new[] { PmsClientId.Compute(key, PmsVersion.V120), PmsClientId.Compute(key, PmsVersion.V122) }, fromOld);
        Assert.Equal(new[] { PmsClientId.Compute(key, PmsVersion.V122), PmsClientId.Compute(key, PmsVersion.V120) }, fromNew);
    }

    [Fact]
    public void Candidates_for_an_EC_key_leave_out_the_RSA_only_line()
    {
        JwkKeyPair ec = KeyFactory.Generate(new KeySpec { Kind = KeyKind.EC, Curve = EcCurve.Parse("P-256") });
        Assert.Equal(new[] { PmsClientId.Compute(ec, PmsVersion.V122) }, PmsClientId.Candidates(ec, PmsVersion.V120));
    }

    // ---- the second implementation ----

    private static string Member(string name, string value) => Quote(name) + ":" + Quote(value);

    private static string Quote(string s) => "\"" + string.Concat(s.Select(EscapeOne)) + "\"";

    private static string EscapeOne(char c)
    {
        var shortForms = new Dictionary<char, string> { ['"'] = "\\\"", ['\\'] = "\\\\", ['\b'] = "\\b", ['\f'] = "\\f", ['\n'] = "\\n", ['\r'] = "\\r", ['\t'] = "\\t" };
        if (shortForms.TryGetValue(c, out string? s)) return s;
        (int From, int To)[] escaped = { (0x00, 0x1F), (0x7F, 0x9F), (0x2000, 0x20FF) };
        return escaped.Any(r => c >= r.From && c <= r.To) ? $"\\u{(int)c:X4}" : c.ToString();
    }

    private static string IdOf(string x) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(x))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string s)
    {
        string t = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(t + new string('=', (4 - t.Length % 4) % 4));
    }

    /// <summary>A fixed RSA public key (RFC 7638 §3.1's example), so expected strings can be written out.</summary>
    private static class TestRsa
    {
        public const string N =
            "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

        public const string PublicJwk = "{\"kty\":\"RSA\",\"n\":\"" + N + "\",\"e\":\"AQAB\"}";
    }
}
