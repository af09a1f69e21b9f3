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
            references.Add(new ResolvedReference(uri, type, error) { Discriminator = registry.DiscriminatorOf(uri) });
        }

        var renames = registry.RenamesOf(needs.Path).ToEquatableArray();
        var duplicates = registry.DroppedOf(needs.Path).ToList();
        foreach (var name in needs.TypeNames)
        {
            if (duplicates.Any(d => d.FullName == name) || renames.Any(r => r.FullName == name))
            {
                continue;
            }

            if (registry.NamespaceOwnerOf(name) is { } namespaceOwner && namespaceOwner != needs.Path)
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
        return new LinkedReferences(needs.Path, references.ToEquatableArray(), duplicates.ToEquatableArray(), renames, registry.TimesListed(needs.Path), shadowed.ToEquatableArray(), validators, declarations, anchors, metaSchemas);
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

        var renames = linked.Renames.ToDictionary(r => r.FullName, StringComparer.Ordinal);
        var typeRenames = linked.Renames.Where(r => r.ByFolder && r.FullName != plan.Validation.FullName).ToList();
        if (typeRenames.Count > 0)
        {
            // One warning per file: a folder of schemas may rename dozens of types, for one reason.
            var others = string.Join(", ", typeRenames.SelectMany(r => r.OtherPaths.Split([", "], StringSplitOptions.None)).Distinct().OrderBy(p => p, StringComparer.Ordinal));
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.TypeNamedAfterFolder,
                LocationInfo.StartOf(plan.Path),
                string.Join(", ", typeRenames.Select(r => r.FullName)),
                others,
                string.Join(", ", typeRenames.Select(r => r.NewFullName))));
        }

        var events = plan.Events.Select(e => LinkEvent(e, renames, resolved)).ToList();

        // Wrappers of payloads in other files that turned out to have types of their own are not needed.
        var unneeded = new HashSet<string>(
            plan.Events.Zip(events, (planned, linkedEvent) => planned.Wrapper is { } wrapper && linkedEvent.Wrapper is null ? wrapper.FullName! : null)
                .Where(n => n is not null)
                .Select(n => n!),
            StringComparer.Ordinal);
        var discriminators = linked.References.Where(r => r.Discriminator is not null).ToDictionary(r => r.Uri, r => r.Discriminator!, StringComparer.Ordinal);
        var types = plan.Types
            .Where(t => !dropped.Contains(t.FullName) && !unneeded.Contains(t.FullName))
            .Select(t => LinkUnion(Substitute(Rename(t, renames, plan.Validation.FullName), resolved), t, discriminators))
            .ToEquatableArray();
        var validation = LinkValidation(RenameValidation(plan.Validation, renames), linked, types);

        // The catalog lists each event's payload type as the event table does.
        var payloads = events.GroupBy(e => e.SchemaPointer, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Payload, StringComparer.Ordinal);
        validation = validation with
        {
            Roots = validation.Roots
                .Select(r => r.ModelType is null && payloads.TryGetValue(r.Pointer, out var payload) && payload.Kind == TypeRefKind.Named ? r with { ModelType = payload.FullName } : r)
                .ToEquatableArray(),
        };
        return new LinkedPlan(plan.Path, types, events.ToEquatableArray(), diagnostics.Distinct().ToEquatableArray(), validation);
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

    /// <summary>
    /// Completes a union whose variants refer into other files: each such variant takes the discriminator
    /// its target record declares (unless another variant holds the same value) and every variant named
    /// after its type is named after the type linking settled (<c>TryGetPullRequestOpened</c>, not <c>TryGetJson2</c>).
    /// </summary>
    private static TypeSpec LinkUnion(TypeSpec spec, TypeSpec planned, Dictionary<string, PointerDiscriminator> discriminators)
    {
        if (spec.Kind != TypeSpecKind.Union)
        {
            return spec;
        }

        var variants = spec.Variants.ToList();
        var taken = new HashSet<(string, string)>(variants.Where(v => v.DiscriminatorProperty is not null).Select(v => (v.DiscriminatorProperty!, v.DiscriminatorValue!)));
        for (var i = 0; i < variants.Count; i++)
        {
            var external = planned.Variants[i].Type;
            if (variants[i].DiscriminatorProperty is null
                && external.Kind == TypeRefKind.External
                && discriminators.TryGetValue(external.FullName!, out var discriminator)
                && taken.Add((discriminator.Property, discriminator.Value)))
            {
                variants[i] = variants[i] with { DiscriminatorProperty = discriminator.Property, DiscriminatorValue = discriminator.Value };
            }
        }

        if (variants.Any(v => v.NamedAfterType))
        {
            // Names the schema chose (titles, discriminator values) keep theirs; type names are claimed after them.
            var clashing = spec.Name.StartsWith("TryGet", StringComparison.Ordinal) ? spec.Name.Substring("TryGet".Length) : null;
            var names = new Naming.NameScope(variants.Where(v => !v.NamedAfterType).Select(v => v.Name.TrimStart('@')));
            for (var i = 0; i < variants.Count; i++)
            {
                if (!variants[i].NamedAfterType)
                {
                    continue;
                }

                var preferred = variants[i].Type.Kind == TypeRefKind.Named
                    ? TypePlanner.ShortName(variants[i].Type.FullName!)
                    : planned.Variants[i].Type.Kind == TypeRefKind.External ? TypePlanner.PrimitiveName(variants[i].Type) : variants[i].Name.TrimStart('@');
                if (Array.IndexOf(TypePlanner.ReservedMemberNames, preferred) >= 0 || preferred == clashing)
                {
                    preferred += "Value";
                }

                variants[i] = variants[i] with { Name = names.Claim([preferred], out _) };
            }
        }

        return spec with { Variants = variants.ToEquatableArray() };
    }

    /// <summary>An event's payload with the names and references linking settled: a wrapper's when what it refers to has no type of its own.</summary>
    private static EventSpec LinkEvent(EventSpec spec, Dictionary<string, TypeRename> renames, Dictionary<string, TypeRef> resolved)
    {
        var payload = Substitute(TypeRenaming.Apply(spec.Payload, renames), resolved);
        var wrapper = spec.Wrapper is null ? null : TypeRenaming.Apply(spec.Wrapper, renames);
        return spec with
        {
            Payload = payload.Kind != TypeRefKind.Named && wrapper is not null ? wrapper : payload,
            Wrapper = payload.Kind != TypeRefKind.Named ? wrapper : null,
        };
    }

    /// <summary>Gives a type, and every type it names from its own file, the names the registry settled clashes with.</summary>
    private static TypeSpec Rename(TypeSpec spec, Dictionary<string, TypeRename> renames, string classFullName)
    {
        if (renames.Count == 0)
        {
            return spec;
        }

        var name = spec.Name;
        var @namespace = spec.Namespace;
        if (renames.TryGetValue(spec.FullName, out var own))
        {
            var dot = own.NewFullName.LastIndexOf('.');
            name = own.NewFullName.Substring(dot + 1);
            @namespace = dot < 0 ? string.Empty : own.NewFullName.Substring(0, dot);
        }

        var classPrefix = "global::" + classFullName + ".";
        var validator = RenameClass(spec.Validator);

        return spec with
        {
            Name = name,
            Namespace = @namespace,
            Validator = validator,
            Properties = spec.Properties.Select(p => p with { Type = TypeRenaming.Apply(p.Type, renames) }).ToEquatableArray(),
            AdditionalProperties = spec.AdditionalProperties is null ? null : TypeRenaming.Apply(spec.AdditionalProperties, renames),
            Variants = spec.Variants.Select(v => v with { Type = TypeRenaming.Apply(v.Type, renames), Validator = RenameClass(v.Validator) }).ToEquatableArray(),
            WrappedType = spec.WrappedType is null ? null : TypeRenaming.Apply(spec.WrappedType, renames),
        };

        string? RenameClass(string? method)
            => method is not null && renames.TryGetValue(classFullName, out var renamed) && method.StartsWith(classPrefix, StringComparison.Ordinal)
                ? "global::" + renamed.NewFullName + "." + method.Substring(classPrefix.Length)
                : method;
    }

    /// <summary>The validator class and the catalog's model types, renamed as the types are.</summary>
    private static DocumentValidation RenameValidation(DocumentValidation validation, Dictionary<string, TypeRename> renames)
    {
        if (renames.Count == 0)
        {
            return validation;
        }

        var className = renames.TryGetValue(validation.FullName, out var renamed)
            ? renamed.NewFullName.Substring(renamed.NewFullName.LastIndexOf('.') + 1)
            : validation.ClassName;
        var roots = validation.Roots
            .Select(r => r.ModelType is { } model && renames.TryGetValue(model, out var rename) ? r with { ModelType = rename.NewFullName } : r)
            .ToEquatableArray();
        return validation with { ClassName = className, Roots = roots };
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
