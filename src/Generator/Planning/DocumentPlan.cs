using Hooksmith.Generator.Diagnostics;
using Hooksmith.Generator.Model;
using Hooksmith.Generator.Planning.Validation;

namespace Hooksmith.Generator.Planning;

/// <summary>
/// What one schema file generates, before references into other files are filled in. Everything
/// the rest of the pipeline needs from the file is here, so no later step reads the JSON again.
/// </summary>
/// <param name="Path">The schema file.</param>
/// <param name="Types">The types to generate, in a stable order.</param>
/// <param name="Events">Webhook events the file declares.</param>
/// <param name="Exports">What other files may refer to.</param>
/// <param name="ExternalReferences">References into other files, to resolve through the registry.</param>
/// <param name="Diagnostics">Problems found while reading, resolving and planning.</param>
/// <param name="ResourceLocations">Where each resource of <see cref="Exports"/> is declared, for diagnostics that linking finds.</param>
/// <param name="Validation">The file's validators.</param>
internal sealed record DocumentPlan(
    string Path,
    EquatableArray<TypeSpec> Types,
    EquatableArray<EventSpec> Events,
    DocumentExports Exports,
    EquatableArray<ExternalReference> ExternalReferences,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<ResourceLocation> ResourceLocations,
    DocumentValidation Validation);

/// <summary>A schema resource's URI and where the file declares it (its <c>$id</c>, or the file itself).</summary>
internal sealed record ResourceLocation(string Uri, LocationInfo Location);

/// <summary>A reference from one file into another, with the place it is written for diagnostics.</summary>
internal sealed record ExternalReference(string Uri, string Written, LocationInfo Location);

/// <summary>A file's public face for references: its resources, anchors and the type at each schema location.</summary>
/// <param name="Path">The schema file.</param>
/// <param name="Resources">Resource URIs (no fragment) and the pointers of their roots.</param>
/// <param name="Anchors">Anchor URIs ('#name' included) and the pointers they name.</param>
/// <param name="Types">The type of each schema location that has one.</param>
/// <param name="TypeNames">The full names of the types the file declares.</param>
/// <param name="Validation">The validator at each schema location, and the file's dynamic anchors.</param>
internal sealed record DocumentExports(
    string Path,
    EquatableArray<UriTarget> Resources,
    EquatableArray<UriTarget> Anchors,
    EquatableArray<PointerType> Types,
    EquatableArray<string> TypeNames,
    ValidationExports Validation)
{
    /// <summary>For each record: the property whose constant value tells it apart in a union, so that unions in other files can use it.</summary>
    public EquatableArray<PointerDiscriminator> Discriminators { get; init; } = EquatableArray<PointerDiscriminator>.Empty;
}

/// <summary>A record's discriminating property (a <c>const</c> or a one-value <c>enum</c>) and its value.</summary>
internal sealed record PointerDiscriminator(string Pointer, string Property, string Value);

internal sealed record UriTarget(string Uri, string Pointer);

internal sealed record PointerType(string Pointer, TypeRef Type);
