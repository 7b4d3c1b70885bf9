using Esignet.Core.Common;
using Esignet.Core.Errors;

namespace Esignet.Core.Servers
{
    /// <summary>
    /// The server said no: its error code becomes the ErrorId (invalid_redirect_uri, PMS_PRT_058, ...), with
    /// the HTTP status, the server's message and the endpoint kept for ErrorDetails.
    /// </summary>
    public sealed class ServerErrorException : EsignetException
    {
        public ServerErrorException(string? errorCode, string? serverMessage, int httpStatus, string endpoint, EsignetErrorKind kind = EsignetErrorKind.InvalidData)
            : base(string.IsNullOrEmpty(errorCode) ? "ServerError" : ServerText.ErrorId(errorCode!), kind,
                Compose(ServerText.Clean(errorCode, keepLayout: false), ServerText.Clean(serverMessage), httpStatus, endpoint))
        {
            ErrorCode = ServerText.Clean(errorCode, keepLayout: false);
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

        public int HttpStatus { get; }

        /// <summary>
        /// True when this answer came after an attempt whose answer was lost (see TransportResponse.EarlierAnswerLost):
        /// a "duplicate" may then be the earlier attempt's own effect.
        /// </summary>
        public bool AfterLostAnswer { get; internal set; }

        /// <summary>Method and path, e.g. POST /v1/esignet/client-mgmt/oidc-client.</summary>
        public string Endpoint { get; }

        private static string Compose(string? code, string? message, int status, string endpoint)
        {
            string text = string.IsNullOrEmpty(message) || message == code ? string.Empty : ": " + Transport.Redactor.Redact(message);
            return $"{endpoint} answered {code ?? "an error without a code"}{text} (HTTP {status}).";
        }
    }
}
