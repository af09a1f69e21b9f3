using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using Hooksmith.Conformance.Tests.Running;
using Hooksmith.Generator.Tests.Infrastructure;
using Hooksmith.Validation;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Conformance.Tests;

/// <summary>
/// Issue 14's fused pass (the reader pass's checks made while <c>TryParse</c> binds) against the document
/// validators, over a family of schemas built around what it must get right: nullable <c>anyOf</c>s behind
/// references, <c>patternProperties</c> and <c>additionalProperties</c> beside a model's members, <c>required</c>
/// names no property describes, <c>dependentRequired</c>, member and item counts, <c>prefixItems</c>, maps, raw JSON
/// members, unions, <c>allOf</c> models, recursion, formats that assert, integers spelled <c>1.0</c>. Each schema's
/// model binds random edits of valid payloads: values replaced by others of every type, members removed, added,
/// repeated or spelled with an escape. The pass must never prove valid what the validators reject, must prove
/// what the reader pass decides valid and binds cleanly, and <c>TryParse</c> must give the same result with and
/// without it, error for error.
/// </summary>
public sealed class FusedPassTests(FusedPassTests.Models models) : IClassFixture<FusedPassTests.Models>
{
    private const int Iterations = 400;

    public static TheoryData<string> SchemaNames => new(Family.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void The_fused_pass_agrees_with_the_validators_on_random_edits(string name)
    {
        var schema = Family.Single(s => s.Name == name);
        var entry = models.Entry(schema);
        var model = entry.ModelType ?? throw new InvalidOperationException($"{name}: the schema has no model type");
        var proven = 0;
        var rejected = 0;
        Gen.Int[0, int.MaxValue].Sample(
            seed =>
            {
                var random = new Random(seed);
                var example = schema.Examples[random.Next(schema.Examples.Length)];
                var payload = Edit(example, schema.Names, random);
                var (wasProven, wasRejected) = Agree(entry, model, payload, schema.Options);
                proven += wasProven ? 1 : 0;
                rejected += wasRejected ? 1 : 0;
            },
            iter: Iterations,
            threads: 1);

        // Both sides must be exercised, or the agreement above would hold vacuously.
        Assert.True(proven >= (schema.Provable ? Iterations / 20 : 0), $"{name}: the fused pass proved only {proven} of {Iterations} payloads valid");
        Assert.True(rejected >= Iterations / 20, $"{name}: the validators rejected only {rejected} of {Iterations} payloads");
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void TryParse_finds_the_unedited_examples_valid_and_the_fused_pass_proves_them(string name)
    {
        var schema = Family.Single(s => s.Name == name);
        var entry = models.Entry(schema);
        foreach (var example in schema.Examples)
        {
            using var document = JsonDocument.Parse(example);
            var full = entry.Validate(document.RootElement, schema.Options);
            Assert.True(full.IsValid, $"{name}: the example is not valid ({full}): {example}");
            var utf8 = Encoding.UTF8.GetBytes(example);
            var parsed = FusedProof.Parse(entry.ModelType!, utf8, fused: true, schema.Options);
            Assert.True(parsed.Bound && parsed.Errors.Length == 0, $"{name}: TryParse does not find the example valid ({parsed.Errors}): {example}");
            Assert.Equal(schema.Provable ? (true, true) : (false, true), FusedProof.Probe(entry.ModelType!, utf8, schema.Options));
        }
    }

    [Fact]
    public void A_payload_deeper_than_validation_goes_is_not_proven_valid()
    {
        // The tree refers to itself through two aliases: five subschemas a level, so 100 levels (200 deep in JSON,
        // within the reader's 256) reach past ValidationContext.MaxDepth.
        var entry = models.Entry(Family.Single(s => s.Name == "tree"));
        var deep = new StringBuilder();
        for (var i = 0; i < 100; i++)
        {
            deep.Append("{\"value\":1,\"children\":[");
        }

        deep.Append("{\"value\":1}");
        for (var i = 0; i < 100; i++)
        {
            deep.Append("]}");
        }

        var payload = Encoding.UTF8.GetBytes(deep.ToString());
        Assert.Equal((false, true), FusedProof.Probe(entry.ModelType!, payload));
        Assert.Equal(FusedProof.Parse(entry.ModelType!, payload, fused: false), FusedProof.Parse(entry.ModelType!, payload, fused: true));
    }

    /// <summary>Checks one payload; returns whether the fused pass proved it valid and whether the validators rejected it.</summary>
    private static (bool Proven, bool Rejected) Agree(SchemaCatalogEntry entry, Type model, string payload, ValidationOptions options)
    {
        var utf8 = Encoding.UTF8.GetBytes(payload);
        ValidationResult full;
        try
        {
            using var document = JsonDocument.Parse(utf8);
            full = entry.Validate(document.RootElement, options);
        }
        catch (JsonException)
        {
            return (false, false); // an edit that repeated a name JsonDocument cannot hold is not a payload here
        }

        var (proven, bindsCleanly) = FusedProof.Probe(model, utf8, options)!.Value;
        Assert.False(proven && !full.IsValid, $"the fused pass proves valid what the validators reject ({full}): {payload}");

        var pass = FusedProof.StreamOf(model)?.Evaluate(utf8, options);
        Assert.False(pass == StreamVerdict.Valid && bindsCleanly && !proven, $"the reader pass decides valid and binding is clean, yet the fused pass does not prove it: {payload}");

        Assert.Equal(FusedProof.Parse(model, utf8, fused: false, options), FusedProof.Parse(model, utf8, fused: true, options));
        return (proven, !full.IsValid);
    }

    /// <summary>One to three random edits of a payload.</summary>
    private static string Edit(string example, string[] names, Random random)
    {
        var root = Node.Parse(example);
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var places = new List<Node>();
            root.Collect(places);
            var place = places[random.Next(places.Count)];
            switch (random.Next(6))
            {
                case 0:
                    place.ReplaceWith(Node.Random(random, names, 0));
                    break;
                case 1 when place.Members is { Count: > 0 } members:
                    members.RemoveAt(random.Next(members.Count));
                    break;
                case 2 when place.Members is { } members:
                    members.Insert(random.Next(members.Count + 1), new Member(Pick(random, names), Node.Random(random, names, 1)));
                    break;
                case 3 when place.Members is { Count: > 0 } members:
                    var repeated = members[random.Next(members.Count)];
                    members.Add(new Member(repeated.Name, Node.Random(random, names, 1)));
                    break;
                case 4 when place.Members is { Count: > 0 } members:
                    members[random.Next(members.Count)].Escaped = true;
                    break;
                case 5 when place.Items is { } items:
                    if (items.Count > 0 && random.Next(2) == 0)
                    {
                        items.RemoveAt(random.Next(items.Count));
                    }
                    else
                    {
                        items.Insert(random.Next(items.Count + 1), Node.Random(random, names, 1));
                    }

                    break;
                default:
                    place.ReplaceWith(Node.Random(random, names, 2));
                    break;
            }
        }

        return root.ToJson();
    }

    private static string Pick(Random random, string[] names)
        => random.Next(5) == 0 ? Extras[random.Next(Extras.Length)] : names[random.Next(names.Length)];

    private static readonly string[] Extras = ["extra", "x-a", "x-long-name", "é", ""];

    /// <summary>The scalars random values are drawn from: every JSON type, edge numbers, strings of formats and lengths.</summary>
    private static readonly string[] Scalars =
    [
        "null", "true", "false", "0", "-1", "1", "1.0", "2.5", "1e2", "1e400", "-0", "12345678901234567890123",
        "\"\"", "\"x\"", "\"abcdef\"", "\"PAID\"", "\"\\u0050AID\"", "\"2024-03-12T13:40:39Z\"", "\"not a date\"", "\"é\"",
    ];

    /// <summary>A JSON value that may repeat member names, with names that may be written escaped.</summary>
    private sealed class Node
    {
        private string? _scalar;

        public List<Member>? Members { get; private set; }

        public List<Node>? Items { get; private set; }

        public static Node Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            return From(document.RootElement);
        }

        public static Node Random(Random random, string[] names, int depth)
        {
            var kind = random.Next(depth >= 3 ? 1 : 5);
            if (kind == 3)
            {
                var members = new List<Member>();
                for (var i = random.Next(4); i > 0; i--)
                {
                    members.Add(new Member(Pick(random, names), Random(random, names, depth + 1)));
                }

                return new Node { Members = members };
            }

            if (kind == 4)
            {
                return new Node { Items = Enumerable.Range(0, random.Next(4)).Select(_ => Random(random, names, depth + 1)).ToList() };
            }

            return new Node { _scalar = Scalars[random.Next(Scalars.Length)] };
        }

        public void ReplaceWith(Node other)
        {
            _scalar = other._scalar;
            Members = other.Members;
            Items = other.Items;
        }

        public void Collect(List<Node> places)
        {
            places.Add(this);
            foreach (var member in Members ?? [])
            {
                member.Value.Collect(places);
            }

            foreach (var item in Items ?? [])
            {
                item.Collect(places);
            }
        }

        public string ToJson()
        {
            var text = new StringBuilder();
            Write(text);
            return text.ToString();
        }

        private void Write(StringBuilder text)
        {
            if (Members is { } members)
            {
                text.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",");
                    var encoded = JsonSerializer.Serialize(members[i].Name);
                    text.Append(members[i].Escaped && members[i].Name.Length > 0
                        ? "\"\\u" + ((int)members[i].Name[0]).ToString("X4", CultureInfo.InvariantCulture) + encoded[2..]
                        : encoded);
                    text.Append(':');
                    members[i].Value.Write(text);
                }

                text.Append('}');
            }
            else if (Items is { } items)
            {
                text.Append('[');
                for (var i = 0; i < items.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",");
                    items[i].Write(text);
                }

                text.Append(']');
            }
            else
            {
                text.Append(_scalar);
            }
        }

        private static Node From(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => new Node { Members = element.EnumerateObject().Select(p => new Member(p.Name, From(p.Value))).ToList() },
            JsonValueKind.Array => new Node { Items = element.EnumerateArray().Select(From).ToList() },
            _ => new Node { _scalar = element.GetRawText() },
        };
    }

    private sealed class Member(string name, Node value)
    {
        public string Name { get; } = name;

        public Node Value { get; } = value;

        public bool Escaped { get; set; }
    }

    /// <summary>A schema of the family: its text, valid examples, the names random members take, the options it is validated with.</summary>
    public sealed record FamilySchema(string Name, string Dialect, string Text, string[] Examples, string[] Names)
    {
        public ValidationOptions Options { get; init; } = ValidationOptions.Default;

        /// <summary>Whether the fused pass can prove the examples valid (not where formats assert: those it leaves to the document).</summary>
        public bool Provable { get; init; } = true;
    }

    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    internal static readonly FamilySchema[] Family =
    [
        new("order", "2020-12", $$$$"""
            {"$schema": "{{{Draft202012}}}", "type": "object",
             "properties": {
               "id": {"type": "string", "minLength": 1},
               "status": {"enum": ["CREATED", "PAID", "CANCELED"]},
               "total": {"type": "integer", "minimum": 0},
               "rate": {"type": "number", "exclusiveMaximum": 1, "multipleOf": 0.5},
               "note": {"type": ["string", "null"], "maxLength": 5},
               "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 3},
               "created_at": {"type": "string", "format": "date-time"},
               "gift": {"type": "boolean"}
             },
             "required": ["id", "status"],
             "additionalProperties": false}
            """,
            ["""{"id":"o1","status":"PAID","total":10,"rate":0.5,"note":"hi","tags":["a","b"],"created_at":"2024-03-12T13:40:39Z","gift":true}""", """{"id":"o2","status":"CREATED"}"""],
            ["id", "status", "total", "rate", "note", "tags", "created_at", "gift"]),
        new("nullable-references", "2020-12", $$$$"""
            {"$schema": "{{{Draft202012}}}", "type": "object",
             "$defs": {
               "Customer": {"type": "object", "properties": {"name": {"type": "string", "minLength": 1}, "email": {"anyOf": [{"type": "string"}, {"type": "null"}]}}, "required": ["name"]},
               "Alias": {"$ref": "#/$defs/Customer"}
             },
             "properties": {
               "customer": {"anyOf": [{"$ref": "#/$defs/Customer"}, {"type": "null"}]},
               "referrer": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/Alias"}]},
               "others": {"type": "array", "items": {"anyOf": [{"$ref": "#/$defs/Alias"}, {"type": "null"}]}}
             },
             "required": ["customer"]}
            """,
            ["""{"customer":{"name":"Ann","email":null},"referrer":null,"others":[null,{"name":"Bo","email":"b@x"}]}""", """{"customer":null,"referrer":{"name":"C"}}"""],
            ["customer", "referrer", "others", "name", "email"]),
        new("patterns", "2020-12", $$$$"""
            {"$schema": "{{{Draft202012}}}", "type": "object",
             "properties": {"a": {"type": "integer"}, "x-a": {"type": "integer"}},
             "patternProperties": {"^x-": {"type": "integer", "maximum": 5}},
             "additionalProperties": {"type": "boolean"},
             "minProperties": 1, "maxProperties": 4}
            """,
            ["""{"a":1,"x-a":2,"x-long-name":3,"extra":true}""", """{"extra":false}"""],
            ["a", "x-a", "x-long-name"]),
        new("presence", "2020-12", $$$$"""
            {"$schema": "{{{Draft202012}}}", "type": "object",
             "properties": {"a": {"type": "string"}, "b": {"type": "string"}, "c": {"type": "object", "properties": {"d": {"type": "integer"}}, "required": ["d", "e"]}},
             "required": ["a", "zz"],
             "dependentRequired": {"a": ["b"], "c": ["zz"]}}
            """,
            ["""{"a":"1","b":"2","zz":0}""", """{"a":"1","b":"2","zz":null,"c":{"d":1,"e":"x"}}"""],
            ["a", "b", "c", "d", "e", "zz"]),
        new("maps-and-raw", "2020-12", $$$$"""
            {"$schema": "{{{Draft202012}}}", "type": "object",
             "properties": {
               "metadata": {"type": "object", "additionalProperties": {"type": "integer"}},
               "labels": {"type": "object", "additionalProperties": {"type": "object", "properties": {"v": {"type": "string"}}, "required": ["v"]}},
               "anything": {},
               "object": {"type": "object"}
             }}
            """,
            ["""{"metadata":{"a":1,"b":2},"labels":{"x":{"v":"1"}},"anything":{"deep":[{"a":1},{"b":[1,2]}]},"object":{"k":[{"z":null}]}}""", """{}"""],
            ["metadata", "labels", "anything", "object", "a", "b", "v", "deep"]),
        new("tuples", "2020-12", $$$$"""
            {"$schema": "{{{Draft202012}}}", "type": "object",
             "properties": {
               "pair": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false, "minItems": 1},
               "counts": {"type": "array", "items": {"type": "integer", "minimum": 1}, "minItems": 1, "maxItems": 3},
               "matrix": {"type": "array", "items": {"type": "array", "items": {"type": "number"}}}
             }}
            """,
            ["""{"pair":["a",1],"counts":[1,2],"matrix":[[1.5],[2,3]]}""", """{"pair":["b"],"counts":[3]}"""],
            ["pair", "counts", "matrix"]),
        new("tree", "2020-12", $$$$"""
            {"$schema": "{{{Draft202012}}}", "type": "object",
             "properties": {"value": {"type": "integer"}, "children": {"type": "array", "items": {"$ref": "#/$defs/Child"}}},
             "required": ["value"],
             "$defs": {"Child": {"$ref": "#/$defs/Alias"}, "Alias": {"$ref": "#"}}}
            """,
            ["""{"value":1,"children":[{"value":2,"children":[{"value":3}]},{"value":4,"children":[]}]}"""],
            ["value", "children"]),
        new("in-place", "2020-12", $$$$"""
            {"$schema": "{{{Draft202012}}}", "type": "object",
             "$defs": {"Base": {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}},
             "properties": {
               "shape": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
               "merged": {"allOf": [{"$ref": "#/$defs/Base"}, {"properties": {"size": {"type": "integer", "maximum": 10}}}]},
               "either": {"anyOf": [{"type": "object", "properties": {"k": {"const": 1}}, "required": ["k"]}, {"type": "array"}]},
               "unique": {"type": "array", "uniqueItems": true}
             }}
            """,
            ["""{"shape":"s","merged":{"id":"a","size":3},"either":{"k":1}}""", """{"shape":4,"either":[]}"""],
            ["shape", "merged", "either", "unique", "id", "size", "k"]),
        new("formats-asserted", "2020-12", $$$$"""
            {"$schema": "{{{Draft202012}}}", "type": "object",
             "properties": {"at": {"type": "string", "format": "date-time"}, "day": {"format": "date"}, "n": {"type": "integer"}}}
            """,
            ["""{"at":"2024-03-12T13:40:39Z","day":"2024-03-12","n":1}"""],
            ["at", "day", "n"])
        {
            Options = new ValidationOptions { AssertFormats = true },
            Provable = false,
        },
        new("draft7", "draft-07", """
            {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
             "definitions": {"Item": {"type": "object", "properties": {"sku": {"type": "string", "pattern": "^[A-Z]+$"}, "qty": {"type": "integer", "exclusiveMinimum": 0}}, "required": ["sku"]}},
             "properties": {
               "items": {"type": "array", "items": {"$ref": "#/definitions/Item"}},
               "pair": {"type": "array", "items": [{"type": "string"}, {"type": "boolean"}], "additionalItems": {"type": "null"}},
               "dependent": {"type": "string"}, "needed": {"type": "string"}
             },
             "dependencies": {"dependent": ["needed"]}}
            """,
            ["""{"items":[{"sku":"AB","qty":2},{"sku":"C"}],"pair":["a",true,null],"dependent":"x","needed":"y"}""", """{"items":[]}"""],
            ["items", "pair", "sku", "qty", "dependent", "needed"]),
    ];

    /// <summary>The family's generated models, compiled and loaded once for every test of the class.</summary>
    public sealed class Models : IDisposable
    {
        private readonly GeneratedAssembly _generated;

        public Models()
        {
            var run = GeneratorHarness.Run(Family.Select(s => new SchemaFile(PathOf(s), s.Text, "Fused." + Identifier(s.Name), s.Dialect)));
            var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("the family does not generate: " + string.Join(Environment.NewLine, errors));
            }

            _generated = GeneratedAssembly.Load(run.Output, "fused-pass-family");
        }

        public SchemaCatalogEntry Entry(FamilySchema schema)
            => _generated.Catalog.Find(PathOf(schema), "") ?? throw new InvalidOperationException($"no catalog entry for {schema.Name}");

        public void Dispose() => _generated.Unload();

        private static string PathOf(FamilySchema schema) => "/fused/" + schema.Name + ".json";

        private static string Identifier(string name) => string.Concat(name.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
    }
}
