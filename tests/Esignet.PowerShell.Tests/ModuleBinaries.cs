using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Esignet.PowerShell.Tests;

/// <summary>The built module's binaries: the cmdlet assembly at the root and the dependencies folder beside it.</summary>
internal static class ModuleBinaries
{
    public const string CmdletAssemblyFile = "Esignet.PowerShell.dll";
    public const string DependencyFolder = "dependencies";

    public static string Root { get; } = FindRoot();

    public static string CmdletAssemblyPath => Path.Combine(Root, CmdletAssemblyFile);

    /// <summary>Simple names of the assemblies shipped in the dependencies folder.</summary>
    public static IReadOnlyList<string> Dependencies() =>
        Directory.GetFiles(Path.Combine(Root, DependencyFolder), "*.dll").Select(p => AssemblyName.GetAssemblyName(p).Name!).ToList();

    /// <summary>Simple names of the assemblies the cmdlet assembly references.</summary>
    public static IReadOnlyList<string> CmdletReferences()
    {
        using var pe = new PEReader(File.OpenRead(CmdletAssemblyPath));
        MetadataReader md = pe.GetMetadataReader();
        return md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
    }

    private static string FindRoot()
    {
        string? dir = typeof(ModuleBinaries).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ModuleBinaries")?.Value;
        if (dir == null || !File.Exists(Path.Combine(dir, CmdletAssemblyFile)))
        {
            throw new InvalidOperationException($"The cmdlet assembly was not found in '{dir}'; build Esignet.PowerShell first.");
        }

        return Path.GetFullPath(dir);
    }
}
