using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Hooksmith.Conformance.Tests.Running;
using Hooksmith.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Conformance.Tests.Dialects;

/// <summary>
/// What each dialect means by its keywords, where the corpus has no suite folder for it (draft-04,
/// draft-06, 2019-09) or where OpenAPI adds to JSON Schema. The cases are written here from the
/// specifications; all of them are generated and compiled together once.
/// </summary>
public sealed class DialectSemanticsTests
{
    /// <summary>(dialect, schema, instance, valid), one generated schema file per distinct schema.</summary>
    private static readonly (string Dialect, string Schema, string Instance, bool Valid)[] Cases =
    [
        // draft-04: exclusive limits are booleans beside minimum/maximum; 'id' names anchors; no const.
        ("draft-04", """{"maximum": 10, "exclusiveMaximum": true}""", "10", false),
        ("draft-04", """{"maximum": 10, "exclusiveMaximum": true}""", "9.5", true),
        ("draft-04", """{"minimum": 1, "exclusiveMinimum": false}""", "1", true),
        ("draft-04", """{"definitions": {"a": {"id": "#foo", "type": "integer"}}, "properties": {"x": {"$ref": "#foo"}}}""", """{"x": "s"}""", false),
        ("draft-04", """{"definitions": {"a": {"id": "#foo", "type": "integer"}}, "properties": {"x": {"$ref": "#foo"}}}""", """{"x": 1}""", true),
        ("draft-04", """{"const": 1}""", "2", true),
        ("draft-04", """{"$ref": "#/definitions/n", "definitions": {"n": {"type": "number"}}, "type": "string"}""", "1", true),

        // draft-06: exclusive limits are numbers; contains, propertyNames and const exist; if/then does not.
        ("draft-06", """{"exclusiveMinimum": 5}""", "5", false),
        ("draft-06", """{"exclusiveMinimum": 5}""", "5.01", true),
        ("draft-06", """{"contains": {"const": 1}}""", "[2, 3]", false),
        ("draft-06", """{"contains": {"const": 1}}""", "[2, 1]", true),
        ("draft-06", """{"propertyNames": {"maxLength": 2}}""", """{"abc": 1}""", false),
        ("draft-06", """{"if": {"const": 1}, "then": {"const": 2}}""", "1", true),

        // 2019-09: items as an array with additionalItems; dependentRequired; min/maxContains;
        // unevaluatedItems after an items array; $ref beside other keywords.
        ("2019-09", """{"items": [{"type": "integer"}], "additionalItems": false}""", "[1]", true),
        ("2019-09", """{"items": [{"type": "integer"}], "additionalItems": false}""", "[1, 2]", false),
        ("2019-09", """{"dependentRequired": {"a": ["b"]}}""", """{"a": 1}""", false),
        ("2019-09", """{"dependentRequired": {"a": ["b"]}}""", """{"a": 1, "b": 2}""", true),
        ("2019-09", """{"contains": {"const": 1}, "minContains": 2, "maxContains": 3}""", "[1, 2]", false),
        ("2019-09", """{"contains": {"const": 1}, "minContains": 2, "maxContains": 3}""", "[1, 1, 2]", true),
        ("2019-09", """{"contains": {"const": 1}, "minContains": 2, "maxContains": 3}""", "[1, 1, 1, 1]", false),
        ("2019-09", """{"items": [{"type": "integer"}], "unevaluatedItems": false}""", "[1]", true),
        ("2019-09", """{"items": [{"type": "integer"}], "unevaluatedItems": false}""", "[1, 2]", false),
        ("2019-09", """{"$defs": {"s": {"type": "string"}}, "$ref": "#/$defs/s", "maxLength": 2}""", "\"abc\"", false),
        ("2019-09", """{"dependencies": {"a": ["b"]}}""", """{"a": 1}""", false),
    ];

    private const string Tree = """
        {"$schema": "https://json-schema.org/draft/2019-09/schema", "$id": "https://dialects.hooksmith.dev/tree", "$recursiveAnchor": true,
         "type": "object", "properties": {"data": true, "children": {"type": "array", "items": {"$recursiveRef": "#"}}}}
        """;

    private const string StrictTree = """
        {"$schema": "https://json-schema.org/draft/2019-09/schema", "$id": "https://dialects.hooksmith.dev/strict-tree", "$recursiveAnchor": true,
         "$ref": "tree", "unevaluatedProperties": false}
        """;

    private const string OpenApi = """
        {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {},
         "components": {"schemas": {
           "Note": {"type": "string", "nullable": true, "maxLength": 3},
           "Status": {"type": "string", "enum": ["A", "B"], "nullable": true},
           "Money": {"type": "object", "required": ["amount"]},
           "MaybeMoney": {"nullable": true, "$ref": "#/components/schemas/Money"},
           "TypedMaybeMoney": {"nullable": true, "type": "object", "allOf": [{"$ref": "#/components/schemas/Money"}]}}}}
        """;

    private static readonly Lazy<GeneratedAssembly> Generated = new(Generate);

    public static TheoryData<int> CaseIndexes()
    {
        var rows = new TheoryData<int>();
        for (var i = 0; i < Cases.Length; i++)
        {
            rows.Add(i);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Keyword_means_what_its_dialect_says(int index)
    {
        var (dialect, schema, instance, valid) = Cases[index];
        var entry = Generated.Value.Catalog.Find(PathOf(dialect, schema));
        Assert.NotNull(entry);

        using var document = JsonDocument.Parse(instance);
        var result = entry.Validate(document.RootElement);
        Assert.True(valid == result.IsValid, $"{dialect} {schema} with {instance}: expected {(valid ? "valid" : "invalid")}, got {result}");
    }

    [Theory]
    [InlineData("""{"data": 1, "children": [{"data": 2, "children": []}]}""", true)]
    [InlineData("""{"children": [{"daat": 2}]}""", false)]
    [InlineData("""{"daat": 1}""", false)]
    public void Recursive_reference_follows_the_outermost_recursive_anchor(string instance, bool valid)
    {
        // A child of a strict tree is checked as a strict tree: its misspelt member is not allowed.
        var entry = Generated.Value.Catalog.FindByUri("https://dialects.hooksmith.dev/strict-tree");
        Assert.NotNull(entry);

        using var document = JsonDocument.Parse(instance);
        var result = entry.Validate(document.RootElement);
        Assert.True(valid == result.IsValid, result.ToString());
    }

    [Theory]
    [InlineData("Note", "null", true)]
    [InlineData("Note", "\"abcd\"", false)]
    [InlineData("Status", "null", true)]
    [InlineData("Status", "\"C\"", false)]
    [InlineData("MaybeMoney", "null", true)]
    [InlineData("MaybeMoney", "{}", false)]
    [InlineData("TypedMaybeMoney", "null", false)]
    public void OpenApi_nullable_allows_null(string component, string instance, bool valid)
    {
        // Beside a reference or a combinator (and no type), nullable reads as anyOf [schema, null];
        // beside a type it only adds "null" to the type, so a referenced object schema still rejects null.
        OpenApiCase(component, instance, valid);
    }

    private static void OpenApiCase(string component, string instance, bool valid)
    {
        var entry = Generated.Value.Catalog.Find("/dialects/openapi.json", "/components/schemas/" + component);
        Assert.NotNull(entry);

        using var document = JsonDocument.Parse(instance);
        Assert.Equal(valid, entry.Validate(document.RootElement).IsValid);
    }

    private static string PathOf(string dialect, string schema)
    {
        var index = Array.FindIndex(Cases, c => c.Dialect == dialect && c.Schema == schema);
        return "/dialects/" + dialect + "/case-" + index.ToString(CultureInfo.InvariantCulture) + ".json";
    }

    private static GeneratedAssembly Generate()
    {
        var files = new List<SchemaFile>();
        foreach (var (dialect, schema, _, _) in Cases.DistinctBy(c => (c.Dialect, c.Schema)))
        {
            var path = PathOf(dialect, schema);
            files.Add(new SchemaFile(path, schema, "Dialects.Case" + path.GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture), dialect));
        }

        files.Add(new SchemaFile("/dialects/tree.json", Tree, "Dialects.Tree"));
        files.Add(new SchemaFile("/dialects/strict-tree.json", StrictTree, "Dialects.StrictTree"));
        files.Add(new SchemaFile("/dialects/openapi.json", OpenApi, "Dialects.OpenApi"));
        var run = GeneratorHarness.Run(files);
        var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        return GeneratedAssembly.Load(run.Output, "dialects");
    }
}
