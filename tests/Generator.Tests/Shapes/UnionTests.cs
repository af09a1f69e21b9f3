using Hooksmith.Generator.Tests.Infrastructure;

namespace Hooksmith.Generator.Tests.Shapes;

/// <summary>oneOf/anyOf become unions whose variants are told apart cheaply when the schema says how.</summary>
public sealed class UnionTests
{
    private static string Generate(string schema, string hintName)
    {
        var run = GeneratorHarness.Run([new SchemaFile("/s/pets.json", schema, Namespace: "Pets")]);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        return run.Source(hintName);
    }

    [Fact]
    public void OpenApi_discriminator_mapping_tells_variants_apart()
    {
        const string document = """
            {
              "openapi": "3.1.0",
              "info": { "title": "t", "version": "1" },
              "components": { "schemas": {
                "Pet": {
                  "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ],
                  "discriminator": { "propertyName": "petType", "mapping": { "cat": "#/components/schemas/Cat", "dog": "Dog" } }
                },
                "Cat": { "type": "object", "properties": { "petType": { "type": "string" }, "lives": { "type": "integer" } } },
                "Dog": { "type": "object", "properties": { "petType": { "type": "string" }, "bark": { "type": "boolean" } } }
              } }
            }
            """;

        var source = Generate(document, "Pets.Pet.g.cs");

        Assert.Contains("UnionReader.TryRead<global::Pets.Cat, global::Pets.Cat>(Value, \"petType\", \"cat\", out value)", source);
        Assert.Contains("UnionReader.TryRead<global::Pets.Dog, global::Pets.Dog>(Value, \"petType\", \"dog\", out value)", source);
    }

    [Fact]
    public void OpenApi_discriminator_without_mapping_uses_component_names()
    {
        const string document = """
            {
              "openapi": "3.0.3",
              "info": { "title": "t", "version": "1" },
              "components": { "schemas": {
                "Pet": {
                  "anyOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ],
                  "discriminator": { "propertyName": "kind" }
                },
                "Cat": { "type": "object", "properties": { "kind": { "type": "string" } } },
                "Dog": { "type": "object", "properties": { "kind": { "type": "string" } } }
              } }
            }
            """;

        var source = Generate(document, "Pets.Pet.g.cs");

        Assert.Contains("(Value, \"kind\", \"Cat\", out value)", source);
        Assert.Contains("(Value, \"kind\", \"Dog\", out value)", source);
    }

    [Fact]
    public void Const_property_tells_json_schema_variants_apart()
    {
        const string schema = """
            {
              "title": "Shape",
              "oneOf": [
                { "type": "object", "title": "Circle", "properties": { "kind": { "const": "circle" }, "radius": { "type": "number" } } },
                { "type": "object", "title": "Square", "properties": { "kind": { "enum": ["square"] }, "side": { "type": "number" } } }
              ]
            }
            """;

        var source = Generate(schema, "Pets.Shape.g.cs");

        Assert.Contains("(Value, \"kind\", \"circle\", out value)", source);
        Assert.Contains("(Value, \"kind\", \"square\", out value)", source);
    }

    [Fact]
    public void Variants_without_a_discriminator_match_by_binding_cleanly()
    {
        const string schema = """{ "title": "Id", "oneOf": [ { "type": "string" }, { "type": "integer" } ] }""";

        var source = Generate(schema, "Pets.Id.g.cs");

        Assert.Contains("public bool TryGetString(", source);
        Assert.Contains("public bool TryGetInteger(", source);
        Assert.Contains("StringCodec>(Value, null, null, out value)", source);
    }
}
