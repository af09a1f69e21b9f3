using System.IO;
using Hooksmith.Cli.Tests.Infrastructure;

namespace Hooksmith.Cli.Tests;

/// <summary>Exit code 2 for command lines that cannot run; each is caught before anything is compiled.</summary>
public sealed class UsageErrorTests
{
    [Fact]
    public void Help_prints_the_usage_and_succeeds()
    {
        var run = CliRun.Of(["--help"]);

        CliAssert.ExitCode(0, run);
        Assert.StartsWith("Usage: hooksmith validate --schema <file>[#<pointer>]", run.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("--base-uri <uri>=<folder>", run.Stdout, System.StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    [Theory]
    [InlineData("validate --help")]
    [InlineData("validate -h")]
    [InlineData("validate --schema s.json p.json --help")]
    public void Validate_help_is_generated_for_the_command(string commandLine)
    {
        var run = CliRun.Of(commandLine.Split(' '));

        CliAssert.ExitCode(0, run);
        Assert.Contains("Usage:", run.Stdout, System.StringComparison.Ordinal);
        Assert.Contains(" validate ", run.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("--schema <file[#pointer]>", run.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("--base-uri <uri=folder>", run.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("--format-assertion", run.Stdout, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_named()
    {
        var run = CliRun.Of(["validate", "--schema", TestPaths.EnvelopeSchema, "--strict", TestPaths.SeedEnvelope]);

        CliAssert.ExitCode(2, run);
        Assert.Equal(["hooksmith: unknown option '--strict'", "Run 'hooksmith --help' for usage."], run.StderrLines);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void A_mistyped_option_gets_a_suggestion()
    {
        var run = CliRun.Of(["validate", "--shcema", TestPaths.EnvelopeSchema, TestPaths.SeedEnvelope]);

        CliAssert.ExitCode(2, run);
        Assert.Equal(["hooksmith: unknown option '--shcema'; did you mean '--schema'?", "Run 'hooksmith --help' for usage."], run.StderrLines);
    }

    [Fact]
    public void A_mistyped_command_is_a_usage_error()
    {
        var run = CliRun.Of(["valdiate", "--schema", TestPaths.EnvelopeSchema, TestPaths.SeedEnvelope]);

        CliAssert.ExitCode(2, run);
        Assert.Contains("'valdiate'", run.Stderr, System.StringComparison.Ordinal);
    }

    [Fact]
    public void No_arguments_is_a_usage_error()
    {
        var run = CliRun.Of([]);

        CliAssert.ExitCode(2, run);
        Assert.Contains("no command given", run.Stderr, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Without_schema()
    {
        var run = CliRun.Of(["validate", TestPaths.SeedEnvelope]);

        CliAssert.ExitCode(2, run);
        Assert.StartsWith("hooksmith: --schema <file> is required", run.Stderr, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Without_payloads()
    {
        var run = CliRun.Of(["validate", "--schema", TestPaths.EnvelopeSchema]);

        CliAssert.ExitCode(2, run);
        Assert.StartsWith("hooksmith: no payloads given", run.Stderr, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_file_that_does_not_exist()
    {
        var missing = Path.Combine(TestPaths.VoucherifySchemas, "no-such-schema.json");

        var run = CliRun.Of(["validate", "--schema", missing, TestPaths.SeedEnvelope]);

        CliAssert.ExitCode(2, run);
        Assert.StartsWith($"hooksmith: --schema: no file '{missing}'", run.Stderr, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_payload_that_does_not_exist()
    {
        var missing = Path.Combine(TestPaths.RepositoryRoot, "samples", "payloads", "nothing-here.json");

        var run = CliRun.Of(["validate", "--schema", TestPaths.EnvelopeSchema, TestPaths.SeedEnvelope, missing]);

        CliAssert.ExitCode(2, run);
        Assert.StartsWith($"hooksmith: no payload file or folder '{missing}'", run.Stderr, System.StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void A_payload_folder_without_json_files()
    {
        using var folder = new TempFolder();
        folder.Write("notes.txt", "nothing to validate");

        var run = CliRun.Of(["validate", "--schema", TestPaths.EnvelopeSchema, folder.Path]);

        CliAssert.ExitCode(2, run);
        Assert.Contains("has no *.json files", run.Stderr, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_uri_folder_that_does_not_exist()
    {
        var run = CliRun.Of(["validate", "--schema", TestPaths.EnvelopeSchema, "--base-uri", "https://example.com/=" + Path.Combine(TestPaths.RepositoryRoot, "no-such-folder"), TestPaths.SeedEnvelope]);

        CliAssert.ExitCode(2, run);
        Assert.Contains("--base-uri: no folder", run.Stderr, System.StringComparison.Ordinal);
    }
}
