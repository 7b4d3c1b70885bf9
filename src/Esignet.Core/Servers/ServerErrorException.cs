using System.Collections.Generic;
using System.Linq;
using Esignet.Core.Common;
using Esignet.Core.Errors;

namespace Esignet.Core.Servers
{
    /// <summary>
    /// The server said no: its first error code becomes the ErrorId (invalid_redirect_uri, PMS_PRT_058, ...), with
    /// every error of the answer (<see cref="Errors"/>), the HTTP status, the server's message and the endpoint kept
    /// as data. The display text is made from them here, once; nothing reads it back.
    /// </summary>
    public sealed class ServerErrorException : EsignetException
    {
        public ServerErrorException(string? errorCode, string? serverMessage, int httpStatus, string endpoint, EsignetErrorKind kind = EsignetErrorKind.InvalidData)
            : this(new[] { new ServerError(errorCode, serverMessage, null) }, serverMessage, httpStatus, endpoint, kind)
        {
        }

        /// <summary>
        /// An answer with several errors (one per bad field, order unspecified): the first names the error;
        /// <paramref name="serverMessage"/> is the first one's message, possibly with the module's advice added.
        /// </summary>
        public ServerErrorException(IReadOnlyList<ServerError> errors, string? serverMessage, int httpStatus, string endpoint, EsignetErrorKind kind = EsignetErrorKind.InvalidData)
            : base(string.IsNullOrEmpty(errors[0].Code) ? "ServerError" : ServerText.ErrorId(errors[0].Code!), kind, Compose(Clean(errors), ServerText.Clean(serverMessage), httpStatus, endpoint))
        {
            Errors = Clean(errors);
            ErrorCode = Errors[0].Code;
            ServerMessage = ServerText.Clean(serverMessage);
            HttpStatus = httpStatus;
            Endpoint = endpoint;
        }

        /// <summary>
        /// The server's code as sent, control characters escaped (<see cref="ServerText"/>); null when the server gave
        /// none (PMS's generic handler). It is the ErrorId only when it is a safe identifier, else the ErrorId is
        /// <see cref="ServerText.UnsafeCodeId"/> and this is where the code is kept.
        /// </summary>
        public string? ErrorCode { get; }

        public string? ServerMessage { get; }

        /// <summary>Every error of the answer, as the server listed them (never an order to rely on), text escaped.</summary>
        public IReadOnlyList<ServerError> Errors { get; }

        public int HttpStatus { get; }

        /// <summary>
        /// True when this answer came after an attempt whose answer was lost (see TransportResponse.EarlierAnswerLost):
        /// a "duplicate" may then be the earlier attempt's own effect.
        /// </summary>
        public bool AfterLostAnswer { get; internal set; }

        /// <summary>Method and path, e.g. POST /v1/esignet/client-mgmt/oidc-client.</summary>
        public string Endpoint { get; }

        /// <summary>
        /// The ErrorDetails text: "code from endpoint (HTTP status): message", then "; code: message" for each further
        /// error of the answer (messages redacted; a message that only repeats its code is left out).
        /// </summary>
        public string Details() => $"{ErrorCode ?? "error"} from {Endpoint} (HTTP {HttpStatus}){MessagePart(ErrorCode, ServerMessage)}{string.Concat(Errors.Skip(1).Select(e => "; " + e.Describe()))}";

        private static IReadOnlyList<ServerError> Clean(IReadOnlyList<ServerError> errors) =>
            errors.Select(e => new ServerError(ServerText.Clean(e.Code, keepLayout: false), ServerText.Clean(e.Message), ServerText.Clean(e.Field, keepLayout: false))).ToList();

        private static string MessagePart(string? code, string? message) => string.IsNullOrEmpty(message) || message == code ? string.Empty : ": " + Transport.Redactor.Redact(message!);

        private static string Compose(IReadOnlyList<ServerError> errors, string? message, int status, string endpoint)
        {
            string more = errors.Count == 1 ? string.Empty : " It also reported: " + string.Join("; ", errors.Skip(1).Select(e => e.Describe())) + ".";
            return $"{endpoint} answered {errors[0].Code ?? "an error without a code"}{MessagePart(errors[0].Code, message)} (HTTP {status}).{more}";
        }
    }
}
