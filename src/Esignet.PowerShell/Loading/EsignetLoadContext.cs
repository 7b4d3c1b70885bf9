using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Esignet.PowerShell.Loading
{
    /// <summary>
    /// The module's private load context: Esignet.Core and every library it brings, loaded from the module's
    /// <c>dependencies</c> folder. Other modules (Az, Microsoft.Graph, ExchangeOnline...) load their own versions
    /// of the same libraries into the default context; neither side sees the other's copies, so whichever was
    /// imported first, both keep working.
    /// </summary>
    internal sealed class EsignetLoadContext : AssemblyLoadContext
    {
        // Types from these cross the boundary (cmdlet base classes, PSObject, the cmdlets themselves), so there must
        // be exactly one copy of each: the one in the default context. Never load them here, even if a copy were
        // shipped by mistake.
        private static readonly HashSet<string> SharedWithDefault = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "System.Management.Automation",
            "Esignet.PowerShell",
        };

        private readonly string _folder;

        // The trusted platform assemblies: the runtime and PowerShell's own files, by simple name. Read on the first
        // request for a shipped framework name, not at import, so importing the module costs nothing here.
        private readonly Lazy<Dictionary<string, string>> _framework = new Lazy<Dictionary<string, string>>(TrustedPlatformAssemblies);

        public EsignetLoadContext(string folder)
            : base("Esignet", isCollectible: false)
        {
            _folder = folder;
        }

        /// <summary>Where the module's copy of <paramref name="simpleName"/> would be, if it ships one.</summary>
        public string PathOf(string simpleName) => Path.Combine(_folder, simpleName + ".dll");

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string? name = assemblyName.Name;
            if (name == null || SharedWithDefault.Contains(name))
            {
                return null;
            }

            // Only what the module ships is loaded here; anything else (the framework, PowerShell's own
            // libraries) comes from the default context, where it already is.
            string path = PathOf(name);
            if (!File.Exists(path))
            {
                return null;
            }

            // A framework assembly (System.Text.Json, System.Memory, System.Formats.Asn1...) comes from the runtime
            // unless the module's copy is strictly newer (as System.Text.Json 8 would be on a .NET 6 runtime). Two
            // copies of System.Memory would mean two Span<T> types; the runtime's copy is also the one it services.
            if (FrameworkServes(name, path))
            {
                return null;
            }

            return LoadFromAssemblyPath(path);
        }

        private bool FrameworkServes(string name, string modulePath)
        {
            if (!_framework.Value.TryGetValue(name, out string? runtimePath))
            {
                return false;
            }

            try
            {
                Version? ours = AssemblyName.GetAssemblyName(modulePath).Version;
                Version? runtime = AssemblyName.GetAssemblyName(runtimePath).Version;
                return ours == null || runtime == null || runtime >= ours;
            }
            catch (Exception e) when (e is IOException || e is BadImageFormatException || e is UnauthorizedAccessException)
            {
                return true;   // cannot compare: the runtime's copy is the safe choice
            }
        }

        private static Dictionary<string, string> TrustedPlatformAssemblies()
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            foreach (string path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                map[Path.GetFileNameWithoutExtension(path)] = path;
            }

            return map;
        }
    }
}
