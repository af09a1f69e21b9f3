using System.Linq;
using Hooksmith.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Tests.Diagnostics;

/// <summary>HSM0013: a oneOf branch that accepts nothing another branch does not accept is pointed out, and only then.</summary>
public sealed class OneOfBranchTests
{
    private static Diagnostic[] BranchWarnings(string schema)
    {
        var run = GeneratorHarness.Run([new SchemaFile("/schemas/any.json", schema)]);
        Assert.Empty(run.CompilationProblems);
        return run.Diagnostics.Where(d => d.Id == "HSM0013").ToArray();
    }

    [Fact]
    public void A_string_with_a_format_beside_a_plain_string_is_reported_at_the_narrower_branch()
    {
        var warnings = BranchWarnings("""
            {
              "title": "Any",
              "oneOf": [
                { "title": "string", "type": "string" },
                { "title": "string - date", "type": "string", "format": "date" },
                { "title": "number", "type": "number" },
                { "title": "integer", "type": "integer", "description": "a whole number" }
              ]
            }
            """);

        Assert.Equal(2, warnings.Length);
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
        Assert.Equal("Branch 1 of this oneOf can never be the only match: every value it accepts is also accepted by branch 0, so such values fail the oneOf", warnings[0].GetMessage());
        Assert.Equal(5, warnings[0].Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.StartsWith("Branch 3 ", warnings[1].GetMessage());
        Assert.Contains("branch 2", warnings[1].GetMessage());
    }

    [Fact]
    public void Of_two_identical_branches_the_later_is_reported()
    {
        var warnings = BranchWarnings("""{ "oneOf": [ { "type": ["string", "null"] }, { "type": ["null", "string"], "title": "again" } ] }""");

        Assert.Equal("Branch 1 of this oneOf can never be the only match: every value it accepts is also accepted by branch 0, so such values fail the oneOf", Assert.Single(warnings).GetMessage());
    }

    [Theory]
    [InlineData("""{ "oneOf": [ { "type": "string" }, { "type": "number" }, { "type": "object" } ] }""")]
    [InlineData("""{ "oneOf": [ { "type": "string", "maxLength": 3 }, { "type": "string", "minLength": 4 } ] }""")]
    [InlineData("""{ "oneOf": [ { "type": "string", "format": "date" }, { "type": "string", "format": "email" } ] }""")]
    [InlineData("""{ "anyOf": [ { "type": "string" }, { "type": "string", "format": "date" } ] }""")]
    [InlineData("""{ "oneOf": [ { "type": "number" }, { "$ref": "#/$defs/n" } ], "$defs": { "n": { "type": "number" } } }""")]
    public void Branches_that_can_each_win_alone_are_not_reported(string schema)
        => Assert.Empty(BranchWarnings(schema));
}
