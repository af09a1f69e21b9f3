using System;
using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Diagnostics;
using Hooksmith.Generator.Model;

namespace Hooksmith.Generator.Planning;

/// <summary>
/// Completes a <see cref="DocumentPlan"/> with what other files define: references into other
/// files become their types, and types whose names another file took first are dropped.
/// </summary>
internal static class PlanLinker
{
    /// <summary>Looks up, in the registry, just what one file needs.</summary>
    public static LinkedReferences Resolve(DocumentNeeds needs, SchemaRegistry registry)
    {
        var references = new List<ResolvedReference>();
        foreach (var uri in needs.ExternalUris)
        {
            var type = registry.Resolve(uri, out var error);
            references.Add(new ResolvedReference(uri, type, error));
        }

        var duplicates = new List<DuplicateType>();
        foreach (var name in needs.TypeNames)
        {
            if (registry.OwnerOf(name) is { } owner && owner != needs.Path)
            {
                duplicates.Add(new DuplicateType(name, owner));
            }
            else if (registry.NamespaceOwnerOf(name) is { } namespaceOwner && namespaceOwner != needs.Path)
            {
                // Another file's namespace has this type's full name: C# cannot have both (CS0101).
                duplicates.Add(new DuplicateType(name, namespaceOwner));
            }
        }

        var shadowed = new List<ShadowedResource>();
        foreach (var uri in needs.ResourceUris)
        {
            if (registry.ResourceOwnerOf(uri) is { } owner && owner.Path != needs.Path)
            {
                shadowed.Add(new ShadowedResource(uri, owner.Path + "#" + owner.Pointer));
            }
        }

        return new LinkedReferences(needs.Path, references.ToEquatableArray(), duplicates.ToEquatableArray(), registry.TimesListed(needs.Path), shadowed.ToEquatableArray());
    }

    public static LinkedPlan Link(DocumentPlan plan, LinkedReferences linked)
    {
        if (linked.TimesListed > 1)
        {
            // Each copy is linked alike and cannot tell itself from the others, so none generates.
            var listed = DiagnosticInfo.Create(DiagnosticDescriptors.FileListedTwice, LocationInfo.StartOf(plan.Path), plan.Path, linked.TimesListed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new LinkedPlan(plan.Path, EquatableArray<TypeSpec>.Empty, EquatableArray<EventSpec>.Empty, new[] { listed }.ToEquatableArray());
        }

        var resolved = linked.References.ToDictionary(r => r.Uri, r => r.Type, StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var reference in plan.ExternalReferences)
        {
            var error = linked.References.FirstOrDefault(r => r.Uri == reference.Uri)?.Error;
            if (error is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, reference.Location, reference.Written, error));
            }
        }

        foreach (var resource in linked.ShadowedResources)
        {
            var location = plan.ResourceLocations.FirstOrDefault(r => r.Uri == resource.Uri)?.Location ?? LocationInfo.StartOf(plan.Path);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateResource, location, resource.Uri, resource.Definition));
        }

        var dropped = new HashSet<string>(linked.Duplicates.Select(d => d.FullName), StringComparer.Ordinal);
        foreach (var duplicate in linked.Duplicates)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateTypeName, LocationInfo.StartOf(plan.Path), duplicate.FullName, duplicate.OwnerPath, plan.Path));
        }

        var types = plan.Types
            .Where(t => !dropped.Contains(t.FullName))
            .Select(t => Substitute(t, resolved))
            .ToEquatableArray();
        var events = plan.Events
            .Select(e => e with { Payload = Substitute(e.Payload, resolved) })
            .ToEquatableArray();
        return new LinkedPlan(plan.Path, types, events, diagnostics.ToEquatableArray());
    }

    private static TypeSpec Substitute(TypeSpec spec, Dictionary<string, TypeRef> resolved)
    {
        if (!Mentions(spec))
        {
            return spec;
        }

        return spec with
        {
            Properties = spec.Properties.Select(p => p with { Type = Substitute(p.Type, resolved) }).ToEquatableArray(),
            AdditionalProperties = spec.AdditionalProperties is null ? null : Substitute(spec.AdditionalProperties, resolved),
            Variants = spec.Variants.Select(v => v with { Type = Substitute(v.Type, resolved) }).ToEquatableArray(),
            WrappedType = spec.WrappedType is null ? null : Substitute(spec.WrappedType, resolved),
        };
    }

    private static bool Mentions(TypeSpec spec)
        => spec.Properties.Any(p => p.Type.HasExternal)
        || (spec.AdditionalProperties?.HasExternal ?? false)
        || spec.Variants.Any(v => v.Type.HasExternal)
        || (spec.WrappedType?.HasExternal ?? false);

    private static TypeRef Substitute(TypeRef type, Dictionary<string, TypeRef> resolved)
    {
        if (type.Kind == TypeRefKind.External)
        {
            return resolved.TryGetValue(type.FullName!, out var target) ? target : TypeRef.Any;
        }

        if (type.Element is not { HasExternal: true } element)
        {
            return type;
        }

        // As the planner does: elements bound as raw JSON never "allow null" (a JsonElement holds null
        // itself), so a reference that resolves to nothing typed drops the nullable element.
        var substituted = Substitute(element, resolved);
        return type with { Element = substituted, ElementAllowsNull = type.ElementAllowsNull && substituted.Kind != TypeRefKind.Any };
    }
}

/// <summary>The part of a plan that the registry lookup depends on.</summary>
internal sealed record DocumentNeeds(string Path, EquatableArray<string> ExternalUris, EquatableArray<string> TypeNames, EquatableArray<string> ResourceUris)
{
    public static DocumentNeeds Of(DocumentPlan plan)
        => new(plan.Path, plan.ExternalReferences.Select(r => r.Uri).Distinct().ToEquatableArray(), plan.Exports.TypeNames, plan.Exports.Resources.Select(r => r.Uri).ToEquatableArray());
}

/// <summary>A file's final plan: every type to emit, its events, and the diagnostics linking found.</summary>
internal sealed record LinkedPlan(string Path, EquatableArray<TypeSpec> Types, EquatableArray<EventSpec> Events, EquatableArray<DiagnosticInfo> Diagnostics);
