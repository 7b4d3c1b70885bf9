using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Esignet.Core.Errors;
using Esignet.Core.Transport;

namespace Esignet.Core.Servers
{
    /// <summary>
    /// eSignet's request wrapper {requestTime, request} (esignet-api.md §1.4) and its answer
    /// {responseTime, response:{clientId,status}, errors:[{errorCode,errorMessage}]}: every 200 is checked for
    /// errors[] (§1.6), and every error of an answer is kept (<see cref="ServerErrors"/>). The requestTime is stamped
    /// when the body is written, which is each attempt (see <see cref="ClientRequest"/>).
    /// </summary>
    internal static class EsignetEnvelope
    {
        public static string Wrap(Action<Utf8JsonWriter> request)
        {
            return JsonBody.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("requestTime", JsonBody.Now());
                w.WriteStartObject("request");
                request(w);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        /// <summary>The client an answer names; a non-empty errors[] is a <see cref="ServerErrorException"/>.</summary>
        public static ClientResponse Read(TransportResponse r, string endpoint, ClockSkew? clockSkew = null)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(r.Body) ? "null" : r.Body);
            }
            catch (JsonException)
            {
                throw new ServerErrorException("UnexpectedResponse", $"The answer is not JSON; is this an eSignet server? (starts: {Snippet(r.Body)})", r.Status, endpoint, EsignetErrorKind.ServerError);
            }

            using (doc)
            {
                JsonElement root = doc.RootElement;
                IReadOnlyList<ServerError> errors = ServerErrors.Esignet(root);
                if (errors.Count > 0)
                {
                    // One entry per violated field, in no set order: all are kept (ServerErrorException.Errors).
                    string? message = errors[0].Message;
                    if (clockSkew != null && errors.Any(e => e.Code == "invalid_request" && e.Field == "requestTime"))
                    {
                        // "requestTime: invalid_request" alone hides the cause; the measured skew usually explains it.
                        message += ". " + clockSkew.ExplainRequestTimeRefusal();
                    }

                    throw new ServerErrorException(errors, message, r.Status, endpoint) { AfterLostAnswer = r.EarlierAnswerLost };
                }

                if (r.Status == 200 && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("response", out JsonElement response)
                    && JsonBody.String(response, "clientId") is string clientId)
                {
                    return new ClientResponse(clientId, JsonBody.String(response, "status"));
                }

                throw new ServerErrorException(r.Status == 404 || r.Status == 405 ? "EndpointNotFound" : "UnexpectedResponse",
                    r.Status == 404 || r.Status == 405
                        ? "This eSignet does not have that endpoint. Check -Uri (the eSignet base, without /v1/esignet) and -ServerVersion."
                        : $"The answer has neither a client nor errors (starts: {Snippet(r.Body)}).",
                    r.Status, endpoint, EsignetErrorKind.ServerError);
            }
        }

        private static string Snippet(string body) => Redactor.Redact(body.Length > 120 ? body.Substring(0, 120) + "..." : body);
    }
}
