using Hooksmith.Generator.Model;

namespace Hooksmith.Generator.Planning;

/// <summary>What one file needs from the registry: the types its external references resolve to, and
/// which of its type names another file already uses. Small, so a registry change that does not touch
/// this file leaves it equal and the file's later steps cached.</summary>
internal sealed record LinkedReferences(string Path, EquatableArray<ResolvedReference> References, EquatableArray<DuplicateType> Duplicates);

internal sealed record ResolvedReference(string Uri, TypeRef Type, string? Error);

internal sealed record DuplicateType(string FullName, string OwnerPath);
