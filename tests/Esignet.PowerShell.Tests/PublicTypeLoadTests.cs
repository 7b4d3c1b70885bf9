using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Esignet.PowerShell.Tests;

/// <summary>
/// PowerShell reads the cmdlet assembly's public types (GetExportedTypes) before it calls the module's
/// IModuleAssemblyInitializer, which is what hooks the resolver for Esignet.Core. So loading those types must not need
/// Core: no public type may derive from or implement a Core type, nor hold a Core enum or struct in a field (an
/// auto-property's backing field counts). Otherwise Import-Module fails with "Could not load file or assembly
/// 'Esignet.Core'". Properties of Core types are fine; see ConnectEsignetServerCommand.Api for the pattern.
/// </summary>
public class PublicTypeLoadTests
{
    [Fact]
    public void PowerShell_can_load_the_public_types_before_the_resolver_is_hooked()
    {
        using var pe = new PEReader(File.OpenRead(ModuleBinaries.CmdletAssemblyPath));
        MetadataReader md = pe.GetMetadataReader();
        var probe = new CoreLayoutProbe("Esignet.Core");
        var problems = new List<string>();

        foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(handle);
            TypeAttributes visibility = type.Attributes & TypeAttributes.VisibilityMask;
            if (visibility != TypeAttributes.Public && visibility != TypeAttributes.NestedPublic)
            {
                continue;
            }

            string typeName = md.GetString(type.Namespace) + "." + md.GetString(type.Name);
            var supertypes = new List<EntityHandle> { type.BaseType };
            supertypes.AddRange(type.GetInterfaceImplementations().Select(i => md.GetInterfaceImplementation(i).Interface));
            foreach (EntityHandle super in supertypes.Where(s => s.Kind == HandleKind.TypeReference))
            {
                if (probe.IsFromCore(md, (TypeReferenceHandle)super))
                {
                    problems.Add($"{typeName} derives from or implements a Core type");
                }
            }

            foreach (FieldDefinitionHandle fh in type.GetFields())
            {
                FieldDefinition field = md.GetFieldDefinition(fh);
                if ((field.Attributes & FieldAttributes.Literal) != 0)
                {
                    continue;   // a constant has no storage
                }

                LaidOutType fieldType = field.DecodeSignature(probe, null);
                if (fieldType.NeedsCore)
                {
                    problems.Add($"{typeName}.{md.GetString(field.Name)} is a {fieldType.Name}");
                }
            }
        }

        Assert.True(problems.Count == 0,
            "Loading these public types would need Esignet.Core before the resolver is hooked, and Import-Module would fail:\n"
            + string.Join("\n", problems));
    }
}
