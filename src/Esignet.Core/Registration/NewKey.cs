using Esignet.Core.Keys;

namespace Esignet.Core.Registration
{
    /// <summary>A key made for a registration and the files it will be written to before anything is sent.</summary>
    public sealed record NewKey(JwkKeyPair Key, KeyFileSet Files);
}
