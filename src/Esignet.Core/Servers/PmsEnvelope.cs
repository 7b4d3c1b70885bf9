using System;
using System.Collections.Generic;
using System.Text.Json;
using Esignet.Core.Errors;
using Esignet.Core.Transport;

namespace Esignet.Core.Servers
{
    /// <summary>
    /// PMS's request wrapper (pms-api.md §2.1): {id, version, requesttime, metadata, request}. PMS checks only that
    /// requesttime parses, so id and version name the caller. The requesttime is stamped when the body is written,
    /// which is each attempt (see <see cref="ClientRequest"/>). Answers come back as {response, errors[]}, business
    /// errors with HTTP 200 (pms-api.md §2.2); every error of an answer is kept (<see cref="ServerErrors"/>).
    /// </summary>
    internal static class PmsEnvelope
    {
        public static string Wrap(string id, string version, Action<Utf8JsonWriter> request)
        {
            return JsonBody.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("version", version);
                w.WriteString("requesttime", JsonBody.Now());
                w.WriteStartObject("metadata");
                w.WriteEndObject();
                w.WriteStartObject("request");
                request(w);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        /// <summary>The response member of a PMS answer; a non-empty errors[] (code possibly null) is a <see cref="ServerErrorException"/>.</summary>
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
                IReadOnlyList<ServerError> errors = ServerErrors.Pms(root);
                if (errors.Count > 0)
                {
                    throw new ServerErrorException(errors, errors[0].Message, r.Status, endpoint) { AfterLostAnswer = r.EarlierAnswerLost };
                }

                if (r.Status == 200 && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("response", out JsonElement response) && response.ValueKind != JsonValueKind.Null)
                {
                    return response.Clone();
                }

                throw new ServerErrorException(r.Status == 404 || r.Status == 405 ? "EndpointNotFound" : "UnexpectedResponse",
                    r.Status == 404 || r.Status == 405
                        ? "This PMS does not have that endpoint. Check -PmsUri (the API base, without /v1/...) and -PmsVersion."
                        : $"PMS answered HTTP {r.Status} with neither a response nor errors.", r.Status, endpoint, EsignetErrorKind.ServerError);
            }
        }
    }
}
