namespace Esignet.Sandbox.State;

/// <summary>One row of PMS's <c>pms.oidc_client</c> table (pms-api.md §4.9).</summary>
public sealed record PmsClientRecord
{
    public required string Id { get; init; }
    /// <summary>Plain name (/oidc) or the JSON language map with "@none" (/oauth), pms-api.md §4.2.</summary>
    public required string Name { get; init; }
    public required string PolicyId { get; init; }
    public required string RelyingPartyId { get; init; }
    public required string LogoUri { get; init; }
    /// <summary>Stored comma-joined, as the real table does (§4.6: a URI containing ',' comes back split).</summary>
    public required string RedirectUris { get; init; }
    /// <summary>The JWK as a JSON string (jose4j JSON on 1.2.0, Nimbus JSON on 1.2.2), §5.2.</summary>
    public required string PublicKey { get; init; }
    public required IReadOnlyList<string> Claims { get; init; }
    public required IReadOnlyList<string> AcrValues { get; init; }
    public required string Status { get; init; }
    public required IReadOnlyList<string> GrantTypes { get; init; }
    public required IReadOnlyList<string> ClientAuthMethods { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
}
