using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Hooksmith.Conformance.Tests.Differential;

/// <summary>
/// Seeded random schemas across the validation vocabulary of a draft: types (single and arrays),
/// enum/const, numeric bounds with decimals, string lengths, patterns of the ECMA subset python's
/// <c>re</c> reads the same way, formats, the array and object keywords, the combinators,
/// if/then/else, <c>$ref</c> to definitions and (2020-12) the unevaluated keywords — nested.
/// </summary>
internal sealed class RandomSchemas(Random random, DifferentialDraft draft)
{
    /// <summary>Member names drawn from a small pool, so that properties, required and instances meet.</summary>
    public static readonly string[] Names = ["a", "b", "c", "ab", "x1", "x22", "é", "", "A", "a b", "a/b", "~0", "😀", "class", "1", "a\0b"];

    /// <summary>Patterns both ECMA-262 and python's <c>re</c> read the same way on the strings generated here.</summary>
    public static readonly string[] Patterns =
        ["^a", "b$", "^[a-c]+$", "^x[0-9]+$", "^.{2,3}$", "a|b", "^[^a]", "[0-9]{2}", "^(ab)*$", "c?d", "^\\S+$", "é", "^[a-z0-9.-]+@[a-z]+$", "^\\w+$", "[a-z]{2}", "^$", "\\.", "^[😀é]"];

    private static readonly string[] Types = ["null", "boolean", "integer", "number", "string", "array", "object"];

    private static readonly string[] MultipleOfs = ["2", "3", "0.5", "0.1", "0.01", "1.5", "0.25", "7", "0.3"];

    private int _definitions;

    /// <summary>A whole schema document: <c>$schema</c>, a few definitions (which may refer to later ones), the root.</summary>
    public JsonObject Document()
    {
        _definitions = random.Next(4) == 0 ? 0 : random.Next(0, 4);
        var definitions = new JsonObject();
        for (var i = 0; i < _definitions; i++)
        {
            definitions["d" + i.ToString(CultureInfo.InvariantCulture)] = Schema(2, refsFrom: i + 1);
        }

        var root = Schema(random.Next(1, 4), refsFrom: 0) as JsonObject ?? new JsonObject { ["not"] = Schema(0, 0) };
        var document = new JsonObject { ["$schema"] = draft.MetaSchemaUri };
        foreach (var (key, value) in root.ToList())
        {
            root.Remove(key);
            document[key] = value;
        }

        if (_definitions > 0)
        {
            document[draft.DefinitionsKeyword] = definitions;
        }

        return document;
    }

    /// <summary>A schema of at most <paramref name="depth"/> levels; <c>$ref</c>s go to definitions from <paramref name="refsFrom"/> on, so none loops.</summary>
    public JsonNode Schema(int depth, int refsFrom)
    {
        if (random.Next(14) == 0)
        {
            return JsonValue.Create(random.Next(4) != 0);
        }

        var schema = new JsonObject();
        if (refsFrom < _definitions && random.Next(5) == 0)
        {
            schema["$ref"] = "#/" + draft.DefinitionsKeyword + "/d" + random.Next(refsFrom, _definitions).ToString(CultureInfo.InvariantCulture);
            if (random.Next(2) == 0)
            {
                // Siblings of $ref: ignored by draft-07, applied by 2020-12.
                AddKeywords(schema, depth, refsFrom, count: 1);
            }

            return schema;
        }

        AddKeywords(schema, depth, refsFrom, count: random.Next(1, 4));
        return schema;
    }

    private void AddKeywords(JsonObject schema, int depth, int refsFrom, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var group = depth <= 0 ? random.Next(6) : random.Next(draft.Is202012 ? 12 : 10);
            switch (group)
            {
                case 0: Type(schema); break;
                case 1: EnumOrConst(schema); break;
                case 2: Type(schema, "number", "integer"); Numeric(schema); break;
                case 3: Type(schema, "string"); Text(schema); break;
                case 4: Numeric(schema); Text(schema); break;
                case 5: Counts(schema); break;
                case 6: Type(schema, "array"); Arrays(schema, depth - 1, refsFrom); break;
                case 7: Type(schema, "object"); Objects(schema, depth - 1, refsFrom); break;
                case 8: Combinators(schema, depth - 1, refsFrom); break;
                case 9: Conditional(schema, depth - 1, refsFrom); break;
                default: Unevaluated(schema, depth - 1, refsFrom); break;
            }
        }
    }

    private void Type(JsonObject schema, params string[] likely)
    {
        if (schema.ContainsKey("type") || random.Next(3) == 0)
        {
            return;
        }

        if (likely.Length > 0 && random.Next(3) != 0)
        {
            schema["type"] = likely.Length == 1 || random.Next(2) == 0 ? likely[0] : new JsonArray(likely.Select(l => (JsonNode?)l).ToArray());
            return;
        }

        if (random.Next(3) == 0)
        {
            var types = Types.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(t => (JsonNode?)t).ToArray();
            schema["type"] = new JsonArray(types);
        }
        else
        {
            schema["type"] = Types[random.Next(Types.Length)];
        }
    }

    private void EnumOrConst(JsonObject schema)
    {
        var values = new RandomInstances(random, draft);
        if (random.Next(2) == 0)
        {
            schema["const"] = values.Any(1);
        }
        else
        {
            var items = Enumerable.Range(0, random.Next(1, 5)).Select(_ => values.Any(1)).ToArray();
            schema["enum"] = new JsonArray(items);
        }
    }

    private void Numeric(JsonObject schema)
    {
        switch (random.Next(6))
        {
            case 0: schema["minimum"] = Number(); break;
            case 1: schema["maximum"] = Number(); break;
            case 2: schema["exclusiveMinimum"] = Number(); break;
            case 3: schema["exclusiveMaximum"] = Number(); break;
            default: schema["multipleOf"] = JsonNode.Parse(MultipleOfs[random.Next(MultipleOfs.Length)]); break;
        }
    }

    /// <summary>A bound: small integers and decimals, sometimes written with a fraction or exponent.</summary>
    public JsonNode Number() => random.Next(6) switch
    {
        0 => JsonNode.Parse((random.Next(-20, 21) / 10.0m).ToString(CultureInfo.InvariantCulture))!,
        1 => JsonNode.Parse(random.Next(-5, 10).ToString(CultureInfo.InvariantCulture) + ".0")!,
        2 => JsonNode.Parse(random.Next(1, 9).ToString(CultureInfo.InvariantCulture) + "e1")!,
        _ => JsonValue.Create(random.Next(-5, 15)),
    };

    private void Text(JsonObject schema)
    {
        switch (random.Next(5))
        {
            case 0: schema["minLength"] = random.Next(0, 4); break;
            case 1: schema["maxLength"] = random.Next(0, 5); break;
            case 2:
            case 3: schema["pattern"] = Patterns[random.Next(Patterns.Length)]; break;
            default: schema["format"] = draft.AssertedFormats[random.Next(draft.AssertedFormats.Length)]; break;
        }
    }

    private void Counts(JsonObject schema)
    {
        switch (random.Next(5))
        {
            case 0: schema["minItems"] = random.Next(0, 4); break;
            case 1: schema["maxItems"] = random.Next(0, 4); break;
            case 2: schema["uniqueItems"] = random.Next(4) != 0; break;
            case 3: schema["minProperties"] = random.Next(0, 3); break;
            default: schema["maxProperties"] = random.Next(0, 3); break;
        }
    }

    private void Arrays(JsonObject schema, int depth, int refsFrom)
    {
        switch (random.Next(draft.Is202012 ? 8 : 6))
        {
            case 0:
                schema["items"] = Schema(depth, refsFrom);
                break;
            case 1:
                var prefix = new JsonArray(Enumerable.Range(0, random.Next(1, 3)).Select(_ => (JsonNode?)Schema(depth, refsFrom)).ToArray());
                if (draft.Is202012)
                {
                    schema["prefixItems"] = prefix;
                    if (random.Next(2) == 0)
                    {
                        schema["items"] = Schema(depth, refsFrom);
                    }
                }
                else
                {
                    schema["items"] = prefix;
                    if (random.Next(2) == 0)
                    {
                        schema["additionalItems"] = Schema(depth, refsFrom);
                    }
                }

                break;
            case 2:
            case 3:
                schema["contains"] = Schema(depth, refsFrom);
                if (draft.Is202012 && random.Next(2) == 0)
                {
                    schema[random.Next(2) == 0 ? "minContains" : "maxContains"] = random.Next(0, 3);
                }

                break;
            case 4:
                schema["uniqueItems"] = true;
                break;
            case 5:
                Counts(schema);
                break;
            default:
                schema["unevaluatedItems"] = Schema(depth, refsFrom);
                if (random.Next(2) == 0)
                {
                    Combinators(schema, depth, refsFrom);
                }

                break;
        }
    }

    private void Objects(JsonObject schema, int depth, int refsFrom)
    {
        switch (random.Next(draft.Is202012 ? 10 : 9))
        {
            case 0:
            case 1:
                var properties = new JsonObject();
                foreach (var property in Names.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
                {
                    properties[property] = Schema(depth, refsFrom);
                }

                schema["properties"] = properties;
                if (random.Next(2) == 0)
                {
                    schema["additionalProperties"] = Schema(depth - 1, refsFrom);
                }

                break;
            case 2:
                var patterns = new JsonObject();
                foreach (var pattern in new[] { "^a", "^x[0-9]", "b$", "é" }.OrderBy(_ => random.Next()).Take(random.Next(1, 3)))
                {
                    patterns[pattern] = Schema(depth, refsFrom);
                }

                schema["patternProperties"] = patterns;
                break;
            case 3:
                schema["additionalProperties"] = Schema(depth, refsFrom);
                break;
            case 4:
                schema["propertyNames"] = random.Next(3) switch
                {
                    0 => new JsonObject { ["maxLength"] = random.Next(1, 3) },
                    1 => new JsonObject { ["pattern"] = Patterns[random.Next(Patterns.Length)] },
                    _ => Schema(0, refsFrom),
                };
                break;
            case 5:
            case 6:
                schema["required"] = new JsonArray(Names.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(n => (JsonNode?)n).ToArray());
                break;
            case 7:
                var dependencies = new JsonObject();
                var name = Names[random.Next(Names.Length)];
                if (random.Next(2) == 0)
                {
                    var others = Names.Where(n => n != name).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(n => (JsonNode?)n).ToArray();
                    dependencies[name] = new JsonArray(others);
                    schema[draft.Is202012 ? "dependentRequired" : "dependencies"] = dependencies;
                }
                else
                {
                    dependencies[name] = Schema(depth, refsFrom);
                    schema[draft.Is202012 ? "dependentSchemas" : "dependencies"] = dependencies;
                }

                break;
            case 8:
                Counts(schema);
                break;
            default:
                schema["unevaluatedProperties"] = Schema(depth, refsFrom);
                if (random.Next(3) != 0)
                {
                    Combinators(schema, depth, refsFrom);
                }

                break;
        }
    }

    private void Combinators(JsonObject schema, int depth, int refsFrom)
    {
        var keyword = random.Next(4) switch { 0 => "allOf", 1 => "anyOf", 2 => "oneOf", _ => "not" };
        if (schema.ContainsKey(keyword))
        {
            return;
        }

        schema[keyword] = keyword == "not"
            ? Schema(depth, refsFrom)
            : new JsonArray(Enumerable.Range(0, random.Next(1, 4)).Select(_ => (JsonNode?)Schema(depth, refsFrom)).ToArray());
    }

    /// <summary>
    /// unevaluatedProperties/Items beside the keywords whose annotations they read, in subschemas
    /// (allOf, anyOf, oneOf, if/then/else, dependentSchemas, $ref, not) where the rules are subtle:
    /// a failing branch contributes nothing, contains counts as evaluating the items it matched.
    /// </summary>
    private void Unevaluated(JsonObject schema, int depth, int refsFrom)
    {
        var items = random.Next(2) == 0;
        schema[items ? "unevaluatedItems" : "unevaluatedProperties"] = random.Next(3) == 0 ? Schema(0, refsFrom) : JsonValue.Create(false);
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var evaluating = items ? ItemsEvaluating(depth, refsFrom) : PropertiesEvaluating(depth, refsFrom);
            var place = random.Next(draft.Is202012 ? 8 : 7);
            switch (place)
            {
                case 0:
                    foreach (var (key, value) in evaluating.ToList())
                    {
                        evaluating.Remove(key);
                        schema[key] = value;
                    }

                    break;
                case 1 or 2 or 3:
                    var keyword = place switch { 1 => "allOf", 2 => "anyOf", _ => "oneOf" };
                    var branches = schema[keyword] as JsonArray ?? new JsonArray();
                    branches.Add(evaluating);
                    schema[keyword] = branches;
                    break;
                case 4:
                    schema["if"] = evaluating;
                    schema["then"] ??= random.Next(2) == 0 ? ItemsOrPropertiesEvaluating(items, depth, refsFrom) : JsonValue.Create(true);
                    break;
                case 5:
                    schema["else"] = evaluating;
                    schema["if"] ??= Schema(0, refsFrom);
                    break;
                case 6:
                    schema["not"] = new JsonObject { ["not"] = evaluating };
                    break;
                default:
                    schema["dependentSchemas"] = new JsonObject { [Names[random.Next(Names.Length)]] = evaluating };
                    break;
            }
        }
    }

    private JsonObject ItemsOrPropertiesEvaluating(bool items, int depth, int refsFrom) => items ? ItemsEvaluating(depth, refsFrom) : PropertiesEvaluating(depth, refsFrom);

    private JsonObject ItemsEvaluating(int depth, int refsFrom) => random.Next(4) switch
    {
        0 => new JsonObject { ["prefixItems"] = new JsonArray(Enumerable.Range(0, random.Next(1, 3)).Select(_ => (JsonNode?)Schema(depth, refsFrom)).ToArray()) },
        1 => new JsonObject { ["contains"] = Schema(depth, refsFrom) },
        2 => new JsonObject { ["items"] = Schema(depth, refsFrom) },
        _ => new JsonObject { ["prefixItems"] = new JsonArray(Schema(depth, refsFrom)), ["contains"] = Schema(depth, refsFrom) },
    };

    private JsonObject PropertiesEvaluating(int depth, int refsFrom)
    {
        var schema = new JsonObject();
        switch (random.Next(3))
        {
            case 0:
                schema["properties"] = new JsonObject { [Names[random.Next(Names.Length)]] = Schema(depth, refsFrom) };
                break;
            case 1:
                schema["patternProperties"] = new JsonObject { [random.Next(2) == 0 ? "^a" : "b$"] = Schema(depth, refsFrom) };
                break;
            default:
                schema["additionalProperties"] = Schema(depth, refsFrom);
                break;
        }

        if (random.Next(3) == 0)
        {
            schema["required"] = new JsonArray((JsonNode?)Names[random.Next(Names.Length)]);
        }

        return schema;
    }

    private void Conditional(JsonObject schema, int depth, int refsFrom)
    {
        schema["if"] = Schema(depth, refsFrom);
        if (random.Next(4) != 0)
        {
            schema["then"] = Schema(depth, refsFrom);
        }

        if (random.Next(2) == 0)
        {
            schema["else"] = Schema(depth, refsFrom);
        }
    }
}
