using System;
using System.Linq;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// Catches a list cell written with commas (name,email,phone_number, as the OpenG2P guide writes lists), which
    /// would otherwise be read as one value and refused as unknown without a word about why. Commas still never
    /// separate (a redirect URI may hold one); the cell is refused with the forms that do work. Claims, ACRs, grant
    /// types and auth methods never contain a comma, so any comma there is a list; in redirectUris only a cell whose
    /// every comma-separated part is itself an absolute URI is (https://a/cb?x=1,2 stays one URI).
    /// </summary>
    internal static class CommaListHint
    {
        private static readonly string[] CommaFreeFields = { "userClaims", "authContextRefs", "grantTypes", "clientAuthMethods" };

        /// <summary>Throws a <see cref="CellFormatException"/> for a cell that is a comma list; otherwise nothing.</summary>
        public static void Check(string cell, string field)
        {
            if (cell.IndexOf(',') < 0 || cell.IndexOf(';') >= 0 || cell.IndexOf('|') >= 0)
            {
                return;
            }

            string[] parts = cell.Split(',').Select(p => p.Trim()).ToArray();
            bool commaFree = Array.IndexOf(CommaFreeFields, field) >= 0;
            if (!commaFree && !(field == "redirectUris" && parts.All(LooksLikeUri)))
            {
                return;
            }

            string joined = string.Join(";", parts.Where(p => p.Length > 0));
            throw new CellFormatException(field,
                $"'{cell}' looks like a comma-separated list, but lists are written with ';', '|' or a JSON array " +
                $"(commas never separate, since a redirect URI may contain one). Write it as {joined}.");
        }

        private static bool LooksLikeUri(string part)
        {
            int scheme = part.IndexOf("://", StringComparison.Ordinal);
            return scheme > 0 && Uri.TryCreate(part, UriKind.Absolute, out _);
        }
    }
}
