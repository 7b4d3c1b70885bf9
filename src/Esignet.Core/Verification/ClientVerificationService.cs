using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Assertions;
using Esignet.Core.Clients;
using Esignet.Core.Connection;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.Core.Registration;
using Esignet.Core.Servers;

namespace Esignet.Core.Verification
{
    /// <summary>
    /// Tells whether a registered client can sign users in, before a portal goes live: discovery readable, the
    /// registration known (PMS, or the ledger for eSignet), eSignet's authorize step accepting the client, its
    /// redirect URI, claims and ACRs (oauth-details, esignet-api.md §1.3), the private key on disk being the
    /// registered key's pair, and an assertion signed with it meeting the token endpoint's rules (§6.2). Every
    /// check reports; none stops the others unless it must. Reads only: the one server-side effect is the
    /// short-lived transaction oauth-details starts.
    /// </summary>
    public sealed class ClientVerificationService
    {
        private readonly EsignetContext _context;

        public ClientVerificationService(EsignetContext context)
        {
            _context = context;
        }

        public async Task<ClientTestResult> TestAsync(ClientTestRequest request, CancellationToken cancel)
        {
            var checks = new List<ClientCheck>();
            void Add(string name, CheckOutcome outcome, string reason) => checks.Add(new ClientCheck(name, outcome, reason));

            DiscoveryDocument? discovery = await ReadDiscoveryAsync(Add, cancel).ConfigureAwait(false);
            ClientRecord? record = await FindRegistrationAsync(request, Add, cancel).ConfigureAwait(false);
            string? redirectUri = request.RedirectUri ?? record?.RedirectUris.FirstOrDefault();
            await CheckAuthorizeStepAsync(request, record, redirectUri, Add, cancel).ConfigureAwait(false);
            RegisteredJwk? registered = ReadRegisteredKey(record);
            JwkKeyPair? key = CheckKey(request, record, registered, Add);
            CheckAssertion(request.ClientId, key, registered, discovery, Add);

            return new ClientTestResult(request.ClientId, request.Api.ToString(), _context.ServerAddressOf(request.Api), redirectUri, checks);
        }

        private async Task<DiscoveryDocument?> ReadDiscoveryAsync(Action<string, CheckOutcome, string> add, CancellationToken cancel)
        {
            if (_context.EsignetUri == null)
            {
                add(ClientCheckNames.Discovery, CheckOutcome.Skipped, "This connection has no eSignet (-Uri of Connect-EsignetServer), so discovery, the authorize step and the token endpoint cannot be checked.");
                return null;
            }

            try
            {
                DiscoveryDocument? discovery = await DiscoveryDocument.TryReadAsync(_context.Transport, _context.EsignetUri, cancel).ConfigureAwait(false);
                if (discovery == null)
                {
                    add(ClientCheckNames.Discovery, CheckOutcome.Failed, $"No OpenID discovery document at {_context.EsignetUri} (tried /v1/esignet/oidc/.well-known/openid-configuration and /.well-known/openid-configuration). A relying party needs it to find the endpoints.");
                }
                else if (discovery.TokenEndpoint == null)
                {
                    add(ClientCheckNames.Discovery, CheckOutcome.Failed, $"The discovery document {discovery.Source} names no token_endpoint.");
                }
                else
                {
                    string algs = discovery.TokenEndpointAuthSigningAlgValuesSupported.Count > 0 ? string.Join(", ", discovery.TokenEndpointAuthSigningAlgValuesSupported) : "not listed";
                    add(ClientCheckNames.Discovery, CheckOutcome.Passed, $"Read {discovery.Source}: token endpoint {discovery.TokenEndpoint}, client assertion algorithms {algs}.");
                }

                return discovery;
            }
            catch (EsignetException e)
            {
                add(ClientCheckNames.Discovery, CheckOutcome.Failed, e.Message);
                return null;
            }
        }

        private async Task<ClientRecord?> FindRegistrationAsync(ClientTestRequest request, Action<string, CheckOutcome, string> add, CancellationToken cancel)
        {
            var query = new ClientQueryService(_context);
            ClientRecord? record;
            try
            {
                record = await query.GetAsync(request.ClientId, request.Api, cancel).ConfigureAwait(false);
            }
            catch (EsignetException e)
            {
                add(ClientCheckNames.Registration, CheckOutcome.Failed, e.Message);
                return null;
            }

            if (record == null)
            {
                add(ClientCheckNames.Registration, CheckOutcome.Failed, query.NotFoundMessage(request.ClientId, request.Api)
                    + " The checks that need the registered key, redirect URIs, claims or ACRs are skipped; give -RedirectUri and -Key to check the rest.");
                return null;
            }

            string status = record.Status ?? "unknown";
            add(ClientCheckNames.Registration, CheckOutcome.Passed, record.Source == "Ledger"
                ? $"Recorded in the ledger as registered on {record.Server} ({record.RecordedAt:yyyy-MM-dd HH:mm} UTC), status {status}."
                : $"PMS has it, status {status}{(string.IsNullOrEmpty(record.PolicyName) ? string.Empty : ", policy " + record.PolicyName)}.");
            return record;
        }

        /// <summary>The Active, RedirectUri, Claims and Acrs checks, from one oauth-details call.</summary>
        private async Task CheckAuthorizeStepAsync(ClientTestRequest request, ClientRecord? record, string? redirectUri, Action<string, CheckOutcome, string> add, CancellationToken cancel)
        {
            void SkipRest(string reason)
            {
                add(ClientCheckNames.RedirectUri, CheckOutcome.Skipped, reason);
                add(ClientCheckNames.Claims, CheckOutcome.Skipped, reason);
                add(ClientCheckNames.Acrs, CheckOutcome.Skipped, reason);
            }

            if (_context.EsignetUri == null)
            {
                if (record?.Status != null)
                {
                    bool active = string.Equals(record.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase);
                    add(ClientCheckNames.Active, active ? CheckOutcome.Passed : CheckOutcome.Failed, active
                        ? "PMS shows the client ACTIVE (eSignet itself was not asked: no -Uri)."
                        : $"PMS shows the client {record.Status}: eSignet refuses it at sign-in.");
                }
                else
                {
                    add(ClientCheckNames.Active, CheckOutcome.Skipped, "No eSignet in this connection to ask.");
                }

                SkipRest("No eSignet in this connection to ask (connect with -Uri too).");
                return;
            }

            if (redirectUri == null)
            {
                add(ClientCheckNames.Active, CheckOutcome.Skipped, "No redirect URI to start an authorization with: the registration is unknown. Give -RedirectUri.");
                SkipRest("No redirect URI to start an authorization with.");
                return;
            }

            IReadOnlyList<string> acrs = record?.AuthContextRefs ?? Array.Empty<string>();
            IReadOnlyList<string> claims = record?.UserClaims ?? Array.Empty<string>();
            OAuthDetailsAnswer answer;
            try
            {
                answer = await new OAuthDetailsClient(_context.EsignetUri, _context.Transport)
                    .StartAsync(request.ClientId, redirectUri, acrs, claims, cancel).ConfigureAwait(false);
            }
            catch (EsignetException e)
            {
                add(ClientCheckNames.Active, CheckOutcome.Failed, "The authorize step could not be reached: " + e.Message);
                SkipRest("The authorize step could not be reached.");
                return;
            }

            string others = AlsoReported(answer);
            switch (answer.ErrorCode)
            {
                case null:
                    add(ClientCheckNames.Active, CheckOutcome.Passed, "eSignet's authorize step (oauth-details) accepts the client: it is registered on this server and ACTIVE.");
                    add(ClientCheckNames.RedirectUri, CheckOutcome.Passed, $"eSignet accepts the redirect URI '{redirectUri}'.");
                    CheckClaims(record, claims, answer, add);
                    CheckAcrs(record, acrs, answer, add);
                    return;
                case "invalid_client_id":
                    bool inactive = string.Equals(record?.Status, "INACTIVE", StringComparison.OrdinalIgnoreCase);
                    add(ClientCheckNames.Active, CheckOutcome.Failed, inactive
                        ? $"The client is INACTIVE ({(record!.Source == "Ledger" ? "per the ledger" : "per PMS")}), and eSignet refuses it at the authorize step (invalid_client_id). Make it ACTIVE with Set-EsignetClient -Status Active." + others
                        : "eSignet refuses the client at the authorize step (invalid_client_id): it is not ACTIVE, or not registered on this eSignet." + others);
                    SkipRest("eSignet refused the client (see Active).");
                    return;
                case "invalid_redirect_uri":
                    string registered = record == null || record.RedirectUris.Count == 0 ? "unknown" : string.Join(", ", record.RedirectUris);
                    add(ClientCheckNames.Active, CheckOutcome.Passed, "eSignet knows the client and it is ACTIVE (it went on to check the redirect URI).");
                    add(ClientCheckNames.RedirectUri, CheckOutcome.Failed, $"eSignet refuses the redirect URI '{redirectUri}' (invalid_redirect_uri): it matches none of the registered ones ({registered}). Register it with Set-EsignetClient -RedirectUri, or use a registered one." + others);
                    add(ClientCheckNames.Claims, CheckOutcome.Skipped, "eSignet refused the redirect URI (see RedirectUri).");
                    add(ClientCheckNames.Acrs, CheckOutcome.Skipped, "eSignet refused the redirect URI (see RedirectUri).");
                    return;
                case "invalid_acr":
                case "no_acr_registered":
                    add(ClientCheckNames.Active, CheckOutcome.Passed, "eSignet knows the client and it is ACTIVE.");
                    add(ClientCheckNames.RedirectUri, CheckOutcome.Passed, $"eSignet accepts the redirect URI '{redirectUri}'.");
                    add(ClientCheckNames.Claims, CheckOutcome.Skipped, "eSignet refused the ACRs (see Acrs).");
                    add(ClientCheckNames.Acrs, CheckOutcome.Failed, $"eSignet refuses the registered ACRs ({string.Join(" ", acrs)}): {answer.ErrorCode}." + others);
                    return;
                default:
                    add(ClientCheckNames.Active, CheckOutcome.Failed, answer.ErrorCode == "Forbidden"
                        ? "eSignet's authorize step refused the request (HTTP 403): its CSRF check failed, or a proxy blocks /v1/esignet/authorization."
                        : $"eSignet's authorize step answered {answer.ErrorCode}{(string.IsNullOrEmpty(answer.ErrorMessage) ? string.Empty : ": " + answer.ErrorMessage)} (HTTP {answer.HttpStatus})." + others);
                    SkipRest("The authorize step failed (see Active).");
                    return;
            }
        }

        /// <summary>The answer's further errors, for the reason of a failed check: the server lists one per bad field, in no set order.</summary>
        internal static string AlsoReported(OAuthDetailsAnswer answer) =>
            answer.Errors.Count > 1 ? " eSignet also reported: " + string.Join("; ", answer.Errors.Skip(1).Select(e => e.Describe())) + "." : string.Empty;

        private static void CheckClaims(ClientRecord? record, IReadOnlyList<string> claims, OAuthDetailsAnswer answer, Action<string, CheckOutcome, string> add)
        {
            if (record == null)
            {
                add(ClientCheckNames.Claims, CheckOutcome.Skipped, "The registered claims are unknown (no registration record).");
                return;
            }

            if (claims.Count == 0)
            {
                add(ClientCheckNames.Claims, CheckOutcome.Passed, "The client is registered for no claims.");
                return;
            }

            List<string> missing = claims.Where(c => !answer.Claims.Contains(c)).ToList();
            add(ClientCheckNames.Claims, missing.Count == 0 ? CheckOutcome.Passed : CheckOutcome.Failed, missing.Count == 0
                ? $"eSignet offers all {claims.Count} registered claims ({string.Join(", ", claims)})."
                : $"eSignet does not offer {string.Join(", ", missing)} (registered: {string.Join(", ", claims)}); the server's registration or its claims_supported differ from what was registered.");
        }

        private static void CheckAcrs(ClientRecord? record, IReadOnlyList<string> acrs, OAuthDetailsAnswer answer, Action<string, CheckOutcome, string> add)
        {
            bool offered = answer.AuthFactorSets > 0;
            add(ClientCheckNames.Acrs, offered ? CheckOutcome.Passed : CheckOutcome.Failed, record == null
                ? (offered ? $"eSignet offers {answer.AuthFactorSets} way(s) to authenticate (the registered ACRs are unknown here)." : "eSignet offers no way to authenticate.")
                : (offered ? $"eSignet offers {answer.AuthFactorSets} way(s) to authenticate for the ACRs {string.Join(", ", acrs)}." : $"eSignet offers no way to authenticate for the ACRs {string.Join(", ", acrs)}: none of them is in its ACR mapping."));
        }

        private static RegisteredJwk? ReadRegisteredKey(ClientRecord? record)
        {
            if (string.IsNullOrEmpty(record?.PublicJwk))
            {
                return null;
            }

            try
            {
                return RegisteredJwk.Parse(record!.PublicJwk!);
            }
            catch (EsignetException)
            {
                return null;
            }
        }

        /// <summary>Loads the private key and compares it with the registered one; returns it only when they match.</summary>
        private static JwkKeyPair? CheckKey(ClientTestRequest request, ClientRecord? record, RegisteredJwk? registered, Action<string, CheckOutcome, string> add)
        {
            JwkKeyPair? key = request.Key;
            string? path = request.Key == null ? request.KeyPath ?? record?.PrivateKeyPemPath ?? record?.PrivateJwkPath : null;
            string source = request.Key != null ? "The given key" : $"The private key in {path}";
            if (key == null && path == null)
            {
                add(ClientCheckNames.Key, CheckOutcome.Failed, record == null
                    ? "No private key to check: give -Key."
                    : "The registration names no private key file (the key was not made by this module). Give -Key.");
                return null;
            }

            if (key == null)
            {
                try
                {
                    key = KeyFactory.FromFile(path!, requirePrivate: true);
                }
                catch (EsignetException e)
                {
                    add(ClientCheckNames.Key, CheckOutcome.Failed, e.Message);
                    return null;
                }
            }
            else if (!key.HasPrivateKey)
            {
                add(ClientCheckNames.Key, CheckOutcome.Failed, $"Key {key.KeyId} holds only a public key; the relying party needs the private key to sign in.");
                return null;
            }

            if (registered == null)
            {
                add(ClientCheckNames.Key, CheckOutcome.Skipped, record == null
                    ? "The registered public key is unknown (no registration record), so the private key cannot be compared with it."
                    : "The registration holds no readable public key to compare with.");
                return null;
            }

            if (key.Thumbprint != registered.Thumbprint)
            {
                add(ClientCheckNames.Key, CheckOutcome.Failed, $"{source} (thumbprint {key.Thumbprint}) is not the pair of the registered public key (thumbprint {registered.Thumbprint}): the key file was replaced, or belongs to another client. eSignet would refuse every assertion it signs.");
                return null;
            }

            add(ClientCheckNames.Key, CheckOutcome.Passed, $"{source} is the pair of the registered public key (thumbprint {key.Thumbprint}).");
            return key;
        }

        private void CheckAssertion(string clientId, JwkKeyPair? key, RegisteredJwk? registered, DiscoveryDocument? discovery, Action<string, CheckOutcome, string> add)
        {
            AssertionServerRules? rules = AssertionServerRules.For(discovery, _context.ServerVersion);
            if (key == null || registered == null)
            {
                add(ClientCheckNames.ClientAssertion, CheckOutcome.Skipped, "Needs a private key that is the registered key's pair (see Key).");
                return;
            }

            if (rules == null)
            {
                add(ClientCheckNames.ClientAssertion, CheckOutcome.Skipped, "The token endpoint is unknown (see Discovery), so the assertion's audience is too.");
                return;
            }

            // Sign as the server will select the key (§3.3): its registered alg, and its registered kid or none.
            var request = new ClientAssertionRequest
            {
                ClientId = clientId,
                Audience = rules.Audience,
                Algorithm = registered.Algorithm ?? key.SigningAlgorithm,
                KeyId = registered.KeyId ?? string.Empty,
            };
            string? refusal;
            try
            {
                string assertion = ClientAssertionBuilder.Build(key, request).RevealToken();
                refusal = ClientAssertionCheck.Check(assertion, registered, clientId, rules, DateTimeOffset.UtcNow);
            }
            catch (EsignetException e)
            {
                refusal = e.Message;
            }

            add(ClientCheckNames.ClientAssertion, refusal == null ? CheckOutcome.Passed : CheckOutcome.Failed, refusal == null
                ? $"An assertion signed with {request.Algorithm} (iss = sub = {clientId}, aud {rules.Audience}{(registered.KeyId == null ? ", no kid" : ", kid " + registered.KeyId)}) verifies with the registered key and meets the token endpoint's rules (algorithms {string.Join(", ", rules.Algorithms)}{(rules.RequiresJti ? ", unique jti" : string.Empty)})."
                : $"eSignet's token endpoint would refuse the client's assertions: {refusal}.");
        }
    }
}
