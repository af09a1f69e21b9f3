using Hooksmith.Cli.CommandLine;

namespace Hooksmith.Cli.Tests;

/// <summary>What <c>hooksmith validate</c>'s command line asks for, on System.CommandLine (<see cref="ToolCommandLine"/>).</summary>
public sealed class ValidateCommandLineTests
{
    [Fact]
    public void Reads_every_option_in_both_spellings()
    {
        var options = ToolCommandLine.ParseValidate([
            "validate", "--schema=schemas/order.json#/$defs/Order", "--dialect", "draft-07",
            "--base-uri", "https://example.com/a=schemas/a", "--base-uri=https://example.com/b/=schemas/b",
            "--format-assertion", "--output", "json", "one.json", "-", "folder",
        ]);

        Assert.Equal(new SchemaReference("schemas/order.json", "/$defs/Order"), options.Schema);
        Assert.Equal("draft-07", options.Dialect);
        Assert.Equal([new BaseUriMapping("https://example.com/a/", "schemas/a"), new BaseUriMapping("https://example.com/b/", "schemas/b")], options.BaseUris);
        Assert.True(options.AssertFormats);
        Assert.Equal(OutputFormat.Json, options.Output);
        Assert.Equal(["one.json", "-", "folder"], options.Payloads);
    }

    [Fact]
    public void Defaults_to_text_output_the_schema_root_and_formats_as_annotations()
    {
        var options = ToolCommandLine.ParseValidate(["validate", "p.json", "--schema", "s.json"]);

        Assert.Equal(new SchemaReference("s.json", ""), options.Schema);
        Assert.Null(options.Dialect);
        Assert.Empty(options.BaseUris);
        Assert.False(options.AssertFormats);
        Assert.Equal(OutputFormat.Text, options.Output);
    }

    [Fact]
    public void Double_dash_ends_the_options()
    {
        var options = ToolCommandLine.ParseValidate(["validate", "--schema", "s.json", "--", "--odd-name.json"]);

        Assert.Equal(["--odd-name.json"], options.Payloads);
    }

    [Fact]
    public void Help_as_a_payload_name_is_a_payload()
    {
        Assert.Equal(["help"], ToolCommandLine.ParseValidate(["validate", "--schema", "s.json", "help"]).Payloads);
    }

    [Fact]
    public void A_payload_named_with_an_at_sign_is_a_file_not_a_response_file()
    {
        Assert.Equal(["@orders.json"], ToolCommandLine.ParseValidate(["validate", "--schema", "s.json", "@orders.json"]).Payloads);
    }

    [Theory]
    [InlineData("'frobnicate'", new[] { "frobnicate" })]
    [InlineData("unknown option '--frobnicate'", new[] { "validate", "--schema", "s.json", "--frobnicate", "p.json" })]
    [InlineData("unknown option '--shcema'; did you mean '--schema'?", new[] { "validate", "--shcema", "s.json", "p.json" })]
    [InlineData("--schema <file> is required", new[] { "validate", "p.json" })]
    [InlineData("no payloads given", new[] { "validate", "--schema", "s.json" })]
    [InlineData("'--schema'", new[] { "validate", "p.json", "--schema" })]
    [InlineData("--schema needs a value", new[] { "validate", "--schema", "--output", "json", "p.json" })]
    [InlineData("--schema needs a value", new[] { "validate", "--schema", " ", "p.json" })]
    [InlineData("'--schema'", new[] { "validate", "--schema", "a.json", "--schema", "b.json", "p.json" })]
    [InlineData("'xml'", new[] { "validate", "--schema", "s.json", "--output", "xml", "p.json" })]
    [InlineData("'-' (standard input) can be given only once", new[] { "validate", "--schema", "s.json", "-", "-" })]
    [InlineData("--format-assertion takes no value", new[] { "validate", "--schema", "s.json", "--format-assertion=yes", "p.json" })]
    [InlineData("is not a JSON Pointer", new[] { "validate", "--schema", "s.json#Order", "p.json" })]
    [InlineData("--base-uri takes <uri>=<folder>", new[] { "validate", "--schema", "s.json", "--base-uri", "https://example.com/", "p.json" })]
    [InlineData("is not an absolute URI", new[] { "validate", "--schema", "s.json", "--base-uri", "/schemas=schemas", "p.json" })]
    [InlineData("has a fragment", new[] { "validate", "--schema", "s.json", "--base-uri", "https://example.com/#x=schemas", "p.json" })]
    public void Rejects_what_it_cannot_run_with_a_clear_message(string message, string[] args)
    {
        var exception = Assert.Throws<CommandLineException>(() => ToolCommandLine.ParseValidate(args));

        // The messages are System.CommandLine's for what does not parse, the tool's for what cannot run.

        Assert.Contains(message, exception.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_uri_splits_at_its_last_equals_sign()
    {
        Assert.Equal(new BaseUriMapping("https://example.com/?v=1/", "dir"), BaseUriMapping.Parse("https://example.com/?v=1=dir"));
    }
}
