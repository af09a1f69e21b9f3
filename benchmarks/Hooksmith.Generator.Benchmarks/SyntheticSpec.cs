using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// A synthetic OpenAPI spec of a chosen size for the scale curve (<c>--scale</c>): Voucherify's
/// <c>OpenAPIWebhooks.json</c> with its <c>components/schemas</c> replicated under new names
/// (<c>Order_Copy3</c>), each copy's <c>$ref</c>s pointing at its own copies, added schema by schema
/// until the text reaches the size. Made in memory for each run; never written to the repository.
/// </summary>
internal static class SyntheticSpec
{
    private const string SchemasPointer = "#/components/schemas/";

    /// <summary>The spec's text, at least <paramref name="bytes"/> long (UTF-8, indented as the original).</summary>
    public static string OfSize(string openApiWebhooks, long bytes)
    {
        var root = JsonNode.Parse(openApiWebhooks)!.AsObject();
        var schemas = root["components"]!["schemas"]!.AsObject();
        var originals = schemas.Select(entry => (entry.Key, Schema: entry.Value!.DeepClone())).ToList();
        var options = new JsonSerializerOptions { WriteIndented = true };

        // What each copy of each schema adds: the member as it is indented inside components/schemas, under
        // its new name (a copy's own $refs grow by as much; that few bytes per reference is left out).
        var sizes = originals.Select(o => MemberSize(Renamed(o.Key, 1), o.Schema, options)).ToList();
        var size = (long)System.Text.Encoding.UTF8.GetByteCount(root.ToJsonString(options));
        var copies = new List<int>(); // how many schemas each copy has, in the original order
        while (size < bytes)
        {
            var count = 0;
            while (count < originals.Count && size < bytes)
            {
                size += sizes[count++];
            }

            copies.Add(count);
        }

        for (var copy = 1; copy <= copies.Count; copy++)
        {
            // A partial last copy refers to the originals of the schemas it does not have.
            var copied = new HashSet<string>(originals.Take(copies[copy - 1]).Select(o => o.Key), StringComparer.Ordinal);
            foreach (var (name, schema) in originals.Take(copies[copy - 1]))
            {
                var renamed = schema.DeepClone();
                RenameReferences(renamed, copy, copied);
                schemas.Add(Renamed(name, copy), renamed);
            }
        }

        return root.ToJsonString(options);
    }

    private static string Renamed(string name, int copy) => $"{name}_Copy{copy}";

    /// <summary>
    /// The bytes a member of <c>components/schemas</c> adds to the indented document after other members: the
    /// difference it makes to a document that has one member already.
    /// </summary>
    private static long MemberSize(string name, JsonNode schema, JsonSerializerOptions options)
    {
        var before = new JsonObject { ["components"] = new JsonObject { ["schemas"] = new JsonObject { ["a"] = new JsonObject() } } };
        var after = new JsonObject { ["components"] = new JsonObject { ["schemas"] = new JsonObject { ["a"] = new JsonObject(), [name] = schema.DeepClone() } } };
        return System.Text.Encoding.UTF8.GetByteCount(after.ToJsonString(options)) - System.Text.Encoding.UTF8.GetByteCount(before.ToJsonString(options));
    }

    /// <summary>Points every <c>#/components/schemas/X…</c> reference at <c>X_Copy{copy}</c>.</summary>
    private static void RenameReferences(JsonNode node, int copy, HashSet<string> copied)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value is JsonValue reference && reference.TryGetValue<string>(out var target) && target.StartsWith(SchemasPointer, StringComparison.Ordinal))
                    {
                        // The name is the pointer's next token, escaped; the suffix needs no escaping.
                        var rest = target.Substring(SchemasPointer.Length);
                        var end = rest.IndexOf('/', StringComparison.Ordinal);
                        var token = end < 0 ? rest : rest.Substring(0, end);
                        if (copied.Contains(token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
                        {
                            obj[key] = SchemasPointer + Renamed(token, copy) + (end < 0 ? string.Empty : rest.Substring(end));
                        }
                    }
                    else if (value is not null)
                    {
                        RenameReferences(value, copy, copied);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        RenameReferences(item, copy, copied);
                    }
                }

                break;
        }
    }
}
