using System.Collections.Generic;
using System.Linq;

namespace Esignet.Core.Verification
{
    /// <summary>The outcome of Test-EsignetClient for one client: a line per check, and whether none failed.</summary>
    public sealed class ClientTestResult
    {
        public ClientTestResult(string clientId, string api, string? server, string? redirectUri, IReadOnlyList<ClientCheck> checks)
        {
            ClientId = clientId;
            Api = api;
            Server = server;
            RedirectUri = redirectUri;
            Checks = checks;
        }

        public string ClientId { get; }

        /// <summary>Esignet or Pms: where the registration was looked up.</summary>
        public string Api { get; }

        public string? Server { get; }

        /// <summary>The redirect URI the authorize step was tried with.</summary>
        public string? RedirectUri { get; }

        public IReadOnlyList<ClientCheck> Checks { get; }

        /// <summary>True when no check failed (skipped checks do not fail the client; their reasons say what was not checked).</summary>
        public bool Passed => Checks.All(c => c.Outcome != CheckOutcome.Failed);

        /// <summary>The names of the failed checks.</summary>
        public IReadOnlyList<string> Failed => Checks.Where(c => c.Outcome == CheckOutcome.Failed).Select(c => c.Name).ToList();

        /// <summary>E.g. "6 passed, 1 failed (Key), 1 skipped".</summary>
        public string Summary
        {
            get
            {
                int passed = Checks.Count(c => c.Outcome == CheckOutcome.Passed);
                int skipped = Checks.Count(c => c.Outcome == CheckOutcome.Skipped);
                IReadOnlyList<string> failed = Failed;
                string text = $"{passed} passed, {failed.Count} failed";
                if (failed.Count > 0) text += " (" + string.Join(", ", failed) + ")";
                return skipped > 0 ? text + $", {skipped} skipped" : text;
            }
        }

        /// <summary>The check of that name, or null.</summary>
        public ClientCheck? Check(string name) => Checks.FirstOrDefault(c => c.Name == name);

        public override string ToString() => ClientId + ": " + (Passed ? "passed" : "FAILED") + " (" + Summary + ")";
    }
}
