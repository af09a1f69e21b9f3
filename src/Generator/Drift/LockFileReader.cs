using System.Collections.Generic;
using Hooksmith.Generator.Json;

namespace Hooksmith.Generator.Drift;

/// <summary>Reads <c>hooksmith.lock.json</c> back into the surface it records. Never throws: a lock it cannot read is an error message.</summary>
internal static class LockFileReader
{
    private static readonly HashSet<string> NodeFacts =
    [
        "member", "named", "csharp", "$ref", "type", "nullable", "format", "enum", "required", "properties", "items",
        "additionalProperties", "variants", "allOf", "deprecated", "docs",
    ];

    /// <summary>The surface, or null with <paramref name="error"/> saying why (with the line and column).</summary>
    public static SchemaSurface? Read(string text, out string? error)
    {
        error = null;
        var parsed = JsonTextReader.Parse(text);
        if (parsed.Error is { } syntax)
        {
            error = $"{syntax.Span}: {syntax.Message}";
            return null;
        }

        var root = parsed.Root!;
        if (!root.IsObject || root.GetString("format") != LockFileWriter.FormatVersion)
        {
            error = $"not a Hooksmith lock (its \"format\" is not \"{LockFileWriter.FormatVersion}\")";
            return null;
        }

        var surface = new SchemaSurface { IncludesDocs = root.GetBoolean("docs") == true };
        if (root["schemas"] is { IsObject: true } schemas)
        {
            foreach (var entry in schemas.Properties)
            {
                var hash = entry.Name.IndexOf('#');
                var pointer = hash < 0 ? string.Empty : entry.Name.Substring(hash + 1);
                surface.Schemas[entry.Name] = new SurfaceSchema(Node(entry.Value, pointer), entry.Value.GetBoolean("named") != false);
            }
        }

        if (root["events"] is { IsObject: true } events)
        {
            foreach (var entry in events.Properties)
            {
                var payload = entry.Value["payload"] is { IsObject: true } node ? Node(node, entry.Value.GetString("pointer") ?? string.Empty) : new SurfaceNode();
                surface.Events[entry.Name] = new SurfaceEvent(entry.Value.GetString("key") ?? entry.Name, payload, entry.Value.GetString("csharp"), null);
            }
        }

        return surface;
    }

    private static SurfaceNode Node(JsonNode json, string pointer) => Node(json, pointer, out _);

    /// <param name="json">The node as the lock writes it.</param>
    /// <param name="pointer">Its JSON Pointer.</param>
    /// <param name="member">A property's generated member name, written in its node.</param>
    private static SurfaceNode Node(JsonNode json, string pointer, out string? member)
    {
        member = null;
        var node = new SurfaceNode { Pointer = pointer };
        if (!json.IsObject)
        {
            return node;
        }

        // One pass over the facts: looking each up by name would index every object of the lock first.
        foreach (var fact in json.Properties)
        {
            var value = fact.Value;
            switch (fact.Name)
            {
                case "member":
                    member = value.IsString ? value.Text : null;
                    break;
                case "csharp":
                    node.CSharpType = value.IsString ? value.Text : null;
                    break;
                case "$ref":
                    node.Ref = value.IsString ? value.Text : null;
                    break;
                case "type" when value.IsArray:
                    node.Types = Strings(value);
                    break;
                case "nullable":
                    node.Nullable = value.Kind == JsonKind.True;
                    break;
                case "format":
                    node.Format = value.IsString ? value.Text : null;
                    break;
                case "enum" when value.IsArray:
                    var list = new List<string>(value.Items.Count);
                    foreach (var item in value.Items)
                    {
                        list.Add(JsonTextWriter.ToCompactString(item));
                    }

                    node.Enum = list;
                    break;
                case "required" when value.IsArray:
                    node.Required.UnionWith(Strings(value));
                    break;
                case "properties" when value.IsObject:
                    foreach (var property in value.Properties)
                    {
                        var child = Node(property.Value, JsonPointer.Append(pointer + "/properties", property.Name), out var name);
                        node.Properties[property.Name] = new SurfaceProperty(name ?? property.Name, child, null);
                    }

                    break;
                case "items" when value.IsObject:
                    node.Items = Node(value, pointer + "/items");
                    break;
                case "additionalProperties" when value.Kind == JsonKind.False:
                    node.NoAdditionalProperties = true;
                    break;
                case "additionalProperties" when value.IsObject:
                    node.AdditionalProperties = Node(value, pointer + "/additionalProperties");
                    break;
                case "variants" when value.IsArray:
                    for (var i = 0; i < value.Items.Count; i++)
                    {
                        node.Variants.Add(Node(value.Items[i], JsonPointer.Append(pointer + "/anyOf", i)));
                    }

                    break;
                case "allOf" when value.IsArray:
                    for (var i = 0; i < value.Items.Count; i++)
                    {
                        node.AllOf.Add(Node(value.Items[i], JsonPointer.Append(pointer + "/allOf", i)));
                    }

                    break;
                case "deprecated":
                    node.Deprecated = value.Kind == JsonKind.True;
                    break;
                case "docs":
                    node.Docs = value.IsString ? value.Text : null;
                    break;
                default:
                    if (!NodeFacts.Contains(fact.Name) && value.IsString)
                    {
                        node.Bounds[fact.Name] = value.Text!;
                    }
                    else if (value.IsObject && Applicator.IsKey(fact.Name))
                    {
                        node.Applicators[fact.Name] = Node(value, Applicator.PointerOf(pointer, fact.Name));
                    }

                    break;
            }
        }

        return node;
    }

    private static List<string> Strings(JsonNode array)
    {
        var list = new List<string>();
        foreach (var item in array.Items)
        {
            if (item.IsString)
            {
                list.Add(item.Text!);
            }
        }

        return list;
    }
}
