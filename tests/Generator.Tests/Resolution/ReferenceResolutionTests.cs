using System.Linq;
using Hooksmith.Generator.Tests.Infrastructure;

namespace Hooksmith.Generator.Tests.Resolution;

/// <summary>References resolve inside a file, across files, through $id, anchors and base URIs, and offline.</summary>
public sealed class ReferenceResolutionTests
{
    private static GeneratorRun Run(params SchemaFile[] files)
    {
        var run = GeneratorHarness.Run(files);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        return run;
    }

    private const string Common = """
        {
          "$id": "https://schemas.example.com/shop/common.json",
          "$defs": {
            "Money": { "type": "object", "properties": { "amount": { "type": "integer" }, "currency": { "type": "string" } } },
            "Code": { "$anchor": "code", "type": "string" }
          }
        }
        """;

    [Fact]
    public void Relative_reference_resolves_against_the_id_of_another_file()
    {
        const string order = """
            {
              "$id": "https://schemas.example.com/shop/order.json",
              "title": "Order",
              "type": "object",
              "properties": { "total": { "$ref": "common.json#/$defs/Money" } }
            }
            """;
        var run = Run(new SchemaFile("/a/order.json", order, Namespace: "Shop"), new SchemaFile("/b/common.json", Common, Namespace: "Shop.Common"));

        Assert.Contains("public global::Shop.Common.Money? Total { get; init; }", run.Source("Shop.Order.g.cs"));
    }

    [Fact]
    public void Absolute_reference_resolves_to_a_file_given_that_uri_by_its_base_uri()
    {
        const string order = """
            {
              "title": "Order",
              "type": "object",
              "properties": { "total": { "$ref": "https://cdn.example.com/schemas/money.json" } }
            }
            """;
        const string money = """{ "title": "Money", "type": "object", "properties": { "amount": { "type": "integer" } } }""";
        var run = Run(
            new SchemaFile("/local/order.json", order, Namespace: "Shop"),
            new SchemaFile("/local/vendor/money.json", money, Namespace: "Shop", BaseUri: "https://cdn.example.com/schemas/"));

        Assert.Contains("public global::Shop.Money? Total { get; init; }", run.Source("Shop.Order.g.cs"));
    }

    [Fact]
    public void Reference_by_file_path_resolves_without_any_id()
    {
        const string order = """{ "title": "Order", "type": "object", "properties": { "lines": { "type": "array", "items": { "$ref": "line.json" } } } }""";
        const string line = """{ "title": "Line", "type": "object", "properties": { "sku": { "type": "string" } } }""";
        var run = Run(new SchemaFile("/repo/schemas/order.json", order, Namespace: "Shop"), new SchemaFile("/repo/schemas/line.json", line, Namespace: "Shop"));

        Assert.Contains("global::System.Collections.Generic.IReadOnlyList<global::Shop.Line>? Lines", run.Source("Shop.Order.g.cs"));
    }

    [Fact]
    public void Anchor_reference_resolves_to_the_named_schema()
    {
        const string order = """
            {
              "$id": "https://schemas.example.com/shop/order.json",
              "title": "Order",
              "type": "object",
              "properties": { "code": { "$ref": "common.json#code" } }
            }
            """;
        var run = Run(new SchemaFile("/a/order.json", order, Namespace: "Shop"), new SchemaFile("/b/common.json", Common, Namespace: "Shop.Common"));

        // A named string schema is used as a plain string by the properties that refer to it.
        Assert.Contains("public string? Code { get; init; }", run.Source("Shop.Order.g.cs"));
        Assert.Contains("Shop.Common.Code.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Embedded_resource_with_its_own_id_is_a_base_for_its_references()
    {
        const string schema = """
            {
              "$id": "https://example.com/root.json",
              "title": "Root",
              "type": "object",
              "properties": { "item": { "$ref": "https://example.com/nested/item.json" } },
              "$defs": {
                "Item": {
                  "$id": "nested/item.json",
                  "type": "object",
                  "properties": { "part": { "$ref": "part.json" } }
                },
                "Part": { "$id": "nested/part.json", "type": "object", "properties": { "n": { "type": "integer" } } }
              }
            }
            """;
        var run = Run(new SchemaFile("/s/root.json", schema, Namespace: "Embedded"));

        Assert.Contains("public global::Embedded.Item? Item { get; init; }", run.Source("Embedded.Root.g.cs"));
        Assert.Contains("public global::Embedded.Part? Part { get; init; }", run.Source("Embedded.Item.g.cs"));
    }

    [Fact]
    public void Recursive_schema_refers_to_its_own_type()
    {
        const string tree = """
            {
              "title": "Node",
              "type": "object",
              "properties": {
                "children": { "type": "array", "items": { "$ref": "#" } },
                "parent": { "$ref": "#" }
              }
            }
            """;
        var run = Run(new SchemaFile("/s/node.json", tree, Namespace: "Trees"));

        var source = run.Source("Trees.Node.g.cs");
        Assert.Contains("global::System.Collections.Generic.IReadOnlyList<global::Trees.Node>? Children", source);
        Assert.Contains("public global::Trees.Node? Parent { get; init; }", source);
    }

    [Fact]
    public void OpenApi_nullable_is_honoured_in_3_0_and_3_1_documents()
    {
        foreach (var version in new[] { "3.0.3", "3.1.0" })
        {
            var document = $$"""
                {
                  "openapi": "{{version}}",
                  "info": { "title": "t", "version": "1" },
                  "components": { "schemas": {
                    "Thing": {
                      "type": "object",
                      "required": ["note", "child"],
                      "properties": {
                        "note": { "type": "string", "nullable": true },
                        "child": { "$ref": "#/components/schemas/Child", "nullable": true }
                      }
                    },
                    "Child": { "type": "object", "properties": { "a": { "type": "string" } } }
                  } }
                }
                """;
            var run = Run(new SchemaFile($"/s/api-{version}.json", document, Namespace: "Api" + version.Replace(".", "")));

            var source = run.Source($"Api{version.Replace(".", "")}.Thing.g.cs");
            Assert.Contains("public required string? Note { get; init; }", source);
            Assert.Contains("Child? Child { get; init; }", source);
        }
    }

    [Fact]
    public void Webhooks_of_an_openapi_document_become_events_with_their_payload_types()
    {
        const string document = """
            {
              "openapi": "3.1.0",
              "info": { "title": "t", "version": "1" },
              "webhooks": {
                "EVENTS.ORDER.PAID": { "post": { "requestBody": { "content": { "application/json": {
                  "schema": { "$ref": "#/components/schemas/OrderPaid" } } } } } }
              },
              "components": { "schemas": { "OrderPaid": { "type": "object", "properties": { "id": { "type": "string" } } } } }
            }
            """;
        var driver = GeneratorHarness.CreateDriver([new SchemaFile("/s/hooks.json", document, Namespace: "Hooks")]);
        driver = driver.RunGenerators(GeneratorHarness.CreateCompilation());

        var linked = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Link]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .OfType<Planning.LinkedPlan>()
            .Single();
        var webhook = Assert.Single(linked.Events);
        Assert.Equal("order.paid", webhook.EventName);
        Assert.Equal("EVENTS.ORDER.PAID", webhook.WebhookKey);
        Assert.Equal("Hooks.OrderPaid", webhook.Payload.FullName);
    }
}
