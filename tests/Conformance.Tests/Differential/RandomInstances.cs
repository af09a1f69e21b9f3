using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Hooksmith.Conformance.Tests.Differential;

/// <summary>
/// Seeded random instances: any JSON value from pools that meet the schemas' keywords (member names,
/// strings near the patterns and formats, numbers near the bounds), values built from a schema to
/// satisfy it, and small mutations of those, so that many instances sit on a boundary.
/// </summary>
internal sealed class RandomInstances(Random random, DifferentialDraft draft)
{
    /// <summary>Strings that patterns, formats and lengths tell apart, including some beyond the BMP (one code point, two UTF-16 units).</summary>
    private static readonly string[] Strings =
    [
        "", "a", "b", "ab", "ba", "abc", "x1", "x22", "cd", "d", "é", "aé", "😀", "a😀", "😀😀😀", "12", "a b", "ab\n",
        "2024-02-29", "2023-02-29", "2024-13-01", "2024-01-01T10:00:00Z", "2024-01-01T10:00:00+01:00", "2024-01-01t10:00:00z",
        "2024-01-01T25:00:00Z", "10:00:00Z", "23:59:60Z", "10:00:00", "10:00:00.5+02:00",
        "a@b.c", "a@b", "@b", "a.@b.c", "ab@x", "a b@c.d", "joe@[127.0.0.1]",
        "127.0.0.1", "256.1.1.1", "01.2.3.4", "1.2.3", "::1", "1::2::3", "fe80::1%eth0", "::ffff:1.2.3.4",
        "2eb8aa08-aa98-11ea-b4aa-73b441d16380", "2eb8aa08aa9811eab4aa73b441d16380", "2EB8AA08-AA98-11EA-B4AA-73B441D16380",
        "/a/b", "/a~1b", "/a~2", "a/b", "0/a", "1#", "0", "-1/a", "00", "0#", "+1", "/", "~0", "",
        "2024-01-01T10:00:00.123456789Z", "2024-01-01 10:00:00Z", "2024-01-01T10:00Z", "2024-1-01", "10:00:00.5z", "10:00:00-00:00", "24:00:00Z",
        "::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "::1.2.3.4", "1::", ":1", "0.0.0.0", "1.2.3.4\n", "١٢", "a_b", "ß", "ﬀ",
    ];

    private static readonly string[] Numbers = ["0", "1", "-1", "2", "3", "7", "10", "15", "0.5", "1.5", "2.5", "0.1", "0.3", "0.30", "1.0", "2.00", "-0.5", "1e1", "2e0", "25e-1", "14", "-3.7", "0.25", "0.01", "1.25"];

    /// <summary>Any value, at most <paramref name="depth"/> levels deep.</summary>
    public JsonNode? Any(int depth) => random.Next(depth > 0 ? 8 : 5) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => NumberNode(Numbers[random.Next(Numbers.Length)]),
        3 or 4 => JsonValue.Create(Strings[random.Next(Strings.Length)]),
        5 or 6 => new JsonArray(Enumerable.Range(0, random.Next(0, 4)).Select(_ => Any(depth - 1)).ToArray()),
        _ => Object(depth),
    };

    /// <summary>A value built to satisfy <paramref name="schema"/> as far as a quick reading of it goes (not always: the schema may be unsatisfiable).</summary>
    public JsonNode? Guided(JsonNode? schema, JsonObject document, int depth)
    {
        if (schema is not JsonObject keywords || depth < 0)
        {
            return Any(1);
        }

        if (keywords["$ref"] is JsonValue reference && Resolve(reference.GetValue<string>(), document) is { } target && random.Next(3) != 0)
        {
            return Guided(target, document, depth - 1);
        }

        if (keywords["const"] is { } constant && random.Next(4) != 0)
        {
            return constant.DeepClone();
        }

        if (keywords["enum"] is JsonArray values && values.Count > 0 && random.Next(4) != 0)
        {
            return values[random.Next(values.Count)]?.DeepClone();
        }

        foreach (var combinator in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (keywords[combinator] is JsonArray branches && branches.Count > 0 && random.Next(3) == 0)
            {
                return Guided(branches[random.Next(branches.Count)], document, depth - 1);
            }
        }

        if (keywords["if"] is { } condition && random.Next(3) == 0)
        {
            return Guided(random.Next(2) == 0 ? condition : keywords["then"] ?? keywords["else"], document, depth - 1);
        }

        var type = keywords["type"] switch
        {
            JsonValue single => single.GetValue<string>(),
            JsonArray many when many.Count > 0 => many[random.Next(many.Count)]!.GetValue<string>(),
            _ => InferType(keywords),
        };

        return type switch
        {
            "null" => null,
            "boolean" => JsonValue.Create(random.Next(2) == 0),
            "integer" => NumberNode(BoundaryNumber(keywords, integer: true)),
            "number" => NumberNode(BoundaryNumber(keywords, integer: false)),
            "string" => JsonValue.Create(GuidedString(keywords)),
            "array" => GuidedArray(keywords, document, depth),
            "object" => GuidedObject(keywords, document, depth),
            _ => Any(depth),
        };
    }

    /// <summary>A small change to a value: a member dropped or added, an item removed or repeated, a leaf replaced.</summary>
    public JsonNode? Mutate(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject obj when obj.Count > 0 && random.Next(3) != 0:
                var key = obj.ElementAt(random.Next(obj.Count)).Key;
                switch (random.Next(4))
                {
                    case 3:
                        // The same members in another order: equal for enum, const and uniqueItems.
                        var members = obj.Select(p => (p.Key, Value: p.Value?.DeepClone())).Reverse().ToList();
                        return new JsonObject(members.Select(m => KeyValuePair.Create(m.Key, m.Value)));
                    case 0: obj.Remove(key); break;
                    case 1: obj[key] = Mutate(obj[key]?.DeepClone()); break;
                    default: obj[RandomSchemas.Names[random.Next(RandomSchemas.Names.Length)]] = Any(1); break;
                }

                return obj;
            case JsonArray array when array.Count > 0 && random.Next(3) != 0:
                var index = random.Next(array.Count);
                switch (random.Next(3))
                {
                    case 0: array.RemoveAt(index); break;
                    case 1: array.Add(array[index]?.DeepClone()); break;
                    default: array[index] = Mutate(array[index]?.DeepClone()); break;
                }

                return array;
            case JsonValue number when number.GetValueKind() == System.Text.Json.JsonValueKind.Number && random.Next(2) == 0:
                // The same number written another way: 2, 2.0 and 20e-1 are one value.
                var text = number.ToJsonString();
                return NumberNode(text.Contains('e', StringComparison.OrdinalIgnoreCase) ? text : text.Contains('.', StringComparison.Ordinal) ? text + "0" : text + ".0");
            default:
                return Any(1);
        }
    }

    private JsonObject Object(int depth)
    {
        var obj = new JsonObject();
        foreach (var name in RandomSchemas.Names.OrderBy(_ => random.Next()).Take(random.Next(0, 4)))
        {
            obj[name] = Any(depth - 1);
        }

        return obj;
    }

    private static JsonNode? Resolve(string reference, JsonObject document)
    {
        var parts = reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries);
        JsonNode? node = document;
        foreach (var part in parts)
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node;
    }

    private string InferType(JsonObject keywords)
    {
        if (keywords.Any(k => k.Key is "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf"))
        {
            return random.Next(2) == 0 ? "integer" : "number";
        }

        if (keywords.Any(k => k.Key is "minLength" or "maxLength" or "pattern" or "format"))
        {
            return "string";
        }

        if (keywords.Any(k => k.Key is "items" or "prefixItems" or "contains" or "minItems" or "maxItems" or "uniqueItems" or "unevaluatedItems" or "additionalItems"))
        {
            return "array";
        }

        if (keywords.Any(k => k.Key is "properties" or "required" or "patternProperties" or "additionalProperties" or "propertyNames" or "dependentRequired"
            or "dependentSchemas" or "dependencies" or "minProperties" or "maxProperties" or "unevaluatedProperties"))
        {
            return "object";
        }

        return "any";
    }

    /// <summary>A number on, just inside or just outside a bound, or a multiple (or not) of multipleOf.</summary>
    private string BoundaryNumber(JsonObject keywords, bool integer)
    {
        var candidates = new List<decimal>();
        foreach (var bound in new[] { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" })
        {
            if (keywords[bound] is JsonValue value && value.TryGetValue<decimal>(out var b))
            {
                candidates.AddRange([b, b - 1, b + 1, b - 0.1m, b + 0.1m, Math.Floor(b), Math.Ceiling(b)]);
            }
        }

        if (keywords["multipleOf"] is JsonValue multiple && multiple.TryGetValue<decimal>(out var m))
        {
            var k = random.Next(-4, 8);
            candidates.AddRange([m * k, (m * k) + (m / 2), m * k * 3]);
        }

        if (candidates.Count == 0 || random.Next(5) == 0)
        {
            return Numbers[random.Next(Numbers.Length)];
        }

        var chosen = candidates[random.Next(candidates.Count)];
        if (integer && random.Next(3) != 0)
        {
            chosen = Math.Round(chosen);
        }

        // Sometimes written with a redundant fraction or as an exponent: 2 and 2.0 and 20e-1 are one number.
        var text = chosen.ToString(CultureInfo.InvariantCulture);
        return random.Next(6) switch
        {
            0 when !text.Contains('.', StringComparison.Ordinal) => text + ".0",
            1 when !text.Contains('.', StringComparison.Ordinal) && text != "0" && !text.StartsWith('-') => text + "0e-1",
            _ => text,
        };
    }

    private string GuidedString(JsonObject keywords)
    {
        if (random.Next(5) == 0 || !keywords.Any(k => k.Key is "minLength" or "maxLength"))
        {
            return Strings[random.Next(Strings.Length)];
        }

        var length = keywords["minLength"] is JsonValue min ? min.GetValue<int>() : keywords["maxLength"] is JsonValue max ? max.GetValue<int>() : 2;
        length = Math.Max(0, length + random.Next(-1, 2));
        var pieces = new[] { "a", "b", "é", "😀", "1", "x" };
        return string.Concat(Enumerable.Range(0, length).Select(_ => pieces[random.Next(pieces.Length)]));
    }

    private JsonArray GuidedArray(JsonObject keywords, JsonObject document, int depth)
    {
        var items = new List<JsonNode?>();
        var prefix = draft.Is202012 ? keywords["prefixItems"] as JsonArray : keywords["items"] as JsonArray;
        if (prefix is not null)
        {
            items.AddRange(prefix.Take(random.Next(prefix.Count + 1)).Select(p => Guided(p, document, depth - 1)));
        }

        var rest = prefix is null ? keywords["items"] : draft.Is202012 ? keywords["items"] : keywords["additionalItems"];
        var count = random.Next(0, 4);
        for (var i = 0; i < count; i++)
        {
            items.Add(random.Next(2) == 0 && keywords["contains"] is { } contains ? Guided(contains, document, depth - 1) : Guided(rest, document, depth - 1));
        }

        if (items.Count > 0 && random.Next(4) == 0)
        {
            items.Add(items[0]?.DeepClone());
        }

        return new JsonArray(items.ToArray());
    }

    private JsonObject GuidedObject(JsonObject keywords, JsonObject document, int depth)
    {
        var obj = new JsonObject();
        var properties = keywords["properties"] as JsonObject;
        if (keywords["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()))
            {
                obj[name] = Guided(properties?[name], document, depth - 1);
            }
        }

        if (properties is not null)
        {
            foreach (var (name, schema) in properties.Where(_ => random.Next(3) != 0).ToList())
            {
                obj[name] = Guided(schema, document, depth - 1);
            }
        }

        if (random.Next(3) == 0)
        {
            var name = RandomSchemas.Names[random.Next(RandomSchemas.Names.Length)];
            obj[name] = Guided(keywords["additionalProperties"], document, depth - 1);
        }

        return obj;
    }

    private static JsonNode NumberNode(string text) => JsonNode.Parse(text)!;
}
