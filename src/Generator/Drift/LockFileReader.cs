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

        var surface = new SchemaSurface { IncludesDocs = root.GetBoolean("docs") == true, IsLock = true };
        if (root["schemas"] is { IsObject: true } schemas)
        {
            foreach (var entry in schemas.Properties)
            {
                surface.Schemas[entry.Name] = Schema(entry.Name, entry.Value);
            }
        }

        if (root["events"] is { IsObject: true } events)
        {
            foreach (var entry in events.Properties)
            {
                surface.Events[entry.Name] = Event(entry.Name, entry.Value);
            }
        }

        return surface;
    }

    /// <summary>
    /// Reads a lock to compare with <paramref name="current"/>, entry by entry: each event and schema of the lock
    /// is compared, as text, with the current one written as the lock writes it. An entry that reads so is the
    /// current entry (the same node, so the comparer sees at once that nothing changed there), and only the others
    /// are parsed. For comparing, the same surface as <see cref="Read"/> gives, at the cost of the entries that
    /// changed; the lock is never written whole.
    /// </summary>
    /// <param name="text">The lock.</param>
    /// <param name="current">The surface of the schemas now.</param>
    /// <param name="unchanged">True when every entry reads as now and none is missing or extra: nothing to compare.</param>
    /// <param name="error">Why the lock cannot be read, when it cannot.</param>
    /// <returns>The surface, or null with <paramref name="error"/> saying why.</returns>
    public static SchemaSurface? ReadAgainst(string text, SchemaSurface current, out bool unchanged, out string? error)
    {
        error = null;
        unchanged = false;
        if (LockLayout.Of(text) is not { Format: LockFileWriter.FormatVersion } layout)
        {
            // Not laid out as written, or not a lock: reading it whole says what it is.
            return Read(text, out error);
        }

        var surface = new SchemaSurface { IncludesDocs = layout.Docs, IsLock = true };
        var entry = new LockEntryText(text);
        var same = layout.Docs == current.IncludesDocs;
        foreach (var (name, range) in layout.Schemas)
        {
            if (current.Schemas.TryGetValue(name, out var now) && entry.Reads(range, written => LockFileWriter.WriteSchema(written, now)))
            {
                same &= !surface.Schemas.ContainsKey(name);
                surface.Schemas[name] = now;
            }
            else if (Parse(text, range) is { } json)
            {
                same = false;
                surface.Schemas[name] = Schema(name, json);
            }
            else
            {
                return Read(text, out error);
            }
        }

        for (var i = 0; i < layout.Events.Count; i++)
        {
            var (name, range) = layout.Events[i];
            current.Events.TryGetValue(name, out var now);
            if (now is not null && entry.Reads(range, written => LockFileWriter.WriteEvent(written, now)))
            {
                same &= !surface.Events.ContainsKey(name);
                surface.Events[name] = now;
                continue;
            }

            same = false;
            if (now is not null && layout.EventParts[i] is { } parts && entry.Reads(parts.Payload, written => LockFileWriter.WritePayload(written, now)))
            {
                // The payload reads as now, under another key or place (an event moved from 'paths' to 'webhooks').
                surface.Events[name] = new SurfaceEvent(parts.Key, now.Payload, parts.CSharp, null);
            }
            else if (Parse(text, range) is { } json)
            {
                surface.Events[name] = Event(name, json);
            }
            else
            {
                return Read(text, out error);
            }
        }

        unchanged = same && surface.Schemas.Count == current.Schemas.Count && surface.Events.Count == current.Events.Count;
        return surface;
    }

    /// <summary>One entry's value, or null when it is not JSON (the lock is then read whole, for the error's place).</summary>
    private static JsonNode? Parse(string text, TextRange range)
    {
        // The entry sits two levels down in the lock.
        var parsed = JsonTextReader.Parse(text.Substring(range.Start, range.Length), JsonTextReader.DefaultMaxDepth - 2);
        return parsed.Root;
    }

    private static SurfaceSchema Schema(string key, JsonNode json)
    {
        var hash = key.IndexOf('#');
        var pointer = hash < 0 ? string.Empty : key.Substring(hash + 1);
        return new SurfaceSchema(Node(json, pointer), json.GetBoolean("named") != false);
    }

    private static SurfaceEvent Event(string name, JsonNode json)
    {
        var payload = json["payload"] is { IsObject: true } node ? Node(node, json.GetString("pointer") ?? string.Empty) : new SurfaceNode();
        return new SurfaceEvent(json.GetString("key") ?? name, payload, json.GetString("csharp"), null);
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
