using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Esignet.PowerShell.Tests;

/// <summary>A type in a signature, as far as the runtime needs it to lay out a field of that type.</summary>
/// <param name="Name">For messages.</param>
/// <param name="IsValueType">Stored inline, so its own layout is needed.</param>
/// <param name="NeedsCore">Laying out a field of this type loads Esignet.Core.</param>
internal readonly record struct LaidOutType(string Name, bool IsValueType, bool NeedsCore);

/// <summary>
/// Decodes field signatures to tell whether laying out the field needs Esignet.Core: a Core enum or struct, or a
/// generic struct (Nullable&lt;T&gt;, a tuple) holding one. A reference to a Core class is a pointer and needs nothing.
/// </summary>
internal sealed class CoreLayoutProbe : ISignatureTypeProvider<LaidOutType, object?>
{
    private readonly string _core;

    public CoreLayoutProbe(string coreAssemblyName) => _core = coreAssemblyName;

    public LaidOutType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        TypeReference type = reader.GetTypeReference(handle);
        string name = reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);
        bool isValue = rawTypeKind == (byte)SignatureTypeKind.ValueType;
        return new LaidOutType(name, isValue, isValue && IsFromCore(reader, handle));
    }

    /// <summary>Whether a type reference points into Esignet.Core (nested types are scoped by their outer type).</summary>
    public bool IsFromCore(MetadataReader reader, TypeReferenceHandle handle)
    {
        EntityHandle scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        return scope.Kind == HandleKind.AssemblyReference
            && reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) == _core;
    }

    public LaidOutType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        new(reader.GetString(reader.GetTypeDefinition(handle).Name), rawTypeKind == (byte)SignatureTypeKind.ValueType, false);

    public LaidOutType GetGenericInstantiation(LaidOutType genericType, ImmutableArray<LaidOutType> typeArguments) =>
        new(genericType.Name + "<" + string.Join(",", typeArguments.Select(a => a.Name)) + ">", genericType.IsValueType,
            genericType.IsValueType && typeArguments.Any(a => a.NeedsCore));

    public LaidOutType GetPrimitiveType(PrimitiveTypeCode typeCode) =>
        new(typeCode.ToString(), typeCode != PrimitiveTypeCode.String && typeCode != PrimitiveTypeCode.Object, false);

    public LaidOutType GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public LaidOutType GetSZArrayType(LaidOutType elementType) => new(elementType.Name + "[]", false, false);

    public LaidOutType GetArrayType(LaidOutType elementType, ArrayShape shape) => new(elementType.Name + "[,]", false, false);

    public LaidOutType GetByReferenceType(LaidOutType elementType) => new(elementType.Name + "&", false, false);

    public LaidOutType GetPointerType(LaidOutType elementType) => new(elementType.Name + "*", false, false);

    public LaidOutType GetFunctionPointerType(MethodSignature<LaidOutType> signature) => new("fnptr", false, false);

    public LaidOutType GetGenericMethodParameter(object? genericContext, int index) => new("!!" + index, false, false);

    public LaidOutType GetGenericTypeParameter(object? genericContext, int index) => new("!" + index, false, false);

    public LaidOutType GetModifiedType(LaidOutType modifier, LaidOutType unmodifiedType, bool isRequired) => unmodifiedType;

    public LaidOutType GetPinnedType(LaidOutType elementType) => elementType;
}
