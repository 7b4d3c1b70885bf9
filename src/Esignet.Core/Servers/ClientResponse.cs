namespace Esignet.Core.Servers
{
    /// <summary>What create/update/patch return on both APIs: {clientId, status}.</summary>
    public sealed record ClientResponse(string ClientId, string? Status);
}
