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

    private static readonly string[] Steps = [TrackingNames.SchemaFiles, TrackingNames.Read, TrackingNames.Plan, TrackingNames.Link, TrackingNames.Types, TrackingNames.Validators, TrackingNames.Lock, TrackingNames.Drift];

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
        Assert.All(result.TrackedSteps[TrackingNames.Validators].SelectMany(run => run.Outputs), output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
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
        foreach (var step in new[] { TrackingNames.Read, TrackingNames.Plan, TrackingNames.Link, TrackingNames.Types, TrackingNames.Validators })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(run => run.Outputs), output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }

        Assert.Contains(result.TrackedSteps[TrackingNames.Drift].SelectMany(run => run.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Empty(DriftBuild.DriftDiagnostics(rerun));
    }

    [Fact]
    public void A_lock_checked_out_with_crlf_line_ends_matches_as_written()
    {
        var lockText = LockFileWriter.Write(DriftScenario.SurfaceOf(Order, EventSources.Webhooks, "/project/shop.json")).Replace("\n", "\r\n", System.StringComparison.Ordinal);
        var driver = DriftBuild.CreateDriver([new DriftBuild.Schema("/project/shop.json", Order)], "/project/hooksmith.lock.json", lockText, out _).RunGenerators(DriftBuild.Compilation());
        Assert.Empty(DriftBuild.DriftDiagnostics(driver));
        Assert.True(LockText.SameAs(lockText, lockText.Replace("\r\n", "\n", System.StringComparison.Ordinal) + "\n"));
        Assert.False(LockText.SameAs(lockText, lockText.Replace("PAID", "PAYED", System.StringComparison.Ordinal)));
    }
}
