namespace Esignet.Core.Servers
{
    /// <summary>What create/update/patch return on both APIs: {clientId, status}.</summary>
    public sealed class ClientResponse
    {
        public ClientResponse(string clientId, string? status)
        {
            ClientId = clientId;
            Status = status;
        }

        public string ClientId { get; }

        public string? Status { get; }
    }
}
