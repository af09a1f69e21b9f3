using System;
using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Diagnostics;
using Hooksmith.Generator.Model;
using Hooksmith.Generator.Planning.Validation;

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

        var validators = needs.ValidatorUris.Select(uri => new ResolvedValidator(uri, registry.ResolveValidator(uri, needs.Path))).ToEquatableArray();
        var declarations = needs.DynamicReferences.Select(d => new AnchorDeclaration(d.Uri, d.Name, registry.DeclaresDynamicAnchor(d.Uri, d.Name))).ToEquatableArray();
        var anchors = needs.DynamicReferences.Select(d => d.Name).Distinct()
            .Select(name => new DynamicAnchorCandidates(name, registry.DynamicAnchorsNamed(name, needs.Path).ToEquatableArray()))
            .ToEquatableArray();
        var metaSchemas = needs.MetaSchemas.Select(uri => new MetaSchemaVocabularies(uri, registry.VocabulariesOf(uri))).ToEquatableArray();
        return new LinkedReferences(needs.Path, references.ToEquatableArray(), duplicates.ToEquatableArray(), registry.TimesListed(needs.Path), shadowed.ToEquatableArray(), validators, declarations, anchors, metaSchemas);
    }

    public static LinkedPlan Link(DocumentPlan plan, LinkedReferences linked)
    {
        if (linked.TimesListed > 1)
        {
            // Each copy is linked alike and cannot tell itself from the others, so none generates.
            var listed = DiagnosticInfo.Create(DiagnosticDescriptors.FileListedTwice, LocationInfo.StartOf(plan.Path), plan.Path, linked.TimesListed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new LinkedPlan(plan.Path, EquatableArray<TypeSpec>.Empty, EquatableArray<EventSpec>.Empty, new[] { listed }.ToEquatableArray(), DocumentValidation.None);
        }

        var resolved = linked.References.ToDictionary(r => r.Uri, r => r.Type, StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in plan.ExternalReferences)
        {
            var error = linked.References.FirstOrDefault(r => r.Uri == reference.Uri)?.Error;

            // Types and validators may both follow one reference: it is reported once.
            if (error is not null && reported.Add(reference.Uri + "\n" + reference.Written))
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
        var validation = LinkValidation(plan.Validation, linked, types);
        return new LinkedPlan(plan.Path, types, events, diagnostics.Distinct().ToEquatableArray(), validation);
    }

    /// <summary>
    /// Fills in the validators that references into other files lead to, the resources that declare each
    /// dynamic anchor, and drops catalog model types that linking dropped.
    /// </summary>
    private static DocumentValidation LinkValidation(DocumentValidation validation, LinkedReferences linked, EquatableArray<TypeSpec> types)
    {
        var resolved = linked.Validators.ToDictionary(v => v.Uri, v => v.Target, StringComparer.Ordinal);
        var declarations = linked.AnchorDeclarations.ToDictionary(d => d.Uri + "#" + d.Name, d => d.Declares, StringComparer.Ordinal);
        var candidates = linked.DynamicAnchors.ToDictionary(d => d.Name, d => d.Candidates, StringComparer.Ordinal);
        Target Resolve(Target target)
            => target.Kind == TargetKind.External
                ? resolved.TryGetValue(target.Uri!, out var found) ? found : Target.ToNothing(target.Uri!, "it is not defined by any schema file")
                : target;

        var vocabularies = linked.MetaSchemas.ToDictionary(m => m.Uri, m => m.Vocabularies, StringComparer.Ordinal);
        var validators = validation.Validators.Select(spec => ApplyVocabularies(spec, vocabularies)).Select(spec => spec with
        {
            Checks = spec.Checks.Select(check =>
            {
                if (check is DynamicReferenceCheck dynamic)
                {
                    var declares = dynamic.InitialDeclaresAnchor
                        || (dynamic.Initial.Kind == TargetKind.External && declarations.TryGetValue(dynamic.Initial.Uri! + "#" + dynamic.Anchor, out var external) && external);
                    check = dynamic with
                    {
                        InitialDeclaresAnchor = declares,
                        Candidates = declares && candidates.TryGetValue(dynamic.Anchor, out var list) ? list : EquatableArray<DynamicCandidate>.Empty,
                    };
                }

                return CheckTargets.Map(check, Resolve);
            }).ToEquatableArray(),
        }).ToEquatableArray();

        var declared = new HashSet<string>(types.Select(t => t.FullName), StringComparer.Ordinal);
        var roots = validation.Roots
            .Select(r => r.ModelType is { } model && !declared.Contains(model) ? r with { ModelType = null } : r)
            .ToEquatableArray();
        return validation with { Validators = validators, Roots = roots };
    }

    /// <summary>
    /// Keeps only the keywords of the vocabularies a custom meta-schema declares: without the validation
    /// vocabulary, <c>minimum</c> and <c>type</c> are annotations; with format-assertion, <c>format</c> asserts.
    /// </summary>
    private static ValidatorSpec ApplyVocabularies(ValidatorSpec spec, Dictionary<string, EquatableArray<string>?> vocabularies)
    {
        if (spec.MetaSchema is null || !vocabularies.TryGetValue(spec.MetaSchema, out var declared) || declared is not { } list)
        {
            return spec;
        }

        bool Has(string name) => list.Any(v => v.EndsWith("/vocab/" + name, StringComparison.Ordinal));
        var validation = Has("validation");
        var applicator = Has("applicator");
        var unevaluated = Has("unevaluated") || (applicator && !list.Any(v => v.Contains("/2020-12/")));
        var formatAssertion = Has("format-assertion");
        var checks = new List<Check>();
        foreach (var check in spec.Checks)
        {
            switch (check)
            {
                case TypeCheck or ConstantCheck or NumberLimitCheck or MultipleOfCheck or CountCheck or RequiredCheck or DependentRequiredCheck or UniqueItemsCheck or PatternCheck when !validation:
                case MembersCheck or PropertyNamesCheck or ItemsCheck or ContainsCheck or CombinatorCheck or NotCheck or ConditionalCheck or DependentSchemaCheck when !applicator:
                case UnevaluatedItemsCheck or UnevaluatedPropertiesCheck when !unevaluated:
                    continue;
                case ContainsCheck contains when !validation:
                    checks.Add(contains with { MinContains = null, MaxContains = null });
                    break;
                case FormatCheck format when formatAssertion:
                    checks.Add(format with { AssertsByDefault = true });
                    break;
                default:
                    checks.Add(check);
                    break;
            }
        }

        return spec with { Checks = checks.ToEquatableArray(), TracksEvaluated = spec.TracksEvaluated && checks.Any(c => c is UnevaluatedItemsCheck or UnevaluatedPropertiesCheck) };
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
internal sealed record DocumentNeeds(
    string Path,
    EquatableArray<string> ExternalUris,
    EquatableArray<string> TypeNames,
    EquatableArray<string> ResourceUris,
    EquatableArray<string> ValidatorUris,
    EquatableArray<DynamicReferenceNeed> DynamicReferences,
    EquatableArray<string> MetaSchemas)
{
    public static DocumentNeeds Of(DocumentPlan plan)
    {
        var checks = plan.Validation.Validators.SelectMany(v => v.Checks).ToList();
        var validatorUris = checks.SelectMany(CheckTargets.Of)
            .Where(t => t.Kind == TargetKind.External)
            .Select(t => t.Uri!)
            .Distinct()
            .OrderBy(u => u, StringComparer.Ordinal)
            .ToEquatableArray();
        var dynamicReferences = checks.OfType<DynamicReferenceCheck>()
            .Select(d => new DynamicReferenceNeed(d.Initial.Kind == TargetKind.External ? d.Initial.Uri! : string.Empty, d.Anchor))
            .Distinct()
            .ToEquatableArray();
        var metaSchemas = plan.Validation.Validators.Where(v => v.MetaSchema is not null).Select(v => v.MetaSchema!).Distinct().OrderBy(u => u, StringComparer.Ordinal).ToEquatableArray();
        return new(plan.Path, plan.ExternalReferences.Select(r => r.Uri).Distinct().ToEquatableArray(), plan.Exports.TypeNames, plan.Exports.Resources.Select(r => r.Uri).ToEquatableArray(), validatorUris, dynamicReferences, metaSchemas);
    }
}

/// <summary>A dynamic reference's anchor name, and its initial target when that is in another file ("" otherwise).</summary>
internal sealed record DynamicReferenceNeed(string Uri, string Name);

/// <summary>A file's final plan: every type to emit, its events, its validators, and the diagnostics linking found.</summary>
internal sealed record LinkedPlan(string Path, EquatableArray<TypeSpec> Types, EquatableArray<EventSpec> Events, EquatableArray<DiagnosticInfo> Diagnostics, DocumentValidation Validation);
