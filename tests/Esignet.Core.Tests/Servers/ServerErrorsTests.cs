using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Esignet.Core.Servers;
using Esignet.Core.Transport;

namespace Esignet.Core.Tests.Servers;

/// <summary>
/// Rule 13 of issue 16: an answer's errors[] holds one entry per bad field, in an order the server does not fix.
/// Every entry must reach the exception; nothing here depends on their order (codes and fields compare as sets). The
/// envelopes are written from the contracts (esignet-api.md §1.6: errorMessage "&lt;fieldPath&gt;: &lt;code&gt;";
/// pms-api.md §2.2: message "Invalid request parameter - &lt;default message&gt; :&lt;fieldPath&gt;"), not from the parser.
/// </summary>
public class ServerErrorsTests
{
    private const string ThreeBadFields = """
        {"responseTime":"2026-01-01T00:00:00.000Z","response":null,"errors":[
          {"errorCode":"invalid_redirect_uri","errorMessage":"request.redirectUris[0]: invalid_redirect_uri"},
          {"errorCode":"invalid_client_name","errorMessage":"request.clientName: invalid_client_name"},
          {"errorCode":"invalid_claim","errorMessage":"request.userClaims[1]: invalid_claim"}]}
        """;

    private static IReadOnlyList<ServerError> Read(string json, bool pms = false)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return pms ? ServerErrors.Pms(doc.RootElement) : ServerErrors.Esignet(doc.RootElement);
    }

    [Fact]
    public void EsignetEnvelopeGivesEveryCodeWithItsField()
    {
        IReadOnlyList<ServerError> errors = Read(ThreeBadFields);
        Assert.Equal(
            new HashSet<(string?, string?)> { ("invalid_redirect_uri", "redirectUris[0]"), ("invalid_client_name", "clientName"), ("invalid_claim", "userClaims[1]") },
            errors.Select(e => (e.Code, e.Field)).ToHashSet());
    }

    [Theory]
    [InlineData("duplicate_client_id", "duplicate_client_id", null)]           // a service error: the bare code names no field
    [InlineData("invalid_request", "requestTime: invalid_request", "requestTime")]
    [InlineData("unknown_error", "JSON parse error: Cannot deserialize value", null)]
    [InlineData("invalid_language_code", "request.clientNameLangMap[fre]: invalid_language_code", "clientNameLangMap[fre]")]
    public void EsignetFieldComesOnlyFromTheFieldShape(string code, string message, string? field)
    {
        ServerError e = Assert.Single(Read($$"""{"errors":[{"errorCode":"{{code}}","errorMessage":{{JsonSerializer.Serialize(message)}}}]}"""));
        Assert.Equal(code, e.Code);
        Assert.Equal(message, e.Message);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void PmsEnvelopeGivesEveryEntryAndTheFieldOfAValidationError()
    {
        IReadOnlyList<ServerError> errors = Read("""
            {"id":null,"version":null,"metadata":null,"response":null,"errors":[
              {"errorCode":"PMS_COR_001","message":"Invalid request parameter - must not be blank :request.name"},
              {"errorCode":null,"message":"something broke"},
              {"errorCode":"PMS_PRT_058","message":"Partner does not exist"}]}
            """, pms: true);
        Assert.Equal(
            new HashSet<(string?, string?, string?)> { ("PMS_COR_001", "Invalid request parameter - must not be blank :request.name", "name"), (null, "something broke", null), ("PMS_PRT_058", "Partner does not exist", null) },
            errors.Select(e => (e.Code, e.Message, e.Field)).ToHashSet());
    }

    [Theory]
    [InlineData("""{"response":{"clientId":"x"},"errors":[]}""")]
    [InlineData("""{"response":null}""")]
    [InlineData("""{"errors":"not a list"}""")]
    [InlineData("[]")]
    public void NoErrorsIsAnEmptyList(string json) => Assert.Empty(Read(json));

    [Fact]
    public void AnAnswerWithSeveralErrorsKeepsThemAllOnTheException()
    {
        var e = Assert.Throws<ServerErrorException>(() => EsignetEnvelope.Read(new TransportResponse(200, ThreeBadFields, new Dictionary<string, string[]>()), "POST /v1/esignet/client-mgmt/oidc-client"));
        var codes = new HashSet<string> { "invalid_redirect_uri", "invalid_client_name", "invalid_claim" };
        Assert.Contains(e.ErrorId, codes);
        Assert.Equal(e.ErrorId, e.ErrorCode);
        Assert.Equal(codes, e.Errors.Select(x => x.Code!).ToHashSet());
        Assert.Equal(200, e.HttpStatus);
        Assert.Equal("POST /v1/esignet/client-mgmt/oidc-client", e.Endpoint);
        foreach (string text in new[] { e.Details(), e.Message })
        {
            Assert.All(codes, c => Assert.Contains(c, text));
            Assert.All(new[] { "redirectUris[0]", "clientName", "userClaims[1]" }, f => Assert.Contains(f, text));
        }
    }

    [Fact]
    public void HostileTextStaysEscaped()
    {
        const string json = """{"errors":[{"errorCode":"ok_code","errorMessage":"request.clientName: x"},{"errorCode":"bad\u001b]0;owned\u0007","errorMessage":"request.logo\u202eUri: \u001b[2Jcleared"}]}""";
        var e = Assert.Throws<ServerErrorException>(() => EsignetEnvelope.Read(new TransportResponse(200, json, new Dictionary<string, string[]>()), "POST /x"));
        ServerError hostile = e.Errors.Single(x => x.Code != "ok_code");
        Assert.Equal("bad\\u001B]0;owned\\u0007", hostile.Code);
        Assert.Equal("request.logo\\u202EUri: \\u001B[2Jcleared", hostile.Message);
        Assert.Null(hostile.Field); // the escaped override breaks the path shape: no field is made up
        foreach (string text in new[] { e.Details(), e.Message, hostile.Describe() })
        {
            Assert.DoesNotContain('\u001b', text);
            Assert.DoesNotContain('\u0007', text);
            Assert.DoesNotContain('\u202e', text);
            Assert.Contains("\\u001B", text);
        }

        // An unsafe code is kept escaped in Errors, never used as an ErrorId.
        var unsafeFirst = new ServerErrorException(new[] { new ServerError("bad\u001bcode", "m", null) }, "m", 200, "POST /x");
        Assert.Equal(Common.ServerText.UnsafeCodeId, unsafeFirst.ErrorId);
        Assert.Equal("bad\\u001Bcode", unsafeFirst.Errors[0].Code);
    }
}

/// <summary>Test-EsignetClient's authorize step (oauth-details): every error of the answer reaches the failed check's reason.</summary>
public class OAuthDetailsErrorsTests
{
    [Fact]
    public void EveryCodeOfTheAnswerIsKeptAndNamed()
    {
        const string body = """
            {"responseTime":"2026-01-01T00:00:00.000Z","response":null,"errors":[
              {"errorCode":"invalid_scope","errorMessage":"request.scope: invalid_scope"},
              {"errorCode":"invalid_response_type","errorMessage":"request.responseType: invalid_response_type"},
              {"errorCode":"invalid_request","errorMessage":"requestTime: invalid_request"}]}
            """;
        OAuthDetailsAnswer answer = OAuthDetailsClient.Parse(new TransportResponse(200, body, new Dictionary<string, string[]>()));
        var codes = new HashSet<string> { "invalid_scope", "invalid_response_type", "invalid_request" };
        Assert.Contains(answer.ErrorCode!, codes);
        Assert.Equal(codes, answer.Errors.Select(e => e.Code!).ToHashSet());

        // The first code is named by the check itself; the reason adds the others, with their fields.
        string others = Verification.ClientVerificationService.AlsoReported(answer);
        foreach (ServerError e in answer.Errors.Skip(1))
        {
            Assert.Contains(e.Code!, others);
            Assert.Contains(e.Field!, others);
        }

        Assert.Equal(string.Empty, Verification.ClientVerificationService.AlsoReported(new OAuthDetailsAnswer { ErrorCode = "invalid_client_id", Errors = new[] { new ServerError("invalid_client_id", "invalid_client_id", null) } }));
    }
}
