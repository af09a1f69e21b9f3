using System.Linq;
using Hooksmith.Generator.Tests.Infrastructure;

namespace Hooksmith.Generator.Tests.Shapes;

/// <summary>
/// <c>deprecated: true</c> makes the generated type or member <c>[Obsolete]</c>: code that uses it gets the compiler's
/// own warning, while the generated code that reads and writes it compiles without one.
/// </summary>
public sealed class DeprecationTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$defs": {
            "Order": {
              "type": "object",
              "properties": {
                "id": { "type": "string" },
                "legacy_code": { "type": "string", "deprecated": true, "description": "Use id." },
                "channel": { "$ref": "#/$defs/Channel" },
                "status": { "enum": ["paid", "void"], "deprecated": true }
              }
            },
            "Channel": { "type": "object", "deprecated": true, "properties": { "name": { "type": "string" } } },
            "Kept": { "type": "object", "deprecated": false, "properties": { "name": { "type": "string" } } }
          }
        }
        """;

    [Fact]
    public void Deprecated_members_and_types_are_obsolete_and_the_generated_code_compiles_without_warnings()
    {
        var run = GeneratorHarness.Run([new SchemaFile("/s/orders.json", Schema, Namespace: "Shop")]);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        var order = run.TypeSource("Shop.Order");
        Assert.Equal(2, order.Split("[global::System.Obsolete(").Length - 1);   // legacy_code and status, not id or channel
        Assert.Contains("[global::System.Obsolete(", run.TypeSource("Shop.Channel"));
        Assert.DoesNotContain("Obsolete(", run.TypeSource("Shop.Kept"));
    }

    [Theory]
    [InlineData("var code = order.LegacyCode;", "CS0618")]
    [InlineData("var status = order.Status;", "CS0618")]
    [InlineData("Shop.Channel? channel = null;", "CS0618")]
    [InlineData("var id = order.Id;", null)]
    [InlineData("var kept = new Shop.Kept();", null)]
    public void Code_that_uses_a_deprecated_member_or_type_gets_the_compilers_warning(string statement, string? expected)
    {
        var user = $$"""
            public static class UserCode
            {
                public static void Use(Shop.Order order)
                {
                    {{statement}}
                }
            }
            """;

        var run = GeneratorHarness.Run([new SchemaFile("/s/orders.json", Schema, Namespace: "Shop")], user);

        var warnings = run.CompilationProblems.Where(d => d.Id is "CS0612" or "CS0618").ToList();
        if (expected is null)
        {
            Assert.Empty(warnings);
        }
        else
        {
            Assert.NotEmpty(warnings);
            Assert.All(warnings, warning =>
            {
                Assert.Equal(expected, warning.Id);
                Assert.Equal("Test.cs", System.IO.Path.GetFileName(warning.Location.SourceTree?.FilePath));
            });
        }
    }
}
