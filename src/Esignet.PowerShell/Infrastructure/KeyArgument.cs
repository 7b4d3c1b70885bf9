using System.Management.Automation;
using Esignet.Core.Keys;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// A -Key argument of the cmdlets that sign or check with a private key: a key object (New-/Import-EsignetJwk),
    /// the path of a PEM or JWK file, JWK JSON or PEM text, or a hashtable of JWK members.
    /// </summary>
    internal static class KeyArgument
    {
        /// <summary>
        /// A key object or text becomes <paramref name="key"/>; a path becomes <paramref name="path"/> (full path,
        /// not read yet, so a caller can report a missing file its own way). Both null when nothing was given.
        /// </summary>
        public static void Resolve(object? value, PSCmdlet cmdlet, out JwkKeyPair? key, out string? path)
        {
            key = null;
            path = null;
            object? plain = InputValues.Plain(value);
            if (plain is string s)
            {
                string t = s.Trim();
                if (t.Length == 0) return;
                if (!t.StartsWith("{") && !t.StartsWith("-----BEGIN"))
                {
                    path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(t);
                    return;
                }
            }

            key = InputValues.Key(plain, p => cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(p));
        }
    }
}
