using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Hooksmith.Cli.Tests.Infrastructure;

namespace Hooksmith.Cli.Tests.Drift;

/// <summary><c>hooksmith diff</c>, <c>lock</c> and <c>check</c>: every output format, the exit codes, the overrides.</summary>
public sealed class DriftCommandTests : IDisposable
{
    private const string Before = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Shop", "version": "1" },
          "webhooks": {
            "order.created": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } } } },
            "order.paid": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } } } }
          },
          "components": {
            "schemas": {
              "Order": {
                "type": "object",
                "required": ["id", "status"],
                "properties": {
                  "id": { "type": "string" },
                  "status": { "type": "string", "enum": ["PAID", "OPEN"] },
                  "note": { "type": "string" }
                }
              }
            }
          }
        }
        """;

    // status gains a value (warning), note is removed (breaking), total is added (info).
    private const string After = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Shop", "version": "2" },
          "webhooks": {
            "order.created": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } } } },
            "order.paid": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } } } }
          },
          "components": {
            "schemas": {
              "Order": {
                "type": "object",
                "required": ["id", "status"],
                "properties": {
                  "id": { "type": "string" },
                  "status": { "type": "string", "enum": ["PAID", "OPEN", "VOID"] },
                  "total": { "type": "integer" }
                }
              }
            }
          }
        }
        """;

    private readonly TempFolder _folder = new();
    private readonly string _before;
    private readonly string _after;

    public DriftCommandTests()
    {
        _before = _folder.Write("v1/shop.json", Before);
        _after = _folder.Write("v2/shop.json", After);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Json_output_has_the_summary_and_every_field_of_each_change()
    {
        var run = CliRun.Of(["diff", _before, _after, "--output", "json"]);
        CliAssert.ExitCode(1, run);
        using var document = JsonDocument.Parse(run.Stdout);
        var summary = document.RootElement.GetProperty("summary");
        Assert.Equal((1, 1, 1), (summary.GetProperty("breaking").GetInt32(), summary.GetProperty("warning").GetInt32(), summary.GetProperty("info").GetInt32()));
        Assert.Equal(_before, document.RootElement.GetProperty("old").GetString());
        var changes = DriftJsonChange.Of(run);
        Assert.Equal(["property-removed", "enum-value-added", "property-added"], changes.Select(c => c.Kind));
        var removed = changes[0];
        Assert.Equal(("/components/schemas/Order/properties/note", null, _before, 16, 11), (removed.OldPointer, removed.NewPointer, removed.File, removed.Line, removed.Column));
        Assert.Equal(["order.created", "order.paid"], removed.Events);
        Assert.Equal("Order.Note", removed.CSharp);
        var added = changes[1];
        Assert.Equal(("/components/schemas/Order/properties/status", _after, 15, 21, "OrderStatus.Kind"), (added.NewPointer, added.File, added.Line, added.Column, added.CSharp));
    }

    [Fact]
    public void Text_output_lists_each_change_and_a_summary()
    {
        var run = CliRun.Of(["diff", _before, _after]);
        CliAssert.ExitCode(1, run);
        Assert.StartsWith("breaking property-removed " + _before + ":16:11", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("  C#: Order.Note", run.StdoutLines);
        Assert.Contains("  events: order.created, order.paid", run.StdoutLines);
        Assert.EndsWith("1 breaking, 1 warning, 1 info", run.StdoutLines.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_output_is_a_table_with_a_row_per_change()
    {
        var run = CliRun.Of(["diff", _before, _after, "--output", "markdown"]);
        var lines = run.StdoutLines;
        Assert.Equal("### Webhook schema drift", lines[0]);
        Assert.Contains("| severity | kind | where | C# | events | change |", lines);
        var rows = lines.Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains('`', StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("`property-removed`", rows[0], StringComparison.Ordinal);
        Assert.Contains("`Order.Note`", rows[0], StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Equal(6, r.Split(" | ").Length));
    }

    [Fact]
    public void Github_output_annotates_each_change_on_its_file_and_line()
    {
        var run = CliRun.Of(["diff", _before, _after, "--output", "github"]);
        Assert.Equal(3, run.StdoutLines.Length);
        Assert.StartsWith($"::error file={_before},line=16,col=11,title=HSM0202 property-removed::property 'note' was removed", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.StartsWith($"::warning file={_after},line=15,col=21,title=HSM0211 enum-value-added::", run.StdoutLines[1], StringComparison.Ordinal);
        Assert.StartsWith("::notice ", run.StdoutLines[2], StringComparison.Ordinal);
        Assert.Contains("%0Aevents: order.created, order.paid", run.StdoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_output_is_valid_against_the_sarif_2_1_0_schema_checked_by_hooksmith_itself()
    {
        var run = CliRun.Of(["diff", _before, _after, "--output", "sarif"]);
        CliAssert.ExitCode(1, run);
        var sarif = _folder.Write("drift.sarif", run.Stdout);
        var schema = Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "corpus", "sarif", "sarif-schema-2.1.0.json");
        var validation = CliRun.Of(["validate", "--schema", schema, "--format-assertion", sarif]);
        CliAssert.ExitCode(0, validation);
        using var document = JsonDocument.Parse(run.Stdout);
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Equal(["HSM0202", "HSM0211", "HSM0220"], results.EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()));
        Assert.Equal(["error", "warning", "note"], results.EnumerateArray().Select(r => r.GetProperty("level").GetString()));
        var region = results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((16, 11), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()));
    }

    [Fact]
    public void An_invalid_sarif_log_fails_the_same_validation()
    {
        // The check above means something only if a wrong log fails it.
        var sarif = _folder.Write("bad.sarif", """{ "version": "2.1.0", "runs": [{ "results": [] }] }""");
        var schema = Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "corpus", "sarif", "sarif-schema-2.1.0.json");
        CliAssert.ExitCode(1, CliRun.Of(["validate", "--schema", schema, sarif]));
    }

    [Theory]
    [InlineData("breaking", 1)]
    [InlineData("warning", 1)]
    [InlineData("info", 1)]
    [InlineData("none", 0)]
    public void Fail_on_sets_the_threshold_for_exit_code_1(string failOn, int exitCode)
        => CliAssert.ExitCode(exitCode, CliRun.Of(["diff", _before, _after, "--fail-on", failOn]));

    [Fact]
    public void Fail_on_counts_severities_after_overrides()
    {
        CliAssert.ExitCode(0, CliRun.Of(["diff", _before, _after, "--severity", "property-removed=info"]));
        CliAssert.ExitCode(1, CliRun.Of(["diff", _before, _after, "--severity", "property-removed=info", "--fail-on", "warning"]));
        CliAssert.ExitCode(0, CliRun.Of(["diff", _before, _after, "--severity", "property-removed=none", "--severity", "enum-value-added=info", "--fail-on", "warning"]));
    }

    [Fact]
    public void No_changes_exit_0_even_at_the_lowest_threshold()
    {
        var run = CliRun.Of(["diff", _before, _before, "--fail-on", "info"]);
        CliAssert.ExitCode(0, run);
        Assert.EndsWith("no changes", run.StdoutLines.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_compares_with_the_lock_and_reads_overrides_from_hooksmith_json_beside_it()
    {
        var lockFile = Path.Combine(_folder.Path, "hooksmith.lock.json");
        var locked = CliRun.Of(["lock", _before, "--out", lockFile]);
        CliAssert.ExitCode(0, locked);
        Assert.Equal([lockFile + ": 2 events, 1 named schemas"], locked.StdoutLines);
        var run = CliRun.Of(["check", "--lock", lockFile, _after, "--output", "json"]);
        CliAssert.ExitCode(1, run);
        var changes = DriftJsonChange.Of(run);
        Assert.Equal(["property-removed", "enum-value-added", "property-added"], changes.Select(c => c.Kind));
        // From a lock, a removal is shown where its object is now.
        Assert.Equal(_after, changes[0].File);

        _folder.Write("hooksmith.json", """{ "severity": { "property-removed": "warning" } }""");
        CliAssert.ExitCode(0, CliRun.Of(["check", "--lock", lockFile, _after]));
        _folder.Write("hooksmith.json", """{ "severity": { "property-removed": "fatal" } }""");
        var bad = CliRun.Of(["check", "--lock", lockFile, _after]);
        CliAssert.ExitCode(2, bad);
        Assert.Contains("hooksmith.json", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Lock_of_a_folder_keys_schemas_by_their_path_in_it()
    {
        var lockFile = Path.Combine(_folder.Path, "out.lock.json");
        _folder.Write("v1/more/refund.json", Before.Replace("order.", "refund.", StringComparison.Ordinal));
        _folder.Write("v2/more/refund.json", Before.Replace("order.", "refund.", StringComparison.Ordinal));
        CliAssert.ExitCode(0, CliRun.Of(["lock", Path.Combine(_folder.Path, "v1"), "--out", lockFile]));
        Assert.Contains("\"shop.json#/components/schemas/Order\"", File.ReadAllText(lockFile), StringComparison.Ordinal);
        Assert.Contains("\"more/refund.json#/components/schemas/Order\"", File.ReadAllText(lockFile), StringComparison.Ordinal);
        CliAssert.ExitCode(1, CliRun.Of(["check", "--lock", lockFile, Path.Combine(_folder.Path, "v2")]));
    }

    [Fact]
    public void Usage_errors_unreadable_files_and_bad_schemas_exit_2()
    {
        var typo = CliRun.Of(["diff", _before, _after, "--ouptut", "json"]);
        CliAssert.ExitCode(2, typo);
        Assert.Contains("--output", typo.Stdout + typo.Stderr, StringComparison.Ordinal);
        CliAssert.ExitCode(2, CliRun.Of(["diff", _before, _after, "--output", "yaml"]));
        CliAssert.ExitCode(2, CliRun.Of(["diff", _before]));
        CliAssert.ExitCode(2, CliRun.Of(["diff", _before, Path.Combine(_folder.Path, "missing.json")]));
        CliAssert.ExitCode(2, CliRun.Of(["diff", _before, _after, "--severity", "nothing=info"]));
        CliAssert.ExitCode(2, CliRun.Of(["diff", _before, _after, "--base-uri", "not-a-mapping"]));
        var broken = _folder.Write("broken.json", "{ \"openapi\": \"3.1.0\", ");
        var run = CliRun.Of(["diff", _before, broken]);
        CliAssert.ExitCode(2, run);
        Assert.Contains("HSM0001", run.Stderr, StringComparison.Ordinal);
        CliAssert.ExitCode(2, CliRun.Of(["check", "--lock", _before, _after]));
        CliAssert.ExitCode(2, CliRun.Of(["check", "--lock", Path.Combine(_folder.Path, "none.lock.json"), _after]));
    }

    [Fact]
    public void A_json_schema_file_is_an_event_payload_with_event_as_in_the_build()
    {
        var lockFile = Path.Combine(_folder.Path, "repo.lock.json");
        var run = CliRun.Of(["lock", TestPaths.CommonSchema, TestPaths.CustomerOrderUpdatedSchema, TestPaths.EnvelopeSchema, "--base-uri", TestPaths.VoucherifyBaseUriArgument, "--event", "customer-order-updated.json=customer.order.updated", "--out", lockFile]);
        CliAssert.ExitCode(0, run);
        Assert.StartsWith(lockFile + ": 1 events, ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"customer.order.updated\": {", File.ReadAllText(lockFile), StringComparison.Ordinal);
        CliAssert.ExitCode(2, CliRun.Of(["lock", TestPaths.CommonSchema, "--event", "no-equals-sign", "--out", lockFile]));
    }

    [Fact]
    public void Help_is_generated_for_each_command()
    {
        foreach (var command in new[] { "diff", "lock", "check" })
        {
            var run = CliRun.Of([command, "--help"]);
            CliAssert.ExitCode(0, run);
            Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
            Assert.Contains(" " + command + " ", run.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("hooksmith diff OLD NEW", CliRun.Of(["--help"]).Stdout, StringComparison.Ordinal);
    }
}
