using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Hooksmith.Generator.Diagnostics;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Model;
using Hooksmith.Generator.Naming;
using Hooksmith.Generator.Schema;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Planning.Validation;

/// <summary>What validation planning adds to a document's plan.</summary>
/// <param name="Validation">The validators to emit.</param>
/// <param name="Exports">The validator of every planned location, and the dynamic anchors, for other files' references.</param>
/// <param name="ExternalReferences">References into other files that validators follow.</param>
/// <param name="Diagnostics">Problems found (patterns that cannot be translated, references that cannot be resolved).</param>
internal sealed record ValidationPlan(
    DocumentValidation Validation,
    ValidationExports Exports,
    EquatableArray<ExternalReference> ExternalReferences,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A file's validators as other files see them.</summary>
/// <param name="ClassFullName">The full name of the file's validator class.</param>
/// <param name="Validators">The validator method and resource of each planned schema location.</param>
/// <param name="DynamicAnchors">Every <c>$dynamicAnchor</c> (and 2019-09 <c>$recursiveAnchor</c>) the file declares.</param>
/// <param name="Vocabularies">The <c>$vocabulary</c> of each resource that declares one (a meta-schema), for files whose <c>$schema</c> names it.</param>
/// <param name="ReferencedResources">The resources (URIs without fragment) of other files that the validators refer to: evaluation can go from this file into those.</param>
internal sealed record ValidationExports(string ClassFullName, EquatableArray<PointerValidator> Validators, EquatableArray<DynamicAnchorExport> DynamicAnchors, EquatableArray<ResourceVocabularies> Vocabularies, EquatableArray<string> ReferencedResources)
{
    public static readonly ValidationExports None = new(string.Empty, EquatableArray<PointerValidator>.Empty, EquatableArray<DynamicAnchorExport>.Empty, EquatableArray<ResourceVocabularies>.Empty, EquatableArray<string>.Empty);
}

/// <summary>A meta-schema's <c>$vocabulary</c>: the vocabulary URIs it uses (required or not).</summary>
internal sealed record ResourceVocabularies(string Resource, EquatableArray<string> Vocabularies);

/// <summary>The validator at a schema location: a method name, or a constant for boolean and empty schemas.</summary>
internal sealed record PointerValidator(string Pointer, Target Target);

/// <summary>A dynamic anchor: the resource that declares it, its name, and the schema it names.</summary>
internal sealed record DynamicAnchorExport(string Resource, string Name, string Pointer);

/// <summary>
/// The validation half of the Plan stage: walks every schema location reachable from a file's named
/// schemas and events through every applicator, and describes each location's keyword checks.
/// Like <see cref="TypePlanner"/>, it looks at one document; references into other files stay as
/// <see cref="TargetKind.External"/> targets until the plan is linked.
/// </summary>
internal sealed partial class ValidationPlanner
{
    /// <summary>The name given to the 2019-09 <c>$recursiveAnchor</c> among dynamic anchors ('$' cannot start an anchor name).</summary>
    public const string RecursiveAnchorName = "$recursiveAnchor";

    private readonly SchemaIndex _index;
    private readonly RefResolver _refs;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, Target> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _baseNames = new(StringComparer.Ordinal);
    private readonly Queue<(SchemaNodeInfo Info, string Method)> _pending = new();
    private readonly List<ValidatorSpec> _validators = [];
    private readonly NameScope _methodNames = new();
    private readonly List<ExternalReference> _externalReferences = [];
    private readonly List<DiagnosticInfo> _diagnostics = [];

    /// <summary>Locations whose validator a model names, so that must be a method even when the runtime could check them.</summary>
    private readonly HashSet<string> _namedByModels = new(StringComparer.Ordinal);

    /// <summary>Locations that must have a method: the catalog's roots and the models' schemas.</summary>
    private readonly HashSet<string> _forced = new(StringComparer.Ordinal);

    private ValidationPlanner(SchemaIndex index, CancellationToken cancellationToken)
    {
        _index = index;
        _refs = new RefResolver(index, cancellationToken);
        _cancellationToken = cancellationToken;
    }

    private SchemaDocument Document => _index.Document;

    /// <summary>Plans the validators of a document.</summary>
    /// <param name="index">The document's index, as the type planner used it.</param>
    /// <param name="namespace">The namespace of the file's types.</param>
    /// <param name="takenNames">Type names already declared in that namespace.</param>
    /// <param name="modelTypes">The generated type (full name) at each schema location that has one.</param>
    /// <param name="typedPointers">The locations of every generated type: each gets a validator method of its own.</param>
    /// <param name="variantPointers">The branches of generated unions, whose models name their validators: none is left to the runtime's <c>type</c> check.</param>
    /// <param name="cancellationToken">Cancels planning.</param>
    public static ValidationPlan Plan(SchemaIndex index, string @namespace, IEnumerable<string> takenNames, IReadOnlyDictionary<string, string> modelTypes, IEnumerable<string> typedPointers, IEnumerable<string> variantPointers, CancellationToken cancellationToken)
    {
        var planner = new ValidationPlanner(index, cancellationToken);
        planner._namedByModels.UnionWith(variantPointers);
        var className = ClassNameFor(index.Document, @namespace, takenNames);
        planner._methodNames.Claim([className], out _);
        return planner.Run(@namespace, className, modelTypes, typedPointers);
    }

    private static string ClassNameFor(SchemaDocument document, string @namespace, IEnumerable<string> takenNames)
    {
        var stem = document.Input.FileName;
        var dot = stem.IndexOf('.');
        stem = dot > 0 ? stem.Substring(0, dot) : stem;
        var baseName = Identifiers.ToIdentifier(Identifiers.ToPascalCase(stem), "Schema") + "Validation";
        var scope = new NameScope(takenNames.Select(n => n.Substring(n.LastIndexOf('.') + 1)), ignoreCase: true);
        return scope.Claim([baseName], out _);
    }

    private ValidationPlan Run(string @namespace, string className, IReadOnlyDictionary<string, string> modelTypes, IEnumerable<string> typedPointers)
    {
        var roots = new List<CatalogRoot>();
        if (Document.Root is not null)
        {
            foreach (var named in _index.NamedSchemas)
            {
                _baseNames[named.Node.Pointer] = named.IsDocumentRoot ? RootName() : named.Name;
            }

            foreach (var webhook in _index.Events)
            {
                if (!_baseNames.ContainsKey(webhook.Schema.Pointer))
                {
                    _baseNames[webhook.Schema.Pointer] = webhook.EventName;
                }
            }

            var rootPointers = _index.NamedSchemas.Select(n => n.Node.Pointer)
                .Concat(_index.Events.Select(e => e.Schema.Pointer))
                .Distinct()
                .ToList();
            foreach (var pointer in rootPointers)
            {
                var info = _index.Schemas[pointer];

                // Every catalog entry needs a method, even for a schema that accepts everything.
                var method = MethodFor(info, forceMethod: true).Method!;
                roots.Add(new CatalogRoot(pointer, SchemaUriOf(info), info.BaseUri, method, modelTypes.TryGetValue(pointer, out var model) ? model : null));
            }

            foreach (var pointer in typedPointers)
            {
                if (_index.Schemas.TryGetValue(pointer, out var typed))
                {
                    MethodFor(typed, forceMethod: true);
                }
            }

            // Resources and anchors can be referred to from other files (and dynamic anchors chosen at run
            // time) even where nothing in this file applies them: they get validators too.
            foreach (var pointer in _index.Resources.Values.Concat(_index.Anchors.Values).Distinct().OrderBy(p => p, StringComparer.Ordinal))
            {
                if (_index.Schemas.TryGetValue(pointer, out var addressable))
                {
                    MethodFor(addressable);
                }
            }

            while (_pending.Count > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var (info, method) = _pending.Dequeue();
                _validators.Add(PlanValidator(info, method));
            }

            ApplyThroughPassingLocations();
        }

        var events = _index.Events.Select(e => new CatalogEvent(e.EventName, e.Key, e.Schema.Pointer)).ToEquatableArray();
        var validation = new DocumentValidation(Document.Input.SourcePath, @namespace, className, _validators.ToEquatableArray(), roots.ToEquatableArray(), events);
        var exports = new ValidationExports(
            validation.FullName,
            _targets.Select(t => new PointerValidator(t.Key, t.Value)).OrderBy(t => t.Pointer, StringComparer.Ordinal).ToEquatableArray(),
            DynamicAnchors().ToEquatableArray(),
            Vocabularies().ToEquatableArray(),
            _externalReferences.Select(r => UriReference.WithoutFragment(r.Uri)).Distinct().OrderBy(u => u, StringComparer.Ordinal).ToEquatableArray());
        return new ValidationPlan(validation, exports, _externalReferences.ToEquatableArray(), _diagnostics.Distinct().ToEquatableArray());
    }

    private IEnumerable<DynamicAnchorExport> DynamicAnchors()
    {
        foreach (var info in _index.Schemas.Values.OrderBy(i => i.Pointer, StringComparer.Ordinal))
        {
            if (info.Dialect >= SchemaDialect.Draft202012 && info.Node.GetString("$dynamicAnchor") is { } name)
            {
                yield return new DynamicAnchorExport(info.BaseUri, name, info.Pointer);
            }

            if (info.Dialect == SchemaDialect.Draft201909 && info.Node.GetBoolean("$recursiveAnchor") == true && IsResourceRoot(info))
            {
                yield return new DynamicAnchorExport(info.BaseUri, RecursiveAnchorName, info.Pointer);
            }
        }
    }

    private IEnumerable<ResourceVocabularies> Vocabularies()
    {
        foreach (var resource in _index.Resources.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (_index.Schemas.TryGetValue(resource.Value, out var info) && info.Node["$vocabulary"] is { IsObject: true } vocabulary)
            {
                yield return new ResourceVocabularies(resource.Key, vocabulary.Properties.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray());
            }
        }
    }

    private bool IsResourceRoot(SchemaNodeInfo info) => _index.Resources.TryGetValue(info.BaseUri, out var root) && root == info.Pointer;

    /// <summary>The validator of a schema location: a constant for boolean and keyword-free schemas, else a method (planned once).</summary>
    private Target MethodFor(SchemaNodeInfo info, bool forceMethod = false)
    {
        if (_targets.TryGetValue(info.Pointer, out var known) && (known.Kind == TargetKind.Method || !forceMethod))
        {
            return known;
        }

        if (!forceMethod)
        {
            if (info.Node.Kind == JsonKind.True || (info.Node.IsObject && !HasAssertions(info)))
            {
                return _targets[info.Pointer] = Target.AlwaysValid;
            }

            if (info.Node.Kind == JsonKind.False)
            {
                return _targets[info.Pointer] = Target.NeverValid;
            }

            if (OnlyTypeOf(info) is { } type)
            {
                return _targets[info.Pointer] = Target.ToTypeCheck(type.Types, SchemaUriOf(info), info.BaseUri);
            }
        }

        if (forceMethod)
        {
            _forced.Add(info.Pointer);
        }

        var method = _methodNames.Claim([MethodNameOf(info.Pointer)], out _);
        var target = Target.ToMethod(method, info.BaseUri);
        _targets[info.Pointer] = target;
        _pending.Enqueue((info, method));
        return target;
    }

    /// <summary>
    /// Vendor specs wrap most references to add a description (<c>{"allOf": [{"$ref": …}], "description": …}</c>): a
    /// location whose only check applies one other schema in place gets no method. Each target naming it becomes a
    /// <see cref="TargetKind.Through"/> target, which callers apply as the method did (enter the subschema unless
    /// evaluation is too deep, apply it, leave it). Locations that must keep a method (roots, models, names other
    /// schemas use) keep theirs, and so does any on a loop of such locations.
    /// </summary>
    private void ApplyThroughPassingLocations()
    {
        var passing = new Dictionary<string, ValidatorSpec>(StringComparer.Ordinal);
        foreach (var spec in _validators)
        {
            if (ThroughOf(spec) is not null && !_forced.Contains(spec.Pointer) && !_namedByModels.Contains(spec.Pointer)
                && _index.Schemas.TryGetValue(spec.Pointer, out var info) && !NamesItself(info))
            {
                passing.Add(spec.Method, spec);
            }
        }

        // A location on a loop (a $ref to a $ref back to it), or on the way into one, keeps its method.
        foreach (var start in passing.Keys.ToList())
        {
            var chain = new List<string>();
            var current = start;
            while (passing.TryGetValue(current, out var spec) && ThroughOf(spec)!.Value.Inner is { Kind: TargetKind.Method } inner)
            {
                if (chain.Contains(current))
                {
                    chain.ForEach(method => passing.Remove(method));
                    break;
                }

                chain.Add(current);
                current = inner.Method!;
            }
        }

        if (passing.Count == 0)
        {
            return;
        }

        var resolved = new Dictionary<string, Target>(StringComparer.Ordinal);
        Target Replace(Target target)
        {
            if (target.Kind != TargetKind.Method || !passing.TryGetValue(target.Method!, out var spec))
            {
                return target;
            }

            if (!resolved.TryGetValue(target.Method!, out var through))
            {
                var (path, enters, inner) = ThroughOf(spec)!.Value;
                through = Target.ToThrough(path, enters, Replace(inner), spec.Resource);
                resolved.Add(target.Method!, through);
            }

            return through;
        }

        for (var i = 0; i < _validators.Count; i++)
        {
            var spec = _validators[i];
            _validators[i] = spec with { Checks = spec.Checks.Select(check => CheckTargets.Map(check, Replace)).ToEquatableArray() };
        }

        _validators.RemoveAll(spec => passing.ContainsKey(spec.Method));
        foreach (var pointer in _targets.Keys.ToList())
        {
            _targets[pointer] = Replace(_targets[pointer]);
        }
    }

    /// <summary>
    /// For a location whose only check applies one method or type check in place, as a <c>$ref</c> or an <c>allOf</c>
    /// of one: the path it applies it at, the resource entering it names (a reference always names its target's; an
    /// <c>allOf</c> only a resource other than its own), and the target. Null for any other location.
    /// </summary>
    private static (string Path, string? Enters, Target Inner)? ThroughOf(ValidatorSpec spec)
    {
        if (spec.AlwaysFails || spec.AcceptsNull || spec.TracksEvaluated || spec.MetaSchema is not null || spec.Checks.Count != 1)
        {
            return null;
        }

        return spec.Checks[0] switch
        {
            ReferenceCheck { Schema.IsCall: true } reference => ("/" + reference.Keyword, reference.Schema.Resource, reference.Schema),
            CombinatorCheck { Keyword: "allOf", Schemas: [{ IsCall: true } only] } => ("/allOf/0", only.Resource != spec.Resource ? only.Resource : null, only),
            _ => null,
        };
    }

    private static bool NamesItself(SchemaNodeInfo info)
        => info.Node.IsObject && info.Node.Properties.Any(member => Array.IndexOf(NamingKeywords, member.Name) >= 0);

    /// <summary>Keywords that name a schema, or its dialect, for other schemas: a schema with one keeps its method.</summary>
    private static readonly string[] NamingKeywords = ["$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$schema", "$vocabulary"];

    /// <summary>
    /// The <c>type</c> check of a schema that asserts nothing else (OpenAPI's <c>nullable</c> beside it adds
    /// <c>null</c>), names nothing and keeps the standard vocabularies: the runtime checks it in one call, so it
    /// gets no method (issue 14: a third of vendor specs' locations are such members). Null for any other schema.
    /// </summary>
    private TypeCheck? OnlyTypeOf(SchemaNodeInfo info)
    {
        var node = info.Node;
        if (!node.IsObject || _namedByModels.Contains(info.Pointer) || node["type"] is null || MetaSchemaOf(info) is not null)
        {
            return null;
        }

        foreach (var member in node.Properties)
        {
            if (member.Name is not ("type" or "nullable") && (AssertionKeywords.Contains(member.Name) || Array.IndexOf(NamingKeywords, member.Name) >= 0))
            {
                return null;
            }
        }

        var checks = new List<Check>();
        AddGeneric(info, checks);
        return checks is [TypeCheck { Types.Count: > 0 } type] && type.Types.All(KnownTypes.Contains) ? type : null;
    }

    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal) { "null", "boolean", "object", "array", "number", "string", "integer" };

    /// <summary>The validator of a subschema found at <paramref name="node"/>.</summary>
    private Target SubschemaTarget(SchemaNodeInfo parent, JsonNode node)
    {
        if (!node.IsObject && !node.IsBoolean)
        {
            return Target.AlwaysValid;
        }

        var info = _index.Schemas.TryGetValue(node.Pointer, out var indexed)
            ? indexed
            : SchemaIndexer.IndexLate(_index, node, parent, _cancellationToken);
        return MethodFor(info);
    }

    /// <summary>The validator a reference leads to.</summary>
    private Target ReferenceTarget(SchemaNodeInfo from, JsonNode referenceNode, string reference)
    {
        var target = _refs.Resolve(from, reference);
        if (target.Local is { } local)
        {
            return MethodFor(local);
        }

        if (target.ExternalUri is { } uri)
        {
            _externalReferences.Add(new ExternalReference(uri, reference, Document.LocationOf(referenceNode)));
            return Target.ToExternal(uri);
        }

        Report(DiagnosticDescriptors.UnresolvedReference, referenceNode, reference, target.Error ?? "it cannot be found");
        return Target.ToNothing(reference, target.Error ?? "it cannot be found");
    }

    /// <summary>The schema's absolute URI: its resource's URI and, below the resource's root, a JSON Pointer fragment.</summary>
    private string SchemaUriOf(SchemaNodeInfo info)
    {
        var rootPointer = _index.Resources.TryGetValue(info.BaseUri, out var root) && info.Pointer.StartsWith(root, StringComparison.Ordinal) ? root : string.Empty;
        var relative = info.Pointer.Substring(rootPointer.Length);
        return info.BaseUri + "#" + JsonPointer.EscapeForUriFragment(relative);
    }

    private string RootName()
    {
        var stem = Document.Input.FileName;
        var dot = stem.IndexOf('.');
        return dot > 0 ? stem.Substring(0, dot) : stem;
    }

    /// <summary>
    /// A readable method name for a location: the nearest named schema (definition, component, event,
    /// file) followed by what leads from it to the location (<c>Order_Items_Item_Price</c>).
    /// </summary>
    private string MethodNameOf(string pointer)
    {
        var start = pointer;
        while (!_baseNames.ContainsKey(start) && start.Length > 0)
        {
            start = start.Substring(0, start.LastIndexOf('/'));
        }

        var parts = new List<string>();
        var baseName = _baseNames.TryGetValue(start, out var named) ? Identifiers.ToIdentifier(named, "Schema").TrimStart('@') : string.Empty;
        parts.Add(baseName.Length == 0 ? "Schema" : baseName);
        if (pointer.Length > start.Length && JsonPointer.TryParse(pointer.Substring(start.Length), out var tokens))
        {
            var steps = new List<string>();
            for (var i = 0; i < tokens.Length; i++)
            {
                var token = tokens[i];
                var next = i + 1 < tokens.Length ? tokens[i + 1] : null;
                switch (token)
                {
                    case "properties" or "$defs" or "definitions" when next is not null:
                        steps.Add(Identifiers.ToPascalCase(next));
                        i++;
                        break;
                    case "dependentSchemas" or "dependencies" when next is not null:
                        steps.Add("When" + Identifiers.ToPascalCase(next));
                        i++;
                        break;
                    case "patternProperties" when next is not null:
                        steps.Add("Pattern");
                        i++;
                        break;
                    case "items" or "prefixItems" or "allOf" or "anyOf" or "oneOf" when next is not null && JsonPointer.TryParseIndex(next, out _):
                        steps.Add((token == "prefixItems" || token == "items" ? "Item" : Identifiers.ToPascalCase(token)) + next);
                        i++;
                        break;
                    default:
                        steps.Add(StepName(token));
                        break;
                }
            }

            // Deep locations keep the last steps: the name stays readable, the doc comment has the pointer.
            parts.AddRange(steps.Count > 4 ? steps.Skip(steps.Count - 4) : steps);
        }

        var name = string.Join("_", parts.Where(p => p.Length > 0));
        if (char.IsDigit(name[0]))
        {
            name = "_" + name;
        }

        return name.Length <= Identifiers.MaxLength ? name : name.Substring(name.Length - Identifiers.MaxLength).TrimStart('_', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
    }

    private static string StepName(string keyword) => keyword switch
    {
        "items" => "Item",
        "additionalItems" => "AdditionalItem",
        "additionalProperties" => "AdditionalProperty",
        "unevaluatedItems" => "UnevaluatedItem",
        "unevaluatedProperties" => "UnevaluatedProperty",
        "propertyNames" => "PropertyName",
        _ => Identifiers.ToPascalCase(keyword),
    };

    private void Report(DiagnosticDescriptor descriptor, JsonNode node, params string[] arguments)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, Document.LocationOf(node), arguments));
}
