using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Hooksmith.Cli.Tests.Infrastructure;

namespace Hooksmith.Cli.Tests;

/// <summary>
/// <c>hooksmith validate</c> in-process over the repository's Voucherify schemas: the generator,
/// Roslyn and the generated validators all run for real.
/// </summary>
public sealed class ValidateTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_valid_payload_exits_0()
    {
        var payload = _folder.Write("data.json", SamplePayloads.ValidData);

        var run = ValidateData(payload);

        CliAssert.ExitCode(0, run);
        Assert.Equal([payload + ": valid"], run.StdoutLines);
    }

    [Fact]
    public void The_sample_envelope_is_valid_against_the_envelope_schema()
    {
        var run = CliRun.Of(["validate", "--schema", TestPaths.EnvelopeSchema, TestPaths.SeedEnvelope]);

        CliAssert.ExitCode(0, run);
        Assert.Equal([TestPaths.SeedEnvelope + ": valid"], run.StdoutLines);
    }

    [Fact]
    public void An_invalid_payload_exits_1_and_lists_its_errors_in_text()
    {
        var payload = _folder.Write("data.json", SamplePayloads.DataWithoutRedemption);

        var run = ValidateData(payload);

        CliAssert.ExitCode(1, run);
        var lines = run.StdoutLines;
        Assert.Equal(payload + ": invalid", lines[0]);
        var error = Assert.Single(lines.Skip(1));
        Assert.StartsWith("  (root): ", error, StringComparison.Ordinal);
        Assert.Contains("redemption", error, StringComparison.Ordinal);
        Assert.EndsWith(" [/required]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_is_one_object_per_payload()
    {
        var valid = _folder.Write("valid.json", SamplePayloads.ValidData);
        var invalid = _folder.Write("invalid.json", SamplePayloads.DataWithoutRedemption);

        var run = ValidateData(valid, invalid, "--output", "json");

        CliAssert.ExitCode(1, run);
        Assert.Equal(2, run.StdoutLines.Length);
        using var first = JsonDocument.Parse(run.StdoutLines[0]);
        Assert.Equal(valid, first.RootElement.GetProperty("instance").GetString());
        Assert.True(first.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(0, first.RootElement.GetProperty("errors").GetArrayLength());

        using var second = JsonDocument.Parse(run.StdoutLines[1]);
        Assert.Equal(invalid, second.RootElement.GetProperty("instance").GetString());
        Assert.False(second.RootElement.GetProperty("valid").GetBoolean());
        var error = Assert.Single(second.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("", error.GetProperty("instanceLocation").GetString());
        Assert.Equal("/required", error.GetProperty("keywordLocation").GetString());
        Assert.Equal("required", error.GetProperty("keyword").GetString());
        Assert.Contains("redemption", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            "https://schemas.hooksmith.dev/voucherify/customer-order-updated.json#/required",
            error.GetProperty("absoluteKeywordLocation").GetString());
    }

    [Fact]
    public void Json_lines_on_stdin_are_named_by_line_number()
    {
        var stdin = SamplePayloads.ValidData + "\n\n" + SamplePayloads.DataWithoutRedemption + "\n";

        var run = CliRun.Of(["validate", "--schema", TestPaths.CustomerOrderUpdatedSchema, "--base-uri", TestPaths.VoucherifyBaseUriArgument, "-"], stdin);

        CliAssert.ExitCode(1, run);
        var lines = run.StdoutLines;
        Assert.Equal("stdin:1: valid", lines[0]);
        Assert.Equal("stdin:3: invalid", lines[1]);
        Assert.StartsWith("  (root): ", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void Empty_stdin_validates_nothing_and_succeeds()
    {
        var run = CliRun.Of(["validate", "--schema", TestPaths.EnvelopeSchema, "-"], "\n");

        CliAssert.ExitCode(0, run);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void A_folder_gives_its_json_files_recursively_in_path_order()
    {
        var payloads = Path.Combine(_folder.Path, "payloads");
        _folder.Write("payloads/b/nested.json", SamplePayloads.DataWithoutRedemption);
        _folder.Write("payloads/a.json", SamplePayloads.ValidData);
        _folder.Write("payloads/c.json", SamplePayloads.ValidData);
        _folder.Write("payloads/notes.txt", "not a payload");

        var run = ValidateData(payloads);

        CliAssert.ExitCode(1, run);
        var verdicts = run.StdoutLines.Where(l => !l.StartsWith(' ')).ToArray();
        Assert.Equal(
            [
                Path.Combine(payloads, "a.json") + ": valid",
                Path.Combine(payloads, "b", "nested.json") + ": invalid",
                Path.Combine(payloads, "c.json") + ": valid",
            ],
            verdicts);
    }

    [Fact]
    public void A_payload_that_is_not_json_is_invalid_with_a_clear_message()
    {
        var payload = _folder.Write("truncated.json", "{\"customer\": ");

        var run = ValidateData(payload);

        CliAssert.ExitCode(1, run);
        Assert.Equal(payload + ": invalid", run.StdoutLines[0]);
        Assert.StartsWith("  (root): the payload is not valid JSON", run.StdoutLines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_line_that_is_not_json_is_invalid_and_the_rest_still_run()
    {
        var run = CliRun.Of(["validate", "--schema", TestPaths.CustomerOrderUpdatedSchema, "--base-uri", TestPaths.VoucherifyBaseUriArgument, "-"], "not json\n" + SamplePayloads.ValidData + "\n");

        CliAssert.ExitCode(1, run);
        Assert.Equal(["stdin:1: invalid", "stdin:2: valid"], run.StdoutLines.Where(l => !l.StartsWith(' ')).ToArray());
    }

    [Fact]
    public void A_pointer_selects_a_definition()
    {
        var valid = _folder.Write("order.json", SamplePayloads.ValidOrder);
        var invalid = _folder.Write("bad-order.json", SamplePayloads.OrderWithStringAmount);

        var run = CliRun.Of(["validate", "--schema", TestPaths.CommonSchema + "#/$defs/Order", "--output", "json", valid, invalid]);

        CliAssert.ExitCode(1, run);
        using var first = JsonDocument.Parse(run.StdoutLines[0]);
        Assert.True(first.RootElement.GetProperty("valid").GetBoolean());
        using var second = JsonDocument.Parse(run.StdoutLines[1]);
        var error = Assert.Single(second.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("/amount", error.GetProperty("instanceLocation").GetString());
        Assert.Equal("/properties/amount/type", error.GetProperty("keywordLocation").GetString());
    }

    [Fact]
    public void A_pointer_with_no_schema_exits_2_and_lists_the_files_schemas()
    {
        var run = CliRun.Of(["validate", "--schema", TestPaths.CommonSchema + "#/$defs/Nope", TestPaths.SeedEnvelope]);

        CliAssert.ExitCode(2, run);
        Assert.Contains($"hooksmith: no schema at #/$defs/Nope of '{TestPaths.CommonSchema}'. Its schemas are:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  " + TestPaths.CommonSchema + "#/$defs/Order", run.StderrLines);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Format_assertion_makes_a_bad_date_time_invalid()
    {
        var payload = _folder.Write("envelope.json", SamplePayloads.EnvelopeWithBadDate);

        var annotation = CliRun.Of(["validate", "--schema", TestPaths.EnvelopeSchema, payload]);
        var assertion = CliRun.Of(["validate", "--schema", TestPaths.EnvelopeSchema, "--format-assertion", payload]);

        CliAssert.ExitCode(0, annotation);
        CliAssert.ExitCode(1, assertion);
        Assert.StartsWith("  /created_at: ", assertion.StdoutLines[1], StringComparison.Ordinal);
        Assert.EndsWith("[/properties/created_at/format]", assertion.StdoutLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Dialect_applies_to_schemas_without_dollar_schema()
    {
        // draft-04: a boolean exclusiveMaximum makes maximum exclusive; 2020-12 ignores it (a warning).
        var schema = _folder.Write("limit.json", """{"type": "integer", "maximum": 5, "exclusiveMaximum": true}""");
        var payload = _folder.Write("five.json", "5");

        var draft4 = CliRun.Of(["validate", "--schema", schema, "--dialect", "draft-04", payload]);
        var latest = CliRun.Of(["validate", "--schema", schema, payload]);

        CliAssert.ExitCode(1, draft4);
        CliAssert.ExitCode(0, latest);
        Assert.Contains("warning HSM0009", latest.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_with_errors_exits_2_with_the_diagnostics_at_their_positions()
    {
        var schema = _folder.Write("broken.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n}");

        var run = CliRun.Of(["validate", "--schema", schema, TestPaths.SeedEnvelope]);

        CliAssert.ExitCode(2, run);
        Assert.Contains(run.StderrLines, line => line.StartsWith(schema + "(", StringComparison.Ordinal) && line.Contains("): error HSM0001: ", StringComparison.Ordinal));
        Assert.Contains("no payload was validated", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Without_base_uri_a_ref_into_another_file_is_unresolved()
    {
        var payload = _folder.Write("data.json", SamplePayloads.ValidData);

        var run = CliRun.Of(["validate", "--schema", TestPaths.CustomerOrderUpdatedSchema, payload]);

        CliAssert.ExitCode(2, run);
        Assert.Contains("error HSM0002", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("add its folder with --base-uri <uri>=<folder>", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_may_define_types_of_the_same_name()
    {
        // Each file gets its own namespace, so two "Thing"s do not clash (HSM0008 in a shared namespace).
        var schemas = Path.Combine(_folder.Path, "schemas");
        var main = _folder.Write("schemas/a.json", """{"$id": "https://example.com/a.json", "title": "Thing", "type": "object", "properties": {"b": {"$ref": "b.json"}}}""");
        _folder.Write("schemas/b.json", """{"$id": "https://example.com/b.json", "title": "Thing", "type": "object", "properties": {"n": {"type": "integer"}}}""");
        var payload = _folder.Write("thing.json", """{"b": {"n": "one"}}""");

        var run = CliRun.Of(["validate", "--schema", main, "--base-uri", "https://example.com/=" + schemas, payload]);

        CliAssert.ExitCode(1, run);
        Assert.StartsWith("  /b/n: ", run.StdoutLines[1], StringComparison.Ordinal);
    }

    private static CliRun ValidateData(params string[] payloadsAndOptions)
        => CliRun.Of(["validate", "--schema", TestPaths.CustomerOrderUpdatedSchema, "--base-uri", TestPaths.VoucherifyBaseUriArgument, .. payloadsAndOptions]);
}
