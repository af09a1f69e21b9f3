using Hooksmith.Generator.Drift;
using Xunit;
using static Hooksmith.Generator.Tests.Drift.DriftDocuments;

namespace Hooksmith.Generator.Tests.Drift;

/// <summary>
/// The keywords beyond the first table — tuples, patterns, <c>not</c>, conditionals, dependencies,
/// <c>contains</c>, <c>propertyNames</c>, <c>const</c>, <c>multipleOf</c>, <c>uniqueItems</c> and the
/// member counts — each edit inside the shared <c>Order</c> one change for both events, in both
/// directions, straight from the schemas and through a lock.
/// </summary>
public sealed class DriftApplicatorRuleTests
{
    public static TheoryData<string, string, string, string, string> Edits => new()
    {
        // description, old Order, new Order, kind old→new, kind new→old
        { "a tuple position's type widens", Tuple("""{ "type": "integer" }"""), Tuple("""{ "type": ["integer", "string"] }"""), "type-changed", "type-narrowed" },
        { "a tuple loses its last position", StatusOrder("""{ "type": "array", "prefixItems": [{ "type": "string" }, { "type": "integer" }] }"""), StatusOrder("""{ "type": "array", "prefixItems": [{ "type": "string" }] }"""), "constraint-loosened", "constraint-tightened" },
        { "a draft-07 tuple (items as an array) widens", """{ "type": "object", "properties": { "id": { "type": "string" }, "status": { "type": "array", "items": [{ "type": "integer" }] } } }""", """{ "type": "object", "properties": { "id": { "type": "string" }, "status": { "type": "array", "items": [{ "type": "number" }] } } }""", "type-changed", "type-narrowed" },
        { "a pattern of extra members is added", """{ "type": "object", "properties": { "id": { "type": "string" } } }""", """{ "type": "object", "properties": { "id": { "type": "string" } }, "patternProperties": { "^x-": { "type": "string" } } }""", "additional-properties-changed", "additional-properties-changed" },
        { "a pattern's members are typed differently", """{ "type": "object", "patternProperties": { "^x-": { "type": "string" } } }""", """{ "type": "object", "patternProperties": { "^x-": { "type": "integer" } } }""", "additional-properties-changed", "additional-properties-changed" },
        { "not is added", StatusOrder("""{ "type": "string" }"""), StatusOrder("""{ "type": "string", "not": { "const": "VOID" } }"""), "constraint-tightened", "constraint-loosened" },
        { "not changes", StatusOrder("""{ "type": "string", "not": { "const": "VOID" } }"""), StatusOrder("""{ "type": "string", "not": { "const": "NONE" } }"""), "constraint-loosened", "constraint-loosened" },
        { "a conditional is added", """{ "type": "object", "properties": { "id": { "type": "string" } } }""", """{ "type": "object", "properties": { "id": { "type": "string" } }, "if": { "required": ["id"] } }""", "constraint-tightened", "constraint-loosened" },
        { "the if of a conditional changes", """{ "type": "object", "if": { "required": ["id"] }, "then": { "required": ["note"] } }""", """{ "type": "object", "if": { "required": ["note"] }, "then": { "required": ["note"] } }""", "constraint-loosened", "constraint-loosened" },
        { "a then branch widens a type", """{ "type": "object", "if": { "required": ["id"] }, "then": { "properties": { "id": { "type": "integer" } } } }""", """{ "type": "object", "if": { "required": ["id"] }, "then": { "properties": { "id": { "type": "number" } } } }""", "type-changed", "type-narrowed" },
        { "an else branch is added", """{ "type": "object", "if": { "required": ["id"] } }""", """{ "type": "object", "if": { "required": ["id"] }, "else": { "required": ["note"] } }""", "constraint-tightened", "constraint-loosened" },
        { "a dependent schema is added", """{ "type": "object", "properties": { "card": { "type": "string" } } }""", """{ "type": "object", "properties": { "card": { "type": "string" } }, "dependentSchemas": { "card": { "required": ["billing"] } } }""", "constraint-tightened", "constraint-loosened" },
        { "a dependent schema's type widens", """{ "type": "object", "dependentSchemas": { "card": { "properties": { "billing": { "type": "string" } } } } }""", """{ "type": "object", "dependentSchemas": { "card": { "properties": { "billing": { "type": ["string", "null"] } } } } }""", "nullable-added", "nullable-removed" },
        { "a dependent requirement drops a member", """{ "type": "object", "dependentRequired": { "card": ["billing", "cvc"] } }""", """{ "type": "object", "dependentRequired": { "card": ["billing"] } }""", "constraint-loosened", "constraint-tightened" },
        { "a draft-07 dependency drops a member", """{ "type": "object", "dependencies": { "card": ["billing", "cvc"] } }""", """{ "type": "object", "dependencies": { "card": ["billing"] } }""", "constraint-loosened", "constraint-tightened" },
        { "contains is added", StatusOrder("""{ "type": "array" }"""), StatusOrder("""{ "type": "array", "contains": { "const": "PAID" } }"""), "constraint-tightened", "constraint-loosened" },
        { "contains changes", StatusOrder("""{ "type": "array", "contains": { "const": "PAID" } }"""), StatusOrder("""{ "type": "array", "contains": { "const": "OPEN" } }"""), "constraint-loosened", "constraint-loosened" },
        { "minContains drops", StatusOrder("""{ "type": "array", "contains": { "type": "string" }, "minContains": 2 }"""), StatusOrder("""{ "type": "array", "contains": { "type": "string" }, "minContains": 1 }"""), "constraint-loosened", "constraint-tightened" },
        { "maxContains grows", StatusOrder("""{ "type": "array", "contains": { "type": "string" }, "maxContains": 2 }"""), StatusOrder("""{ "type": "array", "contains": { "type": "string" }, "maxContains": 3 }"""), "constraint-loosened", "constraint-tightened" },
        { "propertyNames is added", """{ "type": "object", "properties": { "id": { "type": "string" } } }""", """{ "type": "object", "properties": { "id": { "type": "string" } }, "propertyNames": { "maxLength": 8 } }""", "constraint-tightened", "constraint-loosened" },
        { "propertyNames changes", """{ "type": "object", "propertyNames": { "maxLength": 8 } }""", """{ "type": "object", "propertyNames": { "maxLength": 4 } }""", "constraint-loosened", "constraint-loosened" },
        { "a const is written as a one-value enum", StatusOrder("""{ "const": "PAID" }"""), StatusOrder("""{ "enum": ["PAID"] }"""), "none", "none" },
        { "multipleOf becomes a multiple of the old step", StatusOrder("""{ "type": "integer", "multipleOf": 2 }"""), StatusOrder("""{ "type": "integer", "multipleOf": 4 }"""), "constraint-tightened", "constraint-loosened" },
        { "uniqueItems is dropped", StatusOrder("""{ "type": "array", "uniqueItems": true }"""), StatusOrder("""{ "type": "array" }"""), "constraint-loosened", "constraint-tightened" },
        { "maxProperties grows", """{ "type": "object", "properties": { "id": { "type": "string" } }, "maxProperties": 3 }""", """{ "type": "object", "properties": { "id": { "type": "string" } }, "maxProperties": 5 }""", "constraint-loosened", "constraint-tightened" },
        { "minProperties grows", """{ "type": "object", "properties": { "id": { "type": "string" } }, "minProperties": 1 }""", """{ "type": "object", "properties": { "id": { "type": "string" } }, "minProperties": 2 }""", "constraint-tightened", "constraint-loosened" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Each_edit_is_one_change_of_its_kind_for_every_event_that_reaches_it(string edit, string oldOrder, string newOrder, string forward, string backward)
    {
        AssertChange(edit, Diff(oldOrder, newOrder), forward);
        AssertChange(edit + " (undone)", Diff(newOrder, oldOrder), backward);
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void A_lock_records_each_keyword_so_check_finds_the_same_change(string edit, string oldOrder, string newOrder, string forward, string backward)
    {
        var locked = LockFileReader.Read(LockFileWriter.Write(DriftScenario.SurfaceOf(WithOrder(oldOrder))), out var error);
        Assert.True(locked is not null, error);
        Assert.Equal(LockFileWriter.Write(DriftScenario.SurfaceOf(WithOrder(oldOrder))), LockFileWriter.Write(locked!));

        AssertChange(edit + " (checked)", SurfaceComparer.Compare(locked!, DriftScenario.SurfaceOf(WithOrder(newOrder))), forward);
        Assert.Empty(SurfaceComparer.Compare(locked!, DriftScenario.SurfaceOf(WithOrder(oldOrder))).Changes);
        _ = backward;
    }

    [Fact]
    public void A_const_that_changes_value_is_a_value_added_and_a_value_removed()
    {
        var report = Diff(StatusOrder("""{ "const": "PAID" }"""), StatusOrder("""{ "const": "OPEN" }"""));

        Assert.Equal(["enum-value-added", "enum-value-removed"], DriftScenario.Kinds(report));
        Assert.Equal([DriftSeverity.Warning, DriftSeverity.Info], [report.Changes[0].Severity, report.Changes[1].Severity]);
        Assert.All(report.Changes, change => Assert.Equal([Created, Updated], change.Events));
    }

    [Fact]
    public void A_change_behind_a_reference_in_not_is_a_change_of_not()
    {
        const string not = """{ "type": "string", "not": { "$ref": "#/components/schemas/Void" } }""";
        var before = WithOrder(StatusOrder(not), ", \"Void\": { \"const\": \"VOID\" }");
        var after = WithOrder(StatusOrder(not), ", \"Void\": { \"const\": \"NONE\" }");

        var change = Assert.Single(Diff2(before, after).Changes);
        Assert.Equal(("constraint-loosened", DriftSeverity.Warning), (change.Kind.Name, change.Severity));
        Assert.Equal([Created, Updated], change.Events);
    }

    [Theory]
    [InlineData("""{ "type": "object", "not": { "$ref": "#/components/schemas/void" } }""")]
    [InlineData("""{ "type": "object", "if": { "$ref": "#/components/schemas/void" }, "then": { "required": ["id"] } }""")]
    [InlineData("""{ "type": "object", "properties": { "tags": { "type": "array", "contains": { "$ref": "#/components/schemas/void" } } } }""")]
    [InlineData("""{ "type": "object", "propertyNames": { "$ref": "#/components/schemas/void" } }""")]
    [InlineData("""{ "type": "object", "patternProperties": { "^x-": { "$ref": "#/components/schemas/void" } } }""")]
    public void A_change_that_only_renames_a_generated_type_is_no_change_of_the_schemas_that_name_it(string order)
    {
        // 'Void' and 'void' both want the C# name Void; the second takes its title, so retitling it renames
        // its type and nothing else: a receiver is sent the same values.
        static string Document(string order, string title) => WithOrder(order, $$"""
            , "Void": { "type": "object", "properties": { "a": { "type": "string" } } },
              "void": { "title": "{{title}}", "type": "object", "properties": { "b": { "type": "integer" } } }
            """);
        var before = Document(order, "Nothing");
        var after = Document(order, "Empty");
        Assert.NotEqual(DriftScenario.SurfaceOf(before).Schemas["#/components/schemas/void"].Node.CSharpType, DriftScenario.SurfaceOf(after).Schemas["#/components/schemas/void"].Node.CSharpType);

        Assert.True(Diff2(before, after).Changes.Count == 0, DriftScenario.Describe(Diff2(before, after)));
        var locked = LockFileReader.Read(LockFileWriter.Write(DriftScenario.SurfaceOf(before)), out _)!;
        var checkedReport = SurfaceComparer.Compare(locked, DriftScenario.SurfaceOf(after));
        Assert.True(checkedReport.Changes.Count == 0, DriftScenario.Describe(checkedReport));

        // The schema it names changing is still a change.
        Assert.NotEmpty(Diff2(before, after.Replace("\"integer\"", "\"string\"", System.StringComparison.Ordinal)).Changes);
    }

    [Fact]
    public void UniqueItems_false_is_the_same_as_no_uniqueItems()
    {
        Assert.Empty(Diff(StatusOrder("""{ "type": "array" }"""), StatusOrder("""{ "type": "array", "uniqueItems": false }""")).Changes);
    }

    private static string Tuple(string first) => StatusOrder($$"""{ "type": "array", "prefixItems": [{{first}}, { "type": "string" }] }""");

    private static DriftReport Diff(string oldOrder, string newOrder) => DriftScenario.Diff(WithOrder(oldOrder), WithOrder(newOrder));

    private static DriftReport Diff2(string oldDocument, string newDocument) => DriftScenario.Diff(oldDocument, newDocument);

    private static void AssertChange(string edit, DriftReport report, string kind)
    {
        if (kind == "none")
        {
            Assert.True(report.Changes.Count == 0, $"{edit}: expected no change, got\n{DriftScenario.Describe(report)}");
            return;
        }

        Assert.True(report.Changes.Count == 1, $"{edit}: expected one {kind}, got\n{DriftScenario.Describe(report)}");
        var change = report.Changes[0];
        Assert.True(change.Kind.Name == kind, $"{edit}: expected {kind}, got\n{DriftScenario.Describe(report)}");
        Assert.Equal(DriftKind.Find(kind)!.DefaultSeverity, change.Severity);
        Assert.Equal([Created, Updated], change.Events);
        Assert.StartsWith("/components/schemas/Order", change.NewPointer ?? change.OldPointer, System.StringComparison.Ordinal);
        Assert.NotNull(change.Location);
        Assert.False(string.IsNullOrEmpty(change.CSharp));
        Assert.False(string.IsNullOrEmpty(change.Message));
    }
}
