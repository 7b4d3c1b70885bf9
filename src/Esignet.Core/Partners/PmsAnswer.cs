using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Esignet.Core.Servers;
using Esignet.Core.Transport;

namespace Esignet.Core.Partners
{
    /// <summary>
    /// Reads the answer of a policy-manager or partner-manager call: both wrap it as <c>{response, errors[]}</c> and
    /// answer business errors with HTTP 200 (pms-partner-onboarding.md §1 "Envelopes"). A non-empty errors[] is a
    /// <see cref="ServerErrorException"/> with PMS's code (possibly null, from the catch-all handler).
    /// </summary>
    internal static class PmsAnswer
    {
        public static JsonElement Read(TransportResponse r, string endpoint) => PmsEnvelope.Read(r, endpoint);

        public static bool Bool(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.True;

        /// <summary>The items of the array <paramref name="name"/>, none when it is missing or not an array.</summary>
        public static IEnumerable<JsonElement> Items(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : Enumerable.Empty<JsonElement>();

        public static bool IsPresent(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind != JsonValueKind.Null;
    }
}
