using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Hooksmith.Cli.Tests.Infrastructure;

namespace Hooksmith.Cli.Tests.Drift;

/// <summary>
/// The five real edits of Voucherify's <c>OpenAPIWebhooks.json</c> in <c>../shared/corpus/voucherify/history</c>
/// (events under <c>paths</c>), through <c>hooksmith diff</c> and through <c>lock</c> + <c>check</c>: each
/// gives the changes its README lists, with severities, events, C# members and exact lines.
/// </summary>
public sealed class VoucherifyHistoryTests : IDisposable
{
    private static readonly string History = Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "corpus", "voucherify", "history");

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The expected changes of each pair: kind, severity, C#, and the markers that find its line in after.json (before.json for a removal).</summary>
    public static TheoryData<string, int> Pairs => new()
    {
        { "2025-01-28-event-added", 0 },
        { "2025-02-05-channel-added", 0 },
        { "2025-03-10-examples-only", 0 },
        { "2025-03-12-loyalty-card-properties", 1 },
        { "2025-03-17-mapping-points-type", 0 },
    };

    private static readonly Dictionary<string, (string Kind, string Severity, string CSharp, string[] LineMarkers)[]> Expected = new()
    {
        ["2025-01-28-event-added"] =
        [
            ("event-added", "warning", "CustomerVoucherLoyaltyCardPendingPointsCanceled", ["\"/EVENTS.CUSTOMER.VOUCHER.LOYALTY_CARD.PENDING_POINTS.CANCELED\""]),
            ("schema-added", "info", "CustomerVoucherLoyaltyCardPendingPointsCanceled", ["\"schemas\": {", "\"EventCustomerVoucherLoyaltyCardPendingPointsCanceledData\": {"]),
        ],
        ["2025-02-05-channel-added"] =
        [
            ("property-added", "info", "SimpleRedemption.Channel", ["\"schemas\": {", "\"SimpleRedemption\": {", "\"channel\": {"]),
        ],
        ["2025-03-10-examples-only"] = [],
        ["2025-03-12-loyalty-card-properties"] =
        [
            ("property-became-optional", "breaking", "SimpleLoyaltyCard.Balance", ["\"schemas\": {", "\"SimpleLoyaltyCard\": {", "\"balance\": {"]),
            ("property-added", "info", "EarningRuleBase.LoyaltyTier", ["\"schemas\": {", "\"EarningRuleBase\": {", "\"loyalty_tier\": {"]),
            ("property-added", "info", "EarningRuleBase.PendingPoints", ["\"schemas\": {", "\"EarningRuleBase\": {", "\"pending_points\": {"]),
            ("property-added", "info", "SimpleLoyaltyCard.PendingPoints", ["\"schemas\": {", "\"SimpleLoyaltyCard\": {", "\"pending_points\": {"]),
            ("property-added", "info", "SimpleLoyaltyCard.ExpiredPoints", ["\"schemas\": {", "\"SimpleLoyaltyCard\": {", "\"expired_points\": {"]),
            ("property-added", "info", "SimpleLoyaltyCard.SubtractedPoints", ["\"schemas\": {", "\"SimpleLoyaltyCard\": {", "\"subtracted_points\": {"]),
            ("property-added", "info", "VoucherLoyaltyCard.PendingPoints", ["\"schemas\": {", "\"Voucher\": {", "\"loyalty_card\": {", "\"pending_points\": {"]),
            ("property-added", "info", "VoucherLoyaltyCard.ExpiredPoints", ["\"schemas\": {", "\"Voucher\": {", "\"loyalty_card\": {", "\"expired_points\": {"]),
            ("property-added", "info", "VoucherLoyaltyCard.SubtractedPoints", ["\"schemas\": {", "\"Voucher\": {", "\"loyalty_card\": {", "\"subtracted_points\": {"]),
        ],
        ["2025-03-17-mapping-points-type"] =
        [
            ("type-narrowed", "info", "MappingPoints", ["\"schemas\": {", "\"MappingPoints\": {"]),
        ],
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Diff_gives_the_listed_changes(string pair, int exitCode)
    {
        var before = Path.Combine(History, pair, "before.json");
        var after = Path.Combine(History, pair, "after.json");
        var run = CliRun.Of(["diff", before, after, "--events-from", "paths", "--output", "json"]);
        CliAssert.ExitCode(exitCode, run);
        AssertExpected(pair, DriftJsonChange.Of(run), after, checkFile: true);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Lock_then_check_gives_the_same_changes(string pair, int exitCode)
    {
        var before = Path.Combine(History, pair, "before.json");
        var after = Path.Combine(History, pair, "after.json");
        var lockFile = Path.Combine(_folder.Path, "hooksmith.lock.json");
        CliAssert.ExitCode(0, CliRun.Of(["lock", before, "--events-from", "paths", "--out", lockFile]));
        var run = CliRun.Of(["check", "--lock", lockFile, after, "--events-from", "paths", "--output", "json"]);
        CliAssert.ExitCode(exitCode, run);
        AssertExpected(pair, DriftJsonChange.Of(run), after, checkFile: true);
    }

    [Fact]
    public void A_lock_of_a_version_checks_clean_against_itself_and_does_not_change_when_rewritten()
    {
        var after = Path.Combine(History, "2025-03-10-examples-only", "after.json");
        var before = Path.Combine(History, "2025-03-10-examples-only", "before.json");
        var first = Path.Combine(_folder.Path, "a.lock.json");
        var second = Path.Combine(_folder.Path, "b.lock.json");
        CliAssert.ExitCode(0, CliRun.Of(["lock", before, "--events-from", "paths", "--out", first]));
        CliAssert.ExitCode(0, CliRun.Of(["lock", after, "--events-from", "paths", "--out", second]));
        // Only examples changed: the lock, which records no docs, is the same byte for byte.
        Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));
        var run = CliRun.Of(["check", "--lock", first, after, "--events-from", "paths", "--fail-on", "info"]);
        CliAssert.ExitCode(0, run);
        Assert.EndsWith("no changes", run.StdoutLines.Last(), StringComparison.Ordinal);
    }

    private static void AssertExpected(string pair, IReadOnlyList<DriftJsonChange> changes, string after, bool checkFile)
    {
        var expected = Expected[pair];
        var describe = string.Join("\n", changes.Select(c => $"{c.Kind} {c.Severity} {c.CSharp} {c.File}:{c.Line}"));
        Assert.True(expected.Length == changes.Count, $"{pair}: expected {expected.Length} changes, got\n{describe}");
        var text = File.ReadAllText(after);
        foreach (var (kind, severity, csharp, markers) in expected)
        {
            var change = changes.SingleOrDefault(c => c.Kind == kind && c.CSharp == csharp);
            Assert.True(change is not null, $"{pair}: no {kind} at {csharp} in\n{describe}");
            Assert.Equal(severity, change.Severity);
            Assert.Equal(LineOf(text, markers), change.Line);
            Assert.NotEmpty(change.Events);
            if (checkFile)
            {
                Assert.Equal(Path.GetFullPath(after), Path.GetFullPath(change.File!));
            }
        }

        if (pair == "2025-02-05-channel-added")
        {
            var channel = Assert.Single(changes);
            Assert.Contains("redemption.succeeded", channel.Events);
            Assert.Contains("voucher.loyalty_card.transaction.created", channel.Events);
            Assert.Equal("/components/schemas/SimpleRedemption/properties/channel", channel.NewPointer);
        }

        if (pair == "2025-03-12-loyalty-card-properties")
        {
            var balance = changes.Single(c => c.Kind == "property-became-optional");
            Assert.Contains("customer.order.updated", balance.Events);
            Assert.Equal("/components/schemas/SimpleLoyaltyCard/properties/balance", balance.NewPointer);
        }
    }

    /// <summary>The one-based line of the last marker, each searched after the one before.</summary>
    private static int LineOf(string text, string[] markers)
    {
        var index = 0;
        foreach (var marker in markers)
        {
            index = text.IndexOf(marker, index, StringComparison.Ordinal);
            Assert.True(index >= 0, $"marker {marker} not found");
            index += 1;
        }

        index--;
        return text.AsSpan(0, index).Count('\n') + 1;
    }
}
