namespace Esignet.Sandbox.State;

/// <summary>One row of eSignet's <c>client_detail</c> table as the sandbox keeps it (esignet-api.md §2.8).</summary>
public sealed record EsignetClientRecord
{
    public required string ClientId { get; init; }
    /// <summary>As stored: a plain string (E1/E2) or the JSON language map with "@none" (E3–E7), §2.2/§2.4.</summary>
    public required string Name { get; init; }
    public required string RelyingPartyId { get; init; }
    /// <summary>The normalised public JWK (jose4j JSON), §3.1.</summary>
    public required string PublicKey { get; init; }
    public required string PublicKeyType { get; init; }
    /// <summary>RSA modulus or EC x‖y, the identity of the v1.5.1–v1.7.1 rule (§3.2).</summary>
    public required string PublicKeyModulusOrPoint { get; init; }
    /// <summary>Lowercase hex SHA-256 of n or x‖y, the v1.8.0 <c>public_key_hash</c> (§3.2).</summary>
    public required string PublicKeyHash { get; init; }
    public required string LogoUri { get; init; }
    public required IReadOnlyList<string> RedirectUris { get; init; }
    public required IReadOnlyList<string> UserClaims { get; init; }
    public required IReadOnlyList<string> AuthContextRefs { get; init; }
    public required IReadOnlyList<string> GrantTypes { get; init; }
    public required IReadOnlyList<string> ClientAuthMethods { get; init; }
    /// <summary>ACTIVE or INACTIVE.</summary>
    public required string Status { get; init; }
    /// <summary>The additionalConfig JSON as given (E5/E6/E7), or null.</summary>
    public string? AdditionalConfig { get; init; }
    /// <summary>The PATCH-only encryption key (§3.4), normalised, or null.</summary>
    public string? EncPublicKey { get; init; }
    public string? EncPublicKeyHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    /// <summary>Which route created the row, e.g. "POST /v1/esignet/client-mgmt/client" or "PMS".</summary>
    public required string CreatedThrough { get; init; }
}
