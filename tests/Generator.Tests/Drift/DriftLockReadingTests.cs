using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Hooksmith.Generator.Drift;
using Hooksmith.Generator.Schema;
using Xunit;
using static Hooksmith.Generator.Tests.Drift.DriftDocuments;

namespace Hooksmith.Generator.Tests.Drift;

/// <summary>
/// The build reads a lock entry by entry against the current surface (<see cref="LockFileReader.ReadAgainst"/>):
/// entries written as now are the current nodes, only the others are parsed, and the comparer skips what
/// reaches no changed schema. Whatever the lock, it must report exactly what reading the lock whole does
/// (<c>hooksmith check</c>): the same kinds, severities, pointers, lines, events, C# members and messages.
/// </summary>
public sealed class DriftLockReadingTests
{
    private static readonly string Corpus = Path.Combine(TestPaths.SharedDir, "corpus", "voucherify");

    public static TheoryData<string> HistoryVersions => new()
    {
        "2025-01-28-event-added/before.json", "2025-01-28-event-added/after.json", "2025-02-05-channel-added/after.json", "2025-03-10-examples-only/after.json",
        "2025-03-12-loyalty-card-properties/before.json", "2025-03-12-loyalty-card-properties/after.json", "2025-03-17-mapping-points-type/after.json",
    };

    [Theory]
    [MemberData(nameof(DriftRuleTests.Edits), MemberType = typeof(DriftRuleTests))]
    public void Each_rule_edit_is_reported_alike_read_by_entry_or_whole(string edit, string oldOrder, string newOrder, string forward, string backward)
    {
        _ = (edit, forward, backward);
        AssertSameReports(WithOrder(oldOrder, DriftRuleTests.Shared), WithOrder(newOrder, DriftRuleTests.Shared));
        AssertSameReports(WithOrder(newOrder, DriftRuleTests.Shared), WithOrder(oldOrder, DriftRuleTests.Shared));
    }

    [Theory]
    [MemberData(nameof(DriftApplicatorRuleTests.Edits), MemberType = typeof(DriftApplicatorRuleTests))]
    public void Each_keyword_edit_is_reported_alike_read_by_entry_or_whole(string edit, string oldOrder, string newOrder, string forward, string backward)
    {
        _ = (edit, forward, backward);
        AssertSameReports(WithOrder(oldOrder), WithOrder(newOrder));
        AssertSameReports(WithOrder(newOrder), WithOrder(oldOrder));
    }

    [Theory]
    [MemberData(nameof(HistoryVersions))]
    public void A_lock_of_a_published_version_is_reported_alike_against_the_current_spec(string version)
    {
        // As the benchmarks' scenario: an older version's lock (its events under 'paths') in a project with today's file.
        var old = File.ReadAllText(Path.Combine(Corpus, "history", version));
        var current = File.ReadAllText(Path.Combine(Corpus, "OpenAPIWebhooks.json"));
        var report = AssertSameReports(old, current, EventSources.Webhooks | EventSources.Paths);
        Assert.NotEmpty(report.Changes);
    }

    [Theory]
    [InlineData("2025-01-28-event-added")]
    [InlineData("2025-02-05-channel-added")]
    [InlineData("2025-03-12-loyalty-card-properties")]
    [InlineData("2025-03-17-mapping-points-type")]
    public void Each_history_pair_is_reported_alike_read_by_entry_or_whole(string pair)
    {
        var before = File.ReadAllText(Path.Combine(Corpus, "history", pair, "before.json"));
        var after = File.ReadAllText(Path.Combine(Corpus, "history", pair, "after.json"));
        Assert.NotEmpty(AssertSameReports(before, after, EventSources.Paths).Changes);
        AssertSameReports(after, before, EventSources.Paths);
    }

    [Fact]
    public void Random_edits_of_a_lock_are_reported_alike_read_by_entry_or_whole()
    {
        // The lock of today's file, edited at random as a reviewer or an older spec might have it: members
        // dropped or added, types, nullability, enums, required and bounds changed, schemas and events gone.
        var current = DriftScenario.SurfaceOf(File.ReadAllText(Path.Combine(Corpus, "OpenAPIWebhooks.json")), EventSources.Webhooks, "/project/OpenAPIWebhooks.json");
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var locked = LockFileReader.Read(LockFileWriter.Write(current), out var error)!;
            Assert.True(locked is not null, error);
            var edits = 1 + random.Next(6);
            for (var i = 0; i < edits; i++)
            {
                Edit(locked, random);
            }

            var lockText = LockFileWriter.Write(locked);
            var whole = SurfaceComparer.Compare(LockFileReader.Read(lockText, out _)!, current);
            var byEntry = SurfaceComparer.Compare(LockFileReader.ReadAgainst(lockText, current, out _, out _)!, current);
            Assert.True(Describe(whole) == Describe(byEntry), $"seed {seed}:\nwhole:\n{Describe(whole)}\nby entry:\n{Describe(byEntry)}");
        }
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("an entry is not JSON")]
    [InlineData("another top-level member")]
    [InlineData("another format")]
    [InlineData("an event written otherwise")]
    [InlineData("reindented")]
    [InlineData("crlf")]
    public void A_lock_not_as_written_is_read_as_reading_it_whole_reads_it(string how)
    {
        var old = WithOrder(StatusOrder("""{ "type": "string", "enum": ["PAID"] }"""));
        var current = DriftScenario.SurfaceOf(WithOrder(StatusOrder("""{ "type": "string", "enum": ["PAID", "OPEN"] }""")));
        var text = LockFileWriter.Write(DriftScenario.SurfaceOf(old));
        text = how switch
        {
            "truncated" => text.Substring(0, text.Length / 2),
            "an entry is not JSON" => text.Replace("\"PAID\"]", "\"PAID\",]", StringComparison.Ordinal),
            "another top-level member" => text.Replace("\"events\":", "\"note\": { \"by\": \"me\" },\n  \"events\":", StringComparison.Ordinal),
            "another format" => text.Replace("hooksmith-lock/1", "hooksmith-lock/9", StringComparison.Ordinal),
            "an event written otherwise" => text.Replace("\"key\": \"order.created\",", "\"key\": \"order.created\", \"extra\": 1,", StringComparison.Ordinal),
            "reindented" => text.Replace("\n    ", "\n\t", StringComparison.Ordinal),
            _ => text.Replace("\n", "\r\n", StringComparison.Ordinal),
        };

        var whole = LockFileReader.Read(text, out var wholeError);
        var byEntry = LockFileReader.ReadAgainst(text, current, out var unchanged, out var byEntryError);
        Assert.Equal(wholeError, byEntryError);
        Assert.False(unchanged);
        Assert.Equal(whole is null, byEntry is null);
        if (whole is not null)
        {
            Assert.Equal(Describe(SurfaceComparer.Compare(whole, current)), Describe(SurfaceComparer.Compare(byEntry!, current)));
            Assert.NotEmpty(SurfaceComparer.Compare(byEntry!, current).Changes);
        }
    }

    [Fact]
    public void An_entry_written_as_now_is_the_current_node_and_only_the_others_are_parsed()
    {
        var current = DriftScenario.SurfaceOf(WithOrder(StatusOrder("""{ "type": "string", "enum": ["PAID", "OPEN"] }""")));
        var text = LockFileWriter.Write(DriftScenario.SurfaceOf(WithOrder(StatusOrder("""{ "type": "string", "enum": ["PAID"] }"""))));
        var locked = LockFileReader.ReadAgainst(text, current, out var unchanged, out _)!;
        Assert.True(locked.IsLock);
        Assert.False(unchanged);
        Assert.NotSame(current.Schemas["#/components/schemas/Order"], locked.Schemas["#/components/schemas/Order"]);
        Assert.Same(current.Schemas["#/components/schemas/OrderCreated"], locked.Schemas["#/components/schemas/OrderCreated"]);
        Assert.Same(current.Events[Created], locked.Events[Created]);
        var change = Assert.Single(SurfaceComparer.Compare(locked, current).Changes);
        Assert.Equal("enum-value-added", change.Kind.Name);
        Assert.Equal([Created, Updated], change.Events);
    }

    [Theory]
    [InlineData("as written")]
    [InlineData("crlf")]
    [InlineData("a final newline more")]
    [InlineData("entries in another order")]
    public void A_lock_of_the_schemas_as_they_are_is_unchanged_and_nothing_is_parsed(string how)
    {
        var current = DriftScenario.SurfaceOf(WithOrder(StatusOrder("""{ "type": "string", "enum": ["PAID"] }""")));
        var text = LockFileWriter.Write(current);
        text = how switch
        {
            "crlf" => text.Replace("\n", "\r\n", StringComparison.Ordinal),
            "a final newline more" => text + "\n",
            "entries in another order" => Reorder(text),
            _ => text,
        };

        var locked = LockFileReader.ReadAgainst(text, current, out var unchanged, out var error);
        Assert.True(error is null, error);
        Assert.True(unchanged);
        Assert.All(current.Schemas, entry => Assert.Same(entry.Value, locked!.Schemas[entry.Key]));
        Assert.All(current.Events, entry => Assert.Same(entry.Value, locked!.Events[entry.Key]));
    }

    [Theory]
    [InlineData("a schema more")]
    [InlineData("a schema less")]
    [InlineData("an event less")]
    [InlineData("a schema twice")]
    [InlineData("documentation fingerprinted")]
    public void A_lock_with_an_entry_more_less_or_twice_is_not_unchanged(string how)
    {
        var current = DriftScenario.SurfaceOf(WithOrder(StatusOrder("""{ "type": "string", "enum": ["PAID"] }""")));
        var text = LockFileWriter.Write(current);
        const string order = "\"#/components/schemas/Order\": ";
        var orderValue = text.Substring(text.IndexOf(order, StringComparison.Ordinal) + order.Length);
        orderValue = orderValue.Substring(0, orderValue.IndexOf("\n    }", StringComparison.Ordinal) + 6);
        text = how switch
        {
            "a schema more" => text.Replace(order, "\"#/components/schemas/Extra\": " + orderValue + ",\n    " + order, StringComparison.Ordinal),
            "a schema less" => text.Replace(order + orderValue + ",", string.Empty, StringComparison.Ordinal).Replace(",\n    " + order + orderValue, string.Empty, StringComparison.Ordinal),
            "an event less" => LockFileWriter.Write(WithoutEvent(current)),
            "a schema twice" => text.Replace(order, order + orderValue + ",\n    " + order, StringComparison.Ordinal),
            _ => text.Replace("\"format\": \"hooksmith-lock/1\",", "\"format\": \"hooksmith-lock/1\",\n  \"docs\": true,", StringComparison.Ordinal),
        };

        Assert.NotEqual(LockFileWriter.Write(current), text);
        var locked = LockFileReader.ReadAgainst(text, current, out var unchanged, out var error);
        Assert.True(error is null, error);
        Assert.NotNull(locked);
        Assert.False(unchanged);
    }

    private static SchemaSurface WithoutEvent(SchemaSurface surface)
    {
        var copy = LockFileReader.Read(LockFileWriter.Write(surface), out _)!;
        copy.Events.Remove(Updated);
        return copy;
    }

    /// <summary>The lock with its schemas' entries in reverse order (a hand edit; JSON members have no order).</summary>
    private static string Reorder(string text)
    {
        var layout = LockLayout.Of(text)!;
        var entries = layout.Schemas.Select(e => $"\"{e.Name}\": {text.Substring(e.Value.Start, e.Value.Length)}").Reverse();
        var start = text.IndexOf("\"schemas\": {", StringComparison.Ordinal) + "\"schemas\": {".Length;
        return text.Substring(0, start) + "\n    " + string.Join(",\n    ", entries) + "\n  }\n}\n";
    }

    private static DriftReport AssertSameReports(string oldJson, string newJson, EventSources eventsFrom = EventSources.Webhooks)
    {
        var lockText = LockFileWriter.Write(DriftScenario.SurfaceOf(oldJson, eventsFrom, "/project/old.json"));
        var current = DriftScenario.SurfaceOf(newJson, eventsFrom, "/project/spec.json");
        var whole = SurfaceComparer.Compare(LockFileReader.Read(lockText, out var error)!, current);
        Assert.True(error is null, error);
        foreach (var text in new[] { lockText, lockText.Replace("\n", "\r\n", StringComparison.Ordinal) })
        {
            var byEntry = SurfaceComparer.Compare(LockFileReader.ReadAgainst(text, current, out var unchanged, out error)!, current);
            Assert.True(error is null, error);
            Assert.Equal(whole.Changes.Count == 0 && LockFileWriter.Write(DriftScenario.SurfaceOf(oldJson, eventsFrom, "/project/old.json")) == LockFileWriter.Write(current), unchanged);
            Assert.Equal(Describe(whole), Describe(byEntry));
        }

        return whole;
    }

    /// <summary>
    /// The report, one line per change, with the old pointer of a branch written as a branch: a lock does
    /// not record whether a branch was under <c>oneOf</c> or <c>anyOf</c>, nor its place, and rebuilds
    /// <c>/anyOf/</c> and the sorted position, while an entry read as now has the current file's
    /// (<c>/oneOf/0</c>), the one the provider's document has (see docs/drift.md, "What it costs").
    /// </summary>
    private static string Describe(DriftReport report)
        => string.Join("\n", report.Changes.Select(c => $"{c.Kind.Name} {c.Severity} {Branches(c.OldPointer)} -> {c.NewPointer} @{c.Location?.Line}:{c.Location?.Column} [{string.Join(",", c.Events)}] {c.CSharp}: {c.Message}"));

    private static string? Branches(string? pointer)
        => pointer is null ? null : System.Text.RegularExpressions.Regex.Replace(pointer, "/(oneOf|anyOf|allOf)/[0-9]+", "/$1/#").Replace("/oneOf/", "/anyOf/", StringComparison.Ordinal);

    /// <summary>One random edit of a lock's surface.</summary>
    private static void Edit(SchemaSurface surface, Random random)
    {
        var keys = surface.Schemas.Keys.ToList();
        switch (random.Next(8))
        {
            case 0:
                surface.Schemas.Remove(keys[random.Next(keys.Count)]);
                return;
            case 1:
                var events = surface.Events.Keys.ToList();
                surface.Events.Remove(events[random.Next(events.Count)]);
                return;
        }

        var nodes = new List<SurfaceNode>();
        Collect(surface.Schemas[keys[random.Next(keys.Count)]].Node, nodes);
        var node = nodes[random.Next(nodes.Count)];
        switch (random.Next(7))
        {
            case 0 when node.Properties.Count > 0:
                node.Properties.Remove(node.Properties.Keys.ElementAt(random.Next(node.Properties.Count)));
                break;
            case 1:
                node.Properties["added_" + random.Next(100)] = new SurfaceProperty("Added", new SurfaceNode { Types = ["string"] }, null);
                break;
            case 2:
                node.Types = node.Types is { Count: > 0 } ? null : ["string"];
                break;
            case 3:
                node.Nullable = !node.Nullable;
                break;
            case 4:
                node.Enum = node.Enum is null ? ["\"A\""] : [.. node.Enum, "\"NEW\""];
                break;
            case 5 when node.Required.Count > 0:
                node.Required.Remove(node.Required.First());
                break;
            default:
                node.Bounds["maxLength"] = random.Next(1, 50).ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
        }
    }

    private static void Collect(SurfaceNode node, List<SurfaceNode> nodes)
    {
        nodes.Add(node);
        foreach (var property in node.Properties.Values)
        {
            Collect(property.Node, nodes);
        }

        foreach (var child in node.Variants.Concat(node.AllOf).Concat(node.Applicators.Values).Concat(new[] { node.Items, node.AdditionalProperties }.OfType<SurfaceNode>()))
        {
            Collect(child, nodes);
        }
    }
}
