using Hooksmith.Generator.Model;

namespace Hooksmith.Generator.Planning;

/// <summary>What one file needs from the registry: the types its external references resolve to, and
/// which of its type names another file already uses. Small, so a registry change that does not touch
/// this file leaves it equal and the file's later steps cached.</summary>
/// <param name="Path">The file.</param>
/// <param name="References">What each of its external references resolves to.</param>
/// <param name="Duplicates">Its types whose names another file (or another file's namespace) takes.</param>
/// <param name="TimesListed">How many times the file is among the schema files (more than once generates nothing).</param>
/// <param name="ShadowedResources">Its resources whose URI a file earlier in path order defines too.</param>
internal sealed record LinkedReferences(string Path, EquatableArray<ResolvedReference> References, EquatableArray<DuplicateType> Duplicates, int TimesListed, EquatableArray<ShadowedResource> ShadowedResources);

internal sealed record ResolvedReference(string Uri, TypeRef Type, string? Error);

internal sealed record DuplicateType(string FullName, string OwnerPath);

/// <summary>A resource URI this file defines that references resolve elsewhere: <paramref name="Definition"/> (file#pointer) wins.</summary>
internal sealed record ShadowedResource(string Uri, string Definition);
