using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Drift;
using Xunit;
using static Hooksmith.Generator.Tests.Drift.DriftDocuments;

namespace Hooksmith.Generator.Tests.Drift;

/// <summary>The rule table, kind by kind, in both directions: each edit inside the shared <c>Order</c> is one change, for both events.</summary>
public sealed class DriftRuleTests
{
    public static TheoryData<string, string, string, string, string> Edits => new()
    {
        // description, old Order, new Order, kind old→new, kind new→old
        { "a property goes", """{ "type": "object", "properties": { "id": { "type": "string" }, "note": { "type": "string" } } }""", """{ "type": "object", "properties": { "id": { "type": "string" } } }""", "property-removed", "property-added" },
        { "required is dropped", """{ "type": "object", "properties": { "id": { "type": "string" } }, "required": ["id"] }""", """{ "type": "object", "properties": { "id": { "type": "string" } } }""", "property-became-optional", "property-became-required" },
        { "null is allowed by type", StatusOrder("""{ "type": "string" }"""), StatusOrder("""{ "type": ["string", "null"] }"""), "nullable-added", "nullable-removed" },
        { "null is allowed by nullable", StatusOrder("""{ "type": "string" }"""), StatusOrder("""{ "type": "string", "nullable": true }"""), "nullable-added", "nullable-removed" },
        { "null is allowed by a branch", StatusOrder("""{ "anyOf": [{ "type": "string" }] }"""), StatusOrder("""{ "anyOf": [{ "type": "string" }, { "type": "null" }] }"""), "nullable-added", "nullable-removed" },
        { "integer becomes number", StatusOrder("""{ "type": "integer" }"""), StatusOrder("""{ "type": "number" }"""), "type-changed", "type-narrowed" },
        { "a string may be an integer", StatusOrder("""{ "type": "string" }"""), StatusOrder("""{ "type": ["string", "integer"] }"""), "type-changed", "type-narrowed" },
        { "no type becomes object", """{ "properties": { "id": { "type": "string" } } }""", """{ "type": "object", "properties": { "id": { "type": "string" } } }""", "type-narrowed", "type-changed" },
        { "a format changes", StatusOrder("""{ "type": "string", "format": "date-time" }"""), StatusOrder("""{ "type": "string", "format": "date" }"""), "format-changed", "format-changed" },
        { "a format goes", StatusOrder("""{ "type": "string", "format": "date-time" }"""), StatusOrder("""{ "type": "string" }"""), "format-changed", "format-changed" },
        { "a date-time format is added", StatusOrder("""{ "type": "string" }"""), StatusOrder("""{ "type": "string", "format": "date-time" }"""), "format-changed", "format-changed" },
        { "a date format replaces date-time", StatusOrder("""{ "type": "string", "format": "date" }"""), StatusOrder("""{ "type": "string", "format": "date-time" }"""), "format-changed", "format-changed" },
        { "a text format is added", StatusOrder("""{ "type": "string" }"""), StatusOrder("""{ "type": "string", "format": "email" }"""), "constraint-tightened", "constraint-loosened" },
        { "an integer format is added", StatusOrder("""{ "type": "integer" }"""), StatusOrder("""{ "type": "integer", "format": "int32" }"""), "constraint-tightened", "constraint-loosened" },
        { "a text format is swapped", StatusOrder("""{ "type": "string", "format": "email" }"""), StatusOrder("""{ "type": "string", "format": "uri" }"""), "format-changed", "format-changed" },
        { "a text format becomes date", StatusOrder("""{ "type": "string", "format": "uuid" }"""), StatusOrder("""{ "type": "string", "format": "date" }"""), "format-changed", "format-changed" },
        { "an enum gains a value", StatusOrder("""{ "type": "string", "enum": ["PAID", "OPEN"] }"""), StatusOrder("""{ "type": "string", "enum": ["PAID", "OPEN", "REFUNDED"] }"""), "enum-value-added", "enum-value-removed" },
        { "a const becomes an enum", StatusOrder("""{ "const": "PAID" }"""), StatusOrder("""{ "enum": ["PAID", "OPEN"] }"""), "enum-value-added", "enum-value-removed" },
        { "a oneOf gains a branch", StatusOrder("""{ "oneOf": [{ "type": "string" }, { "type": "integer" }] }"""), StatusOrder("""{ "oneOf": [{ "type": "string" }, { "type": "integer" }, { "type": "boolean" }] }"""), "variant-added", "variant-removed" },
        { "an anyOf gains a referenced branch", StatusOrder("""{ "anyOf": [{ "$ref": "#/components/schemas/Card" }] }"""), StatusOrder("""{ "anyOf": [{ "$ref": "#/components/schemas/Card" }, { "$ref": "#/components/schemas/Cash" }] }"""), "variant-added", "variant-removed" },
        { "maxLength grows", StatusOrder("""{ "type": "string", "maxLength": 5 }"""), StatusOrder("""{ "type": "string", "maxLength": 10 }"""), "constraint-loosened", "constraint-tightened" },
        { "minimum drops", StatusOrder("""{ "type": "integer", "minimum": 1 }"""), StatusOrder("""{ "type": "integer", "minimum": 0 }"""), "constraint-loosened", "constraint-tightened" },
        { "a pattern goes", StatusOrder("""{ "type": "string", "pattern": "^[A-Z]+$" }"""), StatusOrder("""{ "type": "string" }"""), "constraint-loosened", "constraint-tightened" },
        { "maxItems goes", StatusOrder("""{ "type": "array", "items": { "type": "string" }, "maxItems": 3 }"""), StatusOrder("""{ "type": "array", "items": { "type": "string" } }"""), "constraint-loosened", "constraint-tightened" },
        { "extra members are allowed", """{ "type": "object", "properties": { "id": { "type": "string" } }, "additionalProperties": false }""", """{ "type": "object", "properties": { "id": { "type": "string" } } }""", "additional-properties-changed", "constraint-tightened" },
        { "extra members become typed", """{ "type": "object", "properties": { "id": { "type": "string" } }, "additionalProperties": false }""", """{ "type": "object", "properties": { "id": { "type": "string" } }, "additionalProperties": { "type": "string" } }""", "additional-properties-changed", "constraint-tightened" },
        { "a property is deprecated", StatusOrder("""{ "type": "string" }"""), StatusOrder("""{ "type": "string", "deprecated": true }"""), "deprecated-added", "deprecated-removed" },
        { "an item's type widens", StatusOrder("""{ "type": "array", "items": { "type": "integer" } }"""), StatusOrder("""{ "type": "array", "items": { "type": ["integer", "string"] } }"""), "type-changed", "type-narrowed" },
        { "an allOf member gains a property", """{ "allOf": [{ "$ref": "#/components/schemas/Base" }, { "type": "object", "properties": { "id": { "type": "string" } } }] }""", """{ "allOf": [{ "$ref": "#/components/schemas/Base" }, { "type": "object", "properties": { "id": { "type": "string" }, "note": { "type": "string" } } }] }""", "property-added", "property-removed" },
    };

    internal const string Shared = """
        ,
              "Card": { "type": "object", "properties": { "last4": { "type": "string" } } },
              "Cash": { "type": "object", "properties": { "currency": { "type": "string" } } },
              "Base": { "type": "object", "properties": { "created_at": { "type": "string" } } }
        """;

    [Theory]
    [MemberData(nameof(Edits))]
    public void Each_edit_is_one_change_of_its_kind_for_every_event_that_reaches_it(string edit, string oldOrder, string newOrder, string forward, string backward)
    {
        AssertOneChange(edit, DriftScenario.Diff(WithOrder(oldOrder, Shared), WithOrder(newOrder, Shared)), forward);
        AssertOneChange(edit + " (undone)", DriftScenario.Diff(WithOrder(newOrder, Shared), WithOrder(oldOrder, Shared)), backward);
    }

    private static void AssertOneChange(string edit, DriftReport report, string kind)
    {
        var change = Assert.Single(report.Changes);
        Assert.True(change.Kind.Name == kind, $"{edit}: expected {kind}, got\n{DriftScenario.Describe(report)}");
        Assert.Equal(DriftKind.Find(kind)!.DefaultSeverity, change.Severity);
        Assert.Equal([Created, Updated], change.Events);
        Assert.StartsWith("/components/schemas/Order", change.NewPointer ?? change.OldPointer, System.StringComparison.Ordinal);
        Assert.NotNull(change.Location);
        Assert.False(string.IsNullOrEmpty(change.CSharp));
        Assert.False(string.IsNullOrEmpty(change.Message));
    }

    [Fact]
    public void Severities_follow_the_table()
    {
        var expected = new Dictionary<string, DriftSeverity>
        {
            ["event-removed"] = DriftSeverity.Breaking, ["property-removed"] = DriftSeverity.Breaking, ["property-became-optional"] = DriftSeverity.Breaking,
            ["nullable-added"] = DriftSeverity.Breaking, ["type-changed"] = DriftSeverity.Breaking, ["format-changed"] = DriftSeverity.Breaking,
            ["event-added"] = DriftSeverity.Warning, ["enum-value-added"] = DriftSeverity.Warning, ["variant-added"] = DriftSeverity.Warning,
            ["constraint-loosened"] = DriftSeverity.Warning, ["additional-properties-changed"] = DriftSeverity.Warning, ["deprecated-added"] = DriftSeverity.Warning,
            ["property-added"] = DriftSeverity.Info, ["property-became-required"] = DriftSeverity.Info, ["nullable-removed"] = DriftSeverity.Info,
            ["enum-value-removed"] = DriftSeverity.Info, ["constraint-tightened"] = DriftSeverity.Info, ["variant-removed"] = DriftSeverity.Info,
            ["type-narrowed"] = DriftSeverity.Info, ["schema-added"] = DriftSeverity.Info, ["schema-removed"] = DriftSeverity.Info,
        };
        foreach (var entry in expected)
        {
            Assert.Equal(entry.Value, DriftKind.Find(entry.Key)!.DefaultSeverity);
        }

        Assert.Equal(DriftKind.All.Count, DriftKind.All.Select(k => k.DiagnosticId).Distinct().Count());
    }

    [Fact]
    public void An_event_added_is_a_warning_and_removed_is_breaking_and_both_name_the_event()
    {
        const string extra = """
            ,
                "order.deleted": { "post": { "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": { "id": { "type": "string" } } } } } } } }
            """;
        var order = StatusOrder("""{ "type": "string" }""");
        var added = Assert.Single(DriftScenario.Diff(WithOrder(order), WithOrder(order, moreWebhooks: extra)).Changes);
        Assert.Equal(("event-added", DriftSeverity.Warning, "order.deleted"), (added.Kind.Name, added.Severity, added.Events.Single()));
        Assert.Equal("OrderDeleted", added.CSharp);
        var removed = Assert.Single(DriftScenario.Diff(WithOrder(order, moreWebhooks: extra), WithOrder(order)).Changes);
        Assert.Equal(("event-removed", DriftSeverity.Breaking, "order.deleted"), (removed.Kind.Name, removed.Severity, removed.Events.Single()));
        Assert.Equal("old.json", removed.Location!.File);
    }

    [Fact]
    public void A_schema_no_event_reaches_is_added_removed_and_changed_as_info_only()
    {
        var order = StatusOrder("""{ "type": "string" }""");
        const string unused = """
            ,
                  "Unused": { "type": "object", "properties": { "a": { "type": "string" } }, "required": ["a"] }
            """;
        const string unusedChanged = """
            ,
                  "Unused": { "type": "object", "properties": { "a": { "type": "integer" } } }
            """;
        var added = Assert.Single(DriftScenario.Diff(WithOrder(order), WithOrder(order, unused)).Changes);
        Assert.Equal(("schema-added", DriftSeverity.Info), (added.Kind.Name, added.Severity));
        Assert.Empty(added.Events);
        var removed = Assert.Single(DriftScenario.Diff(WithOrder(order, unused), WithOrder(order)).Changes);
        Assert.Equal(("schema-removed", DriftSeverity.Info), (removed.Kind.Name, removed.Severity));
        var changed = DriftScenario.Diff(WithOrder(order, unused), WithOrder(order, unusedChanged));
        Assert.Equal(["property-became-optional", "type-changed"], DriftScenario.Kinds(changed).OrderBy(k => k));
        Assert.All(changed.Changes, c => Assert.Equal(DriftSeverity.Info, c.Severity));
    }

    [Fact]
    public void In_a_file_without_events_every_named_schema_is_judged_in_full()
    {
        const string before = """{ "$defs": { "Order": { "type": "object", "properties": { "id": { "type": "string" } }, "required": ["id"] } } }""";
        const string after = """{ "$defs": { "Order": { "type": "object", "properties": { "id": { "type": "string" } } } } }""";
        var change = Assert.Single(DriftScenario.Diff(before, after).Changes);
        Assert.Equal(("property-became-optional", DriftSeverity.Breaking), (change.Kind.Name, change.Severity));
    }

    [Fact]
    public void Docs_changes_are_reported_only_when_asked_for()
    {
        var before = WithOrder(StatusOrder("""{ "type": "string", "description": "The status." }"""));
        var after = WithOrder(StatusOrder("""{ "type": "string", "description": "The order's status.", "example": "PAID" }"""));
        Assert.Empty(DriftScenario.Diff(before, after).Changes);
        var change = Assert.Single(DriftScenario.Diff(before, after, options: new DriftOptions(SeverityTable.Default, IncludeDocs: true)).Changes);
        Assert.Equal("docs-changed", change.Kind.Name);
    }

    [Fact]
    public void A_team_overrides_a_kind_severity_or_turns_it_off()
    {
        var before = WithOrder(StatusOrder("""{ "type": "string", "enum": ["PAID"] }"""));
        var after = WithOrder(StatusOrder("""{ "type": "string", "enum": ["PAID", "OPEN"] }"""));
        var table = new SeverityTable();
        Assert.True(table.TrySet("enum-value-added", "breaking"));
        Assert.Equal(DriftSeverity.Breaking, Assert.Single(DriftScenario.Diff(before, after, options: new DriftOptions(table, false)).Changes).Severity);
        Assert.True(table.TrySet("enum-value-added", "none"));
        Assert.Empty(DriftScenario.Diff(before, after, options: new DriftOptions(table, false)).Changes);
        Assert.False(table.TrySet("no-such-kind", "info"));
        Assert.False(table.TrySet("enum-value-added", "fatal"));
    }

    [Fact]
    public void A_change_names_the_generated_enum_kind_and_the_member_it_touches()
    {
        var before = WithOrder(StatusOrder("""{ "type": "string", "enum": ["PAID"] }"""));
        var after = WithOrder(StatusOrder("""{ "type": "string", "enum": ["PAID", "OPEN"] }"""));
        var change = Assert.Single(DriftScenario.Diff(before, after).Changes);
        Assert.Equal("OrderStatus.Kind", change.CSharp);
        Assert.Equal("/components/schemas/Order/properties/status", change.NewPointer);

        var removed = Assert.Single(DriftScenario.Diff(WithOrder(StatusOrder("""{ "type": "string" }""")), WithOrder("""{ "type": "object", "properties": { "id": { "type": "string" } }, "required": ["id"] }""")).Changes, c => c.Kind.Name == "property-removed");
        Assert.Equal("Order.Status", removed.CSharp);
        Assert.Equal("/components/schemas/Order/properties/status", removed.OldPointer);
        Assert.Null(removed.NewPointer);
    }
}
