using System.Text.Json;

namespace Esignet.Sandbox.Tests.Infrastructure;

/// <summary>Assertions on the eSignet and PMS wrappers.</summary>
public static class JsonAssert
{
    /// <summary>An eSignet success: response {clientId, status}, errors [].</summary>
    public static void EsignetSuccess(JsonElement body, string clientId, string status = "ACTIVE")
    {
        Assert.Equal(0, body.GetProperty("errors").GetArrayLength());
        Assert.Equal(clientId, body.GetProperty("response").GetProperty("clientId").GetString());
        Assert.Equal(status, body.GetProperty("response").GetProperty("status").GetString());
    }

    /// <summary>An eSignet failure whose errors contain <paramref name="code"/> (with the message when given); response null.</summary>
    public static void EsignetError(JsonElement body, string code, string? message = null)
    {
        Assert.Equal(JsonValueKind.Null, body.GetProperty("response").ValueKind);
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("errorCode").GetString(), e.GetProperty("errorMessage").GetString())).ToList();
        Assert.Contains(errors, e => e.Item1 == code && (message is null || e.Item2 == message));
    }

    /// <summary>The single PMS error (errorCode, message).</summary>
    public static (string? Code, string? Message) PmsError(JsonElement body)
    {
        Assert.Equal(JsonValueKind.Null, body.GetProperty("response").ValueKind);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        return (error.GetProperty("errorCode").GetString(), error.GetProperty("message").GetString());
    }
}
