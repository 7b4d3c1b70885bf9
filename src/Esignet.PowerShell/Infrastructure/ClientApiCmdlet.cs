using System.Management.Automation;
using Esignet.Core.Definitions;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of the server cmdlets that work on the clients of one client-management API: -Api (eSignet or PMS),
    /// declared once here, else the connection's default.
    /// </summary>
    public abstract class ClientApiCmdlet : EsignetServerCmdlet
    {
        // Held as an int, not in a ClientApi field: PowerShell loads this type before the module's resolver is
        // hooked, and a field of a Core value type would need Esignet.Core then (see Loading/DependencyResolver.cs).
        private int _api;

        [Parameter]
        public ClientApi Api { get => (ClientApi)_api; set => _api = (int)value; }

        /// <summary>True when -Api was given on the command line.</summary>
        protected bool ApiGiven => MyInvocation.BoundParameters.ContainsKey(nameof(Api));

        /// <summary>-Api when given, else the default API of the connection.</summary>
        protected ClientApi ApiOrDefault() => ApiGiven ? Api : RequireContext().DefaultApi;
    }
}
