using Hooksmith.Generator.Model;
using Hooksmith.Generator.Planning.Validation;

namespace Hooksmith.Generator.Planning;

/// <summary>What one file needs from the registry: the types its external references resolve to, and
/// which of its type names another file already uses. Small, so a registry change that does not touch
/// this file leaves it equal and the file's later steps cached.</summary>
/// <param name="Path">The file.</param>
/// <param name="References">What each of its external references resolves to.</param>
/// <param name="Duplicates">Its types whose names another file (or another file's namespace) takes.</param>
/// <param name="Renames">Its names that other files in its namespace claim too, and what they become.</param>
/// <param name="TimesListed">How many times the file is among the schema files (more than once generates nothing).</param>
/// <param name="ShadowedResources">Its resources whose URI a file earlier in path order defines too.</param>
/// <param name="Validators">What each reference that a validator follows into another file resolves to.</param>
/// <param name="AnchorDeclarations">For each <c>$dynamicRef</c> into another file: whether its target declares the dynamic anchor.</param>
/// <param name="DynamicAnchors">For each dynamic anchor name the file's validators use: every resource that declares it.</param>
/// <param name="MetaSchemas">The vocabularies of the custom meta-schemas the file's resources name in <c>$schema</c>.</param>
internal sealed record LinkedReferences(
    string Path,
    EquatableArray<ResolvedReference> References,
    EquatableArray<DuplicateType> Duplicates,
    EquatableArray<TypeRename> Renames,
    int TimesListed,
    EquatableArray<ShadowedResource> ShadowedResources,
    EquatableArray<ResolvedValidator> Validators,
    EquatableArray<AnchorDeclaration> AnchorDeclarations,
    EquatableArray<DynamicAnchorCandidates> DynamicAnchors,
    EquatableArray<MetaSchemaVocabularies> MetaSchemas);

/// <summary>The vocabularies of a custom meta-schema (null when the compilation does not say).</summary>
internal sealed record MetaSchemaVocabularies(string Uri, EquatableArray<string>? Vocabularies);

internal sealed record ResolvedValidator(string Uri, Target Target);

internal sealed record AnchorDeclaration(string Uri, string Name, bool Declares);

internal sealed record DynamicAnchorCandidates(string Name, EquatableArray<DynamicCandidate> Candidates);

internal sealed record ResolvedReference(string Uri, TypeRef Type, string? Error)
{
    /// <summary>The discriminating property of the record the reference leads to, if it has one.</summary>
    public PointerDiscriminator? Discriminator { get; init; }
}

internal sealed record DuplicateType(string FullName, string OwnerPath);

/// <summary>A resource URI this file defines that references resolve elsewhere: <paramref name="Definition"/> (file#pointer) wins.</summary>
internal sealed record ShadowedResource(string Uri, string Definition);
