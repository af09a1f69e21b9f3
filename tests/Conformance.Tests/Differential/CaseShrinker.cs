using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Hooksmith.Conformance.Tests.Differential;

/// <summary>
/// Smaller variants of a schema and of an instance, for shrinking a disagreement to what causes it:
/// a subschema hoisted to the root, a member or item removed, a value replaced by <c>true</c> (in a
/// schema) or a scalar (in an instance). Variants that stop being a valid schema are rejected by the
/// reference side and so never chosen.
/// </summary>
internal static class CaseShrinker
{
    /// <summary>
    /// Smaller schemas, the three kinds interleaved so that a caller taking only the first few still
    /// tries each kind. The root keeps its <c>$schema</c> and definitions.
    /// </summary>
    public static IEnumerable<string> Schemas(string schemaText, string definitionsKeyword)
    {
        if (JsonNode.Parse(schemaText) is not JsonObject root)
        {
            return [];
        }

        return Interleave(Hoists(root, definitionsKeyword), Removals(root, keep: "$schema"), Replacements(root, JsonValue.Create(true)));
    }

    /// <summary>The root replaced by one of its nested schema objects.</summary>
    private static IEnumerable<string> Hoists(JsonObject root, string definitionsKeyword)
    {
        foreach (var nested in Descendants(root).OfType<JsonObject>().Where(n => n != root))
        {
            var hoisted = new JsonObject();
            if (root["$schema"] is { } dialect)
            {
                hoisted["$schema"] = dialect.DeepClone();
            }

            foreach (var (key, value) in nested)
            {
                if (key != "$schema" && key != definitionsKeyword)
                {
                    hoisted[key] = value?.DeepClone();
                }
            }

            if (root[definitionsKeyword] is { } definitions)
            {
                hoisted[definitionsKeyword] = definitions.DeepClone();
            }

            yield return hoisted.ToJsonString();
        }
    }

    private static IEnumerable<string> Interleave(params IEnumerable<string>[] sources)
    {
        var enumerators = sources.Select(s => s.GetEnumerator()).ToList();
        try
        {
            while (enumerators.Count > 0)
            {
                for (var i = enumerators.Count - 1; i >= 0; i--)
                {
                    if (!enumerators[i].MoveNext())
                    {
                        enumerators[i].Dispose();
                        enumerators.RemoveAt(i);
                    }
                }

                foreach (var enumerator in enumerators)
                {
                    yield return enumerator.Current;
                }
            }
        }
        finally
        {
            foreach (var enumerator in enumerators)
            {
                enumerator.Dispose();
            }
        }
    }

    /// <summary>Smaller instances: members and items removed, containers replaced by scalars.</summary>
    public static IEnumerable<string> Instances(string instanceText)
    {
        var root = JsonNode.Parse(instanceText);
        if (root is null)
        {
            yield break;
        }

        foreach (var variant in Removals(root, keep: null))
        {
            yield return variant;
        }

        foreach (var variant in Replacements(root, null))
        {
            yield return variant;
        }

        if (root is JsonObject or JsonArray)
        {
            foreach (var child in Children(root))
            {
                yield return child?.ToJsonString() ?? "null";
            }
        }
    }

    private static IEnumerable<string> Removals(JsonNode root, string? keep)
    {
        var count = Descendants(root).Count();
        for (var i = 0; i < count; i++)
        {
            var copy = root.DeepClone();
            var node = Descendants(copy).ElementAt(i);
            foreach (var removed in RemoveEachChild(copy, node, keep))
            {
                yield return removed;
            }
        }
    }

    private static IEnumerable<string> RemoveEachChild(JsonNode copyRoot, JsonNode node, string? keep)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (key == keep && node == copyRoot)
                    {
                        continue;
                    }

                    var value = obj[key];
                    obj.Remove(key);
                    yield return copyRoot.ToJsonString();
                    obj[key] = value;
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var value = array[i];
                    array.RemoveAt(i);
                    yield return copyRoot.ToJsonString();
                    array.Insert(i, value);
                }

                break;
        }
    }

    private static IEnumerable<string> Replacements(JsonNode root, JsonNode? replacement)
    {
        var count = Descendants(root).Count();
        for (var i = 1; i < count; i++)
        {
            var copy = root.DeepClone();
            var node = Descendants(copy).ElementAt(i);
            if (node is not (JsonObject or JsonArray) || node.Parent is null)
            {
                continue;
            }

            var parent = node.Parent;
            var value = replacement?.DeepClone();
            if (parent is JsonObject obj)
            {
                obj[node.GetPropertyName()] = value;
            }
            else if (parent is JsonArray array)
            {
                array[node.GetElementIndex()] = value;
            }

            yield return copy.ToJsonString();
        }
    }

    private static IEnumerable<JsonNode?> Children(JsonNode node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Value),
        JsonArray array => array,
        _ => [],
    };

    /// <summary>The node and every container under it, depth first.</summary>
    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        foreach (var child in Children(node).ToList())
        {
            if (child is JsonObject or JsonArray)
            {
                foreach (var descendant in Descendants(child))
                {
                    yield return descendant;
                }
            }
        }
    }
}
