using System;
using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Drift;
using Hooksmith.Generator.Schema;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Hooksmith.Generator.Tests.Drift;

/// <summary>
/// A project whose schemas sit in nested folders (two <c>events.json</c>): the build keys each file by
/// its path below the folder the files share, as <c>hooksmith lock FOLDER</c> does, so each file is
/// locked and checked on its own.
/// </summary>
public sealed class DriftNestedBuildTests
{
    private static string Events(string eventName, string statusValues) => $$"""
        {
          "openapi": "3.1.0",
          "info": { "title": "Vendor", "version": "1" },
          "webhooks": { "{{eventName}}": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } } } } },
          "components": { "schemas": { "Order": { "type": "object", "properties": { "status": { "type": "string", "enum": [{{statusValues}}] } } } } }
        }
        """;

    /// <summary>The lock 'hooksmith lock vendor' writes for vendor/billing/events.json and vendor/shipping/events.json.</summary>
    private static string LockOf(string billing, string shipping)
    {
        var paths = new List<string> { "/project/vendor/billing/events.json", "/project/vendor/shipping/events.json" };
        var prefixes = DriftKeys.PrefixesOf(paths);
        Assert.Equal(["billing/events.json", "shipping/events.json"], prefixes);
        return LockFileWriter.Write(SurfaceExtractor.Extract(
        [
            DriftInputs.Read(paths[0], billing, "billing/events.json", prefixes[0], EventSources.Webhooks),
            DriftInputs.Read(paths[1], shipping, "shipping/events.json", prefixes[1], EventSources.Webhooks),
        ]));
    }

    public static TheoryData<bool> WithProjectPaths => new() { true, false };

    [Theory]
    [MemberData(nameof(WithProjectPaths))]
    public void Two_files_of_one_name_in_different_folders_are_locked_and_checked_apart(bool projectPaths)
    {
        var billing = Events("invoice.paid", "\"PAID\"");
        var shipping = Events("parcel.sent", "\"SENT\"");
        var lockText = LockOf(billing, shipping);
        Assert.Contains("\"billing/events.json#/components/schemas/Order\"", lockText, StringComparison.Ordinal);
        Assert.Contains("\"shipping/events.json#/components/schemas/Order\"", lockText, StringComparison.Ordinal);

        // Unchanged: no drift, although both files have an Order at the same pointer.
        Assert.Empty(Run(billing, shipping, lockText, projectPaths));

        // Only shipping's Order gains a value: one warning, at shipping's file, for shipping's event.
        var diagnostic = Assert.Single(Run(billing, Events("parcel.sent", "\"SENT\", \"LOST\""), lockText, projectPaths));
        Assert.Equal(("HSM0211", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal("/project/vendor/shipping/events.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("parcel.sent", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lock_keyed_by_file_name_still_checks_a_flat_folder()
    {
        // Before nested folders were told apart, several files were keyed by their names; for a flat
        // folder the path below the shared folder is that name, so such a lock reads the same.
        var order = Events("order.created", "\"PAID\"");
        var refund = Events("refund.created", "\"DONE\"");
        var lockText = LockFileWriter.Write(SurfaceExtractor.Extract(
        [
            DriftInputs.Read("/project/order.json", order, "order.json", "order.json", EventSources.Webhooks),
            DriftInputs.Read("/project/refund.json", refund, "refund.json", "refund.json", EventSources.Webhooks),
        ]));
        var driver = DriftBuild.CreateDriver([new DriftBuild.Schema("/project/order.json", order), new DriftBuild.Schema("/project/refund.json", refund)], "/project/hooksmith.lock.json", lockText, out _)
            .RunGenerators(DriftBuild.Compilation());
        Assert.Empty(DriftBuild.DriftDiagnostics(driver));
    }

    [Theory]
    [InlineData(new[] { "/p/a.json" }, new[] { "" })]
    [InlineData(new[] { "/p/a.json", "/p/b.json" }, new[] { "a.json", "b.json" })]
    [InlineData(new[] { "/p/x/events.json", "/p/y/events.json" }, new[] { "x/events.json", "y/events.json" })]
    [InlineData(new[] { "/p/ab/1.json", "/p/ac/2.json" }, new[] { "ab/1.json", "ac/2.json" })]
    [InlineData(new[] { "/p/x/a.json", "/p/x/deep/b.json" }, new[] { "a.json", "deep/b.json" })]
    [InlineData(new[] { "../../schemas/a.json", "../../schemas/v2/a.json" }, new[] { "a.json", "v2/a.json" })]
    [InlineData(new[] { @"C:\p\x\a.json", @"C:\p\y\a.json" }, new[] { "x/a.json", "y/a.json" })]
    [InlineData(new[] { "a.json", "b/c.json" }, new[] { "a.json", "b/c.json" })]
    public void Keys_are_paths_below_the_shared_folder(string[] paths, string[] prefixes)
    {
        Assert.Equal(prefixes, DriftKeys.PrefixesOf(paths));
    }

    private static List<Diagnostic> Run(string billing, string shipping, string lockText, bool projectPaths)
        => DriftBuild.DriftDiagnostics(DriftBuild.CreateDriver(
            [
                new DriftBuild.Schema("/project/vendor/billing/events.json", billing, ProjectPath: projectPaths ? "vendor/billing/events.json" : null),
                new DriftBuild.Schema("/project/vendor/shipping/events.json", shipping, ProjectPath: projectPaths ? "vendor/shipping/events.json" : null),
            ],
            "/project/hooksmith.lock.json",
            lockText,
            out _).RunGenerators(DriftBuild.Compilation()))
            .ToList();
}
