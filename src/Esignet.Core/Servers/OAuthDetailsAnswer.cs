using System;
using System.Collections.Generic;

namespace Esignet.Core.Servers
{
    /// <summary>
    /// What eSignet's authorize step (<c>POST /v1/esignet/authorization/oauth-details</c>) said about a client: an
    /// error code, or the transaction it started with the authentication factors and claims it offers.
    /// </summary>
    public sealed class OAuthDetailsAnswer
    {
        public int HttpStatus { get; set; }

        /// <summary>Null when eSignet accepted the request; else its code (invalid_client_id, invalid_redirect_uri, ...).</summary>
        public string? ErrorCode { get; set; }

        public string? ErrorMessage { get; set; }

        /// <summary>Every entry of the answer's errors[] (one per bad field, in no set order); the first is <see cref="ErrorCode"/>.</summary>
        public IReadOnlyList<ServerError> Errors { get; set; } = Array.Empty<ServerError>();

        public string? TransactionId { get; set; }

        /// <summary>How many sets of authentication factors eSignet offers (one per resolved ACR).</summary>
        public int AuthFactorSets { get; set; }

        /// <summary>The claims eSignet will ask the user to release: essentialClaims and voluntaryClaims.</summary>
        public IReadOnlyList<string> Claims { get; set; } = Array.Empty<string>();

        public bool Accepted => ErrorCode == null;
    }
}
