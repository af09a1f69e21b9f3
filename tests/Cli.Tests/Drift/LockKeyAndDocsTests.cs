using System;
using System.IO;
using System.Linq;
using Hooksmith.Cli.Tests.Infrastructure;

namespace Hooksmith.Cli.Tests.Drift;

/// <summary>
/// How <c>lock</c> keys several files (by their path below the folder they share, so two
/// <c>events.json</c> in different folders stay apart, as in the build), and <c>--include-docs</c>
/// through <c>diff</c>, <c>lock</c> and <c>check</c>.
/// </summary>
public sealed class LockKeyAndDocsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Events(string eventName, string statusValues, string description = "An order.") => $$"""
        {
          "openapi": "3.1.0",
          "info": { "title": "Vendor", "version": "1" },
          "webhooks": { "{{eventName}}": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } } } } },
          "components": { "schemas": { "Order": { "type": "object", "description": "{{description}}", "properties": { "status": { "type": "string", "enum": [{{statusValues}}] } } } } }
        }
        """;

    [Fact]
    public void Two_files_of_one_name_in_nested_folders_are_locked_and_checked_apart()
    {
        var billing = _folder.Write("vendor/billing/events.json", Events("invoice.paid", "\"PAID\""));
        var shipping = _folder.Write("vendor/shipping/events.json", Events("parcel.sent", "\"SENT\""));
        var lockFile = Path.Combine(_folder.Path, "hooksmith.lock.json");
        CliAssert.ExitCode(0, CliRun.Of(["lock", Path.Combine(_folder.Path, "vendor"), "--out", lockFile]));
        var lockText = File.ReadAllText(lockFile);
        Assert.Contains("\"billing/events.json#/components/schemas/Order\"", lockText, StringComparison.Ordinal);
        Assert.Contains("\"shipping/events.json#/components/schemas/Order\"", lockText, StringComparison.Ordinal);

        // The files named one by one are keyed alike: the same lock.
        var byFiles = Path.Combine(_folder.Path, "by-files.lock.json");
        CliAssert.ExitCode(0, CliRun.Of(["lock", billing, shipping, "--out", byFiles]));
        Assert.Equal(lockText, File.ReadAllText(byFiles));

        CliAssert.ExitCode(0, CliRun.Of(["check", "--lock", lockFile, Path.Combine(_folder.Path, "vendor"), "--fail-on", "info"]));

        _folder.Write("vendor/shipping/events.json", Events("parcel.sent", "\"SENT\", \"LOST\""));
        var run = CliRun.Of(["check", "--lock", lockFile, Path.Combine(_folder.Path, "vendor"), "--output", "json", "--fail-on", "warning"]);
        CliAssert.ExitCode(1, run);
        var change = Assert.Single(DriftJsonChange.Of(run));
        Assert.Equal(("enum-value-added", "warning"), (change.Kind, change.Severity));
        Assert.Equal(["parcel.sent"], change.Events);
        Assert.EndsWith(Path.Combine("shipping", "events.json"), change.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_one_file_is_locked_as_that_file_alone()
    {
        var folder = Path.Combine(_folder.Path, "one");
        _folder.Write("one/shop.json", Events("order.created", "\"PAID\""));
        var lockFile = Path.Combine(_folder.Path, "one.lock.json");
        CliAssert.ExitCode(0, CliRun.Of(["lock", folder, "--out", lockFile]));
        Assert.Contains("\"#/components/schemas/Order\"", File.ReadAllText(lockFile), StringComparison.Ordinal);

        // So it checks the file under another name, as the build checks a project's one schema.
        var renamed = _folder.Write("elsewhere/renamed.json", Events("order.created", "\"PAID\""));
        CliAssert.ExitCode(0, CliRun.Of(["check", "--lock", lockFile, renamed, "--fail-on", "info"]));
    }

    [Fact]
    public void Diff_reports_documentation_changes_as_info_only_with_include_docs()
    {
        var before = _folder.Write("v1/shop.json", Events("order.created", "\"PAID\""));
        var after = _folder.Write("v2/shop.json", Events("order.created", "\"PAID\"", "An order, as placed."));

        var plain = CliRun.Of(["diff", before, after, "--output", "json", "--fail-on", "info"]);
        CliAssert.ExitCode(0, plain);
        Assert.Empty(DriftJsonChange.Of(plain));

        var docs = CliRun.Of(["diff", before, after, "--output", "json", "--include-docs", "--fail-on", "info"]);
        CliAssert.ExitCode(1, docs);
        var change = Assert.Single(DriftJsonChange.Of(docs));
        Assert.Equal(("docs-changed", "info", "OrderCreated"), (change.Kind, change.Severity, change.CSharp));
        Assert.Equal(["order.created"], change.Events);
        CliAssert.ExitCode(0, CliRun.Of(["diff", before, after, "--include-docs"]));
    }

    [Fact]
    public void Check_reports_documentation_changes_with_a_lock_that_records_them()
    {
        var schema = _folder.Write("shop.json", Events("order.created", "\"PAID\""));
        var docsLock = Path.Combine(_folder.Path, "docs.lock.json");
        var plainLock = Path.Combine(_folder.Path, "plain.lock.json");
        CliAssert.ExitCode(0, CliRun.Of(["lock", schema, "--include-docs", "--out", docsLock]));
        CliAssert.ExitCode(0, CliRun.Of(["lock", schema, "--out", plainLock]));
        Assert.Contains("\"docs\": true", File.ReadAllText(docsLock), StringComparison.Ordinal);
        Assert.DoesNotContain("\"docs\"", File.ReadAllText(plainLock), StringComparison.Ordinal);
        CliAssert.ExitCode(0, CliRun.Of(["check", "--lock", docsLock, schema, "--include-docs", "--fail-on", "info"]));

        _folder.Write("shop.json", Events("order.created", "\"PAID\"", "An order, as placed."));
        var run = CliRun.Of(["check", "--lock", docsLock, schema, "--include-docs", "--output", "json", "--fail-on", "info"]);
        CliAssert.ExitCode(1, run);
        Assert.Equal(["docs-changed"], DriftJsonChange.Of(run).Select(c => c.Kind));

        // Without --include-docs, documentation is not compared, whichever lock.
        CliAssert.ExitCode(0, CliRun.Of(["check", "--lock", docsLock, schema, "--fail-on", "info"]));
        CliAssert.ExitCode(0, CliRun.Of(["check", "--lock", plainLock, schema, "--fail-on", "info"]));

        // A lock without documentation cannot answer --include-docs: a usage error, not a silent "no change".
        var refused = CliRun.Of(["check", "--lock", plainLock, schema, "--include-docs"]);
        CliAssert.ExitCode(2, refused);
        Assert.Contains("lock --include-docs", refused.Stderr, StringComparison.Ordinal);
    }
}
