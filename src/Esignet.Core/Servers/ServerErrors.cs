using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Esignet.Core.Servers
{
    /// <summary>One entry of a server's <c>errors[]</c>: its code, its message and, where the message names one, the field.</summary>
    public sealed record ServerError(string? Code, string? Message, string? Field)
    {
        /// <summary>"code: message" (the message redacted; left out when it only repeats the code).</summary>
        public string Describe() => (Code ?? "error") + (string.IsNullOrEmpty(Message) || Message == Code ? string.Empty : ": " + Transport.Redactor.Redact(Message!));
    }

    /// <summary>
    /// Reads every entry of an answer's <c>errors[]</c> (rule 13 of issue 16): the server reports one error per bad
    /// field, in an unspecified order, so none may be dropped and nothing may depend on their order. The field is
    /// taken from the server's own message shape; a message of another shape leaves it null.
    /// </summary>
    public static class ServerErrors
    {
        // A Java bean path as Spring's FieldError names it: request.clientId, request.redirectUris[0], requestTime.
        private const string BeanPath = @"[A-Za-z_$][\w$]*(?:\[[^\]\s]*\])*(?:\.[A-Za-z_$][\w$]*(?:\[[^\]\s]*\])*)*";

        // eSignet: "<fieldPath>: <code>" (ExceptionHandlerAdvice.java@v1.8.0, handleInternalControllerException;
        // esignet-api.md §1.6); service errors carry the bare code, which names no field.
        private static readonly Regex EsignetField = new Regex("^(?<path>" + BeanPath + "): ", RegexOptions.CultureInvariant);

        // PMS: "Invalid request parameter - <default message> :<fieldPath>"
        // (PartnerServiceResponseExceptionHandler.java@v1.2.0.1; pms-api.md §2.2).
        private static readonly Regex PmsField = new Regex(" :(?<path>" + BeanPath + ")$", RegexOptions.CultureInvariant);

        /// <summary>eSignet's wrapper: <c>errors: [{errorCode, errorMessage}]</c>; empty when the answer has none.</summary>
        public static IReadOnlyList<ServerError> Esignet(JsonElement root) => Read(root, "errorMessage", EsignetField);

        /// <summary>PMS's wrapper: <c>errors: [{errorCode, message}]</c>, the code possibly null; empty when the answer has none.</summary>
        public static IReadOnlyList<ServerError> Pms(JsonElement root) => Read(root, "message", PmsField);

        private static IReadOnlyList<ServerError> Read(JsonElement root, string messageMember, Regex fieldShape)
        {
            var list = new List<ServerError>();
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("errors", out JsonElement errors) || errors.ValueKind != JsonValueKind.Array)
            {
                return list;
            }

            foreach (JsonElement e in errors.EnumerateArray())
            {
                string? code = JsonBody.String(e, "errorCode");
                string? message = JsonBody.String(e, messageMember);
                Match m = message == null ? Match.Empty : fieldShape.Match(message);
                list.Add(new ServerError(code, message, m.Success ? FieldName(m.Groups["path"].Value) : null));
            }

            return list;
        }

        /// <summary>The module's name for a field: the server's path without the wrapper's <c>request.</c>.</summary>
        private static string FieldName(string path) => path.StartsWith("request.", System.StringComparison.Ordinal) ? path.Substring(8) : path;
    }
}
