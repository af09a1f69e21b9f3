using System.Collections.Generic;

namespace Hooksmith.Generator.Planning;

/// <summary>Applies a file's <see cref="TypeRename"/>s to the types that name its generated types.</summary>
internal static class TypeRenaming
{
    public static TypeRef Apply(TypeRef type, IReadOnlyDictionary<string, TypeRename> renames)
    {
        if (type.Kind == TypeRefKind.Named)
        {
            return renames.TryGetValue(type.FullName!, out var rename) ? type with { FullName = rename.NewFullName } : type;
        }

        return type.Element is { } element ? type with { Element = Apply(element, renames) } : type;
    }
}
