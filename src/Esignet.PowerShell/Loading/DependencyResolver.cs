using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace Esignet.PowerShell.Loading
{
    /// <summary>
    /// Runs when the module is imported and removed. It lets the default load context find Esignet.Core, the one
    /// assembly the cmdlets reference that is not part of PowerShell or .NET, by loading it into the module's
    /// private <see cref="EsignetLoadContext"/>; Core's own references then resolve inside that context.
    /// </summary>
    /// <remarks>
    /// <para>Import stays cheap: this only adds an event handler. The context is made, and Core loaded, when a cmdlet
    /// first needs a Core type. Esignet.Core lives in <c>dependencies/</c>, not beside this assembly: .NET looks beside an
    /// assembly loaded from a path (as PowerShell loads modules) for what it references, and would load anything found
    /// there into the default context whenever this handler is not hooked.</para>
    /// <para>PowerShell reads this assembly's public types (to find the cmdlets) before it calls <see cref="OnImport"/>.
    /// Loading a type needs the types of its value-type fields, so a public type with a field of a Core enum or struct
    /// (an auto-property's backing field counts) would ask for Esignet.Core before this handler exists, and
    /// Import-Module would fail. Such properties keep their value in a field of a framework type instead; the
    /// isolation test in tests/Esignet.PowerShell.Tests holds the rule.</para>
    /// </remarks>
    public sealed class DependencyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>The bridge: the only isolated assembly the cmdlet assembly may reference (a unit test holds this).</summary>
        internal const string BridgeAssemblyName = "Esignet.Core";

        /// <summary>The folder, beside this assembly, that holds Esignet.Core and its libraries.</summary>
        internal const string DependencyFolderName = "dependencies";

        private static readonly object Gate = new object();
        private static bool _hooked;

        // Made on the first request for the bridge, not at import; once for the process (Lazy's default mode locks).
        private static readonly Lazy<EsignetLoadContext> Context = new Lazy<EsignetLoadContext>(() =>
            new EsignetLoadContext(Path.Combine(Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty, DependencyFolderName)));

        /// <summary>Called by Import-Module before any cmdlet runs.</summary>
        public void OnImport()
        {
            lock (Gate)
            {
                if (!_hooked)
                {
                    AssemblyLoadContext.Default.Resolving += OnDefaultResolving;
                    _hooked = true;
                }
            }
        }

        /// <summary>
        /// Called by Remove-Module. Assemblies cannot be unloaded from a non-collectible context (nor can PowerShell
        /// unload the cmdlet assembly), so the context stays for the life of the process and a later import reuses it.
        /// </summary>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            lock (Gate)
            {
                if (_hooked)
                {
                    AssemblyLoadContext.Default.Resolving -= OnDefaultResolving;
                    _hooked = false;
                }
            }
        }

        private static Assembly? OnDefaultResolving(AssemblyLoadContext defaultContext, AssemblyName name)
        {
            // Only the bridge is handed to the default context. Everything Core needs is found by the private
            // context itself and stays invisible to other modules.
            if (!string.Equals(name.Name, BridgeAssemblyName, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            EsignetLoadContext context = Context.Value;
            return File.Exists(context.PathOf(BridgeAssemblyName)) ? context.LoadFromAssemblyName(name) : null;
        }
    }
}
