using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hooksmith.Conformance.Tests.Running;
using Hooksmith.Generator.Tests.Infrastructure;
using Hooksmith.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

namespace Hooksmith.Conformance.Tests.Differential;

/// <summary>
/// Two kinds of location get no validator method: a schema whose only keyword is <c>type</c> (the runtime checks
/// it: <c>ValidationContext.CheckType</c>, <c>CheckMemberType</c>) and one whose only check applies one other schema
/// in place (a <c>$ref</c>, an <c>allOf</c> of one: callers apply that one through it). That must change nothing a
/// user sees. Each seeded random schema is generated twice: as it is, and with <c>"minProperties": 0</c> (a keyword
/// that never fails) beside every such location, which gives those locations methods as before. Both are compiled
/// into one assembly, and every random instance must get the same errors from both — instance location, keyword
/// location, keyword, message and absolute location, in order — in full and first-failure mode, with formats
/// asserted and not.
/// </summary>
public sealed class LocationsWithoutMethodsTests(ITestOutputHelper output)
{
    private const int SchemasPerDraft = 60;

    private const int InstancesPerSchema = 20;

    /// <summary>The keywords whose value is one subschema, a list of them, or a map of names to them.</summary>
    private static readonly HashSet<string> OneSchema = new(StringComparer.Ordinal)
    {
        "additionalProperties", "additionalItems", "unevaluatedProperties", "unevaluatedItems", "contains", "not",
        "if", "then", "else", "propertyNames", "items",
    };

    private static readonly HashSet<string> SchemaLists = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems", "items" };

    private static readonly HashSet<string> SchemaMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies",
    };

    [Theory]
    [InlineData("2020-12", 20261207)]
    [InlineData("draft-07", 20261208)]
    public void Locations_without_methods_report_exactly_what_their_methods_did(string draftName, int seed)
    {
        var draft = DifferentialDraft.All.Single(d => d.Name == draftName);
        var cases = DifferentialRun.Generate(draft, seed, SchemasPerDraft, InstancesPerSchema);
        // Random schemas seldom have a subschema with nothing but a type, or one that only wraps another, as vendor
        // specs mostly do: a third of the subschemas become the first (of one or two types), a sixth are wrapped in
        // an allOf of one (or two, nested), with their instances left as they were made.
        var random = new Random(seed);
        cases = cases.Select(c => c with { Schema = Reduce(JsonNode.Parse(c.Schema)!, random, isRoot: true)!.ToJsonString() }).ToList();
        var marked = 0;
        var withMethods = cases.Select(c =>
        {
            var schema = JsonNode.Parse(c.Schema)!;
            marked += MarkMethodless(schema);
            return schema.ToJsonString();
        }).ToList();

        // A generous share of random schemas has such locations, or the comparison would prove little.
        Assert.True(marked >= SchemasPerDraft, $"only {marked} locations without methods in {SchemasPerDraft} random schemas");

        var files = cases.Select((c, i) => new SchemaFile(PathOf("inlined", i), c.Schema, NamespaceOf("Inlined", i), draft.Name))
            .Concat(withMethods.Select((text, i) => new SchemaFile(PathOf("methods", i), text, NamespaceOf("Methods", i), draft.Name)));
        var run = GeneratorHarness.Run(files);
        Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));

        var inlinedMethods = ValidatorMethods(run.Output, "Inlined");
        var methods = ValidatorMethods(run.Output, "Methods");
        output.WriteLine($"{draft.Name}: {marked} locations marked; validator methods {inlinedMethods} without against {methods} with the marks");
        Assert.True(inlinedMethods < methods, $"the runtime checks no schema: {inlinedMethods} methods against {methods}");

        var generated = GeneratedAssembly.Load(run.Output, "methodless-" + draft.Name);
        var compared = 0;
        var invalid = 0;
        try
        {
            LargeStack.Run(() =>
            {
                for (var i = 0; i < cases.Count; i++)
                {
                    var inlined = generated.Catalog.Find(PathOf("inlined", i), string.Empty) ?? throw new InvalidOperationException($"no catalog entry for case {i}");
                    var withMethod = generated.Catalog.Find(PathOf("methods", i), string.Empty) ?? throw new InvalidOperationException($"no catalog entry for case {i}");
                    foreach (var text in cases[i].Instances)
                    {
                        var errors = SameErrors(withMethod, inlined, text, $"{cases[i].Name}, schema {cases[i].Schema}");
                        compared += errors.Count;
                        invalid += errors.Count(count => count > 0);
                    }
                }

                return 0;
            });
        }
        finally
        {
            generated.Unload();
        }

        output.WriteLine($"{compared} results compared, {invalid} of them with errors");
        Assert.True(invalid > compared / 10, $"only {invalid} of {compared} results had errors: the comparison would prove little");
    }

    /// <summary>
    /// The same comparison where the schema checked by the runtime is in another file (a <c>$ref</c> into it, and a
    /// <c>$ref</c> to a named schema that is a <c>type</c> alone), and in an OpenAPI document (<c>nullable</c> adds
    /// <c>null</c> to the type). The absolute location reported is the other file's.
    /// </summary>
    [Fact]
    public void References_into_other_files_and_openapi_nullable_report_exactly_what_methods_did()
    {
        const string Target = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": { "id": { "type": "string" }, "size": { "type": ["integer", "null"] } },
              "$defs": { "Code": { "type": "integer" } }
            }
            """;
        const string Referrer = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "id": { "$ref": "target.json#/properties/id" },
                "size": { "$ref": "target.json#/properties/size" },
                "code": { "$ref": "target.json#/$defs/Code" },
                "codes": { "type": "array", "items": { "$ref": "target.json#/properties/id" } },
                "either": { "anyOf": [{ "$ref": "target.json#/properties/size" }, { "type": "boolean" }] },
                "wrapped": { "allOf": [{ "$ref": "target.json#/properties/size" }], "description": "wraps a reference" },
                "nested": { "allOf": [{ "allOf": [{ "$ref": "target.json#/$defs/Code" }] }] },
                "list": { "type": "array", "items": { "allOf": [{ "$ref": "#/$defs/Local" }] } }
              },
              "$defs": { "Local": { "type": "object", "required": ["a"] } }
            }
            """;
        const string OpenApi = """
            {
              "openapi": "3.0.3",
              "info": { "title": "t", "version": "1" },
              "paths": {},
              "components": { "schemas": { "Thing": {
                "type": "object",
                "properties": {
                  "note": { "type": "string", "nullable": true },
                  "count": { "type": "integer" },
                  "tags": { "type": "array", "items": { "type": "string", "nullable": true } }
                }
              } } }
            }
            """;
        string[] instances =
        [
            "{}", "{\"id\":\"a\",\"size\":null,\"code\":1,\"codes\":[\"x\"],\"either\":true}", "{\"id\":1}", "{\"size\":1.5}",
            "{\"size\":\"1\",\"id\":null,\"code\":1.0}", "{\"code\":\"1\",\"codes\":[1,\"a\",null]}", "{\"either\":\"no\"}",
            "{\"note\":null,\"count\":1,\"tags\":[null,\"a\"]}", "{\"wrapped\":\"x\",\"nested\":1.5,\"list\":[{},{\"a\":1},2]}",
            "{\"wrapped\":null,\"nested\":[],\"list\":{}}", "{\"note\":5,\"count\":\"1\",\"tags\":[1,{}]}", "[]", "5",
        ];

        var files = new List<SchemaFile>();
        foreach (var folder in new[] { "inlined", "methods" })
        {
            var mark = folder == "methods";
            files.Add(new SchemaFile($"/methodless/{folder}/target.json", Marked(Target, mark), $"{folder}.Target"));
            files.Add(new SchemaFile($"/methodless/{folder}/referrer.json", Marked(Referrer, mark), $"{folder}.Referrer"));
            files.Add(new SchemaFile($"/methodless/{folder}/openapi.json", Marked(OpenApi, mark), $"{folder}.OpenApi"));
        }

        var run = GeneratorHarness.Run(files);
        Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.True(ValidatorMethods(run.Output, "inlined") < ValidatorMethods(run.Output, "methods"));
        var generated = GeneratedAssembly.Load(run.Output, "methodless-files");
        try
        {
            var errors = 0;
            foreach (var (file, pointer) in new[] { ("referrer.json", string.Empty), ("target.json", string.Empty), ("openapi.json", "/components/schemas/Thing") })
            {
                var inlined = generated.Catalog.Find("/methodless/inlined/" + file, pointer) ?? throw new InvalidOperationException("no catalog entry for " + file);
                var withMethods = generated.Catalog.Find("/methodless/methods/" + file, pointer) ?? throw new InvalidOperationException("no catalog entry for " + file);
                foreach (var text in instances)
                {
                    errors += SameErrors(withMethods, inlined, text, file).Sum();
                }
            }

            Assert.True(errors > 40, $"only {errors} errors compared");

            // The other file's location, reached through the reference.
            using var wrongId = JsonDocument.Parse("{\"id\":1}");
            var error = Assert.Single(generated.Catalog.Find("/methodless/inlined/referrer.json", string.Empty)!.Validate(wrongId.RootElement).Errors);
            Assert.Equal(("/id", "/properties/id/$ref/type"), (error.InstanceLocation, error.KeywordLocation));
            Assert.EndsWith("/methodless/inlined/target.json#/properties/id/type", error.SchemaLocation, StringComparison.Ordinal);
        }
        finally
        {
            generated.Unload();
        }
    }

    /// <summary>The schema text, with <c>"minProperties": 0</c> beside every location that would have no method when <paramref name="mark"/>.</summary>
    private static string Marked(string schema, bool mark)
    {
        var node = JsonNode.Parse(schema)!;
        if (mark)
        {
            MarkMethodless(node["components"]?["schemas"] is JsonObject components ? components["Thing"]! : node);
        }

        return node.ToJsonString();
    }

    private static readonly ValidationOptions[] Options =
    [
        new() { AssertFormats = false },
        new() { AssertFormats = true },
        new() { AssertFormats = false, Mode = ValidationMode.FirstFailure },
        new() { AssertFormats = true, Mode = ValidationMode.FirstFailure },
    ];

    /// <summary>
    /// Validates <paramref name="text"/> with both entries in every mode of <see cref="Options"/> and asserts the
    /// same verdict and errors, in order; returns how many errors each mode found.
    /// </summary>
    private static List<int> SameErrors(SchemaCatalogEntry withMethods, SchemaCatalogEntry inlined, string text, string what)
    {
        using var document = JsonDocument.Parse(text);
        var counts = new List<int>();
        foreach (var options in Options)
        {
            var expected = Describe(withMethods.Validate(document.RootElement, options), "methods");
            var actual = Describe(inlined.Validate(document.RootElement, options), "inlined");
            Assert.True(
                expected.SequenceEqual(actual),
                $"{what}, instance {text}, {options.Mode}, formats {options.AssertFormats}:{Environment.NewLine}"
                + $"with methods:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", expected)}{Environment.NewLine}"
                + $"without:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", actual)}");
            counts.Add(expected.Count - 1);
        }

        return counts;
    }

    /// <summary>The verdict and every error, with the file's own folder taken out of absolute locations.</summary>
    private static List<string> Describe(ValidationResult result, string folder)
    {
        var lines = new List<string> { result.IsValid ? "valid" : "invalid" };
        lines.AddRange(result.Errors.Select(e => $"{e.InstanceLocation} | {e.KeywordLocation} | {e.Keyword} | {e.Message} | {e.SchemaLocation?.Replace("/" + folder + "/", "/", StringComparison.Ordinal)}"));
        return lines;
    }

    private static readonly string[] Types = ["string", "integer", "number", "boolean", "object", "array", "null"];

    /// <summary>Replaces about a third of the subschemas below the root with <c>{"type": …}</c>, in place; returns the schema.</summary>
    private static JsonNode? Reduce(JsonNode? schema, Random random, bool isRoot = false)
    {
        if (schema is not JsonObject node)
        {
            return schema;
        }

        if (!isRoot && random.Next(3) == 0)
        {
            var first = Types[random.Next(Types.Length)];
            var second = Types[random.Next(Types.Length)];
            return new JsonObject { ["type"] = random.Next(3) == 0 && first != second ? new JsonArray(first, second) : first };
        }

        ForEachSubschema(node, (child, replace) =>
        {
            if (Reduce(child, random) is var reduced && !ReferenceEquals(reduced, child))
            {
                replace(reduced);
            }
        });
        if (!isRoot && random.Next(6) == 0)
        {
            var wrapped = new JsonObject { ["allOf"] = new JsonArray(node.DeepClone()), ["description"] = "wrapped" };
            return random.Next(3) == 0 ? new JsonObject { ["allOf"] = new JsonArray(wrapped) } : wrapped;
        }

        return node;
    }

    /// <summary>Calls <paramref name="visit"/> with each direct subschema of <paramref name="node"/> and a way to replace it.</summary>
    private static void ForEachSubschema(JsonObject node, Action<JsonNode, Action<JsonNode?>> visit)
    {
        foreach (var (keyword, value) in node.ToList())
        {
            if (SchemaMaps.Contains(keyword) && value is JsonObject map)
            {
                foreach (var (name, child) in map.ToList())
                {
                    if (child is not null)
                    {
                        visit(child, replacement => map[name] = replacement);
                    }
                }
            }
            else if (SchemaLists.Contains(keyword) && value is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    var index = i;
                    if (list[index] is { } item)
                    {
                        visit(item, replacement => list[index] = replacement);
                    }
                }
            }
            else if (OneSchema.Contains(keyword) && value is not null and not JsonArray)
            {
                visit(value, replacement => node[keyword] = replacement);
            }
        }
    }

    /// <summary>
    /// Adds <c>"minProperties": 0</c> to every subschema whose only assertion is <c>type</c>, or a <c>$ref</c>, or an
    /// <c>allOf</c> of one, walking only schema positions (never <c>const</c>, <c>enum</c> or <c>default</c> values);
    /// returns how many it marked. (In draft-07 a <c>$ref</c> overrides the mark, so those stay without a method.)
    /// </summary>
    private static int MarkMethodless(JsonNode schema)
    {
        if (schema is not JsonObject node)
        {
            return 0;
        }

        var marked = 0;
        ForEachSubschema(node, (child, _) => marked += MarkMethodless(child));

        var assertions = node.Select(p => p.Key).Where(k => IsAssertion(k) && k is not ("$defs" or "definitions" or "$schema")).ToList();
        var typeOnly = node.ContainsKey("type") && assertions.All(k => k is "type" or "nullable");
        var wraps = assertions is ["$ref"] || (assertions is ["allOf"] && node["allOf"] is JsonArray { Count: 1 });
        if (typeOnly || wraps)
        {
            node["minProperties"] = 0;
            marked++;
        }

        return marked;
    }

    /// <summary>Whether a keyword asserts or applies subschemas (or names the schema), as the generator sees them.</summary>
    private static bool IsAssertion(string keyword) => !keyword.StartsWith("x-", StringComparison.Ordinal)
        && keyword is not ("title" or "description" or "default" or "examples" or "deprecated" or "readOnly" or "writeOnly" or "$comment");

    /// <summary>Validator methods (those taking a <c>ValidationContext</c>) declared in the namespaces starting with <paramref name="prefix"/>.</summary>
    private static int ValidatorMethods(Compilation compilation, string prefix)
        => compilation.SyntaxTrees
            .Where(tree => tree.ToString().Contains("namespace " + prefix + ".", StringComparison.Ordinal))
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Count(method => method.ParameterList.Parameters.Any(p => p.Type?.ToString().EndsWith("ValidationContext", StringComparison.Ordinal) == true));

    private static string PathOf(string folder, int index) => "/methodless/" + folder + "/case-" + index.ToString(CultureInfo.InvariantCulture) + ".json";

    private static string NamespaceOf(string prefix, int index) => prefix + ".C" + index.ToString(CultureInfo.InvariantCulture);
}
