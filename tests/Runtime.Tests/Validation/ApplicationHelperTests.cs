using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Hooksmith.Validation;

namespace Hooksmith.Runtime.Tests.Validation;

/// <summary>
/// The runtime calls that hold what every generated validator used to spell out: applying a subschema to each item
/// (<see cref="ValidationContext.ApplyToItems"/>, <see cref="ValidationContext.CheckItemTypes"/>), rejecting a member
/// that <c>additionalProperties: false</c> forbids (<see cref="ValidationContext.RejectMember"/>) and reporting missing
/// <c>required</c> members (<see cref="ValidationContext.FailMissing"/>), applying a member's schema through a location that
/// only wraps it: their errors, in order, and where they stop.
/// </summary>
public sealed class ApplicationHelperTests
{
    private const string Resource = "https://example.com/order.json";
    private const string Schema = Resource + "#";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Items_are_checked_in_order_at_their_index_and_stop_only_in_first_failure_mode(bool firstFailure)
    {
        using var document = JsonDocument.Parse("[1, \"a\", 2, null, \"b\"]");
        var calls = 0;
        bool IsString(in JsonElement item, ValidationContext context, EvaluatedLocations? evaluated)
        {
            calls++;
            return context.CheckType(item, StreamTypes.String, Schema + "/items", "string");
        }

        var applied = Run(document, (in JsonElement instance, ValidationContext context) =>
        {
            var valid = true;
            return !context.ApplyToItems(instance, "/items", IsString, ref valid) && valid;
        }, firstFailure);
        var checkedTypes = Run(document, (in JsonElement instance, ValidationContext context) =>
        {
            var valid = true;
            return !context.CheckItemTypes(instance, "/items", StreamTypes.String, Schema + "/items", "string", ref valid) && valid;
        }, firstFailure);

        string[] failing = firstFailure ? ["/0"] : ["/0", "/2", "/3"];
        foreach (var result in new[] { applied, checkedTypes })
        {
            Assert.False(result.IsValid);
            Assert.Equal(failing, result.Errors.Select(e => e.InstanceLocation));
            Assert.All(result.Errors, e => Assert.Equal(("/items/type", Schema + "/items/type"), (e.KeywordLocation, e.SchemaLocation)));
        }

        Assert.Equal(firstFailure ? 1 : 5, calls);
    }

    [Fact]
    public void Items_of_an_empty_array_or_all_valid_pass()
    {
        foreach (var text in new[] { "[]", "[\"a\", \"b\"]" })
        {
            using var document = JsonDocument.Parse(text);
            var result = Run(document, (in JsonElement instance, ValidationContext context) =>
            {
                var valid = true;
                return !context.CheckItemTypes(instance, "/items", StreamTypes.String, Schema + "/items", "string", ref valid) && valid;
            }, firstFailure: false);
            Assert.True(result.IsValid, text);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_forbidden_member_is_reported_at_its_location_as_additional_properties(bool firstFailure)
    {
        using var document = JsonDocument.Parse("{\"id\":\"a\",\"extra\":1,\"more\":2}");
        var seen = new List<string>();
        var result = Run(document, (in JsonElement instance, ValidationContext context) =>
        {
            var valid = true;
            foreach (var property in instance.EnumerateObject())
            {
                seen.Add(property.Name);
                if (property.Name != "id" && context.RejectMember(property, "/additionalProperties", Schema + "/additionalProperties", "additionalProperties", ref valid))
                {
                    return false;
                }
            }

            return valid;
        }, firstFailure);

        Assert.False(result.IsValid);
        string[] expected = firstFailure ? ["/extra"] : ["/extra", "/more"];
        Assert.Equal(expected, result.Errors.Select(e => e.InstanceLocation));
        Assert.All(result.Errors, e => Assert.Equal(("/additionalProperties", "additionalProperties", Schema + "/additionalProperties"), (e.KeywordLocation, e.Keyword, e.SchemaLocation)));
        Assert.Equal(firstFailure ? 2 : 3, seen.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Missing_members_are_reported_in_the_order_required_lists_them(bool firstFailure)
    {
        using var document = JsonDocument.Parse("{\"b\":1}");

        // properties: a (bit 0), b (bit 1), c (bit 2); required: c, b, a.
        var result = Run(document, (in JsonElement instance, ValidationContext context) =>
        {
            var valid = true;
            return !context.FailMissing(ref valid, Schema, instance, present: 0x2UL, [(0x4UL, "c"), (0x2UL, "b"), (0x1UL, "a")]) && valid;
        }, firstFailure);

        Assert.False(result.IsValid);
        var missing = result.Errors.Select(e => (e.KeywordLocation, e.SchemaLocation, e.Message)).ToList();
        var expected = new List<(string, string?, string)> { ("/required", Schema + "/required", "required property 'c' is missing"), ("/required", Schema + "/required", "required property 'a' is missing") };
        Assert.Equal(firstFailure ? expected.Take(1).ToList() : expected, missing);
    }

    [Fact]
    public void Nothing_missing_reports_nothing()
    {
        using var document = JsonDocument.Parse("{\"a\":1,\"b\":2}");
        var result = Run(document, (in JsonElement instance, ValidationContext context) =>
        {
            var valid = true;
            return !context.FailMissing(ref valid, Schema, instance, present: 0x3UL, [(0x2UL, "b"), (0x1UL, "a")]) && valid;
        }, firstFailure: false);
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_member_applied_through_a_wrapping_location_reports_the_path_through_it(bool firstFailure)
    {
        using var document = JsonDocument.Parse("{\"a\":1,\"b\":2}");
        static bool IsString(in JsonElement value, ValidationContext context, EvaluatedLocations? evaluated)
            => context.CheckType(value, StreamTypes.String, "https://example.com/other.json#/$defs/Name", "string");

        var result = Run(document, (in JsonElement instance, ValidationContext context) =>
        {
            var valid = true;
            foreach (var property in instance.EnumerateObject())
            {
                if (context.ApplyToMember(property, "/properties/" + property.Name, "/allOf/0", IsString, ref valid, null, "https://example.com/other.json"))
                {
                    return false;
                }
            }

            return valid;
        }, firstFailure);

        Assert.False(result.IsValid);
        var expected = new List<(string, string, string?)>
        {
            ("/a", "/properties/a/allOf/0/type", "https://example.com/other.json#/$defs/Name/type"),
            ("/b", "/properties/b/allOf/0/type", "https://example.com/other.json#/$defs/Name/type"),
        };
        Assert.Equal(firstFailure ? expected.Take(1).ToList() : expected, result.Errors.Select(e => (e.InstanceLocation, e.KeywordLocation, e.SchemaLocation)).ToList());
    }

    private delegate bool Body(in JsonElement instance, ValidationContext context);

    private static ValidationResult Run(JsonDocument document, Body body, bool firstFailure)
        => ValidationContext.Run(document.RootElement, (in JsonElement instance, ValidationContext context, EvaluatedLocations? _) => body(instance, context), Resource, firstFailure ? ValidationOptions.FirstFailure : null);
}
