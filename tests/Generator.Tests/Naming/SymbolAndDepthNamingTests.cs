using System;
using System.Linq;
using Hooksmith.Generator.Tests.Infrastructure;

namespace Hooksmith.Generator.Tests.Naming;

/// <summary>
/// Names made of symbols are spelled as words, not dropped into numbered underscores; inline types are
/// named after the nearest named schema and the last two property names, however deep they are.
/// </summary>
public sealed class SymbolAndDepthNamingTests
{
    [Theory]
    [InlineData("+1", "PlusOne")]
    [InlineData("-1", "MinusOne")]
    [InlineData("1.5", "OneDotFive")]
    [InlineData("*", "Star")]
    [InlineData("$", "Dollar")]
    [InlineData("<=", "LessThanEquals")]
    [InlineData("1", "_1")]
    [InlineData("laugh", "Laugh")]
    public void Enum_values_of_symbols_and_digits_are_spelled_as_words(string value, string member)
    {
        var schema = "{\"title\": \"Reaction\", \"type\": \"object\", \"properties\": {\"content\": {\"type\": \"string\", \"enum\": [\"" + value + "\", \"other\"]}}}";
        var run = GeneratorHarness.Run([new SchemaFile("/s/reaction.json", schema, "Names")]);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains($" {member} ", run.TypeSource("Names.ReactionContent"), StringComparison.Ordinal);
    }

    [Fact]
    public void Plus_one_and_minus_one_get_distinct_names_without_a_number()
    {
        var run = GeneratorHarness.Run([new SchemaFile("/s/reaction.json", """
            {"title": "Reactions", "type": "object", "properties": {"content": {"type": "string", "enum": ["+1", "-1", "laugh", "hooray"]}}}
            """, "Names")]);

        Assert.Empty(run.Diagnostics);
        var source = run.TypeSource("Names.ReactionsContent");
        Assert.Contains(" PlusOne ", source, StringComparison.Ordinal);
        Assert.Contains(" MinusOne ", source, StringComparison.Ordinal);
        Assert.DoesNotContain("_12", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deeply_nested_inline_type_is_named_after_its_named_schema_and_its_last_two_properties()
    {
        var run = GeneratorHarness.Run([new SchemaFile("/s/registry_package.json", """
            {"title": "Registry package published event", "type": "object", "properties": {
              "registry_package": {"type": "object", "properties": {
                "package_version": {"type": "object", "properties": {
                  "container_metadata": {"type": "object", "properties": {
                    "manifest": {"type": "object", "properties": {
                      "config": {"type": "object", "properties": {"media_type": {"type": "string"}}},
                      "layers": {"type": "array", "items": {"type": "object", "properties": {"size": {"type": "integer"}}}}
                    }}
                  }}
                }}
              }}
            }}
            """, "Names")]);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        var names = run.TypeNames;
        Assert.Contains("Names.RegistryPackagePublishedEventRegistryPackage", names);
        Assert.Contains("Names.RegistryPackagePublishedEventRegistryPackagePackageVersion", names);
        Assert.Contains("Names.RegistryPackagePublishedEventPackageVersionContainerMetadata", names);
        Assert.Contains("Names.RegistryPackagePublishedEventContainerMetadataManifest", names);
        Assert.Contains("Names.RegistryPackagePublishedEventManifestConfig", names);
        Assert.Contains("Names.RegistryPackagePublishedEventManifestLayer", names);
    }

    [Fact]
    public void Two_inline_types_that_end_with_the_same_two_properties_are_told_apart_by_their_kind()
    {
        static string Nest(string[] names, string leaf)
            => names.Length == 0
                ? "{\"type\": \"object\", \"properties\": {\"" + leaf + "\": {\"type\": \"string\"}}}"
                : "{\"type\": \"object\", \"properties\": {\"" + names[0] + "\": " + Nest(names[1..], leaf) + "}}";

        var a = Nest(["beta", "gamma", "delta"], "x");
        var z = Nest(["gamma", "delta"], "y");
        var schema = "{\"title\": \"Root\", \"type\": \"object\", \"properties\": {\"alpha\": " + a + ", \"zeta\": " + z + "}}";
        var run = GeneratorHarness.Run([new SchemaFile("/s/root.json", schema, "Names")]);

        Assert.Empty(run.CompilationProblems);
        Assert.Contains("Names.RootAlphaBeta", run.TypeNames);
        Assert.Contains("Names.RootBetaGamma", run.TypeNames);
        Assert.Contains("Names.RootGammaDelta", run.TypeNames);
        Assert.Contains("Names.RootZetaGamma", run.TypeNames);
        Assert.Contains("Names.RootGammaDeltaDetails", run.TypeNames);
    }
}
