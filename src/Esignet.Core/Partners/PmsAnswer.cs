using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Esignet.Core.Servers;

namespace Esignet.Core.Partners
{
    /// <summary>
    /// Reads fields of the answer of a policy-manager or partner-manager call, once <see cref="PmsEnvelope"/> has taken it
    /// out of <c>{response, errors[]}</c> (business errors come with HTTP 200, pms-partner-onboarding.md §1 "Envelopes";
    /// a non-empty errors[] is a <see cref="ServerErrorException"/> with PMS's code, possibly null).
    /// </summary>
    internal static class PmsAnswer
    {
        public static bool Bool(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.True;

        /// <summary>The items of the array <paramref name="name"/>, none when it is missing or not an array.</summary>
        public static IEnumerable<JsonElement> Items(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : Enumerable.Empty<JsonElement>();

        public static bool IsPresent(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind != JsonValueKind.Null;
    }
}
