using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Hooksmith.Generator.Diagnostics;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Model;
using Hooksmith.Generator.Naming;
using Hooksmith.Generator.Planning.Validation;
using Hooksmith.Generator.Schema;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Planning;

/// <summary>
/// The Plan stage for one document: decides which schemas become which C# types, names them, and
/// describes each type's members. References into other files stay as <see cref="TypeRefKind.External"/>
/// placeholders; <see cref="PlanLinker"/> fills them in from the registry.
/// </summary>
internal sealed partial class TypePlanner
{
    /// <summary>How many references and subschemas planning follows in a row before it gives up (see <see cref="TryDescend"/>).</summary>
    private const int MaxDepth = 200;

    /// <summary>The namespace for files whose configured namespace has nothing usable in it.</summary>
    private const string FallbackNamespace = "Hooksmith.Generated";

    private readonly SchemaIndex _index;
    private readonly RefResolver _refs;
    private readonly string _namespace;
    private readonly string _fileName;
    private readonly CancellationToken _cancellationToken;

    private readonly Dictionary<string, TypeRef> _typeByPointer = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly HashSet<string> _shaping = new(StringComparer.Ordinal);
    private int _depth;
    private bool _reportedTooDeep;
    private readonly Dictionary<string, string> _definitionNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingType> _pendingByName = new(StringComparer.Ordinal);
    private readonly List<PendingType> _pending = [];
    private readonly NameScope _typeNames = new(ignoreCase: true);
    private readonly List<EventSpec> _events = [];
    private readonly List<ExternalReference> _externalReferences = [];
    private readonly HashSet<string> _externalSeen = new(StringComparer.Ordinal);
    private readonly List<DiagnosticInfo> _diagnostics = [];

    private TypePlanner(SchemaIndex index, string @namespace, CancellationToken cancellationToken)
    {
        _index = index;
        _refs = new RefResolver(index, cancellationToken);
        _namespace = @namespace;
        _fileName = index.Document.Input.FileName;
        _cancellationToken = cancellationToken;
    }

    private SchemaDocument Document => _index.Document;

    public static DocumentPlan Plan(SchemaDocument document, CancellationToken cancellationToken)
    {
        var index = SchemaIndexer.Index(document, cancellationToken);
        var configured = document.Input.Namespace;
        var @namespace = Identifiers.ToNamespace(configured, FallbackNamespace);
        var planner = new TypePlanner(index, @namespace, cancellationToken);
        if (@namespace != configured)
        {
            // Item metadata has no place in the schema file: the diagnostic is at its start.
            planner._diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidKeywordValue, LocationInfo.StartOf(document.Path), "Namespace", $"'{configured}' is not a C# namespace; the types are generated in '{@namespace}'"));
        }

        return planner.Run();
    }

    private DocumentPlan Run()
    {
        _diagnostics.AddRange(Document.Diagnostics);
        _diagnostics.AddRange(_index.Diagnostics);
        if (Document.Root is not null)
        {
            foreach (var named in _index.NamedSchemas)
            {
                _definitionNames[named.Node.Pointer] = named.IsDocumentRoot ? RootName(named.Node) : named.Name;
            }

            NameEventPayloads();

            foreach (var named in _index.NamedSchemas)
            {
                TypeOf(_index.Schemas[named.Node.Pointer], _definitionNames[named.Node.Pointer], isNamed: true);
            }

            foreach (var webhook in _index.Events)
            {
                var info = _index.Schemas[webhook.Schema.Pointer];
                var payload = TypeOf(info, Identifiers.ToPascalCase(webhook.EventName), isNamed: true);
                _events.Add(PayloadOf(webhook, info, payload));
            }

            // Members are planned after every named schema has its name, so names do not depend on the
            // order in which properties happen to reach a definition.
            for (var i = 0; i < _pending.Count; i++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                CompletePending(_pending[i]);
            }
        }

        var types = _pending.Where(p => p.Spec is not null).Select(p => p.Spec!).ToList();
        var modelTypes = _pending
            .Where(p => p.Spec is not null && _typeByPointer.TryGetValue(p.Info.Pointer, out var type) && type.FullName == p.Spec.FullName)
            .ToDictionary(p => p.Info.Pointer, p => p.Spec!.FullName, StringComparer.Ordinal);
        var validation = Document.Root is null
            ? null
            : ValidationPlanner.Plan(_index, _namespace, types.Select(t => t.FullName), modelTypes, types.Select(t => t.SchemaPointer), types.SelectMany(t => t.Variants.Select(v => v.SchemaPointer)), _cancellationToken);
        if (validation is not null)
        {
            // Each model validates against its own schema's method.
            var methods = validation.Exports.Validators.ToDictionary(v => v.Pointer, v => v.Target, StringComparer.Ordinal);
            types = types.Select(t => methods.TryGetValue(t.SchemaPointer, out var target) && target.Kind == TargetKind.Method
                ? t with { Validator = "global::" + validation.Validation.FullName + "." + target.Method, SchemaResource = target.Resource }
                : t).ToList();

            // Each union variant is checked with its branch's validator when nothing discriminates.
            types = types.Select(t => t.Kind != TypeSpecKind.Union ? t : t with
            {
                Variants = t.Variants.Select(v => methods.TryGetValue(v.SchemaPointer, out var target) && target.Kind == TargetKind.Method
                    ? v with { Validator = "global::" + validation.Validation.FullName + "." + target.Method, ValidatorResource = target.Resource }
                    : v).ToEquatableArray(),
            }).ToList();

            _diagnostics.AddRange(validation.Diagnostics);
            foreach (var reference in validation.ExternalReferences)
            {
                if (_externalSeen.Add(reference.Uri + "\n" + reference.Location))
                {
                    _externalReferences.Add(reference);
                }
            }
        }

        var exports = new DocumentExports(
            Document.Path,
            _index.Resources.Select(r => new UriTarget(r.Key, r.Value)).OrderBy(r => r.Uri, StringComparer.Ordinal).ToEquatableArray(),
            _index.Anchors.Select(a => new UriTarget(a.Key, a.Value)).OrderBy(a => a.Uri, StringComparer.Ordinal).ToEquatableArray(),
            _typeByPointer.Select(t => new PointerType(t.Key, t.Value)).OrderBy(t => t.Pointer, StringComparer.Ordinal).ToEquatableArray(),
            types.Select(t => t.FullName).ToEquatableArray(),
            validation?.Exports ?? ValidationExports.None)
        {
            Discriminators = ExportedDiscriminators(),
        };

        return new DocumentPlan(
            Document.Path,
            types.ToEquatableArray(),
            _events.ToEquatableArray(),
            exports,
            _externalReferences.ToEquatableArray(),
            _diagnostics.Distinct().ToEquatableArray(),
            ResourceLocations(),
            validation?.Validation ?? DocumentValidation.None);
    }

    /// <summary>
    /// Names each event's payload after the event (<c>customer.order.updated</c> → <c>CustomerOrderUpdated</c>)
    /// rather than after the component it refers to (<c>EventCustomerOrderUpdatedData</c>): that is the
    /// name a receiver looks for. A component that is the payload of more than one event keeps its own
    /// name, and so does one whose event name another named schema already has.
    /// </summary>
    private void NameEventPayloads()
    {
        var payloads = new List<string>();
        var eventsByPayload = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var webhook in _index.Events)
        {
            if (ResolveAliases(_index.Schemas[webhook.Schema.Pointer]) is not { } payload)
            {
                continue;
            }

            if (!eventsByPayload.TryGetValue(payload.Pointer, out var events))
            {
                eventsByPayload[payload.Pointer] = events = [];
                payloads.Add(payload.Pointer);
            }

            events.Add(webhook.EventName);
        }

        var taken = new HashSet<string>(_definitionNames.Values.Select(TypeNameOf), StringComparer.OrdinalIgnoreCase);
        foreach (var pointer in payloads)
        {
            var events = eventsByPayload[pointer];
            var name = Identifiers.ToPascalCase(events[0]);
            if (events.Count == 1 && name.Length > 0 && taken.Add(name))
            {
                _definitionNames[pointer] = name;
            }
        }

        static string TypeNameOf(string definitionName) => Identifiers.ToIdentifier(definitionName, "Schema").TrimStart('@');
    }

    /// <summary>
    /// An event's entry. Every event gets a generated payload type, so it can be in the event table and
    /// the handler interface: a payload that is a primitive or any JSON (a bare <c>$ref</c> to a schema
    /// with no type of its own) is bound through a wrapper; one that refers into another file gets a
    /// wrapper too, which linking drops when the target turns out to have a generated type of its own.
    /// </summary>
    private EventSpec PayloadOf(WebhookEvent webhook, SchemaNodeInfo info, TypeRef payload)
    {
        if (payload.Kind == TypeRefKind.Named)
        {
            return new EventSpec(webhook.EventName, webhook.Key, payload) { SchemaPointer = info.Pointer };
        }

        // A named schema that is a primitive has a wrapper already (properties use the primitive).
        var resolved = ResolveAliases(info);
        var existing = _pending.FirstOrDefault(p => p.Kind == TypeSpecKind.Wrapper && (p.Info.Pointer == info.Pointer || p.Info.Pointer == resolved?.Pointer));
        if (existing is not null)
        {
            return new EventSpec(webhook.EventName, webhook.Key, TypeRef.NamedType(Qualify(existing.Name), isValueType: false)) { SchemaPointer = info.Pointer };
        }

        var shape = new Shape(ShapeKind.Any) { WrappedType = payload };
        var candidates = new[] { Identifiers.ToPascalCase(webhook.EventName), Identifiers.ToPascalCase(webhook.EventName) + "Payload", "EventPayload" }
            .Where(n => n.Length > 0)
            .Select(n => AvoidClashes(Identifiers.ToIdentifier(n, "Payload").TrimStart('@')));
        var name = _typeNames.Claim(candidates, out _);
        var pending = new PendingType(info, TypeSpecKind.Wrapper, name, shape);
        _pending.Add(pending);
        _pendingByName[name] = pending;
        var wrapper = TypeRef.NamedType(Qualify(name), isValueType: false);
        return payload.Kind == TypeRefKind.External
            ? new EventSpec(webhook.EventName, webhook.Key, payload) { SchemaPointer = info.Pointer, Wrapper = wrapper }
            : new EventSpec(webhook.EventName, webhook.Key, wrapper) { SchemaPointer = info.Pointer };
    }

    /// <summary>Where each resource is declared: its <c>$id</c> (or <c>id</c>), or the start of the file for the file itself.</summary>
    private EquatableArray<ResourceLocation> ResourceLocations()
    {
        var locations = new List<ResourceLocation>();
        foreach (var resource in _index.Resources.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var location = _index.Schemas.TryGetValue(resource.Value, out var info) && info.Node[info.Dialect.IdKeyword()] is { } id
                ? Document.LocationOf(id)
                : LocationInfo.StartOf(Document.Path);
            locations.Add(new ResourceLocation(resource.Key, location));
        }

        return locations.ToEquatableArray();
    }

    /// <summary>The C# type of a schema, planning a generated type for it on first sight.</summary>
    private TypeRef TypeOf(SchemaNodeInfo info, string nameHint, bool isNamed)
    {
        var pointer = info.Pointer;
        if (_typeByPointer.TryGetValue(pointer, out var known))
        {
            return known;
        }

        if (_definitionNames.TryGetValue(pointer, out var definitionName))
        {
            nameHint = definitionName;
            isNamed = true;
        }

        if (!_inProgress.Add(pointer))
        {
            Report(DiagnosticDescriptors.CircularReference, info.Node, info.Ref ?? pointer);
            return TypeRef.Any;
        }

        if (!TryDescend(info))
        {
            _inProgress.Remove(pointer);
            return TypeRef.Any;
        }

        try
        {
            var type = Classify(info, nameHint, isNamed);
            _typeByPointer[pointer] = type;
            return type;
        }
        finally
        {
            Ascend();
            _inProgress.Remove(pointer);
        }
    }

    /// <summary>
    /// Enters one level of recursive planning (a reference followed, a subschema looked into). Chains of
    /// references through definitions are not bounded by the JSON nesting limit, and a stack overflow
    /// would take the compiler down with it: past <see cref="MaxDepth"/> levels the schema is reported
    /// once and treated as any JSON value. Pair each true result with <see cref="Ascend"/>.
    /// </summary>
    private bool TryDescend(SchemaNodeInfo info)
    {
        if (_depth >= MaxDepth)
        {
            if (!_reportedTooDeep)
            {
                _reportedTooDeep = true;
                Report(DiagnosticDescriptors.UnsupportedKeyword, RefNode(info), "$ref", $"references and subschemas lead more than {MaxDepth} levels deep from here; the value is bound as a raw JsonElement");
            }

            return false;
        }

        _depth++;
        return true;
    }

    private void Ascend() => _depth--;

    /// <summary>Registers a generated type and returns its reference; its members are planned later.</summary>
    private TypeRef Declare(SchemaNodeInfo info, TypeSpecKind kind, string nameHint, bool isValueType, Shape shape)
    {
        var candidates = TypeNameCandidates(info, nameHint, kind)
            .Where(n => n.Length > 0)
            .Select(AvoidClashes)

            // A union declares Choice: it may not be named so itself (CS0542).
            .Select(n => kind == TypeSpecKind.Union && n == "Choice" ? n + "Model" : n)
            .Distinct()
            .ToList();
        if (candidates.Count == 0)
        {
            candidates.Add("Schema");
        }

        var name = _typeNames.Claim(candidates, out _);
        RememberTypeName(name, nameHint);
        var type = TypeRef.NamedType(Qualify(name), isValueType);
        var pending = new PendingType(info, kind, name, shape);
        _pending.Add(pending);
        _pendingByName[name] = pending;

        // Recorded before members are planned, so a schema that contains itself resolves to its own type.
        _typeByPointer[info.Pointer] = type;
        return type;
    }

    /// <summary>
    /// Namespaces the generated code names (<c>global::System.Text.Json.JsonElement</c>…): a generated
    /// type with one of these full names would hide the namespace from every generated file.
    /// </summary>
    private static readonly string[] ReferencedNamespaces =
    [
        "System", "System.Text", "System.Text.Json", "System.Collections", "System.Collections.Generic",
        "System.Diagnostics", "System.Diagnostics.CodeAnalysis", "System.CodeDom", "System.CodeDom.Compiler",
        "Hooksmith", "Hooksmith.Serialization", "Hooksmith.Validation",
    ];

    /// <summary>
    /// A type may not be named like one of its own members (CS0542), so the names every generated type
    /// declares (<c>Value</c>, <c>Equals</c>, <c>Parse</c>…) get a suffix when a schema asks for them;
    /// so do names that would make the type's full name a namespace the generated code uses.
    /// </summary>
    private string AvoidClashes(string name)
        => Array.IndexOf(ReservedMemberNames, name) >= 0 || Array.IndexOf(ReferencedNamespaces, Qualify(name)) >= 0 ? name + "Model" : name;

    private void CompletePending(PendingType pending)
    {
        var info = pending.Info;
        var documentation = DocumentationOf(info.Node);
        var properties = EquatableArray<PropertySpec>.Empty;
        TypeRef? additional = null;
        var enumMembers = EquatableArray<EnumMemberSpec>.Empty;
        var variants = EquatableArray<VariantSpec>.Empty;
        TypeRef? wrapped = null;
        switch (pending.Kind)
        {
            case TypeSpecKind.Record:
                (properties, additional) = PlanRecordMembers(pending);
                break;
            case TypeSpecKind.OpenEnum:
                enumMembers = PlanEnumMembers(pending);
                break;
            case TypeSpecKind.Union:
                variants = PlanVariants(pending);
                break;
            case TypeSpecKind.Wrapper:
                wrapped = pending.Shape.WrappedType ?? TypeRef.Any;
                break;
        }

        pending.Spec = new TypeSpec(
            _namespace,
            pending.Name,
            pending.Kind,
            documentation,
            Document.Input.SourcePath,
            info.Pointer,
            properties,
            additional,
            enumMembers,
            variants,
            wrapped);
    }

    private string RootName(JsonNode root)
    {
        var title = root.GetString("title");
        if (title is not null && Identifiers.ToPascalCase(title).Length > 0)
        {
            return title;
        }

        var stem = _fileName;
        var dot = stem.IndexOf('.');
        return dot > 0 ? stem.Substring(0, dot) : stem;
    }

    private string Qualify(string name) => _namespace.Length == 0 ? name : _namespace + "." + name;

    private static DocumentationSpec DocumentationOf(JsonNode node)
    {
        if (!node.IsObject)
        {
            return DocumentationSpec.None;
        }

        var title = node.GetString("title");
        var description = node.GetString("description");
        if (string.IsNullOrWhiteSpace(title))
        {
            title = null;
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            description = null;
        }

        var deprecated = node.GetBoolean("deprecated") == true;
        return title is null && description is null && !deprecated ? DocumentationSpec.None : new DocumentationSpec(title, description) { IsDeprecated = deprecated };
    }

    private void Report(DiagnosticDescriptor descriptor, JsonNode node, params string[] arguments)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, Document.LocationOf(node), arguments));

    /// <summary>A generated type whose members are still to be planned.</summary>
    private sealed class PendingType
    {
        public PendingType(SchemaNodeInfo info, TypeSpecKind kind, string name, Shape shape)
        {
            Info = info;
            Kind = kind;
            Name = name;
            Shape = shape;
        }

        public SchemaNodeInfo Info { get; }

        public TypeSpecKind Kind { get; }

        public string Name { get; }

        public Shape Shape { get; }

        public TypeSpec? Spec { get; set; }
    }
}
