using System.Linq;
using Hooksmith.Generator.Drift;
using Hooksmith.Generator.Schema;
using Hooksmith.Generator.Tests.Drift;
using Hooksmith.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hooksmith.Generator.Tests.Caching;

/// <summary>Reading the lock keeps the generator incremental: step reasons with a lock in the project.</summary>
public sealed class DriftCachingTests
{
    private const string Order = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Shop", "version": "1" },
          "webhooks": { "order.created": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } } } } },
          "components": { "schemas": { "Order": { "type": "object", "description": "An order.", "properties": { "id": { "type": "string" }, "status": { "type": "string", "enum": ["PAID"] } } } } }
        }
        """;

    private static readonly string[] Steps = [TrackingNames.SchemaFiles, TrackingNames.Read, TrackingNames.Plan, TrackingNames.Link, TrackingNames.Outputs, TrackingNames.Lock, TrackingNames.Drift];

    private static (GeneratorDriver Driver, System.Collections.Generic.Dictionary<string, AdditionalText> Texts) FirstRun(string schema)
    {
        var lockText = LockFileWriter.Write(DriftScenario.SurfaceOf(Order, EventSources.Webhooks, "/project/shop.json"));
        var driver = DriftBuild.CreateDriver([new DriftBuild.Schema("/project/shop.json", schema)], "/project/hooksmith.lock.json", lockText, out var texts);
        return (driver.RunGenerators(DriftBuild.Compilation()), texts);
    }

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_cached_with_a_lock()
    {
        var (driver, _) = FirstRun(Order.Replace("[\"PAID\"]", "[\"PAID\", \"OPEN\"]", System.StringComparison.Ordinal));
        Assert.Single(DriftBuild.DriftDiagnostics(driver));
        var edited = DriftBuild.Compilation().AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { internal static class Other { } }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
        foreach (var step in Steps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }
    }

    [Fact]
    public void A_description_edit_reruns_the_drift_check_to_the_same_diagnostics()
    {
        var (driver, texts) = FirstRun(Order);
        Assert.Empty(DriftBuild.DriftDiagnostics(driver));
        var changed = new InMemoryAdditionalText("/project/shop.json", Order.Replace("An order.", "An order, as placed.", System.StringComparison.Ordinal));
        var rerun = driver.ReplaceAdditionalText(texts["/project/shop.json"], changed).RunGenerators(DriftBuild.Compilation());
        var result = rerun.GetRunResult().Results.Single();
        Assert.All(result.TrackedSteps[TrackingNames.Drift].SelectMany(run => run.Outputs), output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
        Assert.All(result.TrackedSteps[TrackingNames.Lock].SelectMany(run => run.Outputs), output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
        Assert.Equal(TrackedOutputs.ValidatorParts(driver.GetRunResult().Results.Single()), TrackedOutputs.ValidatorParts(result));
        Assert.Empty(DriftBuild.DriftDiagnostics(rerun));
    }

    [Fact]
    public void A_new_lock_reruns_only_the_lock_and_the_drift_check()
    {
        var (driver, texts) = FirstRun(Order.Replace("[\"PAID\"]", "[\"PAID\", \"OPEN\"]", System.StringComparison.Ordinal));
        Assert.Single(DriftBuild.DriftDiagnostics(driver));

        // The team accepts the change: 'hooksmith lock' writes the lock again.
        var accepted = LockFileWriter.Write(DriftScenario.SurfaceOf(Order.Replace("[\"PAID\"]", "[\"PAID\", \"OPEN\"]", System.StringComparison.Ordinal), EventSources.Webhooks, "/project/shop.json"));
        var rerun = driver.ReplaceAdditionalText(texts["/project/hooksmith.lock.json"], new InMemoryAdditionalText("/project/hooksmith.lock.json", accepted)).RunGenerators(DriftBuild.Compilation());
        var result = rerun.GetRunResult().Results.Single();
        foreach (var step in new[] { TrackingNames.Read, TrackingNames.Plan, TrackingNames.Link, TrackingNames.Outputs })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(run => run.Outputs), output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }

        Assert.Contains(result.TrackedSteps[TrackingNames.Drift].SelectMany(run => run.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Empty(DriftBuild.DriftDiagnostics(rerun));
    }

    private const string Billing = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Billing", "version": "1" },
          "webhooks": { "invoice.paid": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Invoice" } } } } } } },
          "components": { "schemas": { "Invoice": { "type": "object", "description": "An invoice.", "properties": { "number": { "type": "integer" }, "state": { "type": "string", "enum": ["PAID"] } } } } }
        }
        """;

    private static readonly string[] EveryStep =
    [
        TrackingNames.SchemaFiles, TrackingNames.Read, TrackingNames.Plan, TrackingNames.Registry, TrackingNames.Link, TrackingNames.Outputs,
        TrackingNames.Catalog, TrackingNames.Events, TrackingNames.Diagnostics, TrackingNames.Lock, TrackingNames.Drift,
    ];

    public static TheoryData<string> Locks => new() { "up to date", "with changes since" };

    /// <summary>Two schema files and the lock of both ('hooksmith lock' of the folder), as accepted or before a change in each.</summary>
    private static (GeneratorDriver Driver, System.Collections.Generic.Dictionary<string, AdditionalText> Texts) TwoFiles(string locked)
    {
        var shop = Order;
        var billing = Billing;
        var lockedShop = locked == "up to date" ? shop : shop.Replace("[\"PAID\"]", "[\"PAID\", \"OPEN\"]", System.StringComparison.Ordinal);
        var lockedBilling = locked == "up to date" ? billing : billing.Replace("\"number\": { \"type\": \"integer\" }, ", string.Empty, System.StringComparison.Ordinal);
        var paths = new System.Collections.Generic.List<string> { "/project/billing.json", "/project/shop.json" };
        var prefixes = DriftKeys.PrefixesOf(paths);
        var lockText = LockFileWriter.Write(SurfaceExtractor.Extract(
        [
            DriftInputs.Read(paths[0], lockedBilling, prefixes[0], prefixes[0], EventSources.Webhooks),
            DriftInputs.Read(paths[1], lockedShop, prefixes[1], prefixes[1], EventSources.Webhooks),
        ]));
        var driver = DriftBuild.CreateDriver([new DriftBuild.Schema("/project/shop.json", shop), new DriftBuild.Schema("/project/billing.json", billing)], "/project/hooksmith.lock.json", lockText, out var texts);
        return (driver.RunGenerators(DriftBuild.Compilation()), texts);
    }

    [Theory]
    [MemberData(nameof(Locks))]
    public void Unrelated_csharp_edit_leaves_every_step_cached_with_a_lock_of_two_files(string locked)
    {
        var (driver, _) = TwoFiles(locked);
        var before = DriftBuild.DriftDiagnostics(driver).Select(d => d.ToString()).ToList();
        Assert.Equal(locked == "up to date" ? 0 : 2, before.Count);
        var edited = DriftBuild.Compilation().AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { internal static class Other { } }", GeneratorHarness.ParseOptions));
        var rerun = driver.RunGenerators(edited);
        var result = rerun.GetRunResult().Results.Single();
        foreach (var step in EveryStep)
        {
            var outputs = result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }

        Assert.Equal(before, DriftBuild.DriftDiagnostics(rerun).Select(d => d.ToString()).ToList());
    }

    [Theory]
    [MemberData(nameof(Locks))]
    public void A_description_edit_with_a_lock_of_two_files_redoes_only_that_files_steps_and_reports_the_same(string locked)
    {
        var (driver, texts) = TwoFiles(locked);
        var before = DriftBuild.DriftDiagnostics(driver).Select(d => d.ToString()).ToList();
        var changed = new InMemoryAdditionalText("/project/billing.json", Billing.Replace("An invoice.", "A bill, sent.", System.StringComparison.Ordinal));
        var rerun = driver.ReplaceAdditionalText(texts["/project/billing.json"], changed).RunGenerators(DriftBuild.Compilation());
        var result = rerun.GetRunResult().Results.Single();

        // The other file is not read, planned or linked again; nothing that is emitted from a schema's
        // keywords changes; the lock is not read again, and the check finds what it found.
        foreach (var step in new[] { TrackingNames.Read, TrackingNames.Plan, TrackingNames.Link })
        {
            var outputs = result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();
            Assert.Equal([IncrementalStepRunReason.Cached], outputs.Where(o => PathOf(o.Value) == "/project/shop.json").Select(o => o.Reason));
            Assert.Equal([IncrementalStepRunReason.Modified], outputs.Where(o => PathOf(o.Value) == "/project/billing.json").Select(o => o.Reason));
        }

        foreach (var step in new[] { TrackingNames.Registry, TrackingNames.Catalog, TrackingNames.Events, TrackingNames.Lock })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(run => run.Outputs), output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }

        // The other file's generated code is not written again; the edited file's is, for the summary, with the same validators.
        var files = result.TrackedSteps[TrackingNames.Outputs].SelectMany(run => run.Outputs).ToList();
        Assert.Contains(files, o => PathOf(o.Value) == "/project/shop.json");
        Assert.All(files.Where(o => PathOf(o.Value) == "/project/shop.json"), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(TrackedOutputs.ValidatorParts(driver.GetRunResult().Results.Single()), TrackedOutputs.ValidatorParts(result));

        // The check runs again on the edited document. With no change since the lock it finds nothing again,
        // so nothing downstream sees a difference; with changes, the same ones at the same lines (a change
        // after the edited description on its line moves by the columns the edit added).
        if (locked == "up to date")
        {
            Assert.All(result.TrackedSteps[TrackingNames.Drift].SelectMany(run => run.Outputs), output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
            Assert.Empty(DriftBuild.DriftDiagnostics(rerun));
        }
        else
        {
            static string Where(Diagnostic d) => $"{d.Id} {d.Location.GetLineSpan().Path}:{d.Location.GetLineSpan().StartLinePosition.Line} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            Assert.Equal(DriftBuild.DriftDiagnostics(driver).Select(Where), DriftBuild.DriftDiagnostics(rerun).Select(Where));
            Assert.Equal(2, before.Count);
        }
    }

    private static string? PathOf(object value) => value switch
    {
        SchemaDocument document => document.Path,
        Planning.DocumentPlan plan => plan.Path,
        Planning.LinkedPlan plan => plan.Path,
        Planning.SchemaOutput output => output.SchemaFile,
        _ => null,
    };

    [Fact]
    public void A_lock_checked_out_with_crlf_line_ends_matches_as_written()
    {
        var lockText = LockFileWriter.Write(DriftScenario.SurfaceOf(Order, EventSources.Webhooks, "/project/shop.json")).Replace("\n", "\r\n", System.StringComparison.Ordinal);
        var driver = DriftBuild.CreateDriver([new DriftBuild.Schema("/project/shop.json", Order)], "/project/hooksmith.lock.json", lockText, out _).RunGenerators(DriftBuild.Compilation());
        Assert.Empty(DriftBuild.DriftDiagnostics(driver));
        var current = DriftScenario.SurfaceOf(Order, EventSources.Webhooks, "/project/shop.json");
        Assert.NotNull(LockFileReader.ReadAgainst(lockText + "\r\n", current, out var unchanged, out _));
        Assert.True(unchanged);
        LockFileReader.ReadAgainst(lockText.Replace("PAID", "PAYED", System.StringComparison.Ordinal), current, out unchanged, out _);
        Assert.False(unchanged);
    }
}
