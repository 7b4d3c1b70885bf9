using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Esignet.Core.Errors;
using Esignet.Core.Keys;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// Turns what PowerShell binds (strings from CSV cells, arrays, hashtables, PSCustomObjects, key objects)
    /// into plain values for the Core, which knows nothing of PSObject.
    /// </summary>
    internal static class InputValues
    {
        /// <summary>PSObject unwrapped; a PSCustomObject becomes an ordered dictionary of its properties.</summary>
        public static object? Plain(object? value)
        {
            if (value is PSObject pso)
            {
                if (pso.BaseObject is PSCustomObject)
                {
                    var map = new Dictionary<string, object?>();
                    foreach (PSPropertyInfo p in pso.Properties)
                    {
                        map[p.Name] = Plain(p.Value);
                    }

                    return map;
                }

                return Plain(pso.BaseObject);
            }

            if (value is IDictionary dict)
            {
                var map = new Dictionary<string, object?>();
                foreach (DictionaryEntry e in dict)
                {
                    map[Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture)!] = Plain(e.Value);
                }

                return map;
            }

            if (value is IEnumerable list && !(value is string))
            {
                var items = new List<object?>();
                foreach (object? item in list)
                {
                    items.Add(Plain(item));
                }

                return items;
            }

            return value;
        }

        /// <summary>An empty string (an empty CSV cell) counts as not given; whitespace is kept so validation can name it.</summary>
        public static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;

        /// <summary>
        /// The public key from any accepted form: a key object, JWK JSON text, a hashtable/object of JWK members,
        /// or a path to a JWK or PEM file (relative to the current location).
        /// </summary>
        public static JwkKeyPair? Key(object? value, Func<string, string> resolvePath)
        {
            object? plain = Plain(value);
            switch (plain)
            {
                case null:
                    return null;
                case JwkKeyPair key:
                    return key;
                case string s when string.IsNullOrWhiteSpace(s):
                    return null;
                case string s when s.TrimStart().StartsWith("{", StringComparison.Ordinal) || s.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal):
                    return KeyFactory.FromText(s);
                case string path:
                    return KeyFactory.FromFile(resolvePath(path.Trim()), requirePrivate: false);
                case IDictionary<string, object?> members:
                    return KeyFactory.FromJwkMembers(members);
                default:
                    throw new EsignetException("UnrecognisedKeyFormat", EsignetErrorKind.InvalidArgument,
                        $"A public key of type {plain.GetType().Name} cannot be read. Give a JWK (JSON text or hashtable), a key object from New-EsignetJwk/Import-EsignetJwk, or a path to a JWK or PEM file.");
            }
        }
    }
}
