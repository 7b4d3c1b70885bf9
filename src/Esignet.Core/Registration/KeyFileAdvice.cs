using Esignet.Core.Keys;

namespace Esignet.Core.Registration
{
    /// <summary>
    /// What to do when -GenerateKey finds some of a client's key files but not its private PEM (which would have been
    /// reused): a partial set left by an interrupted run or another tool. New-EsignetOidcClient's -Force only allows a
    /// shared folder, so advice to "use -Force" would bring the same error back; this names what does help.
    /// </summary>
    public static class KeyFileAdvice
    {
        public static string PartialSet(KeyFileSet files)
        {
            return $"Its private key '{files.PrivateKeyPemPath}' is missing, so the set cannot be reused, and it is never overwritten " +
                "(it may belong to a registered client). Move the leftover key files away, or delete them if no client uses that key, " +
                "or choose another -KeyDirectory; then run again. Nothing was sent for this row.";
        }
    }
}
