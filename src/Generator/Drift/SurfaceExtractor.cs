using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Naming;
using Hooksmith.Generator.Planning;
using Hooksmith.Generator.Schema;

namespace Hooksmith.Generator.Drift;

/// <summary>
/// Turns read schema files into the <see cref="SchemaSurface"/> a receiver sees: events by routing
/// name, their payloads with every <c>$ref</c> kept as a key, and the C# names the generator gives
/// each type and member (from its own planner, so reports name what the code uses).
/// </summary>
internal sealed class SurfaceExtractor
{
    private static readonly string[] DocKeywords = ["title", "description", "example", "examples"];

    private static readonly Dictionary<string, JsonNode> NoApplicators = new(StringComparer.Ordinal);

    private static readonly string[] DependencyKeywords = ["dependentSchemas", "dependentRequired", "dependencies"];

    private readonly List<Source> _sources = [];
    private readonly Dictionary<string, (Source Source, string Pointer)> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Source Source, string Pointer)> _anchors = new(StringComparer.Ordinal);
    private readonly SchemaSurface _surface = new();
    private readonly Dictionary<(string BaseUri, string Reference), (Source Source, JsonNode Node)?> _resolved = new();
    private readonly CancellationToken _cancellationToken;
    private readonly bool _includeDocs;

    private SurfaceExtractor(bool includeDocs, CancellationToken cancellationToken)
    {
        _includeDocs = includeDocs;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Extracts the surface of <paramref name="inputs"/>. Never throws for bad input: what cannot be read is left out.</summary>
    /// <param name="inputs">The files.</param>
    /// <param name="plans">The generator's plans of the files by path, when it has them (else each file is planned here for its names).</param>
    /// <param name="includeDocs">
    /// Fingerprint each schema's <c>title</c>, <c>description</c> and examples too (<c>--include-docs</c>).
    /// Off by default: the build never compares them, and serializing every example is most of what reading them costs.
    /// </param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static SchemaSurface Extract(IReadOnlyList<DriftInput> inputs, IReadOnlyDictionary<string, DocumentPlan>? plans = null, bool includeDocs = false, CancellationToken cancellationToken = default)
    {
        var extractor = new SurfaceExtractor(includeDocs, cancellationToken);
        extractor._surface.IncludesDocs = includeDocs;
        foreach (var input in inputs)
        {
            if (input.Document.Root is null)
            {
                continue;
            }

            var index = SchemaIndexer.Index(input.Document, cancellationToken);
            var plan = plans is not null && plans.TryGetValue(input.Document.Path, out var planned) ? planned : null;
            var source = new Source(input, index, TypesOf(input.Document, plan, cancellationToken));
            extractor._sources.Add(source);
            foreach (var resource in index.Resources)
            {
                extractor._resources[resource.Key] = (source, resource.Value);
            }

            foreach (var anchor in index.Anchors)
            {
                extractor._anchors[anchor.Key] = (source, anchor.Value);
            }
        }

        extractor.Run();
        return extractor._surface;
    }

    private void Run()
    {
        // Named schemas first, so that a reference to one is a key and not a copy.
        foreach (var source in _sources)
        {
            foreach (var named in source.Index.NamedSchemas)
            {
                source.Named.Add(named.Node.Pointer);
            }
        }

        foreach (var source in _sources)
        {
            foreach (var named in source.Index.NamedSchemas)
            {
                EnsureSchema(source, named.Node);
            }
        }

        foreach (var source in _sources)
        {
            foreach (var webhook in source.Index.Events)
            {
                if (_surface.Events.ContainsKey(webhook.EventName))
                {
                    continue;
                }

                var payload = Build(source, webhook.Schema, owner: null);
                source.EventTypes.TryGetValue(webhook.EventName, out var payloadType);
                _surface.Events.Add(webhook.EventName, new SurfaceEvent(webhook.Key, payload, payloadType ?? payload.CSharpType ?? TypeNameAt(payload), LocationOf(source, webhook.KeyNode.Span)));
            }
        }
    }

    private string? TypeNameAt(SurfaceNode node)
        => node.Ref is { } key && _surface.Schemas.TryGetValue(key, out var schema) ? schema.Node.CSharpType : null;

    /// <summary>The key of a schema that has one (named, or a reference's target), building it the first time.</summary>
    private string EnsureSchema(Source source, JsonNode node)
    {
        var key = source.Input.KeyPrefix + "#" + node.Pointer;
        if (_surface.Schemas.ContainsKey(key) || !source.Building.Add(node.Pointer))
        {
            return key;
        }

        // A placeholder first: a schema that refers to itself finds its key and stops there.
        var built = Build(source, node, owner: null, asDefinition: true);
        _surface.Schemas[key] = new SurfaceSchema(built, source.Named.Contains(node.Pointer));
        return key;
    }

    private SurfaceNode Build(Source source, JsonNode node, TypeSpec? owner, bool asDefinition = false)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (!asDefinition && source.Named.Contains(node.Pointer))
        {
            return new SurfaceNode { Ref = EnsureSchema(source, node), Pointer = node.Pointer, Location = LocationOf(source, node.Span) };
        }

        var result = new SurfaceNode { Pointer = node.Pointer, Location = LocationOf(source, node.Span) };
        if (node.Kind == JsonKind.False)
        {
            result.Types = [];
            return result;
        }

        if (!node.IsObject)
        {
            return result;
        }

        source.Types.TryGetValue(node.Pointer, out var spec);
        result.CSharpType = spec?.Name;
        if (spec is { Kind: TypeSpecKind.Record })
        {
            owner = spec;
        }

        // One pass over the members (the last of a name wins, as with the indexer): looking up each of the
        // forty-odd keywords by name costs more than the rest of the extraction.
        var keywords = default(SchemaKeywords);
        foreach (var member in node.Properties)
        {
            keywords.Take(member.Name, member.Value);
        }

        if (keywords.Ref is { IsString: true } reference && Resolve(source, node, reference.Text!) is { } target)
        {
            result.Ref = EnsureSchema(target.Source, target.Node);
        }

        ReadTypes(keywords.Nullable, keywords.Type, result);
        result.Format = keywords.Format is { IsString: true } format ? format.Text : null;
        if (keywords.Enum is { IsArray: true } values)
        {
            var list = new List<string>(values.Items.Count);
            foreach (var value in values.Items)
            {
                if (value.IsNull)
                {
                    result.Nullable = true;
                }
                else
                {
                    list.Add(JsonTextWriter.ToCompactString(value));
                }
            }

            list.Sort(StringComparer.Ordinal);
            result.Enum = list;
        }
        else if (keywords.Const is { } constant)
        {
            result.Enum = [JsonTextWriter.ToCompactString(constant)];
        }

        if (keywords.Bounds is { } bounds)
        {
            foreach (var entry in bounds)
            {
                var (keyword, bound) = (entry.Key, entry.Value);
                if (!bound.IsObject && !bound.IsArray && !(keyword == "uniqueItems" && bound.Kind == JsonKind.False))
                {
                    result.Bounds[keyword] = bound.IsString ? bound.Text! : JsonTextWriter.ToCompactString(bound);
                }
            }
        }

        if (keywords.Properties is { IsObject: true } properties)
        {
            foreach (var property in properties.Properties)
            {
                var member = MemberOf(owner, property.Name);
                result.Properties[property.Name] = new SurfaceProperty(member, Build(source, property.Value, null), LocationOf(source, property.NameSpan));
            }
        }

        if (keywords.Required is { IsArray: true } required)
        {
            foreach (var name in required.Items)
            {
                if (name.IsString)
                {
                    result.Required.Add(name.Text!);
                }
            }
        }

        if (keywords.Items is { } items && !items.IsArray)
        {
            result.Items = Build(source, items, null);
        }

        switch (keywords.AdditionalProperties)
        {
            case { Kind: JsonKind.False }:
                result.NoAdditionalProperties = true;
                break;
            case { IsObject: true } additional:
                result.AdditionalProperties = Build(source, additional, null);
                break;
        }

        foreach (var branches in new[] { keywords.OneOf, keywords.AnyOf })
        {
            if (branches is { IsArray: true })
            {
                foreach (var branch in branches.Items)
                {
                    if (IsNullSchema(branch))
                    {
                        result.Nullable = true;
                    }
                    else
                    {
                        result.Variants.Add(Build(source, branch, null));
                    }
                }
            }
        }

        if (keywords.AllOf is { IsArray: true } members)
        {
            foreach (var member in members.Items)
            {
                // An inline allOf member's properties are members of the record its parent generates.
                result.AllOf.Add(Build(source, member, owner));
            }
        }

        if (keywords.Applicators is not null || keywords.Items is { IsArray: true })
        {
            ReadApplicators(source, keywords.Applicators ?? NoApplicators, keywords.Items, result);
        }

        result.Deprecated = keywords.Deprecated is { Kind: JsonKind.True };
        result.Docs = _includeDocs ? DocsOf(node) : null;
        return result;
    }

    /// <summary>The subschemas that constrain the value beside its properties, items and branches (<see cref="Applicator"/>).</summary>
    /// <param name="source">The file.</param>
    /// <param name="applicators">The node's applicator keywords (and <c>dependencies</c>, <c>dependentRequired</c>) by name.</param>
    /// <param name="items">The node's <c>items</c>, an array of which is a tuple in drafts before 2020-12.</param>
    /// <param name="result">The node's surface.</param>
    private void ReadApplicators(Source source, Dictionary<string, JsonNode> applicators, JsonNode? items, SurfaceNode result)
    {
        foreach (var keyword in Applicator.Single)
        {
            if (applicators.TryGetValue(keyword, out var single) && (single.IsObject || single.IsBoolean))
            {
                result.Applicators[keyword] = Build(source, single, null);
            }
        }

        // A tuple: prefixItems (2020-12), or items as an array (earlier drafts).
        var tuple = applicators.TryGetValue("prefixItems", out var prefix) && prefix.IsArray ? prefix : items is { IsArray: true } ? items : null;
        if (tuple is not null)
        {
            for (var i = 0; i < tuple.Items.Count; i++)
            {
                result.Applicators["prefixItems/" + i.ToString(CultureInfo.InvariantCulture)] = Build(source, tuple.Items[i], null);
            }
        }

        if (applicators.TryGetValue("patternProperties", out var patterns) && patterns.IsObject)
        {
            foreach (var pattern in patterns.Properties)
            {
                result.Applicators["patternProperties/" + pattern.Name] = Build(source, pattern.Value, null);
            }
        }

        // dependentSchemas and dependentRequired (2019-09), and draft-07's dependencies, which held both.
        foreach (var keyword in DependencyKeywords)
        {
            if (!applicators.TryGetValue(keyword, out var dependencies) || !dependencies.IsObject)
            {
                continue;
            }

            foreach (var dependency in dependencies.Properties)
            {
                if (dependency.Value.IsArray && keyword != "dependentSchemas")
                {
                    var names = new List<string>();
                    foreach (var name in dependency.Value.Items)
                    {
                        if (name.IsString && !names.Contains(name.Text!))
                        {
                            names.Add(name.Text!);
                        }
                    }

                    names.Sort(StringComparer.Ordinal);
                    result.Bounds["dependentRequired/" + dependency.Name] = string.Join(", ", names);
                }
                else if ((dependency.Value.IsObject || dependency.Value.IsBoolean) && keyword != "dependentRequired")
                {
                    result.Applicators["dependentSchemas/" + dependency.Name] = Build(source, dependency.Value, null);
                }
            }
        }
    }

    private static void ReadTypes(JsonNode? nullable, JsonNode? type, SurfaceNode result)
    {
        if (nullable is { Kind: JsonKind.True })
        {
            result.Nullable = true;
        }

        if (type is null)
        {
            return;
        }

        var types = new List<string>();
        foreach (var entry in type.IsArray ? type.Items : [type])
        {
            if (!entry.IsString)
            {
                continue;
            }

            if (entry.Text == "null")
            {
                result.Nullable = true;
            }
            else if (!types.Contains(entry.Text!))
            {
                types.Add(entry.Text!);
            }
        }

        // {"type": "null"} alone admits null and nothing else.
        types.Sort(StringComparer.Ordinal);
        result.Types = types;
    }

    private static bool IsNullSchema(JsonNode branch)
    {
        if (!branch.IsObject)
        {
            return false;
        }

        if (branch["type"] is { IsString: true, Text: "null" })
        {
            return true;
        }

        return branch["enum"] is { IsArray: true } values && values.Items.Count == 1 && values.Items[0].IsNull;
    }

    private static string MemberOf(TypeSpec? owner, string jsonName)
    {
        if (owner is not null)
        {
            foreach (var property in owner.Properties)
            {
                if (property.JsonName == jsonName)
                {
                    return property.Name;
                }
            }
        }

        return Identifiers.ToIdentifier(Identifiers.ToPascalCase(jsonName), "Value");
    }

    private static string? DocsOf(JsonNode node)
    {
        StringBuilder? text = null;
        foreach (var keyword in DocKeywords)
        {
            if (node[keyword] is { } value)
            {
                text ??= new StringBuilder();
                text.Append(keyword).Append('=').Append(JsonTextWriter.ToCompactString(value)).Append('\n');
            }
        }

        if (text is null)
        {
            return null;
        }

        // FNV-1a: a short, stable fingerprint (netstandard2.0 has no stable string hash).
        var hash = 2166136261u;
        foreach (var c in text.ToString())
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    private (Source Source, JsonNode Node)? Resolve(Source source, JsonNode node, string reference)
    {
        var baseUri = source.Index.Schemas.TryGetValue(node.Pointer, out var info) ? info.BaseUri : source.Input.Document.BaseUri;

        // A document names a few hundred schemas from thousands of places: each reference is resolved once.
        if (_resolved.TryGetValue((baseUri, reference), out var known))
        {
            return known;
        }

        var resolved = ResolveOnce(baseUri, reference);

        _resolved.Add((baseUri, reference), resolved);
        return resolved;
    }

    private (Source Source, JsonNode Node)? ResolveOnce(string baseUri, string reference)
    {
        if (!UriReference.TryResolve(baseUri, reference, out var absolute))
        {
            return null;
        }

        var (body, fragment) = UriReference.Split(absolute);
        if (!_resources.TryGetValue(body, out var resource))
        {
            return null;
        }

        var pointer = JsonPointer.UnescapeUriFragment(fragment);
        string target;
        if (pointer.Length == 0 || pointer[0] == '/')
        {
            target = resource.Pointer + pointer;
        }
        else if (_anchors.TryGetValue(body + "#" + pointer, out var anchor))
        {
            return JsonPointer.Resolve(anchor.Source.Input.Document.Root!, anchor.Pointer) is { } anchored ? (anchor.Source, anchored) : null;
        }
        else
        {
            return null;
        }

        return JsonPointer.Resolve(resource.Source.Input.Document.Root!, target) is { } resolved ? (resource.Source, resolved) : null;
    }

    private static SurfaceLocation LocationOf(Source source, SourceSpan span) => new(source.Input.DisplayPath, span.StartLine + 1, span.StartColumn + 1) { Offset = span.Start };

    private static (Dictionary<string, TypeSpec> Types, Dictionary<string, string> Events) TypesOf(SchemaDocument document, DocumentPlan? known, CancellationToken cancellationToken)
    {
        var types = new Dictionary<string, TypeSpec>(StringComparer.Ordinal);
        var events = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var plan = known ?? TypePlanner.Plan(document, cancellationToken);
            foreach (var type in plan.Types)
            {
                if (!types.ContainsKey(type.SchemaPointer))
                {
                    types.Add(type.SchemaPointer, type);
                }
            }

            foreach (var webhook in plan.Events)
            {
                if (webhook.Payload.FullName is { } fullName)
                {
                    events[webhook.EventName] = fullName.Substring(fullName.LastIndexOf('.') + 1);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Names are a courtesy of the report; without a plan the changes are still found.
        }

        return (types, events);
    }

    private sealed class Source
    {
        public Source(DriftInput input, SchemaIndex index, (Dictionary<string, TypeSpec> Types, Dictionary<string, string> Events) names)
        {
            Input = input;
            Index = index;
            Types = names.Types;
            EventTypes = names.Events;
        }

        public DriftInput Input { get; }

        public SchemaIndex Index { get; }

        public Dictionary<string, TypeSpec> Types { get; }

        public Dictionary<string, string> EventTypes { get; }

        public HashSet<string> Named { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Building { get; } = new(StringComparer.Ordinal);
    }
}
