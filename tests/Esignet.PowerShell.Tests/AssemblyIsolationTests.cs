using System.Runtime.InteropServices;

namespace Esignet.PowerShell.Tests;

/// <summary>
/// The cmdlet assembly is loaded by PowerShell into the default load context, which every module shares. Whatever it
/// references is looked up there, so it may reference only PowerShell, the .NET shared framework and the bridge;
/// everything else stays in the module's private context (src/Esignet.PowerShell/Loading). Microsoft.Graph's
/// Authentication module guards its split with the same kind of test.
/// </summary>
public class AssemblyIsolationTests
{
    /// <summary>
    /// The one isolated assembly the cmdlets may reference. It is the bridge: the module's resolver hands the default
    /// context the copy loaded in the private context, so the cmdlets and Core share its types, while Core's own
    /// references resolve inside the private context, out of other modules' sight.
    /// </summary>
    private const string Bridge = "Esignet.Core";

    /// <summary>PowerShell's engine: its types (PSCmdlet, PSObject...) cross the boundary, so there is one copy, PowerShell's.</summary>
    private const string PowerShellEngine = "System.Management.Automation";

    /// <summary>
    /// Libraries that modules ship in their own, differing versions: the cause of "Could not load file or assembly"
    /// in sessions that also have Az, Microsoft.Graph or ExchangeOnline. Some are in the .NET shared framework today,
    /// but not on every PowerShell, so they stay behind Core even then.
    /// </summary>
    private static readonly string[] ConflictProne =
    {
        "Microsoft.IdentityModel.", "System.IdentityModel.", "Microsoft.Identity.", "Azure.", "Newtonsoft.Json",
        "System.Text.Json", "System.Text.Encodings.Web", "System.Formats.Asn1", "Microsoft.Bcl.", "Microsoft.Extensions.",
        "System.ClientModel", "System.Memory.Data",
    };

    [Fact]
    public void The_cmdlet_assembly_references_no_isolated_assembly_but_the_bridge()
    {
        IReadOnlyList<string> shipped = ModuleBinaries.Dependencies();
        Assert.Contains(Bridge, shipped);   // else this test checks nothing
        // Core's libraries are what the private context isolates: with them shipped, a reference from the cmdlets
        // to any of them fails this test.
        Assert.Contains("Microsoft.IdentityModel.Tokens", shipped);
        Assert.Contains("Microsoft.IdentityModel.JsonWebTokens", shipped);

        IEnumerable<string> isolated = shipped.Where(n => n != Bridge);
        Assert.Empty(ModuleBinaries.CmdletReferences().Intersect(isolated, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_cmdlet_assembly_references_no_library_known_for_version_conflicts()
    {
        Assert.DoesNotContain(ModuleBinaries.CmdletReferences(),
            r => ConflictProne.Any(p => r.StartsWith(p, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void The_cmdlet_assembly_references_only_PowerShell_the_framework_and_the_bridge()
    {
        // The shared framework's assembly names, from the runtime running this test (a newer .NET than the module's
        // target only adds names).
        var framework = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.DoesNotContain(ModuleBinaries.CmdletReferences(),
            r => r != Bridge && r != PowerShellEngine && !framework.Contains(r));
    }

    [Fact]
    public void Only_the_cmdlet_assembly_sits_at_the_module_root()
    {
        // .NET looks beside an assembly loaded from a path (as PowerShell loads modules) for what it references, and
        // loads what it finds there into the default context; the dependencies folder is looked into only by the
        // module's private context.
        string[] atRoot = Directory.GetFiles(ModuleBinaries.Root, "*.dll").Select(Path.GetFileName).ToArray()!;
        Assert.Equal(new[] { ModuleBinaries.CmdletAssemblyFile }, atRoot);
    }
}
