namespace Esignet.Core.Clients
{
    /// <summary>Set-EsignetClient -GenerateEncryptionKey: where a new encryption key goes when the ledger does not know the client's key folder.</summary>
    public sealed record EncryptionKeyOptions(string Directory, bool AllowSharedDirectory);
}
