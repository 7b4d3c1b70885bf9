using System.Collections.Concurrent;
using System.Security.Cryptography;
using Esignet.Sandbox.Json;

namespace Esignet.Sandbox.Oidc;

/// <summary>An authorization code handed out by <c>POST /_sandbox/authorization-code</c> (the user login is skipped).</summary>
public sealed record AuthorizationCode(string Code, string ClientId, string RedirectUri, string? Nonce, DateTimeOffset ExpiresAt);

/// <summary>Single-use authorization codes for the token-endpoint test flow.</summary>
public sealed class AuthorizationCodes
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public AuthorizationCodes(TimeProvider clock) => _clock = clock;

    public AuthorizationCode Issue(string clientId, string redirectUri, string? nonce)
    {
        var code = new AuthorizationCode(Base64Url.Encode(RandomNumberGenerator.GetBytes(24)), clientId, redirectUri, nonce, _clock.GetUtcNow() + Lifetime);
        _codes[code.Code] = code;
        return code;
    }

    /// <summary>The live code, or null when unknown, used or expired.</summary>
    public AuthorizationCode? Find(string? code) =>
        code is not null && _codes.TryGetValue(code, out var c) && c.ExpiresAt > _clock.GetUtcNow() ? c : null;

    /// <summary>Consumes a code after a successful exchange.</summary>
    public void Consume(string code) => _codes.TryRemove(code, out _);

    public void Clear() => _codes.Clear();
}
