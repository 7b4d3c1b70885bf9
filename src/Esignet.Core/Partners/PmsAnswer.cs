using System.Text.Json;
using Esignet.Core.Errors;
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
        public static JsonElement Read(TransportResponse r, string endpoint)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(r.Body) ? "null" : r.Body);
            }
            catch (JsonException)
            {
                throw new ServerErrorException(r.Status == 400 ? "BadRequest" : "UnexpectedResponse",
                    r.Status == 400 ? "PMS could not read the request (HTTP 400)." : $"The answer (HTTP {r.Status}) is not JSON; is this a PMS server?", r.Status, endpoint, EsignetErrorKind.ServerError);
            }

            using (doc)
            {
                JsonElement root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out JsonElement errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
                {
                    JsonElement first = errors[0];
                    throw new ServerErrorException(JsonBody.String(first, "errorCode"), JsonBody.String(first, "message"), r.Status, endpoint) { AfterLostAnswer = r.EarlierAnswerLost };
                }

                if (r.Status == 200 && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("response", out JsonElement response) && response.ValueKind != JsonValueKind.Null)
                {
                    return response.Clone();
                }

                bool missing = r.Status == 404 || r.Status == 405;
                throw new ServerErrorException(missing ? "EndpointNotFound" : "UnexpectedResponse",
                    missing ? "This PMS does not have that endpoint. Check -PmsUri (the API base, without /v1/...) and -PmsVersion."
                            : $"PMS answered HTTP {r.Status} with neither a response nor errors.", r.Status, endpoint, EsignetErrorKind.ServerError);
            }
        }

        public static bool Bool(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.True;

        public static bool IsPresent(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind != JsonValueKind.Null;
    }
}
