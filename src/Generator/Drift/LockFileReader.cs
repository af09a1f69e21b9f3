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

    private static SurfaceNode Node(JsonNode json, string pointer)
    {
        var node = new SurfaceNode { Pointer = pointer };
        if (!json.IsObject)
        {
            return node;
        }

        node.CSharpType = json.GetString("csharp");
        node.Ref = json.GetString("$ref");
        if (json["type"] is { IsArray: true } types)
        {
            node.Types = Strings(types);
        }

        node.Nullable = json.GetBoolean("nullable") == true;
        node.Format = json.GetString("format");
        if (json["enum"] is { IsArray: true } values)
        {
            var list = new List<string>();
            foreach (var value in values.Items)
            {
                list.Add(JsonTextWriter.ToCompactString(value));
            }

            node.Enum = list;
        }

        foreach (var fact in json.Properties)
        {
            if (!NodeFacts.Contains(fact.Name) && fact.Value.IsString)
            {
                node.Bounds[fact.Name] = fact.Value.Text!;
            }
            else if (fact.Value.IsObject && Applicator.IsKey(fact.Name))
            {
                node.Applicators[fact.Name] = Node(fact.Value, Applicator.PointerOf(pointer, fact.Name));
            }
        }

        if (json["required"] is { IsArray: true } required)
        {
            node.Required.UnionWith(Strings(required));
        }

        if (json["properties"] is { IsObject: true } properties)
        {
            foreach (var property in properties.Properties)
            {
                var child = Node(property.Value, JsonPointer.Append(pointer + "/properties", property.Name));
                node.Properties[property.Name] = new SurfaceProperty(property.Value.GetString("member") ?? property.Name, child, null);
            }
        }

        if (json["items"] is { IsObject: true } items)
        {
            node.Items = Node(items, pointer + "/items");
        }

        switch (json["additionalProperties"])
        {
            case { Kind: JsonKind.False }:
                node.NoAdditionalProperties = true;
                break;
            case { IsObject: true } additional:
                node.AdditionalProperties = Node(additional, pointer + "/additionalProperties");
                break;
        }

        if (json["variants"] is { IsArray: true } variants)
        {
            for (var i = 0; i < variants.Items.Count; i++)
            {
                node.Variants.Add(Node(variants.Items[i], JsonPointer.Append(pointer + "/anyOf", i)));
            }
        }

        if (json["allOf"] is { IsArray: true } members)
        {
            for (var i = 0; i < members.Items.Count; i++)
            {
                node.AllOf.Add(Node(members.Items[i], JsonPointer.Append(pointer + "/allOf", i)));
            }
        }

        node.Deprecated = json.GetBoolean("deprecated") == true;
        node.Docs = json.GetString("docs");
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
