using System.Linq;
using Hooksmith.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Tests.Diagnostics;

/// <summary>Every diagnostic points at the offending line and column of the schema file.</summary>
public sealed class DiagnosticLocationTests
{
    private const string GoodSchema = """
        {
          "title": "Good",
          "type": "object",
          "properties": { "id": { "type": "string" } }
        }
        """;

    private static Diagnostic Single(GeneratorRun run, string id)
    {
        var matching = run.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, got: {string.Join("; ", run.Diagnostics)}");
        return matching[0];
    }

    private static (int Line, int Column) Start(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    [Fact]
    public void Syntax_error_is_reported_at_its_line_and_column_and_other_schemas_still_generate()
    {
        // Line 4, column 21: the value of "type" is missing its closing quote's partner — a bare word.
        const string broken = """
            {
              "title": "Broken",
              "properties": {
                "id": { "type": string }
              }
            }
            """;
        var run = GeneratorHarness.Run([new SchemaFile("/schemas/broken.json", broken), new SchemaFile("/schemas/good.json", GoodSchema)]);

        var diagnostic = Single(run, "HSM0001");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/schemas/broken.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal((4, 21), Start(diagnostic));
        Assert.Contains("broken.json", diagnostic.GetMessage());
        Assert.Contains("Tests.Generated.Good.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_pattern_without_a_dotnet_equivalent_is_reported_where_it_is_written_and_fails_closed()
    {
        // Script properties have no .NET regular-expression form with the same meaning.
        const string schema = """
            {
              "title": "Greeting",
              "type": "object",
              "properties": {
                "word": { "type": "string", "pattern": "^\\p{Script=Greek}+$" }
              },
              "patternProperties": { "^\\p{Script=Latin}": { "type": "integer" } }
            }
            """;
        var run = GeneratorHarness.Run([new SchemaFile("/schemas/greeting.json", schema)]);

        var diagnostics = run.Diagnostics.Where(d => d.Id == "HSM0012").OrderBy(d => Start(d)).ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal((5, 44), Start(diagnostics[0]));
        Assert.Contains("Script=Greek", diagnostics[0].GetMessage());
        Assert.Equal((7, 26), Start(diagnostics[1]));
        Assert.Empty(run.CompilationProblems);

        // The validator reports the pattern as unchecked rather than passing every string.
        var validation = run.TypeSource("Tests.Generated.GreetingValidation");
        Assert.Contains("cannot be checked", validation);
        Assert.DoesNotContain("SchemaChecks.Pattern(", validation);
    }

    [Fact]
    public void Unterminated_document_is_reported_at_the_end_of_the_file()
    {
        var run = GeneratorHarness.Run([new SchemaFile("/schemas/cut.json", "{\n  \"type\": \"object\",\n")]);

        var diagnostic = Single(run, "HSM0001");
        Assert.Equal((3, 1), Start(diagnostic));
    }

    [Fact]
    public void Unresolvable_reference_is_reported_at_the_ref_value()
    {
        const string schema = """
            {
              "title": "Holder",
              "type": "object",
              "properties": {
                "thing": { "$ref": "#/$defs/Missing" }
              }
            }
            """;
        var run = GeneratorHarness.Run([new SchemaFile("/schemas/holder.json", schema)]);

        var diagnostic = Single(run, "HSM0002");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal((5, 24), Start(diagnostic));
        Assert.Contains("#/$defs/Missing", diagnostic.GetMessage());

        // The property is still generated, bound as raw JSON.
        Assert.Contains("global::System.Text.Json.JsonElement? Thing", run.Source("Tests.Generated.Holder.g.cs"));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Reference_into_a_file_that_is_not_in_the_compilation_is_reported_where_it_is_written()
    {
        const string schema = """
            {
              "$id": "https://example.com/a.json",
              "type": "object",
              "properties": { "b": { "$ref": "b.json#/$defs/B" } }
            }
            """;
        var run = GeneratorHarness.Run([new SchemaFile("/schemas/a.json", schema)]);

        var diagnostic = Single(run, "HSM0002");
        Assert.Equal((4, 34), Start(diagnostic));
        Assert.Contains("https://example.com/b.json", diagnostic.GetMessage());
    }

    [Fact]
    public void Unknown_dialect_is_reported_at_the_schema_keyword_and_the_default_is_used()
    {
        const string schema = """
            {
              "$schema": "https://example.com/my-dialect",
              "title": "Thing",
              "type": "object",
              "properties": { "a": { "type": "integer" } }
            }
            """;
        var run = GeneratorHarness.Run([new SchemaFile("/schemas/thing.json", schema)]);

        var diagnostic = Single(run, "HSM0003");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal((2, 14), Start(diagnostic));
        Assert.Contains("public long? A { get; init; }", run.Source("Tests.Generated.Thing.g.cs"));
    }

    [Fact]
    public void Two_json_names_with_one_csharp_name_are_reported_and_both_kept()
    {
        const string schema = """
            {
              "title": "Pair",
              "type": "object",
              "properties": {
                "first_name": { "type": "string" },
                "firstName": { "type": "string" }
              }
            }
            """;
        var run = GeneratorHarness.Run([new SchemaFile("/schemas/pair.json", schema)]);

        var diagnostic = Single(run, "HSM0005");
        Assert.Equal((6, 18), Start(diagnostic));
        Assert.Contains("'first_name' and 'firstName' both map to the C# name 'FirstName'", diagnostic.GetMessage());
        var source = run.Source("Tests.Generated.Pair.g.cs");
        Assert.Contains("public string? FirstName { get; init; }", source);
        Assert.Contains("public string? FirstName2 { get; init; }", source);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_file_that_is_not_a_schema_is_reported_at_its_root_value()
    {
        var run = GeneratorHarness.Run([new SchemaFile("/schemas/list.json", "\n  [1, 2, 3]")]);

        var diagnostic = Single(run, "HSM0006");
        Assert.Equal((2, 3), Start(diagnostic));
    }

    [Fact]
    public void Two_files_that_generate_the_same_type_name_are_reported_and_only_the_first_is_generated()
    {
        var run = GeneratorHarness.Run(
        [
            new SchemaFile("/schemas/a.json", GoodSchema),
            new SchemaFile("/schemas/b.json", GoodSchema),
        ]);

        var diagnostic = Single(run, "HSM0008");
        Assert.Equal("/schemas/b.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Single(run.Sources.Keys, k => k == "Tests.Generated.Good.g.cs");
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Every_diagnostic_has_a_stable_id_a_title_and_a_help_link()
    {
        var run = GeneratorHarness.Run([new SchemaFile("/schemas/cut.json", "{")]);

        var descriptor = Single(run, "HSM0001").Descriptor;
        Assert.Equal("Hooksmith", descriptor.Category);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
        Assert.EndsWith("#hsm0001", descriptor.HelpLinkUri);
    }
}
