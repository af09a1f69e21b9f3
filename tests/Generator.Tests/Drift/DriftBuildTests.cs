using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Hooksmith.Generator.Drift;
using Hooksmith.Generator.Schema;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Hooksmith.Generator.Tests.Drift;

/// <summary>
/// The build with a lock: each change since the lock is a diagnostic HSM02xx at its line and column
/// in the schema file, for the five real Voucherify edits read from <c>paths</c> (<c>Events="paths"</c>).
/// </summary>
public sealed class DriftBuildTests
{
    private static readonly string History = Path.Combine(TestPaths.SharedDir, "corpus", "voucherify", "history");

    public static TheoryData<string> Pairs => new()
    {
        "2025-01-28-event-added", "2025-02-05-channel-added", "2025-03-10-examples-only", "2025-03-12-loyalty-card-properties", "2025-03-17-mapping-points-type",
    };

    private static readonly Dictionary<string, (string Id, DiagnosticSeverity Severity, string[] Markers)[]> Expected = new()
    {
        ["2025-01-28-event-added"] =
        [
            ("HSM0210", DiagnosticSeverity.Warning, ["\"/EVENTS.CUSTOMER.VOUCHER.LOYALTY_CARD.PENDING_POINTS.CANCELED\""]),
            ("HSM0227", DiagnosticSeverity.Info, ["\"schemas\": {", "\"EventCustomerVoucherLoyaltyCardPendingPointsCanceledData\": {"]),
        ],
        ["2025-02-05-channel-added"] = [("HSM0220", DiagnosticSeverity.Info, ["\"schemas\": {", "\"SimpleRedemption\": {", "\"channel\": {"])],
        ["2025-03-10-examples-only"] = [],
        ["2025-03-12-loyalty-card-properties"] =
        [
            ("HSM0203", DiagnosticSeverity.Error, ["\"schemas\": {", "\"SimpleLoyaltyCard\": {", "\"balance\": {"]),
            ("HSM0220", DiagnosticSeverity.Info, ["\"schemas\": {", "\"EarningRuleBase\": {", "\"loyalty_tier\": {"]),
            ("HSM0220", DiagnosticSeverity.Info, ["\"schemas\": {", "\"EarningRuleBase\": {", "\"pending_points\": {"]),
            ("HSM0220", DiagnosticSeverity.Info, ["\"schemas\": {", "\"SimpleLoyaltyCard\": {", "\"pending_points\": {"]),
            ("HSM0220", DiagnosticSeverity.Info, ["\"schemas\": {", "\"SimpleLoyaltyCard\": {", "\"expired_points\": {"]),
            ("HSM0220", DiagnosticSeverity.Info, ["\"schemas\": {", "\"SimpleLoyaltyCard\": {", "\"subtracted_points\": {"]),
            ("HSM0220", DiagnosticSeverity.Info, ["\"schemas\": {", "\"Voucher\": {", "\"loyalty_card\": {", "\"pending_points\": {"]),
            ("HSM0220", DiagnosticSeverity.Info, ["\"schemas\": {", "\"Voucher\": {", "\"loyalty_card\": {", "\"expired_points\": {"]),
            ("HSM0220", DiagnosticSeverity.Info, ["\"schemas\": {", "\"Voucher\": {", "\"loyalty_card\": {", "\"subtracted_points\": {"]),
        ],
        ["2025-03-17-mapping-points-type"] = [("HSM0226", DiagnosticSeverity.Info, ["\"schemas\": {", "\"MappingPoints\": {"])],
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Each_change_since_the_lock_is_a_diagnostic_at_its_line_in_the_schema(string pair)
    {
        var before = Path.Combine(History, pair, "before.json");
        var after = Path.Combine(History, pair, "after.json");
        var lockText = LockFileWriter.Write(DriftScenario.SurfaceOf(File.ReadAllText(before), EventSources.Paths, before));
        var driver = DriftBuild.CreateDriver([new DriftBuild.Schema(after, File.ReadAllText(after), Events: "paths")], "/project/hooksmith.lock.json", lockText, out _)
            .RunGenerators(DriftBuild.Compilation());

        var diagnostics = DriftBuild.DriftDiagnostics(driver);
        var text = File.ReadAllText(after);
        var expected = Expected[pair];
        var describe = string.Join("\n", diagnostics.Select(d => d.ToString()));
        Assert.True(expected.Length == diagnostics.Count, describe);
        foreach (var (id, severity, markers) in expected)
        {
            var line = LineOf(text, markers);
            Assert.True(diagnostics.Any(d => d.Id == id && d.Severity == severity && d.Location.GetLineSpan().StartLinePosition.Line + 1 == line && d.Location.GetLineSpan().Path == after), $"{id} at line {line} in\n{describe}");
        }
    }

    [Fact]
    public void A_diagnostic_names_the_change_the_member_and_the_events()
    {
        var before = Path.Combine(History, "2025-02-05-channel-added", "before.json");
        var after = Path.Combine(History, "2025-02-05-channel-added", "after.json");
        var lockText = LockFileWriter.Write(DriftScenario.SurfaceOf(File.ReadAllText(before), EventSources.Paths, before));
        var driver = DriftBuild.CreateDriver([new DriftBuild.Schema(after, File.ReadAllText(after), Events: "paths")], "/project/hooksmith.lock.json", lockText, out _)
            .RunGenerators(DriftBuild.Compilation());
        var message = Assert.Single(DriftBuild.DriftDiagnostics(driver)).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("property 'channel' was added to SimpleRedemption", message, StringComparison.Ordinal);
        Assert.Contains("C# SimpleRedemption.Channel", message, StringComparison.Ordinal);
        Assert.Contains("8 events: customer.redemption.rollback.succeeded", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_lock_there_is_no_drift_and_with_an_unreadable_one_a_warning()
    {
        const string schema = """{ "type": "object", "properties": { "id": { "type": "string" } } }""";
        var none = DriftBuild.CreateDriver([new DriftBuild.Schema("/project/order.json", schema)], null, null, out _).RunGenerators(DriftBuild.Compilation());
        Assert.Empty(DriftBuild.DriftDiagnostics(none));

        var broken = DriftBuild.CreateDriver([new DriftBuild.Schema("/project/order.json", schema)], "/project/hooksmith.lock.json", "{ not json", out _).RunGenerators(DriftBuild.Compilation());
        var diagnostic = Assert.Single(DriftBuild.DriftDiagnostics(broken));
        Assert.Equal(("HSM0200", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal("/project/hooksmith.lock.json", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void The_HooksmithLockFile_property_names_a_lock_of_another_name()
    {
        const string before = """{ "type": "object", "properties": { "id": { "type": "string" } }, "required": ["id"] }""";
        const string after = """{ "type": "object", "properties": { "id": { "type": "string" } } }""";
        var lockText = LockFileWriter.Write(DriftScenario.SurfaceOf(before, EventSources.Webhooks, "/project/order.json"));
        var driver = DriftBuild.CreateDriver([new DriftBuild.Schema("/project/order.json", after)], "/project/locks/webhooks.lock.json", lockText, out _, new Dictionary<string, string> { ["build_property.HooksmithLockFile"] = "/project/locks/webhooks.lock.json" })
            .RunGenerators(DriftBuild.Compilation());
        var diagnostic = Assert.Single(DriftBuild.DriftDiagnostics(driver));
        Assert.Equal(("HSM0203", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Every_kind_has_its_own_diagnostic_id_with_the_severity_of_the_table()
    {
        foreach (var kind in DriftKind.All)
        {
            var descriptor = DriftDiagnosticDescriptors.ById(kind.DiagnosticId);
            Assert.NotNull(descriptor);
            Assert.Equal(DriftDiagnosticDescriptors.SeverityOf(kind.DefaultSeverity), descriptor.DefaultSeverity);
            Assert.EndsWith(kind.DiagnosticId.ToLowerInvariant(), descriptor.HelpLinkUri, StringComparison.Ordinal);
        }
    }

    private static int LineOf(string text, string[] markers)
    {
        var index = 0;
        foreach (var marker in markers)
        {
            index = text.IndexOf(marker, index, StringComparison.Ordinal);
            Assert.True(index >= 0, $"marker {marker} not found");
            index += 1;
        }

        return text.AsSpan(0, index - 1).Count('\n') + 1;
    }
}
